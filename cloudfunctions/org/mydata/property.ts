import { DIMENSIONS, DIMENSION_LABEL, RECT_STATUS_LABEL, type RatingStatus } from '../../../types/property-enums'
import type { MyDataColumnView, MyDataRow } from '../../../types/mydata'
import { COL } from '../../shared/collections'
import { ownRecords } from '../../shared/personal-data'
import type { PeriodDoc, RatingDoc, RectificationDoc } from '../../property/public'
import { at, byIds, col, querySection, txt, type SectionSource } from './table'

/** 我的数据 of 物业红黑榜: the ratings the person gave (the company never sees who gave them). */

const RATING_STATUS_LABEL: Record<RatingStatus, string> = {
  counted: '已计入',
  held: '待街道复核',
  rejected: '复核后不计入',
  excluded: '异议成立后剔除',
}

interface Joined {
  periods: Map<string, PeriodDoc>
  items: Map<string, RectificationDoc>
}

export function propertyRatingRow(r: RatingDoc, j: Joined): MyDataRow {
  const item = r.rectificationId ? j.items.get(r.rectificationId) : undefined
  return {
    period: j.periods.get(r.periodId)?.label ?? null,
    company: r.companyName,
    estate: txt(r.estateName),
    address: txt(r.address),
    ...Object.fromEntries(DIMENSIONS.map((d) => [d, r.stars?.[d] ?? null])),
    comment: txt(r.comment),
    photos: r.photos?.length ?? 0,
    status: RATING_STATUS_LABEL[r.status] ?? r.status,
    answer: txt(r.answer),
    rectification: item ? (RECT_STATUS_LABEL[item.status] ?? item.status) : null,
    createdAt: at(r.createdAt),
    updatedAt: at(r.updatedAt),
    edits: r.edits ?? 0,
  }
}

const columns: MyDataColumnView[] = [
  col('period', '评价周期'),
  col('company', '物业公司'),
  col('estate', '小区'),
  col('address', '房屋'),
  ...DIMENSIONS.map((d) => col(d, `${DIMENSION_LABEL[d]}（星）`, 'number')),
  col('comment', '意见'),
  col('photos', '照片（张）', 'number'),
  col('status', '状态'),
  col('answer', '物业答复'),
  col('rectification', '整改'),
  col('createdAt', '评价时间', 'time'),
  col('updatedAt', '最近修改', 'time'),
  col('edits', '修改次数', 'number'),
]

export const propertyRatings: SectionSource = querySection<RatingDoc, Joined>({
  columns,
  collection: COL.propertyRatings,
  where: (w) => ownRecords(COL.propertyRatings, 'raterOpenid', w.actor.openid),
  order: [['createdAt', 'desc']],
  join: async (w, docs) => {
    const [periods, items] = await Promise.all([
      byIds<PeriodDoc>(
        w.db,
        COL.propertyPeriods,
        docs.map((r) => r.periodId),
      ),
      byIds<RectificationDoc>(
        w.db,
        COL.propertyRectifications,
        docs.flatMap((r) => (r.rectificationId ? [r.rectificationId] : [])),
      ),
    ])
    return { periods, items }
  },
  row: propertyRatingRow,
})
