import ExcelJS from 'exceljs'
import { HIDDEN_TEXT } from '../../../types/moderation'
import { stateOf } from '../../shared/moderation'
import { DIMENSIONS, DIMENSION_LABEL, PLACEMENT_LABEL } from '../../../types/property'
import type { Ctx } from '../../shared/dispatch'
import { storeWorkbook } from '../../shared/workbook'
import { COL } from '../../shared/collections'
import { ensure, notFound } from '../../shared/errors'
import { readAll, repo, type PublicationDoc, type RatingDoc } from '../repo'

/** Rows per export (a street's period): read in pages of 1000, the server's largest page. */
export const EXPORT_CAP = 20_000
const STATUS = { counted: '已计入', held: '待复核', rejected: '不计入', excluded: '异议成立后剔除' } as const

/** A period's ratings (anonymous) and its live list as an .xlsx in cloud storage. */
export const exportPeriod = {
  async run(ctx: Ctx<{ periodId: string }>) {
    const { db, actor, input, now } = ctx
    const period = await repo.period(db, input.periodId)
    if (!period) throw notFound('评价周期')
    ensure(actor.isStreetAdminOf(period.streetId), '只能导出您所在街道的数据')
    const [ratings, pubs] = await Promise.all([
      readAll<RatingDoc>(db, COL.propertyRatings, { periodId: period._id }, '_id', EXPORT_CAP, 1000),
      db.collection(COL.propertyPublications).where({ periodId: period._id, live: true }).limit(1).get(),
    ])
    const pub = pubs.data[0] as PublicationDoc | undefined
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('居民评价')
    ws.addRow(['物业公司', '小区', ...DIMENSIONS.map((d) => DIMENSION_LABEL[d]), '意见', '状态', '物业答复', '更新时间'])
    for (const r of ratings) {
      ws.addRow([r.companyName, r.estateName, ...DIMENSIONS.map((d) => r.stars[d]), (r.hidden ? HIDDEN_TEXT[stateOf(r)!] : r.comment ?? ''), STATUS[r.status], r.answer ?? '', new Date(r.updatedAt).toISOString()])
    }
    const ls = wb.addWorksheet('红黑榜')
    ls.addRow(['名次', '物业公司', '榜单', '综合得分', '居民满意度', '社区评价', '整改率%', '评价户数', '原因'])
    for (const e of pub?.entries ?? []) {
      ls.addRow([e.rank ?? '—', e.companyName, PLACEMENT_LABEL[e.placement], e.score, e.satisfaction, e.communityScore ?? '暂无', e.rectificationRate, e.households, e.reasons.join('；')])
    }
    if (!pub) ls.addRow(['本期榜单尚未发布'])
    const { fileId, url } = await storeWorkbook(`exports/property/${period.key}-${now.getTime()}.xlsx`, wb)
    return { fileID: fileId, url, rows: ratings.length }
  },
}
