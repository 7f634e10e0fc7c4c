import { fireTimers } from '../../../local/timers'
import { DEFAULT_RULE } from '../../../cloudfunctions/property/domain/rules'
import { openCloud, P, rid, type Cloud } from '../harness'

/**
 * Periods run themselves (issue 14 §9): under a rule with `autoPeriods`, the timer closes a period at
 * its end into the objection window and opens the next by the same date rules as `period.open`; the
 * street may still close early; publishing waits for the street. Races: two timer runs at once, and
 * the timer closing while the admin closes.
 */

type Period = {
  id: string
  key: string
  status: string
  auto: boolean
  closedBy?: string
  closedAt?: string
  objectionUntil?: string
  start: string
  end: string
}
type Page<T> = { items: T[]; total: number }
type Audit = { actor: string; target: string; after: { status?: string; auto?: boolean } }

const STREET = 'st-jinxiu'
/** An instant in Beijing time. */
const bj = (s: string) => new Date(`${s}+08:00`)

let h: Cloud
const fire = () =>
  fireTimers(
    (main, event, { openid }) => h.rawMain(main, event, openid).then((result) => ({ result })),
    [{ fn: 'property', name: 'tick' }],
  )
const periods = async () =>
  (await h.ok<Page<Period>>('property', 'period.list', { streetId: STREET, pageSize: 50 }, P.liu)).items
const period = async (key: string) => (await periods()).find((p) => p.key === key)
const audits = async (key: string, status: string) =>
  (
    (
      await h.db
        .collection('audit')
        .where({ target: `property_periods/per:${STREET}:${key}` })
        .limit(100)
        .get()
    ).data as Audit[]
  ).filter((a) => a.after?.status === status)

describe('a street whose rule runs periods by themselves', () => {
  beforeAll(async () => {
    h = await openCloud()
  })
  afterAll(() => h.close())

  it('leaves the open month alone before its end', async () => {
    h.setNow(bj('2026-11-30T23:50:00'))
    await fire()
    expect(await period('2026-11')).toMatchObject({ status: 'open', auto: true })
    expect(await period('2026-12')).toBeUndefined()
  })

  it('closes the month at its end into its objection window and opens the next month, as the timer', async () => {
    h.setNow(bj('2026-12-01T00:05:00'))
    await fire()
    const nov = await period('2026-11')
    expect(nov).toMatchObject({
      status: 'closed',
      closedBy: 'timer',
      closedAt: bj('2026-12-01T00:05:00').toISOString(),
      objectionUntil: bj('2026-12-04T00:05:00').toISOString(),
    })
    expect(await period('2026-12')).toMatchObject({
      status: 'open',
      auto: true,
      start: bj('2026-12-01T00:00:00').toISOString(),
      end: bj('2027-01-01T00:00:00').toISOString(),
    })
    expect((await audits('2026-11', 'closed')).map((a) => a.actor)).toEqual(['system:timer'])
    expect((await audits('2026-12', 'open')).map((a) => a.actor)).toEqual(['system:timer'])
    // Residents rate December now.
    const ctx = await h.ok<{ period: { key: string } | null }>(
      'property',
      'rating.context',
      { householdId: 'h-hx-1-1-101' },
      P.liu,
    )
    expect(ctx.period?.key).toBe('2026-12')
  })

  it('never publishes: after the window the closed month waits for the street', async () => {
    h.setNow(bj('2026-12-05T00:00:00'))
    await fire()
    expect((await period('2026-11'))?.status).toBe('closed')
    expect(
      (
        await h.db
          .collection('property_publications')
          .where({ periodId: `per:${STREET}:2026-11` })
          .count()
      ).total,
    ).toBe(0)
  })

  it('closes and opens once when two timer runs meet', async () => {
    h.setNow(bj('2027-01-01T00:10:00'))
    await Promise.all([fire(), fire()])
    expect((await period('2026-12'))?.status).toBe('closed')
    expect(await audits('2026-12', 'closed')).toHaveLength(1)
    expect(await audits('2027-01', 'open')).toHaveLength(1)
    expect((await periods()).filter((p) => p.status === 'open').map((p) => p.key)).toEqual(['2027-01'])
  })

  it('lets the street close early; the objection window follows its close and the next month still opens at the end', async () => {
    h.setNow(bj('2027-01-20T10:00:00'))
    const closed = await h.ok<Period>('property', 'period.close', { periodId: `per:${STREET}:2027-01` }, P.admin)
    expect(closed).toMatchObject({
      status: 'closed',
      closedBy: 'admin',
      objectionUntil: bj('2027-01-23T10:00:00').toISOString(),
    })
    await fire()
    expect(await period('2027-02')).toBeUndefined()
    h.setNow(bj('2027-02-01T00:00:00'))
    await fire()
    expect(await period('2027-02')).toMatchObject({ status: 'open', auto: true })
    expect(await audits('2027-01', 'closed')).toHaveLength(1)
  })

  it('closes once when the timer and the admin close at the same moment; the loser changes nothing', async () => {
    h.setNow(bj('2027-03-01T00:01:00'))
    const [, admin] = await Promise.all([
      fire(),
      h.call<Period>('property', 'period.close', { periodId: `per:${STREET}:2027-02` }, P.admin),
    ])
    expect(admin.env.ok ? 'ok' : admin.env.error.code).toMatch(/^(ok|CONFLICT)$/)
    const feb = await period('2027-02')
    expect(feb?.status).toBe('closed')
    expect(await audits('2027-02', 'closed')).toHaveLength(1)
    expect(feb?.objectionUntil).toBe(new Date(new Date(feb!.closedAt!).getTime() + 3 * 86_400_000).toISOString())
    // The next month is opened (this run or the next), once.
    await fire()
    expect(await audits('2027-03', 'open')).toHaveLength(1)
  })
})

