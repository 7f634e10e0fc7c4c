import { CATEGORY_LABEL, EVENT_STATUS_LABEL, URGENCY_LABEL } from '../../../types/grid-enums'
import type { MyDataRow } from '../../../types/mydata'
import { COL } from '../../shared/collections'
import { ownRecords } from '../../shared/personal-data'
import type { EventDoc } from '../../grid/public'
import { at, col, querySection, txt, type SectionSource } from './table'

/** 我的数据 of 网格吹哨: the events the person reported. */

export const eventRow = (e: EventDoc): MyDataRow => ({
  category: CATEGORY_LABEL[e.category] ?? e.category,
  description: e.description,
  place: txt([e.estateName, e.buildingName, e.place].filter(Boolean).join(' ')),
  urgency: URGENCY_LABEL[e.urgency] ?? e.urgency,
  status: EVENT_STATUS_LABEL[e.status] ?? e.status,
  handler: txt(e.handler?.name),
  rating: e.rating ?? null,
  photos: e.photos?.length ?? 0,
  createdAt: at(e.createdAt),
  closedAt: at(e.closedAt),
})

export const events: SectionSource = querySection<EventDoc>({
  columns: [
    col('category', '类别'),
    col('description', '描述'),
    col('place', '地点'),
    col('urgency', '紧急程度'),
    col('status', '状态'),
    col('handler', '处置方'),
    col('rating', '我的评价', 'number'),
    col('photos', '照片（张）', 'number'),
    col('createdAt', '上报时间', 'time'),
    col('closedAt', '办结时间', 'time'),
  ],
  collection: COL.gridEvents,
  where: (w) => ownRecords(COL.gridEvents, 'reporter', w.actor.openid),
  order: [['createdAt', 'desc']],
  row: eventRow,
})
