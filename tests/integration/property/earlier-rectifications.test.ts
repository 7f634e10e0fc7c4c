import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { DEFAULT_RULE } from '../../../cloudfunctions/property/domain/rules'
import { reviewHeld } from './held'

/**
 * The rule's limit on unresolved rectification items counts items still open from earlier periods:
 * co-2's November items (the demo's four, unanswered past the reply window, and 陈桂兰's, past its
 * due date by then) count against it when December is scored; December's items never count in
 * November's list. What was counted is frozen with the publication, so recomputing gives exactly
 * the published list.
 */

const NOV = 'per:st-jinxiu:2026-11'
const DEC = 'per:st-jinxiu:2026-12'
const CHEN = 'o-res-chen'
const good = { cleaning: 5, order: 5, repairs: 5, greening: 5, attitude: 5, fees: 5 }
type Entry = { companyId: string; placement: string; reasons: string[] }
type Inputs = { companyId: string; rectTotal: number; rectUnresolved: number; rectUnresolvedEarlier?: number }

let h: Cloud
const frozen = async (pubId: string, companyId: string) => {
  const { data } = await h.db.collection('property_publications').where({ _id: pubId }).get()
  return (data[0] as { inputs: Inputs[] }).inputs.find((i) => i.companyId === companyId)
}
const entry = (entries: Entry[], companyId: string) => entries.find((e) => e.companyId === companyId)

beforeAll(async () => {
  h = await openCloud()
  // 陈桂兰 opens an item on co-2 in November: within its reply window when November is published.
  await h.ok(
    'property',
    'rating.submit',
    {
      requestId: rid(),
      periodId: NOV,
      householdId: 'h-hx-2-1-101',
      stars: { ...good, repairs: 1 },
      comment: '单元门禁坏了',
    },
    CHEN,
  )
  // A one-day objection window, so November is published while her item is still within its 3-day reply window.
  await h.ok(
    'property',
    'rule.publish',
    { requestId: rid(), streetId: 'st-jinxiu', rule: { ...DEFAULT_RULE, objectionDays: 1 } },
    P.admin,
  )
  await h.ok('property', 'period.close', { periodId: NOV }, P.admin)
  await reviewHeld(h, NOV)
  h.setNow(new Date(T0.getTime() + 86_400_000 + 3_600_000))
})
afterAll(() => h.close())

describe('unresolved items from earlier periods', () => {
  let nov = ''

  it('November’s list counts November’s four overdue items (not 陈桂兰’s, still within its time), none of them earlier', async () => {
    const pub = await h.ok<{ id: string; entries: Entry[] }>(
      'property',
      'list.publish',
      { requestId: rid(), periodId: NOV },
      P.admin,
    )
    nov = pub.id
    expect(await frozen(nov, 'co-2')).toMatchObject({ rectTotal: 5, rectUnresolved: 4, rectUnresolvedEarlier: 0 })
    expect(entry(pub.entries, 'co-2')?.reasons[0]).toBe('未整改事项 4 件，超过上限 3 件')
  })

  it('December’s preview holds November’s still-open items against co-2, though December opened none', async () => {
    // From December: rank from one household, and no unresolved item allowed.
    await h.ok(
      'property',
      'rule.publish',
      {
        requestId: rid(),
        streetId: 'st-jinxiu',
        rule: { ...DEFAULT_RULE, objectionDays: 1, minSample: 1, unresolvedLimit: 0 },
      },
      P.admin,
    )
    h.setNow(new Date('2026-12-01T01:00:00Z'))
    await h.ok('property', 'period.open', { requestId: rid(), streetId: 'st-jinxiu' }, P.admin)
    await h.ok(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: DEC, householdId: 'h-hx-2-1-101', stars: good },
      CHEN,
    )
    const preview = await h.ok<{ entries: Entry[] }>('property', 'list.preview', { periodId: DEC }, P.admin)
    expect(entry(preview.entries, 'co-2')).toMatchObject({
      placement: 'black',
      reasons: expect.arrayContaining(['未整改事项 5 件（含往期 5 件），超过上限 0 件']),
    })
  })

  it('an item opened in December and left unanswered counts in December’s list, never in November’s', async () => {
    await h.ok(
      'property',
      'rating.submit',
      {
        requestId: rid(),
        periodId: DEC,
        householdId: 'h-hx-1-1-101',
        stars: { ...good, repairs: 1 },
        comment: '12月楼道灯又坏了',
      },
      P.liu,
    )
    h.setNow(new Date('2026-12-10T01:00:00Z'))
    const dec = await h.ok<{ entries: Entry[] }>('property', 'list.preview', { periodId: DEC }, P.admin)
    expect(entry(dec.entries, 'co-1')?.reasons).toContain('未整改事项 1 件，超过上限 0 件')
    const novAgain = await h.ok<{ entries: Entry[] }>('property', 'list.preview', { periodId: NOV }, P.admin)
    expect(entry(novAgain.entries, 'co-1')?.reasons.join('；')).not.toContain('未整改事项')
  })

  it('an earlier item counts while only reported fixed, and stops counting once the resident confirms it', async () => {
    const mine = await h.ok<{ items: { id: string; periodId: string }[] }>('property', 'rectification.mine', {}, CHEN)
    const item = mine.items.find((i) => i.periodId === NOV)!
    await h.ok(
      'property',
      'rectification.report',
      { rectificationId: item.id, text: '门禁已更换', done: true },
      'o-prop-qian',
    )
    const reported = await h.ok<{ entries: Entry[] }>('property', 'list.preview', { periodId: DEC }, P.admin)
    expect(entry(reported.entries, 'co-2')?.reasons).toContain('未整改事项 5 件（含往期 5 件），超过上限 0 件')
    await h.ok('property', 'rectification.confirm', { rectificationId: item.id, fixed: true }, CHEN)
    const confirmed = await h.ok<{ entries: Entry[] }>('property', 'list.preview', { periodId: DEC }, P.admin)
    expect(entry(confirmed.entries, 'co-2')?.reasons).toContain('未整改事项 4 件（含往期 4 件），超过上限 0 件')
  })

  it('freezes the count (and how many are earlier) with December’s list, which recomputes exactly; November’s stays as published', async () => {
    await h.ok('property', 'period.close', { periodId: DEC }, P.admin)
    h.setNow(new Date('2026-12-11T02:00:00Z'))
    const pub = await h.ok<{ id: string; entries: Entry[] }>(
      'property',
      'list.publish',
      { requestId: rid(), periodId: DEC },
      P.admin,
    )
    expect(await frozen(pub.id, 'co-2')).toMatchObject({ rectTotal: 0, rectUnresolved: 4, rectUnresolvedEarlier: 4 })
    expect(await frozen(pub.id, 'co-1')).toMatchObject({ rectTotal: 1, rectUnresolved: 1, rectUnresolvedEarlier: 0 })
    expect(entry(pub.entries, 'co-2')?.placement).toBe('black')
    for (const id of [pub.id, nov]) {
      expect(
        (await h.ok<{ matches: boolean }>('property', 'list.recompute', { publicationId: id }, P.zhou)).matches,
      ).toBe(true)
    }
    expect(await frozen(nov, 'co-2')).toMatchObject({ rectUnresolved: 4, rectUnresolvedEarlier: 0 })
  })
})
