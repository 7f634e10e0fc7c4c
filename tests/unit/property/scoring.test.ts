import {
  computeList,
  round2,
  sameList,
  scoreCompany,
  shrunkSatisfaction,
  streetMean,
  weightedMeanStars,
  type Rule,
} from '../../../cloudfunctions/property/domain/scoring'
import { DEFAULT_RULE } from '../../../cloudfunctions/property/domain/rules'
import type { CompanyInputs } from '../../../types/property'

const all = (n: number) => ({ cleaning: n, order: n, repairs: n, greening: n, attitude: n, fees: n })

/** A company whose `households` all gave `stars` on every dimension. */
function co(id: string, households: number, stars: number, extra: Partial<CompanyInputs> = {}): CompanyInputs {
  return {
    companyId: id,
    companyName: `公司${id}`,
    estates: [],
    households,
    sums: all(households * stars),
    communityScore: null,
    rectTotal: 0,
    rectResolved: 0,
    rectUnresolved: 0,
    ...extra,
  }
}

const rule: Rule = {
  ...DEFAULT_RULE,
  weights: { satisfaction: 100, community: 0, rectification: 0 },
  minSample: 10,
  redThreshold: 85,
  blackThreshold: 60,
  unresolvedLimit: 2,
}

describe('weighted satisfaction', () => {
  it('maps 1 star to 0 and 5 stars to 100 with equal dimension weights', () => {
    expect(weightedMeanStars(all(10), 2, rule.dimensionWeights)).toBe(5)
    expect(scoreCompany(co('a', 10, 5), rule, 50).rawSatisfaction).toBe(100)
    expect(scoreCompany(co('a', 10, 1), rule, 50).rawSatisfaction).toBe(0)
  })

  it('weights the dimensions as the rule says', () => {
    const sums = { cleaning: 50, order: 10, repairs: 10, greening: 10, attitude: 10, fees: 10 }
    const onlyCleaning = { cleaning: 1, order: 0, repairs: 0, greening: 0, attitude: 0, fees: 0 }
    expect(weightedMeanStars(sums, 10, onlyCleaning)).toBe(5)
    expect(weightedMeanStars(sums, 10, rule.dimensionWeights)).toBeCloseTo((5 + 1 * 5) / 6, 10)
  })

  it('has no mean without ratings', () => {
    expect(weightedMeanStars(all(0), 0, rule.dimensionWeights)).toBeNull()
  })
})

describe('shrinkage toward the street mean', () => {
  it('uses the street mean alone when nobody rated', () => {
    expect(shrunkSatisfaction(null, 0, 70, 10)).toBe(70)
  })

  it('blends linearly below the minimum sample', () => {
    expect(shrunkSatisfaction(100, 4, 50, 10)).toBe(70)
    expect(shrunkSatisfaction(100, 9, 50, 10)).toBe(95)
  })

  it('uses the company’s own mean from the minimum sample on', () => {
    expect(shrunkSatisfaction(100, 10, 50, 10)).toBe(100)
    expect(shrunkSatisfaction(100, 25, 50, 10)).toBe(100)
  })

  it('computes the street mean over every rating household, not as a mean of company means', () => {
    // 30 households at 5★ and 10 at 1★: (30·100 + 10·0) / 40 = 75.
    expect(streetMean([co('a', 30, 5), co('b', 10, 1)], rule)).toBe(75)
  })

  it('takes 3 stars (50) as the street mean when nobody in the street rated', () => {
    expect(streetMean([co('a', 0, 0)], rule)).toBe(50)
  })

  it('shrinks a small perfect sample enough to keep it off the red list placement logic', () => {
    const [, small] = computeList([co('big', 40, 3), co('small', 2, 5)], rule).entries
    expect(small.placement).toBe('not_ranked')
    expect(small.rawSatisfaction).toBe(100)
    // street mean = (40·50 + 2·100)/42 = 52.38; shrunk = (2·100 + 8·52.38)/10 = 61.90
    expect(small.satisfaction).toBe(round2((2 * 100 + 8 * ((40 * 50 + 2 * 100) / 42)) / 10))
  })
})

