import ExcelJS from 'exceljs'
import { PRESET_LABEL } from '../../../types/council'
import { LINK_SECONDS, storeWorkbook, styleHeader } from '../../shared/workbook'
import type { Ctx } from '../../shared/dispatch'
import { conflict, ensure, notFound } from '../../shared/errors'
import { publicResult } from '../domain/disclosure'
import { cnTime } from '../notices'
import { repo } from '../repo'

const share = (n: number, d: number) => (d ? Math.round((n / d) * 10000) / 100 : 0)
const yes = (b: boolean) => (b ? '是' : '否')

/**
 * A closed vote's result as an Excel workbook: the rule, participation, and per option the
 * households and whether it met the approval rule. Built from the public result (no ballot is read)
 * and, like every other output, without area sums (domain/disclosure.ts): it names no household.
 */
export const voteExport = {
  async run(ctx: Ctx<{ voteId: string }>) {
    const { db, actor, now } = ctx
    const v = await repo.vote(db, ctx.input.voteId)
    if (!v) throw notFound('表决')
    ensure(actor.isSecretaryOf(v.communityId), '只能导出您所在社区的表决')
    if (!v.result) throw conflict('表决计票后才能导出结果')
    const r = publicResult(v.result)
    const wb = new ExcelJS.Workbook()
    wb.creator = '同心圆'
    const ws = wb.addWorksheet('表决结果')
    ws.columns = [{ width: 22 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 20 }]
    ws.addRow(['表决事项', v.title]).font = { bold: true, size: 14 }
    ws.addRow(['参与范围', v.scope.label])
    ws.addRow(['表决时间', `${cnTime(v.opensAt)} 至 ${cnTime(v.closesAt)}`])
    ws.addRow(['计票规则', `${PRESET_LABEL[r.rule.preset]}：${r.rule.text}`])
    ws.addRow(['计票时间', cnTime(v.result.computedAt)])
    ws.addRow(['结果', `${r.passed ? '通过' : '未通过'}：${r.summary}`]).font = { bold: true, color: { argb: r.passed ? 'FF1F7A3D' : 'FFC8161D' } }
    if (v.revote) ws.addRow(['重新表决', `理由：${v.revote.reason}；前次表决「${v.revote.previousTitle}」：${publicResult(v.revote.previousResult).summary}`])
    ws.addRow([])
    const p = r.participation
    ws.addRow(['参与', '户数', '应参与户数', '参与率 %', '面积达到参与门槛']).font = { bold: true }
    const area = p.area ? `${yes(p.area.met)}${p.area.percent !== null ? `（约 ${p.area.percent}%）` : ''}` : '不按面积计算'
    ws.addRow(['参与表决', p.households.count, p.households.total, share(p.households.count, p.households.total), area])
    ws.addRow(['达到参与门槛', yes(p.met)])
    ws.addRow([])
    const head = ws.addRow(['选项', '户数', '占参与户数 %', r.rule.byArea ? '户数和面积均达到同意门槛' : '达到同意门槛'])
    styleHeader(head)
    for (const o of r.options) ws.addRow([o.label, o.households, share(o.households, r.ballots), yes(o.approvalMet)])
    ws.addRow([])
    ws.addRow(['说明', '本表由计票结果生成，不含任何住户或个人的选择，也不含面积合计（已知各户面积时，面积合计可推出个别住户的选择）。'])
    const cloudPath = `exports/council/${v._id}-${now.toISOString().replace(/[-:T]/g, '').slice(0, 14)}.xlsx`
    const stored = await storeWorkbook(cloudPath, wb, LINK_SECONDS)
    await ctx.audit(`council_votes/${v._id}`, null, { exported: cloudPath })
    return stored
  },
}
