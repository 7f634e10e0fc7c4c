import ExcelJS from 'exceljs'
import { DIMENSIONS, DIMENSION_LABEL, LIST_INPUTS_FORMAT, OBJECTION_EFFECT_LABEL, PLACEMENT_LABEL, type ListInputsView } from '../../../types/property'
import type { Ctx } from '../../shared/dispatch'
import { notFound } from '../../shared/errors'
import { storeFile } from '../../shared/storage'
import { LINK_SECONDS, storeWorkbook, styleHeader } from '../../shared/workbook'
import { repo, type PublicationDoc } from '../repo'
import { effectView, withEffects } from '../views'

/** 核算数据 of a published list: what anyone needs to recompute it (docs/property.md, docs/recompute-list.mjs). */

const iso = (d: Date) => new Date(d).toISOString()

export function listInputsOf(p: PublicationDoc): ListInputsView {
  return {
    format: LIST_INPUTS_FORMAT,
    publicationId: p._id, streetId: p.streetId, periodId: p.periodId, periodLabel: p.periodLabel,
    periodStart: iso(p.periodStart), periodEnd: iso(p.periodEnd), version: p.version, publishedAt: iso(p.publishedAt), cutoff: iso(p.cutoff),
    ruleVersion: p.ruleVersion, rule: p.rule, dimensions: [...DIMENSIONS], inputs: p.inputs,
    effects: (p.effects ?? []).map(effectView),
    published: { streetMean: p.streetMean, entries: withEffects(p.entries, p.effects) },
  }
}

async function publication(ctx: Ctx<{ publicationId: string }>): Promise<PublicationDoc> {
  const pub = await repo.publication(ctx.db, ctx.input.publicationId)
  if (!pub) throw notFound('榜单')
  return pub
}

export const listInputs = {
  async run(ctx: Ctx<{ publicationId: string }>) {
    return listInputsOf(await publication(ctx))
  },
}

const RULE_ROWS: [string, (r: ListInputsView['rule']) => string | number][] = [
  ['评价周期', (r) => (r.cadence === 'quarterly' ? '每季度' : '每月')],
  ['权重：居民满意度', (r) => r.weights.satisfaction],
  ['权重：社区评价', (r) => r.weights.community],
  ['权重：整改率', (r) => r.weights.rectification],
  ...DIMENSIONS.map((d): [string, (r: ListInputsView['rule']) => number] => [`满意度内权重：${DIMENSION_LABEL[d]}`, (r) => r.dimensionWeights[d]]),
  ['红榜线（≥）', (r) => r.redThreshold],
  ['黑榜线（<）', (r) => r.blackThreshold],
  ['最低样本（户）', (r) => r.minSample],
  ['未整改事项上限（件）', (r) => r.unresolvedLimit],
]

/** The same data as a workbook: 说明, 规则, 核算输入 (one row per company), 榜单. */
function workbookOf(d: ListInputsView): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook()
  const about = wb.addWorksheet('说明')
  for (const row of [
    ['榜单', `${d.periodLabel}红黑榜 第 ${d.version} 版`],
    ['发布时间', d.publishedAt],
    ['数据截止', d.cutoff],
    ['评分规则', `第 ${d.ruleVersion} 版`],
    ['街道平均满意度', d.published.streetMean],
    ['核算方法', '见《物业红黑榜》文档“自己复算”一节；也可用同一榜单的 JSON 文件运行 recompute-list.mjs'],
  ]) about.addRow(row)
  const rule = wb.addWorksheet('规则')
  styleHeader(rule.addRow(['参数', '取值']))
  for (const [label, value] of RULE_ROWS) rule.addRow([label, value(d.rule)])
  const inputs = wb.addWorksheet('核算输入')
  styleHeader(inputs.addRow(['公司编号', '物业公司', '评价户数', ...DIMENSIONS.map((k) => `${DIMENSION_LABEL[k]}星数合计`), '社区评价均分', '整改事项', '已整改', '未整改（截止时）', '其中往期']))
  for (const c of d.inputs) {
    inputs.addRow([c.companyId, c.companyName, c.households, ...DIMENSIONS.map((k) => c.sums[k]), c.communityScore ?? '暂无', c.rectTotal, c.rectResolved, c.rectUnresolved, c.rectUnresolvedEarlier ?? 0])
  }
  const list = wb.addWorksheet('榜单')
  styleHeader(list.addRow(['名次', '物业公司', '榜单', '综合得分', '居民满意度', '社区评价', '整改率%', '评价户数', '原因', '异议处理']))
  for (const e of d.published.entries) {
    const effects = (e.effects ?? []).map((x) => `${OBJECTION_EFFECT_LABEL[x.kind]}${x.excluded ? ` ${x.excluded} 条` : ''}：${x.text}`).join('；')
    list.addRow([e.rank ?? '—', e.companyName, PLACEMENT_LABEL[e.placement], e.score, e.satisfaction, e.communityScore ?? '暂无', e.rectificationRate, e.households, e.reasons.join('；'), effects])
  }
  return wb
}

/**
 * The 核算数据 as a file in storage, at one path per publication and format (a publication never
 * changes, so asking again rewrites the same content rather than adding files).
 */
export const listDownload = {
  async run(ctx: Ctx<{ publicationId: string; format: 'json' | 'xlsx' }>) {
    const data = listInputsOf(await publication(ctx))
    const base = `exports/property/inputs/${data.publicationId.replace(/[^\w.-]/g, '_')}`
    const fileName = `核算数据-${data.periodLabel}-第${data.version}版.${ctx.input.format}`
    const stored = ctx.input.format === 'json'
      ? await storeFile(`${base}.json`, Buffer.from(JSON.stringify(data, null, 2), 'utf8'), LINK_SECONDS)
      : await storeWorkbook(`${base}.xlsx`, workbookOf(data), LINK_SECONDS)
    return { fileID: stored.fileId, url: stored.url, fileName }
  },
}
