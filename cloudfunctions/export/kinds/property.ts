import {
  COMMITTEE_BODY_LABEL,
  COVERAGE_KINDS,
  COVERAGE_LABEL,
  DIMENSIONS,
  DIMENSION_LABEL,
  OBJECTION_EFFECT_LABEL,
  PARTY_ORG_LABEL,
  PLACEMENT_LABEL,
  type ListInputsView,
} from '../../../types/property'
import { coverageOfStreet } from '../../property/public'
import { readAll, repo, type PeriodDoc, type PublicationDoc, type RatingDoc } from '../../property/public'
import { listInputsOf } from '../../property/public'
import { COL } from '../../shared/collections'
import { ensure, notFound } from '../../shared/errors'
import { exportKind } from '../kind'
import type { PlainCell } from '../plain-xlsx'
import { stamp, styleHeader, xlsxName } from '../workbook'
import { HIDDEN_TEXT } from '../../../types/moderation'
import { stateOf } from '../../shared/moderation'

/** Rows per period export (a street's period): read in pages of 1000, the server's largest page. */
export const EXPORT_CAP = 20_000
const STATUS = { counted: '已计入', held: '待复核', rejected: '不计入', excluded: '异议成立后剔除' } as const
/** What a row of the period export shows: nothing that names a household or a rater is even read. */
/** A comment held or removed after 举报 is not exported; its stars still count. */
const commentOf = (r: RatingRow) => (r.hidden ? HIDDEN_TEXT[stateOf(r)!] : (r.comment ?? ''))

type RatingRow = Pick<
  RatingDoc,
  | 'publicId'
  | 'companyName'
  | 'estateName'
  | 'stars'
  | 'comment'
  | 'status'
  | 'answer'
  | 'updatedAt'
  | 'hidden'
  | 'moderation'
>
/** Chinese collation, made once: `localeCompare(…, 'zh')` looks the collator up again on every comparison. */
const zh = new Intl.Collator('zh').compare

const ROW_FIELDS: Record<keyof RatingRow, true> = {
  publicId: true,
  companyName: true,
  estateName: true,
  stars: true,
  comment: true,
  status: true,
  answer: true,
  updatedAt: true,
  hidden: true,
  moderation: true,
}

/** A period's ratings (anonymous: no household, no rater) and its live list — for the admin of its street (property's rule for periods). */
export const propertyPeriod = exportKind({
  action: 'property.period',
  async load(ctx): Promise<{ period: PeriodDoc; ratings: RatingRow[]; pub: PublicationDoc | null }> {
    const period = await repo.period(ctx.db, ctx.input.periodId)
    if (!period) throw notFound('评价周期')
    ensure(ctx.actor.isStreetAdminOf(period.streetId), '只能导出您所在街道的数据')
    const [ratings, pub] = await Promise.all([
      readAll<RatingRow>(
        ctx.db,
        COL.propertyRatings,
        { periodId: period._id },
        'publicId',
        EXPORT_CAP,
        1000,
        ROW_FIELDS,
      ),
      repo.livePublication(ctx.db, period._id),
    ])
    // By company and estate; within an estate in the order of the random public ids (the read's
    // order, kept by the stable sort), never by `_id`, which follows the households' ids.
    ratings.sort((a, b) => zh(a.companyName, b.companyName) || zh(a.estateName, b.estateName))
    return { period, ratings, pub }
  },
  file: ({ period }, now) => ({
    cloudPath: `exports/property/${period.key}-${stamp(now)}.xlsx`,
    fileName: xlsxName(period.label, '物业评价与红黑榜'),
  }),
  // Up to EXPORT_CAP rows of text and numbers: plain tables, not exceljs (plain-xlsx.ts).
  tables({ ratings, pub }) {
    const list: PlainCell[][] = (pub?.entries ?? []).map((e) => [
      e.rank ?? '—',
      e.companyName,
      PLACEMENT_LABEL[e.placement],
      e.score,
      e.satisfaction,
      e.communityScore ?? '暂无',
      e.rectificationRate,
      e.households,
      e.reasons.join('；'),
    ])
    if (!pub) list.push(['本期榜单尚未发布'])
    const tables = [
      {
        name: '居民评价',
        rows: [
          ['物业公司', '小区', ...DIMENSIONS.map((d) => DIMENSION_LABEL[d]), '意见', '状态', '物业答复', '更新时间'],
          ...ratings.map((r) => [
            r.companyName,
            r.estateName,
            ...DIMENSIONS.map((d) => r.stars[d]),
            commentOf(r),
            STATUS[r.status],
            r.answer ?? '',
            new Date(r.updatedAt).toISOString(),
          ]),
        ],
      },
      {
        name: '红黑榜',
        rows: [
          ['名次', '物业公司', '榜单', '综合得分', '居民满意度', '社区评价', '整改率%', '评价户数', '原因'],
          ...list,
        ],
      },
    ]
    return { tables, rows: ratings.length }
  },
})

const RULE_ROWS: [string, (r: ListInputsView['rule']) => string | number][] = [
  ['评价周期', (r) => (r.cadence === 'quarterly' ? '每季度' : '每月')],
  ['权重：居民满意度', (r) => r.weights.satisfaction],
  ['权重：社区评价', (r) => r.weights.community],
  ['权重：整改率', (r) => r.weights.rectification],
  ...DIMENSIONS.map((d): [string, (r: ListInputsView['rule']) => number] => [
    `满意度内权重：${DIMENSION_LABEL[d]}`,
    (r) => r.dimensionWeights[d],
  ]),
  ['红榜线（≥）', (r) => r.redThreshold],
  ['黑榜线（<）', (r) => r.blackThreshold],
  ['最低样本（户）', (r) => r.minSample],
  ['未整改事项上限（件）', (r) => r.unresolvedLimit],
]

