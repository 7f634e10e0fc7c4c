import type { MyDataRow } from '../../../types/mydata'
import { COL } from '../../shared/collections'
import { ownRecords } from '../../shared/personal-data'
import type { PhotoDoc } from '../../shared/photos'
import { at, col, querySection, type SectionSource } from './table'

/** 我的数据 of stored files: every photo the person uploaded, from the upload register. */

/** Where a photo was uploaded for, by the folder its function stores it under. */
const FOLDER_LABEL: Record<string, string> = {
  'council/photos': '议事会议题',
  'property/photos': '物业评价',
  'grid/photos': '网格事件',
}

export const photoRow = (p: PhotoDoc): MyDataRow => ({
  photo: p.fileId,
  use: FOLDER_LABEL[p.folder] ?? '其他',
  kb: Math.max(1, Math.round(p.bytes / 1024)),
  at: at(p.at),
})

export const photos: SectionSource = querySection<PhotoDoc>({
  columns: [
    col('photo', '照片', 'photo'),
    col('use', '用于'),
    col('kb', '大小（KB）', 'number'),
    col('at', '上传时间', 'time'),
  ],
  collection: COL.photos,
  where: (w) => ownRecords(COL.photos, 'owner', w.actor.openid),
  order: [['at', 'desc']],
  row: photoRow,
})
