import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'
import { DEFAULT_RULE } from '../../../cloudfunctions/property/domain/rules'
import { reviewHeld } from './held'

/**
 * Objections that mean something: the demo street (and the default rule) gives companies a 3-day
 * window after the close, the period says whether it is open, a company has one pending objection
 * per period at a time (also when two are sent at once), and an upheld objection has an effect the
 * street chooses — named ratings excluded (kept, marked, with the reason, out of the aggregate in
 * the same transaction) or a note on the placement — both shown with the company on the list and on
 * its page.
 */

const PERIOD = 'per:st-jinxiu:2026-11'
const DAY = 86_400_000
const QIAN = 'o-prop-qian'
type Period = { id: string; objectionUntil?: string; objectionOpen: boolean }
type Objection = { id: string; status: string; effect?: string; excluded?: number }
type Effect = { kind: string; text: string; excluded: number }
type Entry = { companyId: string; households: number; effects?: Effect[] }
type Rating = {
  id: string
  status: string
  exclusionReason?: string
  stars: Record<string, number>
  rectificationId?: string
}
type Agg = { households: number; sums: Record<string, number>; rectTotal: number }

let h: Cloud
const agg = async (companyId: string) =>
  (
    await h.db
      .collection('property_aggregates')
      .where({ _id: `agg:${PERIOD}:${companyId}` })
      .get()
  ).data[0] as Agg
const periodOf = async () =>
  (await h.ok<{ items: Period[] }>('property', 'period.list', { streetId: 'st-jinxiu' }, QIAN)).items.find(
    (p) => p.id === PERIOD,
  )!
const submit = (companyId: string, text: string, who = QIAN) =>
  h.call<Objection>('property', 'objection.submit', { requestId: rid(), periodId: PERIOD, companyId, text }, who)
const inbox = async (companyId: string) =>
  (await h.ok<{ items: Rating[] }>('property', 'rating.inbox', { companyId, periodId: PERIOD, pageSize: 50 }, P.admin))
    .items

beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

describe('the objection window', () => {
  it('is 3 days by default and on the demo street', async () => {
    expect(DEFAULT_RULE.objectionDays).toBe(3)
    const r = await h.ok<{ rule: { objectionDays: number } }>(
      'property',
      'rule.current',
      { streetId: 'st-jinxiu' },
      QIAN,
    )
    expect(r.rule.objectionDays).toBe(3)
  })

  it('refuses a rule without a window (0 days), changing nothing', async () => {
    await h.expectRefused(
      'property',
      'rule.publish',
      { requestId: rid(), streetId: 'st-jinxiu', rule: { ...DEFAULT_RULE, objectionDays: 0 } },
      P.admin,
      'INVALID_INPUT',
    )
  })

  it('says on the period whether it is open: not before the close, yes for 3 days after, not after', async () => {
    expect((await periodOf()).objectionOpen).toBe(false)
    await h.ok('property', 'period.close', { periodId: PERIOD }, P.admin)
    const p = await periodOf()
    expect(p).toMatchObject({ objectionOpen: true, objectionUntil: new Date(T0.getTime() + 3 * DAY).toISOString() })
    h.setNow(new Date(T0.getTime() + 3 * DAY))
    expect((await periodOf()).objectionOpen).toBe(false)
    h.setNow(new Date(T0.getTime() + DAY))
    expect((await periodOf()).objectionOpen).toBe(true)
  })
})

