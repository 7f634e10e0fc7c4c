import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { reviewHeld } from './held'

/**
 * What the street is told before publishing (`list.readiness`) and the staff's summary of a period
 * (`rating.summary`), issue 14 §9–§10. Anonymity of the summary is swept in anonymity.test.ts.
 */

const PERIOD = 'per:st-jinxiu:2026-11'
const OCTOBER = 'per:st-jinxiu:2026-10'
const QIAN = 'o-prop-qian'
const OTHER_ADMIN = 'o-admin-elsewhere'
const DAY = 86_400_000

type Readiness = {
  period: { key: string; status: string }
  canPublish: boolean
  blocker: string | null
  heldRatings: number
  pendingObjections: number
  missingAssessments: { companyId: string; companyName: string; communities: string[] }[]
  belowSample: { companyId: string; households: number }[]
  minSample: number
}
type Summary = {
  period: { key: string } | null
  households: number
  held: number
  averages: Record<string, number | null>
  estates: { estateName: string; households: number }[]
  comments: { total: number; unanswered: number }
  overdue: { count: number; items: { id: string; companyId: string }[] }
}

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
  await h.db.collection('users').add({
    data: {
      _id: OTHER_ADMIN,
      name: '外街道管理员',
      roles: [
        {
          role: 'street_admin',
          scopeType: 'street',
          scopeId: 'st-other',
          scopeName: '别的街道',
          streetId: 'st-other',
        },
      ],
      createdAt: T0,
      updatedAt: T0,
    },
  })
})
afterAll(() => h.close())
afterEach(() => h.setNow(T0))

const readiness = (who = P.admin) => h.ok<Readiness>('property', 'list.readiness', { periodId: PERIOD }, who)
const summary = (input: Record<string, unknown> = { companyId: 'co-1' }, who: string = P.prop) =>
  h.ok<Summary>('property', 'rating.summary', input, who)

