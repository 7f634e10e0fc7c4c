import type { CustomRuleInput, OptionKind, Preset, Ratio, Rule } from '../../../types/council'

/**
 * The tally of a consultation vote (SPEC §5): pure, exact integer arithmetic (BigInt cross-products,
 * never floating point), so "≥ 2/3" and "more than half" are decided exactly at the boundary.
 */

export interface TallyOption {
  key: string
  label: string
  kind: OptionKind
}

/** What the ballots add up to: per option, the households and their floor area (dm²). */
export interface OptionCount {
  key: string
  households: number
  areaDm2: number
}

export interface Eligible {
  households: number
  areaDm2: number
}

export interface CountVsTotal {
  count: number
  total: number
  met: boolean
}

export interface TallyResult {
  passed: boolean
  adoptedOptionKey: string | null
  participation: { households: CountVsTotal; area: CountVsTotal | null; met: boolean }
  options: { key: string; label: string; kind: OptionKind; households: number; areaDm2: number; approvalMet: boolean }[]
  summary: string
  rule: Rule
  ballots: number
}

const TWO_THIRDS: Ratio = { num: 2, den: 3, cmp: 'atLeast' }
const MORE_THAN_HALF: Ratio = { num: 1, den: 2, cmp: 'moreThan' }
const THREE_QUARTERS: Ratio = { num: 3, den: 4, cmp: 'atLeast' }

/** Whether count/total meets the ratio: count·den ≥ (or >) num·total, in BigInt. A zero total never meets a positive ratio. */
export function meets(count: number, total: number, r: Ratio): boolean {
  if (!Number.isSafeInteger(count) || !Number.isSafeInteger(total) || count < 0 || total < 0)
    throw new Error('counts must be non-negative integers')
  if (total === 0) return r.num === 0 && r.cmp === 'atLeast'
  const lhs = BigInt(count) * BigInt(r.den)
  const rhs = BigInt(r.num) * BigInt(total)
  return r.cmp === 'atLeast' ? lhs >= rhs : lhs > rhs
}

/** The smallest count that meets the ratio out of `total` (for "how many more are needed"). */
export function minimumToMeet(total: number, r: Ratio): number {
  if (total === 0) return 0
  const t = BigInt(total)
  const num = BigInt(r.num) * t
  const den = BigInt(r.den)
  // atLeast: ceil(num·total / den); moreThan: floor(num·total / den) + 1
  const m = r.cmp === 'atLeast' ? (num + den - 1n) / den : num / den + 1n
  return Number(m > t ? t + 1n : m)
}

export const ratioText = (r: Ratio) => {
  const frac = r.num === 1 && r.den === 2 ? '半数' : `${r.num}/${r.den}`
  const pct = r.den === 100 ? `${r.num}%` : frac
  return r.cmp === 'atLeast' ? `不少于${pct}` : `超过${pct}`
}

/** The rule a preset stands for (custom takes the secretary's ratios). */
export function ruleFor(preset: Preset, custom?: CustomRuleInput): Rule {
  switch (preset) {
    case 'simple':
      return {
        preset,
        byArea: false,
        participation: null,
        approval: MORE_THAN_HALF,
        approvalBase: 'nonAbstaining',
        text: '同意票超过有效票（不含弃权）半数',
      }
    case 'civil_code_ordinary':
      return {
        preset,
        byArea: true,
        participation: TWO_THIRDS,
        approval: MORE_THAN_HALF,
        approvalBase: 'participating',
        text: '民法典第278条：专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决，经参与表决专有部分面积过半数且参与表决人数过半数的业主同意',
      }
    case 'civil_code_major':
      return {
        preset,
        byArea: true,
        participation: TWO_THIRDS,
        approval: THREE_QUARTERS,
        approvalBase: 'participating',
        text: '民法典第278条：专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决，经参与表决专有部分面积四分之三以上且参与表决人数四分之三以上的业主同意',
      }
    case 'custom': {
      if (!custom) throw new Error('custom preset needs its ratios')
      const participation: Ratio = { num: custom.participationPercent, den: 100, cmp: 'atLeast' }
      const approval: Ratio = {
        num: custom.approvalPercent,
        den: 100,
        cmp: custom.approvalMoreThan ? 'moreThan' : 'atLeast',
      }
      const basis = custom.byArea ? '户数及面积' : '户数'
      return {
        preset,
        byArea: custom.byArea,
        participation: custom.participationPercent > 0 ? participation : null,
        approval,
        approvalBase: 'participating',
        text: `自定义：参与表决的${basis}${ratioText(participation)}，同意的${basis}占参与表决的${ratioText(approval)}`,
      }
    }
  }
}

