import { COMMITMENT_STATE_LABEL, commitmentState } from '../../../types/joint'
import { SUMMONS_STATE_LABEL } from '../../../types/grid'
import { GRADE_LABEL } from '../../../types/service'
import { mayReadUnitRecords } from '../../service/public'
import { dayOf } from '../../shared/period'
import { ratingAvgTenths } from '../../service/public'
import { listYearLedgers, repo, type CommunityRef, type LedgerDoc, type LetterDoc } from '../../service/public'
import { ensure, notFound } from '../../shared/errors'
import { exportKind } from '../kind'
import { stamp, styleHeader, xlsxName } from '../workbook'

/** An export reads at most this many ledgers (10 requests); a community has far fewer members. */
const LEDGERS_MAX = 1000

/** A community's yearly service ledgers, longest service first — for its secretary. */
export const serviceLedgers = exportKind({
  action: 'service.ledgers',
  async load(ctx): Promise<{ community: CommunityRef; year: number; rows: LedgerDoc[] }> {
    const { db, actor, input } = ctx
    ensure(actor.isSecretaryOf(input.communityId), '只能导出您所在社区的台账')
    const community = await repo.community(db, input.communityId)
    if (!community) throw notFound('社区')
    return { community, year: input.year, rows: await listYearLedgers(db, community._id, input.year, LEDGERS_MAX) }
  },
  file: ({ community, year }, now) => ({
    cloudPath: `exports/service/${community._id}/ledgers-${year}-${stamp(now)}.xlsx`,
    fileName: xlsxName(community.name, `${year}年党员服务台账`),
  }),
  sheets(wb, { year, rows }) {
    const ws = wb.addWorksheet(`${year}年党员服务台账`)
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
      ws.addRow({
        name: l.name,
        unit: l.unitName,
        minutes: l.minutes,
        hours: Math.round(l.minutes / 6) / 10,
        activities: l.activities,
        wishes: l.wishes,
        rating: avg === undefined ? '' : avg / 10,
      })
    }
    styleHeader(ws.getRow(1))
    ws.addRow([])
    ws.addRow(['说明：本表为服务记录，按服务时长排列，仅为记录，不作为考核评分。'])
    return rows.length
  },
  audit: ({ community, year }, file) => ({
    target: `exports/${file.cloudPath}`,
    after: { kind: 'ledgers', communityId: community._id, year, rows: file.rows },
  }),
})

/** One version of a 双反馈 letter, as issued — for the unit's liaison and the community's secretary (service's rule for unit records). */
export const serviceLetter = exportKind({
  action: 'service.letter',
  async load(ctx): Promise<LetterDoc> {
    const letter = await repo.letter(ctx.db, ctx.input.letterId)
    if (!letter) throw notFound('反馈函')
    ensure(mayReadUnitRecords(ctx.actor.roles, letter), '只能导出本单位或本社区的反馈函')
    return letter
  },
  file: (letter, now) => ({
    cloudPath: `exports/service/${letter.communityId}/letter-${letter.unitId}-${letter.quarter}-v${letter.version}-${stamp(now)}.xlsx`,
    fileName: xlsxName(letter.unitName, letter.quarter, '双反馈函', `第${letter.version}版`),
  }),
  sheets(wb, letter) {
    const ws = wb.addWorksheet(`${letter.quarter} 双反馈`)
    ws.columns = [
      { header: '姓名', key: 'name', width: 12 },
      { header: '服务时长（分钟）', key: 'minutes', width: 16 },
      { header: '参加活动（次）', key: 'activities', width: 14 },
      { header: '完成心愿（个）', key: 'wishes', width: 14 },
    ]
    for (const r of letter.rows)
      ws.addRow({ name: r.name, minutes: r.minutes, activities: r.activities, wishes: r.wishes })
    styleHeader(ws.getRow(1))
    ws.addRow([])
    ws.addRow([`${letter.communityName} 致 ${letter.unitName}：${letter.quarter} 在职党员社区服务情况反馈`])
    ws.addRow([
      `第 ${letter.version} 版，${dayOf(letter.issuedAt)} 出具；合计服务 ${letter.totalMinutes} 分钟；出具人 ${letter.issuedByName}`,
    ])
    if (letter.supersededAt)
      ws.addRow([
        `本版已被第 ${letter.version + 1} 版取代（${dayOf(letter.supersededAt)}，${letter.supersededByName ?? ''}）`,
      ])
    if (letter.note) ws.addRow([`社区意见：${letter.note}`])
    const w = letter.whistles
    if (w && w.summoned > 0) {
      ws.addRow([`网格吹哨：召集 ${w.summoned} 次，按时应答 ${w.onTime} 次，逾期 ${w.late} 次，未应答 ${w.silent} 次`])
      for (const s of w.items)
        ws.addRow([`${s.eventTitle}：${SUMMONS_STATE_LABEL[s.state]}${s.answerText ? `，${s.answerText}` : ''}`])
    }
    const cs = letter.commitments ?? []
    if (cs.length) {
      ws.addRow([`联席会议认领：${cs.length} 项，已办结 ${cs.filter((c) => c.status === 'done').length} 项`])
      for (const c of cs) {
        const last = c.progress[c.progress.length - 1]
        ws.addRow([
          `${c.problem}：${COMMITMENT_STATE_LABEL[commitmentState(c)]}；${c.affiliation.name}（${c.memberName}）承诺${c.commitment}，期限 ${c.deadline}${last ? `；最新进展：${last.text}` : ''}`,
        ])
      }
    }
    if (letter.acknowledgedByName) ws.addRow([`单位签收：${letter.acknowledgedByName}`])
    ws.addRow([`评议等级说明：${Object.values(GRADE_LABEL).join(' / ')}`])
    return letter.rows.length
  },
  audit: (letter, file) => ({
    target: `exports/${file.cloudPath}`,
    after: { kind: 'letter', letterId: letter._id, version: letter.version },
  }),
})
