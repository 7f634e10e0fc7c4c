import {
  BALLOT_BOXES,
  boxIndex,
  firstSnapshot,
  liveTurnout,
  MIN_GROUP,
  nextSnapshot,
  publicResult,
  SMALL_ELECTORATE,
  snapshotDue,
  type TurnoutSnapshot,
} from '../../../cloudfunctions/council/domain/disclosure'
import { ruleFor, tally, type TallyOption } from '../../../cloudfunctions/council/domain/tally'

const YES_NO_ABSTAIN: TallyOption[] = [
  { key: 'o1', label: '同意', kind: 'for' },
  { key: 'o2', label: '反对', kind: 'against' },
  { key: 'o3', label: '弃权', kind: 'abstain' },
]
const T = new Date('2026-11-23T02:00:00Z')
const at = (minutes: number) => new Date(T.getTime() + minutes * 60_000)
const civil = ruleFor('civil_code_ordinary')
/** 72 households of 100 ㎡ (10,000 dm²) each. */
const ESTATE = { households: 72, areaDm2: 720_000 }
const BUILDING = { households: 12, areaDm2: 161_616 }
const snap = (households: number, areaDm2: number, prev: TurnoutSnapshot = firstSnapshot(T), e = ESTATE) =>
  nextSnapshot(prev, { households, areaDm2 }, e, at(10))

describe('ballot boxes', () => {
  it('puts a household always in the same one of 16 boxes and spreads households over all of them', () => {
    expect(boxIndex('h-hx-1-1-101')).toBe(boxIndex('h-hx-1-1-101'))
    const used = new Set(Array.from({ length: 400 }, (_, i) => boxIndex(`h-hx-${i}`)))
    expect(used.size).toBe(BALLOT_BOXES)
    for (const i of used) expect(i >= 0 && i < BALLOT_BOXES).toBe(true)
  })
})

describe('the live turnout snapshot', () => {
  it('is refreshed once per 10-minute window, never per ballot', () => {
    const s = firstSnapshot(at(3))
    expect(s.at).toEqual(T)
    expect(snapshotDue(s, at(9))).toBe(false)
    expect(snapshotDue(s, at(10))).toBe(true)
    expect(nextSnapshot(s, { households: 1, areaDm2: 9000 }, ESTATE, at(17)).at).toEqual(at(10))
  })

  it('never shows area for a small electorate, however many have voted', () => {
    expect(SMALL_ELECTORATE).toBe(20)
    const s = snap(8, 109_056, firstSnapshot(T), BUILDING)
    expect(s.shown).toBeNull()
    expect(liveTurnout(civil, BUILDING, s)).toMatchObject({
      households: 8,
      areaPercent: null,
      gap: { households: 0, areaPercent: null },
      participationMet: null,
    })
  })

  it('shows area in whole percent once at least 5 have voted, and moves it only by 5 more ballots', () => {
    expect(MIN_GROUP).toBe(5)
    expect(snap(4, 40_000).shown).toBeNull()
    const five = snap(5, 51_234)
    expect(five.shown).toEqual({ percent: 7, households: 5, areaDm2: 51_234 })
    const nine = snap(9, 95_000, five)
    expect(nine.shown).toBe(five.shown)
    expect(liveTurnout(civil, ESTATE, nine).areaPercent).toBe(7)
    expect(snap(10, 101_000, nine).shown).toEqual({ percent: 14, households: 10, areaDm2: 101_000 })
  })

  it('withholds the area while fewer than 5 households have not voted, and shows 100 % when all have', () => {
    const s = snap(69, 690_000, snap(60, 600_000))
    expect(s.shown?.households).toBe(60)
    expect(snap(72, 720_000, s).shown).toEqual({ percent: 100, households: 72, areaDm2: 720_000 })
  })

  it('gives the gap to 2/3 in households, and in area percent only when area is shown', () => {
    const s = snap(40, 500_000)
    expect(liveTurnout(civil, ESTATE, s)).toEqual({
      households: 40,
      areaPercent: 69,
      gap: { households: 8, areaPercent: 0 },
      participationMet: false,
    })
    const households = snap(48, 470_000)
    expect(liveTurnout(civil, ESTATE, households)).toEqual({
      households: 48,
      areaPercent: 65,
      gap: { households: 0, areaPercent: 2 },
      participationMet: false,
    })
    const both = snap(48, 480_000)
    expect(liveTurnout(civil, ESTATE, both)).toMatchObject({
      gap: { households: 0, areaPercent: 0 },
      participationMet: true,
    })
  })

  it('has no gap under simple majority and never shows area for a rule that does not count it', () => {
    expect(liveTurnout(ruleFor('simple'), ESTATE, snap(30, 300_000))).toEqual({
      households: 30,
      areaPercent: null,
      gap: null,
      participationMet: null,
    })
  })
})

describe('the public result', () => {
  it('carries per option only households and the one approval flag, and no area sum anywhere', () => {
    const r = tally(
      civil,
      YES_NO_ABSTAIN,
      [
        { key: 'o1', households: 1, areaDm2: 13_673 },
        { key: 'o2', households: 1, areaDm2: 13_919 },
      ],
      BUILDING,
    )
    const p = publicResult(r)
    expect(p.options.map((o) => Object.keys(o).sort())).toEqual(
      Array(3).fill(['approvalMet', 'households', 'key', 'kind', 'label']),
    )
    expect(p.participation.area).toEqual({ met: false, percent: null })
    expect(JSON.stringify(p)).not.toMatch(/13673|13919|27592|areaDm2/)
  })

  it('adds the whole area percent when the electorate is not small and every option with ballots has at least 5', () => {
    const ok = tally(
      civil,
      YES_NO_ABSTAIN,
      [
        { key: 'o1', households: 60, areaDm2: 600_000 },
        { key: 'o2', households: 5, areaDm2: 50_000 },
      ],
      ESTATE,
    )
    expect(publicResult(ok).participation.area).toEqual({ met: true, percent: 90 })
    const lonely = tally(
      civil,
      YES_NO_ABSTAIN,
      [
        { key: 'o1', households: 60, areaDm2: 600_000 },
        { key: 'o2', households: 4, areaDm2: 40_000 },
      ],
      ESTATE,
    )
    expect(publicResult(lonely).participation.area).toEqual({ met: true, percent: null })
    const fewAbsent = tally(
      civil,
      YES_NO_ABSTAIN,
      [
        { key: 'o1', households: 62, areaDm2: 620_000 },
        { key: 'o2', households: 6, areaDm2: 60_000 },
      ],
      ESTATE,
    )
    expect(publicResult(fewAbsent).participation.area).toEqual({ met: true, percent: null })
  })

  it('has no area part for a rule by households alone', () => {
    const r = tally(
      ruleFor('simple'),
      YES_NO_ABSTAIN,
      [
        { key: 'o1', households: 6, areaDm2: 60_000 },
        { key: 'o2', households: 5, areaDm2: 50_000 },
      ],
      ESTATE,
    )
    expect(publicResult(r).participation.area).toBeNull()
  })
})
