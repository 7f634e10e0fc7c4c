import { PRESET_LABEL } from '../../../types/council'
import { publicResult } from '../../council/public'
import { repo, type VoteDoc } from '../../council/public'
import { cnTime } from '../../shared/clock'
import { conflict, ensure, notFound } from '../../shared/errors'
import { exportKind } from '../kind'
import { stamp, styleHeader, xlsxName } from '../workbook'

const share = (n: number, d: number) => (d ? Math.round((n / d) * 10000) / 100 : 0)
const yes = (b: boolean) => (b ? '是' : '否')

type Counted = VoteDoc & { result: NonNullable<VoteDoc['result']> }

/**
 * A closed vote's result (council's rule: the secretary of its community, once counted): the rule,
 * participation, and per option the households and whether it met the approval rule. Built from the
 * public result (no ballot is read) and, like every other output, without area sums
 * (council/domain/disclosure.ts): it names no household.
 */
export const councilVote = exportKind({
  action: 'council.vote',
  async load(ctx): Promise<Counted> {
    const v = await repo.vote(ctx.db, ctx.input.voteId)
    if (!v) throw notFound('表决')
    ensure(ctx.actor.isSecretaryOf(v.communityId), '只能导出您所在社区的表决')
    if (!v.result) throw conflict('表决计票后才能导出结果')
    return v as Counted
  },
  file: (v, now) => ({
    cloudPath: `exports/council/${v._id}-${stamp(now)}.xlsx`,
    fileName: xlsxName(v.title, '表决结果'),
  }),
  sheets(wb, v) {
    const r = publicResult(v.result)
    const ws = wb.addWorksheet('表决结果')
    ws.columns = [{ width: 22 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 20 }]
    ws.addRow(['表决事项', v.title]).font = { bold: true, size: 14 }
    ws.addRow(['参与范围', v.scope.label])
    ws.addRow(['表决时间', `${cnTime(v.opensAt)} 至 ${cnTime(v.closesAt)}`])
    ws.addRow(['计票规则', `${PRESET_LABEL[r.rule.preset]}：${r.rule.text}`])
    ws.addRow(['计票时间', cnTime(v.result.computedAt)])
    ws.addRow(['结果', `${r.passed ? '通过' : '未通过'}：${r.summary}`]).font = {
      bold: true,
      color: { argb: r.passed ? 'FF1F7A3D' : 'FFC8161D' },
    }
    if (v.revote)
      ws.addRow([
        '重新表决',
        `理由：${v.revote.reason}；前次表决「${v.revote.previousTitle}」：${publicResult(v.revote.previousResult).summary}`,
      ])
    ws.addRow([])
    const p = r.participation
    ws.addRow(['参与', '户数', '应参与户数', '参与率 %', '面积达到参与门槛']).font = { bold: true }
    const area = p.area
      ? `${yes(p.area.met)}${p.area.percent !== null ? `（约 ${p.area.percent}%）` : ''}`
      : '不按面积计算'
    ws.addRow(['参与表决', p.households.count, p.households.total, share(p.households.count, p.households.total), area])
    ws.addRow(['达到参与门槛', yes(p.met)])
    ws.addRow([])
    styleHeader(
      ws.addRow(['选项', '户数', '占参与户数 %', r.rule.byArea ? '户数和面积均达到同意门槛' : '达到同意门槛']),
    )
    for (const o of r.options) ws.addRow([o.label, o.households, share(o.households, r.ballots), yes(o.approvalMet)])
    ws.addRow([])
    ws.addRow([
      '说明',
      '本表由计票结果生成，不含任何住户或个人的选择，也不含面积合计（已知各户面积时，面积合计可推出个别住户的选择）。',
    ])
    return r.options.length
  },
  audit: (v, file) => ({ target: `council_votes/${v._id}`, after: { exported: file.cloudPath } }),
})