describe('a cadence change and a street that stops the timer', () => {
  beforeAll(async () => {
    h = await openCloud()
  })
  afterAll(() => h.close())

  it("waits for the new cadence's first period that does not overlap: nothing in between, then the quarter", async () => {
    h.setNow(bj('2026-11-20T10:00:00'))
    await h.ok(
      'property',
      'rule.publish',
      { requestId: rid(), streetId: STREET, rule: { ...DEFAULT_RULE, cadence: 'quarterly' } },
      P.admin,
    )
    h.setNow(bj('2026-12-01T00:05:00'))
    await fire()
    // November closed; the quarter containing now (Q4) overlaps November: it never opens.
    expect((await period('2026-11'))?.status).toBe('closed')
    expect((await periods()).some((p) => p.status === 'open')).toBe(false)
    h.setNow(bj('2026-12-20T00:00:00'))
    await fire()
    expect((await periods()).some((p) => p.status === 'open')).toBe(false)
    h.setNow(bj('2027-01-01T00:05:00'))
    await fire()
    expect(await period('2027-Q1')).toMatchObject({
      status: 'open',
      auto: true,
      end: bj('2027-04-01T00:00:00').toISOString(),
    })
  })

  it('hands a period back to the street once the rule no longer runs them: it stays open past its end', async () => {
    h.setNow(bj('2027-02-10T10:00:00'))
    await h.ok(
      'property',
      'rule.publish',
      { requestId: rid(), streetId: STREET, rule: { ...DEFAULT_RULE, cadence: 'quarterly', autoPeriods: false } },
      P.admin,
    )
    h.setNow(bj('2027-04-01T00:05:00'))
    await fire()
    expect(await period('2027-Q1')).toMatchObject({ status: 'open', auto: false })
    await fire()
    expect(await period('2027-Q2')).toBeUndefined()
    // The street closes and opens by hand; a period opened under a manual rule does not run on the timer.
    await h.ok('property', 'period.close', { periodId: `per:${STREET}:2027-Q1` }, P.admin)
    const q2 = await h.ok<Period>('property', 'period.open', { requestId: rid(), streetId: STREET }, P.admin)
    expect(q2).toMatchObject({ key: '2027-Q2', auto: false })
  })

  it('refuses an overlapping open to the admin as to the timer, and opens one period when both open at once', async () => {
    h.setNow(bj('2027-05-01T09:00:00'))
    await h.ok(
      'property',
      'rule.publish',
      { requestId: rid(), streetId: STREET, rule: { ...DEFAULT_RULE, cadence: 'monthly', autoPeriods: true } },
      P.admin,
    )
    await h.ok('property', 'period.close', { periodId: `per:${STREET}:2027-Q2` }, P.admin)
    // Q2 runs to July; May overlaps it: nothing may open before then.
    await h.expectRefused('property', 'period.open', { requestId: rid(), streetId: STREET }, P.admin, 'CONFLICT')
    h.setNow(bj('2027-07-01T00:00:00'))
    // Q2 was opened under the manual rule: the timer leaves it; the street opens July, which runs on the timer.
    await fire()
    expect(await period('2027-07')).toBeUndefined()
    expect(
      await h.ok<Period>('property', 'period.open', { requestId: rid(), streetId: STREET }, P.admin),
    ).toMatchObject({ key: '2027-07', auto: true })
    h.setNow(bj('2027-07-20T10:00:00'))
    await h.ok('property', 'period.close', { periodId: `per:${STREET}:2027-07` }, P.admin)
    h.setNow(bj('2027-08-01T00:00:00'))
    const [admin] = await Promise.all([
      h.call<Period>('property', 'period.open', { requestId: rid(), streetId: STREET }, P.admin),
      fire(),
    ])
    expect(admin.env.ok ? 'ok' : admin.env.error.code).toMatch(/^(ok|CONFLICT)$/)
    expect(await audits('2027-08', 'open')).toHaveLength(1)
    expect((await periods()).filter((p) => p.status === 'open').map((p) => p.key)).toEqual(['2027-08'])
  })
})
