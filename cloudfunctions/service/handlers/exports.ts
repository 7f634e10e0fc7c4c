import ExcelJS from 'exceljs'
import { GRADE_LABEL } from '../../../types/service'
import { SUMMONS_STATE_LABEL } from '../../../types/grid'
import { LINK_SECONDS, storeWorkbook, styleHeader } from '../../shared/workbook'
import type { Ctx } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { ensure, notFound } from '../../shared/errors'
import { dayOf } from '../domain/period'
import { ratingAvgTenths } from '../domain/wishes'
import { load, type LedgerDoc } from '../repo'

/** Excel exports, made in the function with exceljs, uploaded to cloud storage, handed back as a link. */

const EXPORT_PAGE = 100
/** An export reads at most this many ledgers (10 requests); a community has far fewer members. */
const EXPORT_MAX = 1000

const upload = (cloudPath: string, wb: ExcelJS.Workbook) => storeWorkbook(cloudPath, wb, LINK_SECONDS)


const stamp = (d: Date) => d.toISOString().replace(/[-:T]/g, '').slice(0, 14)

export const exportLedgers = {
  async run(ctx: Ctx<{ communityId: string; year: number }>) {
    const { db, actor, input, now } = ctx
    ensure(actor.isSecretaryOf(input.communityId), '只能导出您所在社区的台账')
    const community = await load.community(db, input.communityId)
    if (!community) throw notFound('社区')
    const rows: LedgerDoc[] = []
    for (let skip = 0; skip < EXPORT_MAX; skip += EXPORT_PAGE) {
      const { data } = await db.collection(COL.svcLedgers).where({ communityId: input.communityId, period: String(input.year) })
        .orderBy('minutes', 'desc').skip(skip).limit(EXPORT_PAGE).get()
      rows.push(...(data as LedgerDoc[]))
      if (data.length < EXPORT_PAGE) break
    }
    const wb = new ExcelJS.Workbook()
    wb.creator = '同心圆'
    const ws = wb.addWorksheet(`${input.year}年党员服务台账`)
    ws.columns = [
      { header: '姓名', key: 'name', width: 12 },
      { header: '工作单位', key: 'unit', width: 26 },
      { header: '服务时长（分钟）', key: 'minutes', width: 16 },
      { header: '服务时长（小时）', key: 'hours', width: 16 },
      { header: '参加活动（次）', key: 'activities', width: 14 },
      { header: '完成心愿（个）', key: 'wishes', width: 14 },
      { header: '居民评价（均分）', key: 'rating', width: 16 },
    ]
    for (const l of rows) {
      const avg = ratingAvgTenths(l.ratingSum, l.ratingCount)
      ws.addRow({ name: l.name, unit: l.unitName, minutes: l.minutes, hours: Math.round(l.minutes / 6) / 10, activities: l.activities, wishes: l.wishes, rating: avg === undefined ? '' : avg / 10 })
    }
    styleHeader(ws.getRow(1))
    ws.addRow([])
    ws.addRow(['说明：本表为服务记录，按服务时长排列，仅为记录，不作为考核评分。'])
    const fileName = `${community.name}-${input.year}年党员服务台账.xlsx`
    const file = await upload(`exports/service/${input.communityId}/ledgers-${input.year}-${stamp(now)}.xlsx`, wb)
    await ctx.audit(`exports/${file.fileId}`, null, { kind: 'ledgers', communityId: input.communityId, year: input.year, rows: rows.length })
    return { ...file, fileName, rows: rows.length }
  },
}

export const exportLetter = {
  async run(ctx: Ctx<{ letterId: string }>) {
    const { db, actor, input, now } = ctx
    const letter = await load.letter(db, input.letterId)
    if (!letter) throw notFound('反馈函')
    ensure(actor.has('unit_liaison', letter.unitId) || actor.isSecretaryOf(letter.communityId), '只能导出本单位或本社区的反馈函')
    const wb = new ExcelJS.Workbook()
    wb.creator = '同心圆'
    const ws = wb.addWorksheet(`${letter.quarter} 双反馈`)
    ws.columns = [
      { header: '姓名', key: 'name', width: 12 },
      { header: '服务时长（分钟）', key: 'minutes', width: 16 },
      { header: '参加活动（次）', key: 'activities', width: 14 },
      { header: '完成心愿（个）', key: 'wishes', width: 14 },
    ]
    for (const r of letter.rows) ws.addRow({ name: r.name, minutes: r.minutes, activities: r.activities, wishes: r.wishes })
    styleHeader(ws.getRow(1))
    ws.addRow([])
    ws.addRow([`${letter.communityName} 致 ${letter.unitName}：${letter.quarter} 在职党员社区服务情况反馈`])
    ws.addRow([`第 ${letter.version} 版，${dayOf(letter.issuedAt)} 出具；合计服务 ${letter.totalMinutes} 分钟；出具人 ${letter.issuedByName}`])
    if (letter.supersededAt) ws.addRow([`本版已被第 ${letter.version + 1} 版取代（${dayOf(letter.supersededAt)}，${letter.supersededByName ?? ''}）`])
    if (letter.note) ws.addRow([`社区意见：${letter.note}`])
    const w = letter.whistles
    if (w && w.summoned > 0) {
      ws.addRow([`网格吹哨：召集 ${w.summoned} 次，按时应答 ${w.onTime} 次，逾期 ${w.late} 次，未应答 ${w.silent} 次`])
      for (const s of w.items) ws.addRow([`${s.eventTitle}：${SUMMONS_STATE_LABEL[s.state]}${s.answerText ? `，${s.answerText}` : ''}`])
    }
    if (letter.acknowledgedByName) ws.addRow([`单位签收：${letter.acknowledgedByName}`])
    ws.addRow([`评议等级说明：${Object.values(GRADE_LABEL).join(' / ')}`])
    const fileName = `${letter.unitName}-${letter.quarter}-双反馈函-第${letter.version}版.xlsx`
    const file = await upload(`exports/service/${letter.communityId}/letter-${letter.unitId}-${letter.quarter}-v${letter.version}-${stamp(now)}.xlsx`, wb)
    await ctx.audit(`exports/${file.fileId}`, null, { kind: 'letter', letterId: letter._id, version: letter.version })
    return { ...file, fileName, rows: letter.rows.length }
  },
}