/**
 * The 核算数据 of a published list as a workbook — 说明, 规则, 核算输入 (one row per company), 榜单 —
 * for anyone signed in (as property's `list.inputs`). A publication never changes, so it is stored at
 * one path per publication: asking again rewrites the same content rather than adding files.
 */
export const propertyInputs = exportKind({
  action: 'property.inputs',
  async load(ctx): Promise<ListInputsView> {
    const pub = await repo.publication(ctx.db, ctx.input.publicationId)
    if (!pub) throw notFound('榜单')
    return listInputsOf(pub)
  },
  file: (d) => ({
    cloudPath: `exports/property/inputs/${d.publicationId.replace(/[^\w.-]/g, '_')}.xlsx`,
    fileName: xlsxName(`核算数据-${d.periodLabel}-第${d.version}版`),
  }),
  sheets(wb, d) {
    const about = wb.addWorksheet('说明')
    for (const row of [
      ['榜单', `${d.periodLabel}红黑榜 第 ${d.version} 版`],
      ['发布时间', d.publishedAt],
      ['数据截止', d.cutoff],
      ['评分规则', `第 ${d.ruleVersion} 版`],
      ['街道平均满意度', d.published.streetMean],
      ['核算方法', '见《物业红黑榜》文档“自己复算”一节；也可用同一榜单的 JSON 文件运行 recompute-list.mjs'],
    ])
      about.addRow(row)
    const rule = wb.addWorksheet('规则')
    styleHeader(rule.addRow(['参数', '取值']))
    for (const [label, value] of RULE_ROWS) rule.addRow([label, value(d.rule)])
    const inputs = wb.addWorksheet('核算输入')
    styleHeader(
      inputs.addRow([
        '公司编号',
        '物业公司',
        '评价户数',
        ...DIMENSIONS.map((k) => `${DIMENSION_LABEL[k]}星数合计`),
        '社区评价均分',
        '整改事项',
        '已整改',
        '未整改（截止时）',
        '其中往期',
      ]),
    )
    for (const c of d.inputs) {
      inputs.addRow([
        c.companyId,
        c.companyName,
        c.households,
        ...DIMENSIONS.map((k) => c.sums[k]),
        c.communityScore ?? '暂无',
        c.rectTotal,
        c.rectResolved,
        c.rectUnresolved,
        c.rectUnresolvedEarlier ?? 0,
      ])
    }
    const list = wb.addWorksheet('榜单')
    styleHeader(
      list.addRow([
        '名次',
        '物业公司',
        '榜单',
        '综合得分',
        '居民满意度',
        '社区评价',
        '整改率%',
        '评价户数',
        '原因',
        '异议处理',
      ]),
    )
    for (const e of d.published.entries) {
      const effects = (e.effects ?? [])
        .map((x) => `${OBJECTION_EFFECT_LABEL[x.kind]}${x.excluded ? ` ${x.excluded} 条` : ''}：${x.text}`)
        .join('；')
      list.addRow([
        e.rank ?? '—',
        e.companyName,
        PLACEMENT_LABEL[e.placement],
        e.score,
        e.satisfaction,
        e.communityScore ?? '暂无',
        e.rectificationRate,
        e.households,
        e.reasons.join('；'),
        effects,
      ])
    }
    return d.inputs.length
  },
})

/** 红色物业 coverage of a street, estate by estate, and its totals: the same figures as the screen (the street admin's). */
export const propertyRedProperty = exportKind({
  action: 'property.redProperty',
  load: (ctx) => coverageOfStreet(ctx),
  file: ({ street }, now) => ({
    cloudPath: `exports/property/red-${street._id}-${stamp(now)}.xlsx`,
    fileName: xlsxName(street.name, '红色物业覆盖', now.toISOString().slice(0, 10)),
  }),
  sheets(wb, { rows, totals, verified }) {
    const ws = wb.addWorksheet('红色物业覆盖')
    ws.columns = [
      { header: '社区', key: 'community', width: 14 },
      { header: '小区', key: 'estate', width: 16 },
      { header: '服务物业', key: 'company', width: 24 },
      { header: '党组织情况', key: 'kind', width: 18 },
      { header: '覆盖', key: 'coverage', width: 12 },
      { header: '街道核实', key: 'verified', width: 10 },
    ]
    for (const r of rows) {
      ws.addRow({
        community: r.communityName,
        estate: r.estateName,
        company: r.companyName ?? '未指定物业',
        kind: PARTY_ORG_LABEL[r.kind],
        coverage: COVERAGE_LABEL[r.coverage],
        verified: !r.declared ? '未登记' : r.verified ? '已核实' : '未核实',
      })
    }
    styleHeader(ws.getRow(1))
    const sum = wb.addWorksheet('汇总')
    sum.columns = [
      { header: '覆盖', key: 'k', width: 14 },
      { header: '小区数', key: 'n', width: 10 },
      { header: '其中已核实', key: 'v', width: 12 },
    ]
    for (const k of COVERAGE_KINDS) sum.addRow({ k: COVERAGE_LABEL[k], n: totals[k], v: verified[k] })
    styleHeader(sum.getRow(1))
    wb.addWorksheet('说明').addRow([
      `物管会/业委会：${Object.values(COMMITTEE_BODY_LABEL).join('、')}中的党员见各公司主页；未核实的登记按公司所报列出，标明「未核实」。`,
    ])
    return rows.length
  },
})