describe('one pending objection per company per period', () => {
  let first = ''

  it('takes the first and refuses a second while it is pending, changing nothing', async () => {
    const o = await submit('co-2', '四件整改事项中有两件已在线下处理')
    expect(o.env.ok).toBe(true)
    first = o.env.ok ? o.env.data.id : ''
    await h.expectRefused(
      'property',
      'objection.submit',
      { requestId: rid(), periodId: PERIOD, companyId: 'co-2', text: '再补充一条' },
      QIAN,
      'CONFLICT',
    )
  })

  it('takes exactly one of two sent at once by two staff of the same company', async () => {
    await h.db.collection('users').add({
      data: {
        _id: 'o-prop-zheng-2',
        name: '郑二',
        createdAt: T0,
        updatedAt: T0,
        roles: [
          { role: 'property_staff', scopeType: 'company', scopeId: 'co-1', scopeName: '安居', streetId: 'st-jinxiu' },
        ],
      },
    })
    const both = await Promise.all([
      submit('co-1', '样本中有非本小区住户', P.prop),
      submit('co-1', '评价时段停电影响', 'o-prop-zheng-2'),
    ])
    expect(both.map((r) => (r.env.ok ? 'ok' : r.env.error.code)).sort()).toEqual(['CONFLICT', 'ok'])
    const { total } = await h.db
      .collection('property_objections')
      .where({ periodId: PERIOD, companyId: 'co-1' })
      .count()
    expect(total).toBe(1)
  })

  it('takes a new one once the street has decided the pending one', async () => {
    await h.ok(
      'property',
      'objection.decide',
      { objectionId: first, upheld: false, decision: '线下处理未经居民确认，不予采纳' },
      P.admin,
    )
    const again = await submit('co-2', '补充：两件已由居民签字确认')
    expect(again.env.ok).toBe(true)
  })
})

