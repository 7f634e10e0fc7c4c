import {
  DIMENSIONS,
  DIMENSION_LABEL,
  RuleInputSchema,
  type RuleInput,
  type RuleView,
} from '../../../../../types/property'

/**
 * The rule editor's form, kept pure so it is unit-tested (tests/unit/property/rule-form.test.ts):
 * text drafts → a rule checked by the very schema `rule.publish` applies, with every problem
 * attached to its field before anything is sent.
 */

type Rule = RuleView['rule']
export type RuleDraft = Record<string, string>

type NumberKey = Exclude<keyof Rule, 'cadence' | 'weights' | 'dimensionWeights' | 'redProperty'>
type RedProperty = NonNullable<Rule['redProperty']>
/** A rule saved before 红色物业 was a field counts nothing of it. */
export const RED_PROPERTY_OFF: RedProperty = { branchBonus: 0, membersBonus: 0, requireBranchForRed: false }

export const NUMBERS: [NumberKey, string][] = [
  ['redThreshold', '红榜线（综合得分 ≥）'],
  ['blackThreshold', '黑榜线（综合得分 <）'],
  ['minSample', '最低样本（评价户数）'],
  ['unresolvedLimit', '未整改事项上限（超过即黑榜）'],
  ['replyDays', '答复期限（天）'],
  ['fixDays', '整改期限（天）'],
  ['objectionDays', '异议期（天）'],
  ['holdDays', '新认证住户（天内）'],
  ['holdThreshold', '新认证住户评价超过此数暂缓计入'],
]
export const WEIGHTS: [keyof Rule['weights'], string][] = [
  ['satisfaction', '居民满意度权重'],
  ['community', '社区评价权重'],
  ['rectification', '整改率权重'],
]
export const DIMENSION_WEIGHTS: [keyof Rule['dimensionWeights'], string][] = DIMENSIONS.map((d) => [
  d,
  `${DIMENSION_LABEL[d]}权重`,
])
export const RED_BONUSES: ['branchBonus' | 'membersBonus', string][] = [
  ['branchBonus', '红色物业加分：经核实建有党支部（0–20）'],
  ['membersBonus', '红色物业加分：经核实仅有党员（0–20）'],
]

/** Draft keys: `redThreshold`…, `w.<part>` for the three parts, `d.<dimension>` for the six dimensions. */
const FIELDS: { key: string; label: string; path: string[] }[] = [
  ...WEIGHTS.map(([k, label]) => ({ key: `w.${k}`, label, path: ['weights', k] })),
  ...DIMENSION_WEIGHTS.map(([k, label]) => ({ key: `d.${k}`, label, path: ['dimensionWeights', k] })),
  ...NUMBERS.map(([k, label]) => ({ key: k, label, path: [k] })),
  ...RED_BONUSES.map(([k, label]) => ({ key: `rp.${k}`, label, path: ['redProperty', k] })),
]
/** Whole-group problems (all weights zero) are shown under the group's card. */
export const GROUP_KEY = { weights: 'weights', dimensionWeights: 'dims' } as const

export function draftOf(rule: Rule): RuleDraft {
  const d: RuleDraft = {}
  for (const f of FIELDS) {
    const group = f.path[0] === 'redProperty' ? (rule.redProperty ?? RED_PROPERTY_OFF) : rule[f.path[0] as 'weights']
    const v =
      f.path.length === 2 ? (group as unknown as Record<string, number>)[f.path[1]] : rule[f.path[0] as NumberKey]
    d[f.key] = String(v)
  }
  return d
}

export type RuleFormResult =
  { rule: RuleInput; errors: null } | { rule: null; errors: Record<string, string>; summary: string }

/** Parse the drafts; an empty or non-numeric box is its own error (Number('') would silently be 0). */
export function parseRuleDraft(
  base: Rule,
  cadence: string,
  draft: RuleDraft,
  requireBranchForRed = base.redProperty?.requireBranchForRed ?? false,
): RuleFormResult {
  const errors: Record<string, string> = {}
  const redProperty = { ...(base.redProperty ?? RED_PROPERTY_OFF), requireBranchForRed }
  const rule = {
    ...base,
    cadence,
    weights: { ...base.weights },
    dimensionWeights: { ...base.dimensionWeights },
    redProperty,
  } as Record<string, unknown>
  for (const f of FIELDS) {
    const text = (draft[f.key] ?? '').trim()
    if (!text) errors[f.key] = '请填写'
    else if (!/^-?\d+(\.\d+)?$/.test(text)) errors[f.key] = '须为数字'
    const value = Number(text)
    if (f.path.length === 2) (rule[f.path[0]] as Record<string, number>)[f.path[1]] = value
    else rule[f.path[0]] = value
  }
  if (Object.keys(errors).length === 0) {
    const parsed = RuleInputSchema.safeParse(rule)
    if (parsed.success) return { rule: parsed.data, errors: null }
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String)
      const field = FIELDS.find((f) => f.path.join('.') === path.join('.'))
      const key = field?.key ?? GROUP_KEY[path[0] as keyof typeof GROUP_KEY] ?? path[0] ?? 'rule'
      errors[key] ??= issue.message
    }
  }
  const [key, message] = Object.entries(errors)[0]
  const label = FIELDS.find((f) => f.key === key)?.label
  return { rule: null, errors, summary: label ? `${label}：${message}` : message }
}

/** Each dimension's share of satisfaction (%, whole), or null while the weights are not all valid. */
export function dimensionShares(draft: RuleDraft): Record<string, number> | null {
  const values = DIMENSION_WEIGHTS.map(([k]) => Number((draft[`d.${k}`] ?? '').trim() || Number.NaN))
  if (values.some((v) => !Number.isInteger(v) || v < 0)) return null
  const total = values.reduce((a, b) => a + b, 0)
  if (total <= 0) return null
  return Object.fromEntries(DIMENSION_WEIGHTS.map(([k], i) => [k, Math.round((values[i] / total) * 100)]))
}
