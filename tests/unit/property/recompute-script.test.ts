import { execFileSync } from 'child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { DIMENSIONS, PARTY_ORG_KINDS, type CompanyInputs } from '../../../types/property'
import { DEFAULT_RULE } from '../../../cloudfunctions/property/domain/rules'
import { computeList, type Rule } from '../../../cloudfunctions/property/domain/scoring'

/**
 * docs/recompute-list.mjs is the recomputation anyone can run outside the codebase: on many lists
 * (random stars and sample sizes, missing assessments, ties, odd weights) it must give exactly what
 * domain/scoring.ts publishes — street mean, order, ranks, placements and every number.
 */

const SCRIPT = join(__dirname, '../../../docs/recompute-list.mjs')
const KEYS = [
  'companyId',
  'placement',
  'rank',
  'score',
  'satisfaction',
  'communityScore',
  'rectificationRate',
  'households',
] as const

/** A small deterministic generator, so a failure names its seed. */
function rng(seed: number) {
  let s = seed >>> 0
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s % n
  }
}

function randomList(seed: number, redProperty = false): { rule: Rule; inputs: CompanyInputs[] } {
  const r = rng(seed)
  const rule: Rule = {
    ...DEFAULT_RULE,
    weights: { satisfaction: r(101), community: r(101), rectification: 1 + r(100) },
    dimensionWeights: Object.fromEntries(
      DIMENSIONS.map((d) => [d, r(4) === 0 ? 0 : 1 + r(100)]),
    ) as Rule['dimensionWeights'],
    minSample: 1 + r(15),
    unresolvedLimit: r(4),
  }
  if (DIMENSIONS.every((d) => rule.dimensionWeights[d] === 0)) rule.dimensionWeights.fees = 1
  const inputs = Array.from({ length: 2 + r(12) }, (_, i): CompanyInputs => {
    const households = r(5) === 0 ? 0 : r(30)
    const sums = Object.fromEntries(DIMENSIONS.map((d) => [d, households * (1 + r(5))])) as CompanyInputs['sums']
    const rectTotal = r(6)
    return {
      companyId: `co-${String.fromCharCode(97 + r(26))}${i}`,
      companyName: `公司${i}`,
      estates: [],
      households,
      sums,
      communityScore: r(3) === 0 ? null : r(10001) / 100,
      rectTotal,
      rectResolved: r(rectTotal + 1),
      rectUnresolved: r(6),
      rectUnresolvedEarlier: 0,
    }
  })
  if (redProperty) {
    // 红色物业 counted: bonuses (decimals too), sometimes required for the red list; every kind, verified or not, or absent (older inputs).
    const membersBonus = r(1001) / 100
    rule.redProperty = { membersBonus, branchBonus: membersBonus + r(1001) / 100, requireBranchForRed: r(2) === 0 }
    for (const c of inputs) if (r(5) > 0) c.partyOrg = { kind: PARTY_ORG_KINDS[r(4)], verified: r(3) > 0 }
  }
  // Every third company copies the previous one's numbers: equal scores, shared ranks.
  for (let i = 3; i < inputs.length; i += 3)
    inputs[i] = { ...inputs[i - 1], companyId: `${inputs[i].companyId}-twin`, companyName: inputs[i].companyName }
  return { rule, inputs }
}

let dir = ''
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tx-recompute-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('recomputes 40 random lists exactly as the function publishes them', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const { rule, inputs } = randomList(seed)
    const published = computeList(inputs, rule)
    const file = join(dir, `${seed}.json`)
    writeFileSync(file, JSON.stringify({ rule, dimensions: DIMENSIONS, inputs, published }))
    const out = JSON.parse(execFileSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' })) as {
      streetMean: number
      entries: Record<string, unknown>[]
      matches: boolean
    }
    const pick = (e: Record<string, unknown>) => Object.fromEntries(KEYS.map((k) => [k, e[k]]))
    expect({ seed, streetMean: out.streetMean, entries: out.entries.map(pick), matches: out.matches }).toEqual({
      seed,
      streetMean: published.streetMean,
      entries: published.entries.map((e) => pick(e as unknown as Record<string, unknown>)),
      matches: true,
    })
  }
})

it('recomputes 40 random lists whose rule counts 红色物业 (bonus, red list requirement, unverified claims) exactly', () => {
  const placements = new Set<string>()
  let barred = 0
  for (let seed = 101; seed <= 140; seed++) {
    const { rule, inputs } = randomList(seed, true)
    const published = computeList(inputs, rule)
    published.entries.forEach((e) => placements.add(e.placement))
    barred += published.entries.filter((e) => e.reasons.some((x) => x.includes('才能上红榜'))).length
    const file = join(dir, `rp-${seed}.json`)
    writeFileSync(file, JSON.stringify({ rule, dimensions: DIMENSIONS, inputs, published }))
    const out = JSON.parse(execFileSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' })) as {
      streetMean: number
      entries: Record<string, unknown>[]
      matches: boolean
    }
    const pick = (e: Record<string, unknown>) => Object.fromEntries(KEYS.map((k) => [k, e[k]]))
    expect({ seed, streetMean: out.streetMean, entries: out.entries.map(pick), matches: out.matches }).toEqual({
      seed,
      streetMean: published.streetMean,
      entries: published.entries.map((e) => pick(e as unknown as Record<string, unknown>)),
      matches: true,
    })
  }
  // The sample covers what the rule can do: red and black placements, and companies kept off the red list for want of a branch.
  expect([...placements].sort()).toEqual(['black', 'neutral', 'not_ranked', 'red'])
  expect(barred).toBeGreaterThan(0)
})