describe('the sample boundary', () => {
  it('does not rank a company one household short of the minimum sample', () => {
    const e = scoreCompany(co('a', 9, 5), rule, 50)
    expect(e.placement).toBe('not_ranked')
    expect(e.reasons[0]).toBe('评价户数不足 10 户（本期 9 户），暂不排名')
  })

  it('ranks a company exactly at the minimum sample', () => {
    expect(scoreCompany(co('a', 10, 5), rule, 50).placement).toBe('red')
  })

  it('never puts a company below the sample on the black list, however bad', () => {
    const e = scoreCompany(co('a', 3, 1, { rectTotal: 9, rectResolved: 0, rectUnresolved: 9 }), rule, 50)
    expect(e.placement).toBe('not_ranked')
  })
})

describe('placements', () => {
  it('puts a score at exactly the red threshold on the red list', () => {
    // 4.4★ → 85
    const c: CompanyInputs = { ...co('a', 10, 0), sums: all(44) }
    const e = scoreCompany(c, rule, 50)
    expect(e.score).toBe(85)
    expect(e.placement).toBe('red')
  })

  it('puts a score at exactly the black threshold in the middle, and just below it on the black list', () => {
    const at: CompanyInputs = { ...co('a', 10, 0), sums: all(34) } // 3.4★ → 60
    expect(scoreCompany(at, rule, 50)).toMatchObject({ score: 60, placement: 'neutral' })
    const below: CompanyInputs = { ...co('a', 10, 0), sums: { ...all(34), fees: 33 } }
    expect(scoreCompany(below, rule, 50).placement).toBe('black')
  })

  it('black-lists a ranked company with more unresolved rectifications than the limit, whatever its score', () => {
    const e = scoreCompany(co('a', 10, 5, { rectTotal: 5, rectResolved: 2, rectUnresolved: 3 }), rule, 50)
    expect(e.placement).toBe('black')
    expect(e.reasons[0]).toBe('未整改事项 3 件，超过上限 2 件')
  })

  it('keeps a company at exactly the unresolved limit off the black list for that reason', () => {
    expect(scoreCompany(co('a', 10, 5, { rectTotal: 2, rectResolved: 0, rectUnresolved: 2 }), rule, 50).placement).toBe(
      'red',
    )
  })
})

describe('unresolved items from earlier periods', () => {
  // rectUnresolved already includes the earlier periods' open items; rectUnresolvedEarlier says how many of them.
  it('count against the limit even when the scored period opened no item at all', () => {
    const e = scoreCompany(
      co('a', 10, 5, { rectTotal: 0, rectResolved: 0, rectUnresolved: 3, rectUnresolvedEarlier: 3 }),
      rule,
      50,
    )
    expect(e.placement).toBe('black')
    expect(e.reasons[0]).toBe('未整改事项 3 件（含往期 3 件），超过上限 2 件')
    // They do not touch this period's rectification rate: nothing was opened this period.
    expect(e.rectificationRate).toBe(100)
  })

  it('add to this period’s own items: 1 now + 2 earlier is over a limit of 2', () => {
    const e = scoreCompany(
      co('a', 10, 5, { rectTotal: 1, rectResolved: 0, rectUnresolved: 3, rectUnresolvedEarlier: 2 }),
      rule,
      50,
    )
    expect(e.placement).toBe('black')
    expect(e.reasons[0]).toBe('未整改事项 3 件（含往期 2 件），超过上限 2 件')
  })

  it('within the limit they change nothing, and the reason keeps its older wording when none are earlier', () => {
    expect(scoreCompany(co('a', 10, 5, { rectUnresolved: 2, rectUnresolvedEarlier: 2 }), rule, 50).placement).toBe(
      'red',
    )
    expect(scoreCompany(co('a', 10, 5, { rectUnresolved: 3, rectUnresolvedEarlier: 0 }), rule, 50).reasons[0]).toBe(
      '未整改事项 3 件，超过上限 2 件',
    )
  })

  it('never black-list a company below the minimum sample', () => {
    expect(scoreCompany(co('a', 3, 5, { rectUnresolved: 9, rectUnresolvedEarlier: 9 }), rule, 50).placement).toBe(
      'not_ranked',
    )
  })

  it('recompute exactly from frozen inputs that carry them, and from older inputs that lack the field', () => {
    const inputs = [co('a', 12, 5, { rectUnresolved: 4, rectUnresolvedEarlier: 4 }), co('b', 12, 4)]
    const published = computeList(inputs, rule)
    const frozen = JSON.parse(JSON.stringify(inputs)) as CompanyInputs[]
    expect(sameList(computeList(frozen, rule).entries, published.entries)).toBe(true)
    const older = frozen.map(({ rectUnresolvedEarlier: _omit, ...rest }) => rest)
    expect(computeList(older, rule).entries.find((e) => e.companyId === 'a')?.reasons[0]).toBe(
      '未整改事项 4 件，超过上限 2 件',
    )
  })
})

