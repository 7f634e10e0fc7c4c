import {
  COVERAGE_LABEL,
  DIMENSIONS,
  coverageOf,
  type CompanyInputs,
  type Coverage,
  type Dimension,
  type ListEntry,
  type Placement,
  type RuleView,
} from '../../../types/property'

/**
 * The red/black list of one period, as a pure function of its frozen inputs and the rule version.
 * Everything that a publication shows is derived here, so recompute(inputs, rule) === published.
 *
 * Parts of the score, each on 0–100:
 * - satisfaction: the dimension-weighted mean of the stars, mapped 1★→0 … 5★→100, blended toward the
 *   street's mean while the number of rating households n is below the minimum sample m:
 *   shrunk = (n·own + (m − n)·street) / m  for n < m, own for n ≥ m;
 * - community: the mean of the communities' assessments (0–100);
 * - rectification: resolved / total items × 100 (100 when there were none).
 * A part without data (no ratings, no assessment) drops out and the other weights are renormalised.
 * 红色物业 (rule field `redProperty`, absent in older rules = off): a street-verified branch or verified
 * members-only organisation adds its bonus to the score (capped at 100), and the red list may require
 * a verified branch. An unverified declaration counts as none.
 */
export type Rule = RuleView['rule']

/** Rounded to 2 decimals the same way everywhere (scores are shown and compared at this precision). */
export const round2 = (x: number) => Math.round(x * 100 + Number.EPSILON * 100) / 100

const starsTo100 = (meanStars: number) => ((meanStars - 1) / 4) * 100

/** Dimension-weighted mean stars (1–5) from per-dimension sums over n households; null when n = 0. */
export function weightedMeanStars(
  sums: Record<Dimension, number>,
  n: number,
  dimensionWeights: Rule['dimensionWeights'],
): number | null {
  if (n <= 0) return null
  let num = 0
  let den = 0
  for (const d of DIMENSIONS) {
    num += dimensionWeights[d] * (sums[d] / n)
    den += dimensionWeights[d]
  }
  return den > 0 ? num / den : null
}

/** The street's mean satisfaction (0–100) over every counted rating household; 50 (3★) when nobody rated. */
export function streetMean(inputs: CompanyInputs[], rule: Rule): number {
  const total = { cleaning: 0, order: 0, repairs: 0, greening: 0, attitude: 0, fees: 0 }
  let n = 0
  for (const c of inputs) {
    n += c.households
    for (const d of DIMENSIONS) total[d] += c.sums[d]
  }
  const mean = weightedMeanStars(total, n, rule.dimensionWeights)
  return round2(mean === null ? 50 : starsTo100(mean))
}

/** Satisfaction with shrinkage toward the street mean below the minimum sample. */
export function shrunkSatisfaction(own: number | null, n: number, street: number, minSample: number): number {
  if (own === null || n <= 0) return street
  if (n >= minSample) return own
  return (n * own + (minSample - n) * street) / minSample
}

/** What the rule counts of a company's 红色物业: only what the street verified; absent (older inputs) = none. */
export function countedCoverage(c: Pick<CompanyInputs, 'partyOrg'>): Coverage {
  return c.partyOrg?.verified ? coverageOf(c.partyOrg.kind) : 'none'
}

/** Does the rule count 红色物业 at all? (a rule without the field, or with all of it off, leaves scores and reasons as before) */
const countsRedProperty = (rule: Rule) =>
  !!rule.redProperty &&
  (rule.redProperty.branchBonus > 0 || rule.redProperty.membersBonus > 0 || rule.redProperty.requireBranchForRed)

export interface Scored {
  entry: Omit<ListEntry, 'rank'>
  ranked: boolean
}

