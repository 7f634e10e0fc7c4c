import {
  meets,
  minimumToMeet,
  ruleFor,
  tally,
  type OptionCount,
  type TallyOption,
} from '../../../cloudfunctions/council/domain/tally'

const YES_NO_ABSTAIN: TallyOption[] = [
  { key: 'o1', label: '同意', kind: 'for' },
  { key: 'o2', label: '反对', kind: 'against' },
  { key: 'o3', label: '弃权', kind: 'abstain' },
]
const c = (key: string, households: number, areaDm2: number): OptionCount => ({ key, households, areaDm2 })

describe('exact ratio comparison', () => {
  it('treats exactly 2/3 as meeting "at least 2/3" and one below as not', () => {
    const r = { num: 2, den: 3, cmp: 'atLeast' as const }
    expect(meets(2, 3, r)).toBe(true)
    expect(meets(200, 300, r)).toBe(true)
    expect(meets(199, 300, r)).toBe(false)
    // 2/3 of 100 is 66.67: 67 meets, 66 does not (floating point would be tempted by 0.6666…)
    expect(meets(67, 100, r)).toBe(true)
    expect(meets(66, 100, r)).toBe(false)
  })

  it('treats exactly half as NOT "more than half"', () => {
    const r = { num: 1, den: 2, cmp: 'moreThan' as const }
    expect(meets(50, 100, r)).toBe(false)
    expect(meets(51, 100, r)).toBe(true)
    expect(meets(3, 5, r)).toBe(true)
    expect(meets(2, 5, r)).toBe(false)
  })

  it('stays exact with large floor areas', () => {
    const r = { num: 2, den: 3, cmp: 'atLeast' as const }
    const total = 3 * 123_456_789_013
    expect(meets(2 * 123_456_789_013, total, r)).toBe(true)
    expect(meets(2 * 123_456_789_013 - 1, total, r)).toBe(false)
  })

  it('never meets a positive ratio out of nothing', () => {
    expect(meets(0, 0, { num: 1, den: 2, cmp: 'moreThan' })).toBe(false)
    expect(meets(0, 0, { num: 2, den: 3, cmp: 'atLeast' })).toBe(false)
  })

  it('finds the smallest count meeting a ratio', () => {
    expect(minimumToMeet(100, { num: 2, den: 3, cmp: 'atLeast' })).toBe(67)
    expect(minimumToMeet(99, { num: 2, den: 3, cmp: 'atLeast' })).toBe(66)
    expect(minimumToMeet(100, { num: 1, den: 2, cmp: 'moreThan' })).toBe(51)
    expect(minimumToMeet(101, { num: 1, den: 2, cmp: 'moreThan' })).toBe(51)
    expect(minimumToMeet(8, { num: 3, den: 4, cmp: 'atLeast' })).toBe(6)
  })
})

describe('simple majority', () => {
  const rule = ruleFor('simple')

  it('adopts an option with more than half of the votes cast', () => {
    const r = tally(rule, YES_NO_ABSTAIN, [c('o1', 6, 0), c('o2', 5, 0)], { households: 100, areaDm2: 0 })
    expect(r).toMatchObject({ passed: true, adoptedOptionKey: 'o1' })
    expect(r.participation.met).toBe(true)
  })

  it('does not pass on exactly half', () => {
    const r = tally(rule, YES_NO_ABSTAIN, [c('o1', 5, 0), c('o2', 5, 0)], { households: 100, areaDm2: 0 })
    expect(r).toMatchObject({ passed: false, adoptedOptionKey: null })
  })

  it('leaves abstentions out of the votes cast', () => {
    // 3 for, 2 against, 10 abstain: 3 of 5 votes cast is more than half
    const r = tally(rule, YES_NO_ABSTAIN, [c('o1', 3, 0), c('o2', 2, 0), c('o3', 10, 0)], {
      households: 100,
      areaDm2: 0,
    })
    expect(r).toMatchObject({ passed: true, adoptedOptionKey: 'o1' })
  })

  it('reports a rejection when "against" wins', () => {
    const r = tally(rule, YES_NO_ABSTAIN, [c('o1', 2, 0), c('o2', 7, 0)], { households: 20, areaDm2: 0 })
    expect(r).toMatchObject({ passed: false, adoptedOptionKey: 'o2' })
    expect(r.summary).toContain('未通过')
  })

  it('decides nothing when everyone abstains', () => {
    const r = tally(rule, YES_NO_ABSTAIN, [c('o3', 4, 0)], { households: 20, areaDm2: 0 })
    expect(r).toMatchObject({ passed: false, adoptedOptionKey: null, ballots: 4 })
  })

  it('ignores floor area entirely', () => {
    const r = tally(rule, YES_NO_ABSTAIN, [c('o1', 3, 100), c('o2', 2, 100_000)], {
      households: 10,
      areaDm2: 1_000_000,
    })
    expect(r.participation.area).toBeNull()
    expect(r.passed).toBe(true)
  })
})