describe('the three parts of the score', () => {
  const three: Rule = { ...rule, weights: { satisfaction: 60, community: 20, rectification: 20 } }

  it('weights satisfaction, community assessment and rectification rate', () => {
    const e = scoreCompany(co('a', 10, 5, { communityScore: 50, rectTotal: 4, rectResolved: 1 }), three, 50)
    expect(e.rectificationRate).toBe(25)
    expect(e.score).toBe(round2((60 * 100 + 20 * 50 + 20 * 25) / 100))
  })

  it('drops a part without data and renormalises the other weights', () => {
    const e = scoreCompany(co('a', 10, 4), three, 50) // no assessment, no rectification items (rate 100)
    expect(e.communityScore).toBeNull()
    expect(e.score).toBe(round2((60 * 75 + 20 * 100) / 80))
  })
})

describe('ties and ordering', () => {
  it('gives equal scores the same rank and skips the next (1, 1, 3)', () => {
    const { entries } = computeList([co('c', 10, 4), co('a', 10, 5), co('b', 10, 5)], rule)
    expect(entries.map((e) => [e.companyId, e.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ])
  })

  it('orders the same way whatever the order of the inputs', () => {
    const inputs = [co('c', 10, 4), co('a', 10, 5), co('b', 10, 5), co('d', 2, 3), co('e', 12, 1)]
    const one = computeList(inputs, rule)
    const two = computeList([...inputs].reverse(), rule)
    expect(sameList(one.entries, two.entries)).toBe(true)
  })

  it('lists red, then the middle, then black, then the not-ranked', () => {
    const { entries } = computeList([co('nr', 1, 5), co('blk', 10, 1), co('mid', 10, 4), co('red', 10, 5)], rule)
    expect(entries.map((e) => e.placement)).toEqual(['red', 'neutral', 'black', 'not_ranked'])
    expect(entries[3].rank).toBeNull()
  })
})

describe('rule versions and recompute', () => {
  const inputs = [
    co('a', 12, 5, { communityScore: 90 }),
    co('b', 12, 3, { rectTotal: 4, rectResolved: 1, rectUnresolved: 3 }),
    co('c', 3, 4),
  ]

  it('recomputing from the same frozen inputs and rule gives the identical list', () => {
    const published = computeList(inputs, rule)
    const again = computeList(
      JSON.parse(JSON.stringify(inputs)) as CompanyInputs[],
      JSON.parse(JSON.stringify(rule)) as Rule,
    )
    expect(sameList(again.entries, published.entries)).toBe(true)
    expect(again.streetMean).toBe(published.streetMean)
  })

  it('a later rule version changes placements, while the published list still recomputes under its own version', () => {
    const v1 = computeList(inputs, rule)
    const v2rule: Rule = { ...rule, minSample: 2, unresolvedLimit: 5 }
    const v2 = computeList(inputs, v2rule)
    expect(v1.entries.find((e) => e.companyId === 'c')?.placement).toBe('not_ranked')
    expect(v2.entries.find((e) => e.companyId === 'c')?.placement).not.toBe('not_ranked')
    expect(sameList(computeList(inputs, rule).entries, v1.entries)).toBe(true)
    expect(sameList(v2.entries, v1.entries)).toBe(false)
  })

  it('detects a tampered publication', () => {
    const published = computeList(inputs, rule).entries
    const tampered = published.map((e) => (e.companyId === 'b' ? { ...e, placement: 'neutral' as const } : e))
    expect(sameList(computeList(inputs, rule).entries, tampered)).toBe(false)
  })
})

/** Residents read the reasons (issue 13 §4): everyday words, no statistics jargon, no rate made up from nothing. */
describe('the reasons, in plain words', () => {
  it('says a small sample is blended with the street’s average without calling it shrinkage', () => {
    const e = scoreCompany(co('a', 4, 5), rule, 50)
    expect(e.reasons.join('；')).not.toMatch(/收缩|样本|均值/)
    expect(e.reasons[1]).toContain('评价户数少，按全街道平均 50 分折算；本公司评价 100 分')
  })

  it('shows 整改率 — when nothing was due, and the count when something was', () => {
    expect(scoreCompany(co('a', 10, 5), rule, 50).reasons[1]).toContain('整改率 —（没有需要整改的事项）')
    const some = scoreCompany(co('a', 10, 5, { rectTotal: 4, rectResolved: 3, rectUnresolved: 1 }), rule, 50)
    expect(some.reasons[1]).toContain('整改率 75%（4 件完成 3 件）')
  })

  it('names each score with its unit', () => {
    expect(scoreCompany(co('a', 10, 5), rule, 50).reasons[0]).toMatch(
      /^综合得分 [\d.]+ 分，达到红榜线 \d+ 分（10 户评价）$/,
    )
  })
})

describe('红色物业 in the rule', () => {
  const counting: Rule = { ...rule, redProperty: { branchBonus: 10, membersBonus: 4, requireBranchForRed: false } }
  const branch = { partyOrg: { kind: 'joint_branch' as const, verified: true } }

  it('adds the bonus of a verified branch or verified members, and caps the score at 100', () => {
    expect(scoreCompany(co('a', 10, 4, branch), counting, 50)).toMatchObject({ score: 85, placement: 'red' })
    expect(
      scoreCompany(co('a', 10, 4, { partyOrg: { kind: 'members_only', verified: true } }), counting, 50),
    ).toMatchObject({ score: 79, placement: 'neutral' })
    expect(scoreCompany(co('a', 10, 5, branch), counting, 50).score).toBe(100)
    expect(scoreCompany(co('a', 10, 4, branch), counting, 50).reasons).toContain('红色物业：建有党支部，加 10 分')
  })

  it('says each reason once (the 红色物业 line was once written twice)', () => {
    for (const partyOrg of [branch.partyOrg, { kind: 'own_branch' as const, verified: false }, undefined]) {
      const reasons = scoreCompany(co('a', 10, 4, partyOrg ? { partyOrg } : {}), counting, 50).reasons
      expect(reasons.filter((r) => r.startsWith('红色物业'))).toHaveLength(1)
      expect(new Set(reasons).size).toBe(reasons.length)
    }
  })

  it('counts an unverified declaration as none, and says so', () => {
    const e = scoreCompany(co('a', 10, 4, { partyOrg: { kind: 'own_branch', verified: false } }), counting, 50)
    expect(e).toMatchObject({ score: 75, placement: 'neutral' })
    expect(e.reasons).toContain('红色物业：无党员（登记未经街道核实，按无党员计），加 0 分')
  })

  it('keeps a company without a verified branch off the red list when the rule requires one', () => {
    const required: Rule = { ...rule, redProperty: { branchBonus: 0, membersBonus: 0, requireBranchForRed: true } }
    const members = scoreCompany(co('a', 10, 5, { partyOrg: { kind: 'members_only', verified: true } }), required, 50)
    expect(members).toMatchObject({ score: 100, placement: 'neutral' })
    expect(members.reasons[0]).toBe(
      '综合得分 100 分，达到红榜线 85 分，但规则要求经街道核实建有党支部（或联合党支部）才能上红榜',
    )
    expect(scoreCompany(co('a', 10, 5, branch), required, 50).placement).toBe('red')
    // The requirement never saves a company from the black list.
    expect(scoreCompany(co('a', 10, 1, branch), required, 50).placement).toBe('black')
  })

  it('changes nothing — scores or reasons — under a rule without the field or with it all off', () => {
    const off: Rule = { ...rule, redProperty: { branchBonus: 0, membersBonus: 0, requireBranchForRed: false } }
    const inputs = [
      co('a', 10, 4, branch),
      co('b', 12, 3),
      co('c', 3, 5, { partyOrg: { kind: 'members_only', verified: true } }),
    ]
    const without = computeList(
      inputs.map(({ partyOrg: _p, ...c }) => c),
      rule,
    )
    expect(computeList(inputs, rule)).toEqual(without)
    expect(computeList(inputs, off)).toEqual(without)
  })
})