describe('an upheld objection has the effect the street chooses', () => {
  let co2: Objection
  let co1: Objection
  let co4: Objection
  let excluded: Rating[] = []

  beforeAll(async () => {
    await h.db.collection('users').add({
      data: {
        _id: 'o-staff-co4',
        name: '万邦员工',
        createdAt: T0,
        updatedAt: T0,
        roles: [
          { role: 'property_staff', scopeType: 'company', scopeId: 'co-4', scopeName: '万邦', streetId: 'st-jinxiu' },
        ],
      },
    })
    const o = await submit('co-4', '集中评价存疑', 'o-staff-co4')
    co4 = o.env.ok ? o.env.data : ({} as Objection)
    const all = await h.ok<{ items: Objection[] }>(
      'property',
      'objection.list',
      { periodId: PERIOD, pageSize: 50 },
      P.admin,
    )
    co2 = all.items.find((o) => o.status === 'pending' && (o as unknown as { companyId: string }).companyId === 'co-2')!
    co1 = all.items.find((o) => (o as unknown as { companyId: string }).companyId === 'co-1')!
  })

  it('refuses “upheld” without an effect, an exclusion without ratings, and an effect on a rejection — nothing changed', async () => {
    await h.expectRefused(
      'property',
      'objection.decide',
      { objectionId: co2.id, upheld: true, decision: '成立' },
      P.admin,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'property',
      'objection.decide',
      { objectionId: co2.id, upheld: true, decision: '成立', effect: 'exclude', ratingIds: [] },
      P.admin,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'property',
      'objection.decide',
      { objectionId: co2.id, upheld: false, decision: '不成立', effect: 'annotate' },
      P.admin,
      'INVALID_INPUT',
    )
  })

  it('refuses excluding another company’s rating, an unknown one, or one not counted — nothing changed', async () => {
    const [other] = await inbox('co-1')
    await h.expectRefused(
      'property',
      'objection.decide',
      { objectionId: co2.id, upheld: true, decision: '剔除', effect: 'exclude', ratingIds: [other.id] },
      P.admin,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'property',
      'objection.decide',
      { objectionId: co2.id, upheld: true, decision: '剔除', effect: 'exclude', ratingIds: ['rt_none'] },
      P.admin,
      'NOT_FOUND',
    )
    const held = (await inbox('co-4')).find((r) => r.status === 'held')!
    await h.expectRefused(
      'property',
      'objection.decide',
      { objectionId: co4.id, upheld: true, decision: '剔除', effect: 'exclude', ratingIds: [held.id] },
      P.admin,
      'CONFLICT',
    )
  })

  it('excludes named ratings: kept, marked with the reason, out of the aggregate (stars, household and their item) in one transaction', async () => {
    const before = await agg('co-2')
    excluded = (await inbox('co-2')).filter((r) => r.status === 'counted' && r.rectificationId).slice(0, 2)
    expect(excluded).toHaveLength(2)
    const d = await h.ok<Objection>(
      'property',
      'objection.decide',
      {
        objectionId: co2.id,
        upheld: true,
        decision: '经核实，这两户当月已搬离，评价不计入',
        effect: 'exclude',
        ratingIds: excluded.map((r) => r.id),
      },
      P.admin,
    )
    expect(d).toMatchObject({ status: 'upheld', effect: 'exclude', excluded: 2 })
    const after = await agg('co-2')
    expect(after.households).toBe(before.households - 2)
    expect(after.sums.cleaning).toBe(before.sums.cleaning - excluded[0].stars.cleaning - excluded[1].stars.cleaning)
    const kept = (await inbox('co-2')).filter((r) => excluded.some((x) => x.id === r.id))
    expect(kept.map((r) => [r.status, r.exclusionReason])).toEqual([
      ['excluded', '经核实，这两户当月已搬离，评价不计入'],
      ['excluded', '经核实，这两户当月已搬离，评价不计入'],
    ])
    // Their rectification items leave the counts too.
    expect(after.rectTotal).toBe(before.rectTotal - 2)
  })

  it('annotates the placement instead, when the street chooses so', async () => {
    const d = await h.ok<Objection>(
      'property',
      'objection.decide',
      { objectionId: co1.id, upheld: true, decision: '评价时段小区停电属实，已在榜单上注明', effect: 'annotate' },
      P.admin,
    )
    expect(d).toMatchObject({ status: 'upheld', effect: 'annotate', excluded: 0 })
  })

  it('shows both with the company on the published list and on its page', async () => {
    await h.ok(
      'property',
      'objection.decide',
      { objectionId: co4.id, upheld: false, decision: '集中评价已按复核流程处理' },
      P.admin,
    )
    await reviewHeld(h, PERIOD)
    h.setNow(new Date(T0.getTime() + 4 * DAY))
    await h.ok('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin)
    const list = await h.ok<{ entries: Entry[] }>('property', 'list.current', { streetId: 'st-jinxiu' }, P.zhou)
    const e2 = list.entries.find((e) => e.companyId === 'co-2')!
    expect(e2.effects).toEqual([
      expect.objectContaining({ kind: 'exclude', excluded: 2, text: '经核实，这两户当月已搬离，评价不计入' }),
    ])
    expect(e2.households).toBe(9)
    // The two excluded ratings' items (unanswered past their reply window) no longer count against co-2.
    const { data } = await h.db.collection('property_publications').where({ periodId: PERIOD, live: true }).get()
    expect(
      (data[0] as { inputs: { companyId: string; rectUnresolved: number }[] }).inputs.find(
        (i) => i.companyId === 'co-2',
      )?.rectUnresolved,
    ).toBe(2)
    expect(list.entries.find((e) => e.companyId === 'co-1')?.effects).toEqual([
      expect.objectContaining({ kind: 'annotate', excluded: 0, text: '评价时段小区停电属实，已在榜单上注明' }),
    ])
    expect(list.entries.find((e) => e.companyId === 'co-3')?.effects).toEqual([])
    const page = await h.ok<{ current: Entry; history: { periodId: string; effects: Effect[] }[] }>(
      'property',
      'company.get',
      { companyId: 'co-2' },
      P.zhou,
    )
    expect(page.current.effects).toEqual([expect.objectContaining({ kind: 'exclude', excluded: 2 })])
    expect(page.history.find((p) => p.periodId === PERIOD)?.effects).toEqual([
      expect.objectContaining({ kind: 'exclude' }),
    ])
  })

  it('the published list still recomputes exactly', async () => {
    const cur = await h.ok<{ id: string }>('property', 'list.current', { streetId: 'st-jinxiu' }, P.zhou)
    expect(
      (await h.ok<{ matches: boolean }>('property', 'list.recompute', { publicationId: cur.id }, P.zhou)).matches,
    ).toBe(true)
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