describe('civil code art. 278, ordinary matters', () => {
  const rule = ruleFor('civil_code_ordinary')
  // 30 households, 3000 ㎡ (300000 dm²); 2/3 → 20 households and 200000 dm²
  const eligible = { households: 30, areaDm2: 300_000 }

  it('passes at exactly 2/3 participation and more than half approval, by households and area', () => {
    const r = tally(rule, YES_NO_ABSTAIN, [c('o1', 11, 100_001), c('o2', 9, 99_999)], eligible)
    expect(r.participation).toMatchObject({
      met: true,
      households: { count: 20, total: 30, met: true },
      area: { count: 200_000, total: 300_000, met: true },
    })
    expect(r).toMatchObject({ passed: true, adoptedOptionKey: 'o1' })
  })

  it('fails one household under 2/3 participation even with unanimous approval', () => {
    const r = tally(rule, YES_NO_ABSTAIN, [c('o1', 19, 250_000)], eligible)
    expect(r.participation.households).toMatchObject({ count: 19, met: false })
    expect(r.participation.area?.met).toBe(true)
    expect(r).toMatchObject({ passed: false, adoptedOptionKey: null })
    expect(r.summary).toContain('未达到参与门槛')
  })

  it('fails when households take part but their area falls one dm² short of 2/3', () => {
    const r = tally(rule, YES_NO_ABSTAIN, [c('o1', 25, 199_999)], eligible)
    expect(r.participation.households.met).toBe(true)
    expect(r.participation.area?.met).toBe(false)
    expect(r.passed).toBe(false)
  })

  it('fails when a majority of households approve but they hold only half the participating area', () => {
    const r = tally(rule, YES_NO_ABSTAIN, [c('o1', 15, 110_000), c('o2', 5, 110_000)], eligible)
    expect(r.options.find((o) => o.key === 'o1')?.approvalMet).toBe(false)
    expect(r.passed).toBe(false)
  })

  it('fails when the larger area approves but not more than half of the households', () => {
    const r = tally(rule, YES_NO_ABSTAIN, [c('o1', 10, 180_000), c('o2', 10, 40_000)], eligible)
    expect(r.passed).toBe(false)
  })

  it('counts abstentions as participating but not approving', () => {
    // 20 take part (2/3); 10 for is exactly half of participants: not more than half
    const half = tally(rule, YES_NO_ABSTAIN, [c('o1', 10, 120_000), c('o3', 10, 90_000)], eligible)
    expect(half.participation.met).toBe(true)
    expect(half.passed).toBe(false)
    const more = tally(rule, YES_NO_ABSTAIN, [c('o1', 11, 120_000), c('o3', 9, 90_000)], eligible)
    expect(more.passed).toBe(true)
  })
})

describe('civil code art. 278, major matters', () => {
  const rule = ruleFor('civil_code_major')
  const eligible = { households: 12, areaDm2: 120_000 }

  it('passes at exactly 3/4 of participating households and area', () => {
    // 8 take part (2/3 of 12) with 80000 dm²; 6 of 8 = 3/4, 60000 of 80000 = 3/4
    const r = tally(rule, YES_NO_ABSTAIN, [c('o1', 6, 60_000), c('o2', 2, 20_000)], eligible)
    expect(r).toMatchObject({ passed: true, adoptedOptionKey: 'o1' })
  })

  it('fails just under 3/4 of the participating area', () => {
    const r = tally(rule, YES_NO_ABSTAIN, [c('o1', 6, 59_999), c('o2', 2, 20_001)], eligible)
    expect(r.passed).toBe(false)
  })

  it('fails just under 3/4 of the participating households', () => {
    const r = tally(rule, YES_NO_ABSTAIN, [c('o1', 5, 70_000), c('o2', 2, 5_000), c('o3', 1, 5_000)], eligible)
    expect(r.passed).toBe(false)
  })

  it('counts abstentions as participating but not approving: 6 for, 2 abstain of 8 is exactly 3/4', () => {
    const atBoundary = tally(rule, YES_NO_ABSTAIN, [c('o1', 6, 60_000), c('o3', 2, 20_000)], eligible)
    expect(atBoundary).toMatchObject({ passed: true, adoptedOptionKey: 'o1' })
    const oneMore = tally(rule, YES_NO_ABSTAIN, [c('o1', 6, 60_000), c('o3', 3, 30_000)], eligible)
    expect(oneMore.participation.met).toBe(true)
    expect(oneMore.passed).toBe(false)
  })
})