/**
 * Decide a vote from the per-option counts. Participation (ballots, abstentions included) is
 * measured against the eligible households and area; an option is adopted when it meets the approval
 * ratio of the base by households (and by area when the rule says so). Abstentions are never adopted.
 * If two options both meet a ratio (possible only with a custom 50 % "at least"), none is adopted.
 * A vote passes when the adopted option is not an "against" option.
 */
export function tally(rule: Rule, options: TallyOption[], counts: OptionCount[], eligible: Eligible): TallyResult {
  const byKey = new Map(counts.map((c) => [c.key, c]))
  const rows = options.map((o) => ({
    ...o,
    households: byKey.get(o.key)?.households ?? 0,
    areaDm2: byKey.get(o.key)?.areaDm2 ?? 0,
  }))
  const unknown = counts.filter((c) => !options.some((o) => o.key === c.key) && (c.households > 0 || c.areaDm2 > 0))
  if (unknown.length) throw new Error(`ballots for unknown options: ${unknown.map((u) => u.key).join(',')}`)
  const ballots = rows.reduce((s, r) => s + r.households, 0)
  const ballotArea = rows.reduce((s, r) => s + r.areaDm2, 0)
  if (ballots > eligible.households) throw new Error('more ballots than eligible households')

  const pRatio = rule.participation
  const pH: CountVsTotal = {
    count: ballots,
    total: eligible.households,
    met: pRatio ? meets(ballots, eligible.households, pRatio) : true,
  }
  const pA: CountVsTotal | null = rule.byArea
    ? { count: ballotArea, total: eligible.areaDm2, met: pRatio ? meets(ballotArea, eligible.areaDm2, pRatio) : true }
    : null
  const participationMet = pH.met && (pA?.met ?? true)

  const abstain = rows.filter((r) => r.kind === 'abstain')
  const baseH =
    rule.approvalBase === 'participating' ? ballots : ballots - abstain.reduce((s, r) => s + r.households, 0)
  const baseA =
    rule.approvalBase === 'participating' ? ballotArea : ballotArea - abstain.reduce((s, r) => s + r.areaDm2, 0)

  const judged = rows.map((r) => ({
    ...r,
    approvalMet:
      r.kind !== 'abstain' &&
      meets(r.households, baseH, rule.approval) &&
      (!rule.byArea || meets(r.areaDm2, baseA, rule.approval)),
  }))
  const meeting = judged.filter((r) => r.approvalMet)
  const adopted = participationMet && meeting.length === 1 ? meeting[0] : null
  const passed = !!adopted && adopted.kind !== 'against'

  // The summary is public: households only, and whether the area tests were met, never area sums
  // (with every household's area known, a sum can tell who chose what: domain/disclosure.ts).
  let summary: string
  if (!participationMet) {
    const parts = [`参与 ${pH.count}/${pH.total} 户`]
    if (pA) parts.push(`参与面积${pA.met ? '已' : '未'}达到门槛`)
    summary = `未达到参与门槛（${parts.join('，')}），表决未通过`
  } else if (!adopted) {
    summary = meeting.length > 1 ? '多个选项同时达到门槛，未形成决定' : '没有选项达到同意门槛，表决未通过'
  } else {
    const share = `${adopted.households}/${baseH} 户${rule.byArea ? '，面积也达到同意门槛' : ''}`
    summary = passed ? `「${adopted.label}」获 ${share}，表决通过` : `「${adopted.label}」获 ${share}，表决未通过`
  }
  return {
    passed,
    adoptedOptionKey: adopted?.key ?? null,
    participation: { households: pH, area: pA, met: participationMet },
    options: judged,
    summary,
    rule,
    ballots,
  }
}
