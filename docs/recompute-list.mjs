// Recompute a published 物业红黑榜 from its 核算数据 (the JSON of 下载核算数据): node recompute-list.mjs 核算数据.json
// Depends on nothing but Node. Prints the street mean, each company's placement, rank and score, and whether they match the published list.
import { readFileSync } from 'node:fs'
const { rule, dimensions, inputs, published } = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const r2 = (x) => Math.round(x * 100 + Number.EPSILON * 100) / 100 // scores are kept to 2 decimals
const to100 = (stars) => ((stars - 1) / 4) * 100 // 1★ → 0, 5★ → 100
const meanStars = (sums, n) => {
  // the dimension-weighted mean of the stars over n households
  let num = 0,
    den = 0
  for (const d of dimensions) {
    num += rule.dimensionWeights[d] * (sums[d] / n)
    den += rule.dimensionWeights[d]
  }
  return n > 0 && den > 0 ? num / den : null
}
const all = Object.fromEntries(dimensions.map((d) => [d, inputs.reduce((s, c) => s + c.sums[d], 0)]))
const streetStars = meanStars(
  all,
  inputs.reduce((s, c) => s + c.households, 0),
)
const street = r2(streetStars === null ? 50 : to100(streetStars)) // every counted household of the street
const entries = inputs.map((c) => {
  const m = meanStars(c.sums, c.households),
    own = m === null ? null : to100(m),
    n = c.households
  const satisfaction =
    own === null ? street : n >= rule.minSample ? own : (n * own + (rule.minSample - n) * street) / rule.minSample
  const rectificationRate = c.rectTotal > 0 ? (c.rectResolved / c.rectTotal) * 100 : 100
  let num = 0,
    den = 0 // a part without data (no assessment) drops out; the other weights carry the score
  for (const [w, v] of [
    [rule.weights.satisfaction, satisfaction],
    [rule.weights.community, c.communityScore],
    [rule.weights.rectification, rectificationRate],
  ])
    if (v !== null && w > 0) {
      num += w * v
      den += w
    }
  // 红色物业: only a street-verified branch (own or joint) or members-only organisation counts; rules without the field count nothing
  const rp = rule.redProperty ?? { branchBonus: 0, membersBonus: 0, requireBranchForRed: false }
  const kind = c.partyOrg?.verified ? c.partyOrg.kind : 'none',
    branch = kind === 'own_branch' || kind === 'joint_branch'
  const bonus = branch ? rp.branchBonus : kind === 'members_only' ? rp.membersBonus : 0
  const score = r2(Math.min(100, (den > 0 ? num / den : 0) + bonus)) // the bonus is added to the score, capped at 100
  const placement =
    n < rule.minSample
      ? 'not_ranked'
      : c.rectUnresolved > rule.unresolvedLimit || score < rule.blackThreshold
        ? 'black'
        : score >= rule.redThreshold && (branch || !rp.requireBranchForRed)
          ? 'red'
          : 'neutral'
  return {
    companyId: c.companyId,
    companyName: c.companyName,
    placement,
    rank: null,
    score,
    satisfaction: r2(satisfaction),
    communityScore: c.communityScore === null ? null : r2(c.communityScore),
    rectificationRate: r2(rectificationRate),
    households: n,
  }
})
const byId = (a, b) => (a.companyId < b.companyId ? -1 : a.companyId > b.companyId ? 1 : 0)
const ranked = entries.filter((e) => e.placement !== 'not_ranked').sort((a, b) => b.score - a.score || byId(a, b))
ranked.forEach((e, i) => {
  e.rank = i > 0 && ranked[i - 1].score === e.score ? ranked[i - 1].rank : i + 1
}) // ties share a rank: 1, 1, 3
const ORDER = { red: 0, neutral: 1, black: 2, not_ranked: 3 }
const list = [...ranked, ...entries.filter((e) => e.placement === 'not_ranked').sort(byId)].sort(
  (a, b) => ORDER[a.placement] - ORDER[b.placement] || (a.rank ?? 0) - (b.rank ?? 0),
)
const KEYS = [
  'companyId',
  'placement',
  'rank',
  'score',
  'satisfaction',
  'communityScore',
  'rectificationRate',
  'households',
]
const matches =
  street === published.streetMean &&
  list.length === published.entries.length &&
  list.every((e, i) => KEYS.every((k) => e[k] === published.entries[i][k]))
console.log(JSON.stringify({ streetMean: street, entries: list, matches }, null, 2))