export function scoreCompany(c: CompanyInputs, rule: Rule, street: number): Omit<ListEntry, 'rank'> {
  const meanStars = weightedMeanStars(c.sums, c.households, rule.dimensionWeights)
  const raw = meanStars === null ? null : starsTo100(meanStars)
  const satisfaction = shrunkSatisfaction(raw, c.households, street, rule.minSample)
  const rectificationRate = c.rectTotal > 0 ? (c.rectResolved / c.rectTotal) * 100 : 100
  const parts: [number, number | null][] = [
    [rule.weights.satisfaction, satisfaction],
    [rule.weights.community, c.communityScore],
    [rule.weights.rectification, rectificationRate],
  ]
  let num = 0
  let den = 0
  for (const [w, v] of parts) {
    if (v === null || w <= 0) continue
    num += w * v
    den += w
  }
  const rp = countsRedProperty(rule) ? rule.redProperty! : null
  const coverage = countedCoverage(c)
  const bonus = !rp ? 0 : coverage === 'branch' ? rp.branchBonus : coverage === 'members_only' ? rp.membersBonus : 0
  const score = round2(Math.min(100, (den > 0 ? num / den : 0) + bonus))
  const barredFromRed = !!rp?.requireBranchForRed && coverage !== 'branch'
  const sampleReached = c.households >= rule.minSample
  // Items still open from earlier periods are in rectUnresolved too (a company cannot shed them by waiting for a new month).
  const earlier = c.rectUnresolvedEarlier ?? 0
  // Reasons in everyday words (residents read them): whole numbers where the rule's are whole, no jargon.
  const reasons: string[] = []
  let placement: Placement
  if (!sampleReached) {
    placement = 'not_ranked'
    reasons.push(`评价户数不足 ${rule.minSample} 户（本期 ${c.households} 户），暂不排名`)
  } else if (c.rectUnresolved > rule.unresolvedLimit) {
    placement = 'black'
    reasons.push(
      `未整改事项 ${c.rectUnresolved} 件${earlier ? `（含往期 ${earlier} 件）` : ''}，超过上限 ${rule.unresolvedLimit} 件`,
    )
    if (score < rule.blackThreshold) reasons.push(`综合得分 ${score} 分，低于黑榜线 ${rule.blackThreshold} 分`)
  } else if (score < rule.blackThreshold) {
    placement = 'black'
    reasons.push(`综合得分 ${score} 分，低于黑榜线 ${rule.blackThreshold} 分`)
  } else if (score >= rule.redThreshold && barredFromRed) {
    placement = 'neutral'
    reasons.push(
      `综合得分 ${score} 分，达到红榜线 ${rule.redThreshold} 分，但规则要求经街道核实建有党支部（或联合党支部）才能上红榜`,
    )
  } else if (score >= rule.redThreshold) {
    placement = 'red'
    reasons.push(`综合得分 ${score} 分，达到红榜线 ${rule.redThreshold} 分（${c.households} 户评价）`)
  } else {
    placement = 'neutral'
    reasons.push(`综合得分 ${score} 分，在黑榜线 ${rule.blackThreshold} 分和红榜线 ${rule.redThreshold} 分之间`)
  }
  if (sampleReached || raw !== null) {
    const parts = [
      // Below the minimum sample the few ratings are blended with the street's average (SPEC §6): said plainly.
      `居民满意度 ${round2(satisfaction)} 分${!sampleReached && raw !== null ? `（评价户数少，按全街道平均 ${street} 分折算；本公司评价 ${round2(raw)} 分）` : ''}`,
      `社区评价 ${c.communityScore === null ? '暂无' : `${round2(c.communityScore)} 分`}`,
      c.rectTotal > 0
        ? `整改率 ${round2(rectificationRate)}%（${c.rectTotal} 件完成 ${c.rectResolved} 件）`
        : '整改率 —（没有需要整改的事项）',
    ]
    reasons.push(parts.join('；'))
  }
  if (rp) {
    reasons.push(
      `红色物业：${COVERAGE_LABEL[coverage]}${c.partyOrg && !c.partyOrg.verified ? '（登记未经街道核实，按无党员计）' : ''}，加 ${bonus} 分`,
    )
  }
  return {
    companyId: c.companyId,
    companyName: c.companyName,
    placement,
    score,
    satisfaction: round2(satisfaction),
    rawSatisfaction: raw === null ? null : round2(raw),
    communityScore: c.communityScore === null ? null : round2(c.communityScore),
    rectificationRate: round2(rectificationRate),
    households: c.households,
    reasons,
  }
}

const ORDER: Record<Placement, number> = { red: 0, neutral: 1, black: 2, not_ranked: 3 }

/**
 * The whole list: every company scored, ranked companies ordered by score (ties share a rank,
 * competition style 1, 1, 3), then the not-ranked ones; within equal scores by company id so the
 * order never depends on the order of the inputs.
 */
export function computeList(inputs: CompanyInputs[], rule: Rule): { streetMean: number; entries: ListEntry[] } {
  const street = streetMean(inputs, rule)
  const scored = inputs.map((c) => scoreCompany(c, rule, street))
  const ranked = scored
    .filter((e) => e.placement !== 'not_ranked')
    .sort((a, b) => b.score - a.score || (a.companyId < b.companyId ? -1 : a.companyId > b.companyId ? 1 : 0))
  const entries: ListEntry[] = []
  ranked.forEach((e, i) => {
    const prev = entries[i - 1]
    const rank = prev && prev.score === e.score ? prev.rank : i + 1
    entries.push({ ...e, rank })
  })
  const unranked = scored
    .filter((e) => e.placement === 'not_ranked')
    .sort((a, b) => (a.companyId < b.companyId ? -1 : a.companyId > b.companyId ? 1 : 0))
    .map((e) => ({ ...e, rank: null }))
  return {
    streetMean: street,
    entries: [...entries, ...unranked].sort(
      (a, b) => ORDER[a.placement] - ORDER[b.placement] || (a.rank ?? 0) - (b.rank ?? 0),
    ),
  }
}

/** Does a stored publication equal what its frozen inputs and rule give today? */
export function sameList(a: ListEntry[], b: ListEntry[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