describe('list.readiness: what the street is told before 发布', () => {
  it('says the month is still open, and which companies no community has assessed and which are below the sample', async () => {
    const r = await readiness()
    expect(r).toMatchObject({
      period: { key: '2026-11', status: 'open' },
      canPublish: false,
      blocker: '本期评价尚未结束，请先结束评价',
      minSample: 10,
    })
    expect(r.missingAssessments.find((m) => m.companyId === 'co-1')?.communities).toContain('和谐社区')
    expect(r.belowSample.every((b) => b.households < 10)).toBe(true)
    expect(r.heldRatings).toBeGreaterThan(0)
  })

  it('drops a company from the missing assessments once its community assesses it', async () => {
    await h.ok(
      'property',
      'assessment.submit',
      { periodId: PERIOD, communityId: 'c-hx', companyId: 'co-1', direction: 'of_company', score: 90 },
      P.secHx,
    )
    const r = await readiness()
    expect(r.missingAssessments.find((m) => m.companyId === 'co-1')?.communities ?? []).not.toContain('和谐社区')
  })

  it('after the close: the window, then the held ratings, block; once they are done it may publish — missing assessments do not block', async () => {
    await h.ok('property', 'period.close', { periodId: PERIOD }, P.admin)
    expect((await readiness()).blocker).toBe('异议期尚未结束')
    h.setNow(new Date(T0.getTime() + 4 * DAY))
    const held = await readiness()
    expect(held.blocker).toContain(`还有 ${held.heldRatings} 条评价待复核`)
    await reviewHeld(h, PERIOD)
    const ready = await readiness()
    expect(ready).toMatchObject({ canPublish: true, blocker: null, heldRatings: 0, pendingObjections: 0 })
    expect(ready.missingAssessments.length).toBeGreaterThan(0)
    // What it says is what 发布 does.
    await h.ok('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin)
  })

  it("is for the street's admin only, and refuses what does not exist — changing nothing", async () => {
    await h.expectRefused('property', 'list.readiness', { periodId: PERIOD }, P.prop, 'FORBIDDEN')
    await h.expectRefused('property', 'list.readiness', { periodId: PERIOD }, P.liu, 'FORBIDDEN')
    await h.expectRefused('property', 'list.readiness', { periodId: PERIOD }, OTHER_ADMIN, 'FORBIDDEN')
    await h.expectRefused('property', 'list.readiness', { periodId: 'per:st-jinxiu:2030-01' }, P.admin, 'NOT_FOUND')
    await h.expectRefused('property', 'list.readiness', { periodId: '../x' }, P.admin, 'INVALID_INPUT')
  })
})

describe("rating.summary: the staff inbox's view of a period", () => {
  let cloud: Cloud
  beforeAll(async () => {
    cloud = h
    h = await openCloud()
  })
  afterAll(() => {
    h.close()
    h = cloud
  })

  it("gives the latest period's averages per dimension and households per estate, from the counted ratings", async () => {
    const s = await summary()
    expect(s.period?.key).toBe('2026-11')
    expect(s.households).toBeGreaterThan(0)
    expect(s.estates.reduce((n, e) => n + e.households, 0)).toBe(s.households)
    for (const v of Object.values(s.averages)) expect(v).toEqual(expect.any(Number))
    for (const v of Object.values(s.averages)) expect(v! >= 1 && v! <= 5).toBe(true)
  })

  it('moves with a new rating: one more household, one more comment unanswered until the company answers', async () => {
    const before = await summary()
    await h.ok(
      'property',
      'rating.submit',
      {
        requestId: rid(),
        periodId: PERIOD,
        householdId: 'h-hx-1-1-101',
        stars: { cleaning: 1, order: 1, repairs: 1, greening: 1, attitude: 1, fees: 1 },
        comment: '楼道灯坏了',
      },
      P.liu,
    )
    const after = await summary()
    expect(after.households).toBe(before.households + 1)
    expect(after.comments).toEqual({ total: before.comments.total + 1, unanswered: before.comments.unanswered + 1 })
    const inbox = await h.ok<{ items: { id: string; comment?: string }[] }>(
      'property',
      'rating.inbox',
      { companyId: 'co-1', periodId: PERIOD },
      P.prop,
    )
    await h.ok(
      'property',
      'rating.answer',
      { ratingId: inbox.items.find((i) => i.comment === '楼道灯坏了')!.id, text: '明天修' },
      P.prop,
    )
    expect((await summary()).comments.unanswered).toBe(before.comments.unanswered)
  })

  it('lists the items overdue now, whatever their period', async () => {
    const now = await summary()
    h.setNow(new Date(T0.getTime() + 40 * DAY))
    const later = await summary()
    expect(later.overdue.count).toBeGreaterThan(now.overdue.count)
    expect(later.overdue.items.length).toBe(Math.min(5, later.overdue.count))
    expect(later.overdue.items.every((i) => i.companyId === 'co-1')).toBe(true)
  })

  it('shows an earlier period when asked, and the street admin may read it too', async () => {
    const oct = await summary({ companyId: 'co-1', periodId: OCTOBER })
    expect(oct.period?.key).toBe('2026-10')
    expect((await summary({ companyId: 'co-1', periodId: OCTOBER }, P.admin)).households).toBe(oct.households)
  })

  it("refuses another company's staff, residents, a period of another street and unknown ids — changing nothing", async () => {
    await h.expectRefused('property', 'rating.summary', { companyId: 'co-1' }, QIAN, 'FORBIDDEN')
    await h.expectRefused('property', 'rating.summary', { companyId: 'co-1' }, P.liu, 'FORBIDDEN')
    await h.expectRefused(
      'property',
      'rating.summary',
      { companyId: 'co-1', periodId: 'per:st-other:2026-11' },
      P.prop,
      'NOT_FOUND',
    )
    await h.expectRefused('property', 'rating.summary', { companyId: 'co-404' }, P.prop, 'NOT_FOUND')
    await h.expectRefused('property', 'rating.summary', { companyId: 'co-1', periodId: 'x y' }, P.prop, 'INVALID_INPUT')
  })
})