describe('custom ratios', () => {
  it("uses the secretary's participation and approval percentages, by households only when asked", () => {
    const rule = ruleFor('custom', {
      participationPercent: 50,
      approvalPercent: 60,
      approvalMoreThan: false,
      byArea: false,
    })
    expect(rule.byArea).toBe(false)
    const ok = tally(rule, YES_NO_ABSTAIN, [c('o1', 3, 1), c('o2', 2, 999_999)], { households: 10, areaDm2: 1_000_000 })
    expect(ok.passed).toBe(true)
    const under = tally(rule, YES_NO_ABSTAIN, [c('o1', 2, 1), c('o2', 2, 1)], { households: 10, areaDm2: 1_000_000 })
    expect(under.participation.met).toBe(false)
  })

  it('adopts no option when two options tie at an "at least 50 %" rule', () => {
    const options: TallyOption[] = [
      { key: 'a', label: '方案一', kind: 'choice' },
      { key: 'b', label: '方案二', kind: 'choice' },
    ]
    const rule = ruleFor('custom', {
      participationPercent: 0,
      approvalPercent: 50,
      approvalMoreThan: false,
      byArea: true,
    })
    const r = tally(rule, options, [c('a', 5, 500), c('b', 5, 500)], { households: 10, areaDm2: 1000 })
    expect(r).toMatchObject({ passed: false, adoptedOptionKey: null })
    expect(r.summary).toContain('多个选项')
  })

  it('counts abstentions as participating but not approving under a custom rule', () => {
    const rule = ruleFor('custom', {
      participationPercent: 50,
      approvalPercent: 60,
      approvalMoreThan: false,
      byArea: false,
    })
    expect(tally(rule, YES_NO_ABSTAIN, [c('o1', 3, 0), c('o3', 2, 0)], { households: 10, areaDm2: 0 }).passed).toBe(
      true,
    )
    expect(tally(rule, YES_NO_ABSTAIN, [c('o1', 3, 0), c('o3', 3, 0)], { households: 10, areaDm2: 0 }).passed).toBe(
      false,
    )
  })

  it('fails a custom rule by area when households approve but their area does not, and the reverse', () => {
    const rule = ruleFor('custom', {
      participationPercent: 50,
      approvalPercent: 60,
      approvalMoreThan: false,
      byArea: true,
    })
    const eligible = { households: 10, areaDm2: 1000 }
    // households 6/10 approve (60 %), area 500/1000 (50 %): short by area
    expect(tally(rule, YES_NO_ABSTAIN, [c('o1', 6, 500), c('o2', 4, 500)], eligible).passed).toBe(false)
    // area 800/1000 approve, households 5/10: short by households
    expect(tally(rule, YES_NO_ABSTAIN, [c('o1', 5, 800), c('o2', 5, 200)], eligible).passed).toBe(false)
    // both exactly 60 %: passes
    expect(tally(rule, YES_NO_ABSTAIN, [c('o1', 6, 600), c('o2', 4, 400)], eligible).passed).toBe(true)
  })

  it('honours "more than" for the approval percentage', () => {
    const rule = ruleFor('custom', {
      participationPercent: 0,
      approvalPercent: 60,
      approvalMoreThan: true,
      byArea: false,
    })
    expect(tally(rule, YES_NO_ABSTAIN, [c('o1', 6, 0), c('o2', 4, 0)], { households: 10, areaDm2: 0 }).passed).toBe(
      false,
    )
    expect(tally(rule, YES_NO_ABSTAIN, [c('o1', 7, 0), c('o2', 3, 0)], { households: 10, areaDm2: 0 }).passed).toBe(
      true,
    )
  })
})

describe('tally guards and live gaps', () => {
  it('refuses ballots for an option the vote does not have', () => {
    expect(() => tally(ruleFor('simple'), YES_NO_ABSTAIN, [c('zz', 1, 1)], { households: 2, areaDm2: 2 })).toThrow(
      /unknown options/,
    )
  })

  it('refuses more ballots than eligible households', () => {
    expect(() => tally(ruleFor('simple'), YES_NO_ABSTAIN, [c('o1', 3, 1)], { households: 2, areaDm2: 2 })).toThrow(
      /more ballots/,
    )
  })

  it('writes no area sum into the public summary', () => {
    const pass = tally(ruleFor('civil_code_ordinary'), YES_NO_ABSTAIN, [c('o1', 7, 95_000), c('o2', 1, 13_919)], {
      households: 12,
      areaDm2: 161_616,
    })
    expect(pass.summary).toBe('「同意」获 7/8 户，面积也达到同意门槛，表决通过')
    const low = tally(ruleFor('civil_code_ordinary'), YES_NO_ABSTAIN, [c('o1', 2, 27_592)], {
      households: 12,
      areaDm2: 161_616,
    })
    expect(low.summary).toBe('未达到参与门槛（参与 2/12 户，参与面积未达到门槛），表决未通过')
    for (const r of [pass, low]) expect(r.summary).not.toMatch(/\d{3,}|㎡/)
  })
})
