import { openCloud, P, rid, type Cloud } from '../harness'
import { DEFAULT_RULE } from '../../../cloudfunctions/property/domain/rules'
import { reviewHeld } from './held'

/**
 * Periods are compared by their stored start and end (Asia/Shanghai calendar), never by their keys:
 * the current list is the publication of the latest period (an older period published later is
 * history only), a period overlapping another of the street is never opened (so a household cannot
 * rate November twice when the cadence changes), and the order of periods — in lists, in a company's
 * history, for the rule that a list is final once a later period opened, and for counting earlier
 * periods' unresolved rectification items — follows the dates when months and quarters mix.
 */

const NOV = 'per:st-jinxiu:2026-11'
const DEC = 'per:st-jinxiu:2026-12'
const Q1 = 'per:st-jinxiu:2027-Q1'
const APR = 'per:st-jinxiu:2027-04'
const good = { cleaning: 5, order: 5, repairs: 5, greening: 5, attitude: 5, fees: 5 }
type Pub = { id: string; periodId: string; current?: boolean }
type Entry = { companyId: string; placement: string; reasons: string[] }

let h: Cloud
const at = (iso: string) => h.setNow(new Date(iso))
const rule = (extra: object) =>
  h.ok(
    'property',
    'rule.publish',
    { requestId: rid(), streetId: 'st-jinxiu', rule: { ...DEFAULT_RULE, objectionDays: 1, ...extra } },
    P.admin,
  )
const open = () =>
  h.ok<{ id: string; start: string; end: string }>(
    'property',
    'period.open',
    { requestId: rid(), streetId: 'st-jinxiu' },
    P.admin,
  )
const close = (periodId: string) => h.ok('property', 'period.close', { periodId }, P.admin)
const publish = (periodId: string) => h.ok<Pub>('property', 'list.publish', { requestId: rid(), periodId }, P.admin)
const current = () => h.ok<Pub>('property', 'list.current', { streetId: 'st-jinxiu' }, P.zhou)

describe('the current list never goes back in time', () => {
  beforeAll(async () => {
    h = await openCloud()
    await close(NOV)
    await reviewHeld(h, NOV)
    at('2026-12-01T01:00:00Z')
    await open()
    at('2026-12-28T02:00:00Z')
    await close(DEC)
    at('2027-01-02T02:00:00Z')
  })
  afterAll(() => h.close())

  it('stores each period’s start and end as Shanghai calendar instants', async () => {
    const page = await h.ok<{ items: { id: string; start: string; end: string }[] }>(
      'property',
      'period.list',
      { streetId: 'st-jinxiu' },
      P.zhou,
    )
    expect(page.items.find((p) => p.id === DEC)).toMatchObject({
      start: '2026-11-30T16:00:00.000Z',
      end: '2026-12-31T16:00:00.000Z',
    })
    expect(page.items.find((p) => p.id === NOV)).toMatchObject({
      start: '2026-10-31T16:00:00.000Z',
      end: '2026-11-30T16:00:00.000Z',
    })
  })

  it('publishing December makes it current', async () => {
    const dec = await publish(DEC)
    expect(dec.current).toBe(true)
    expect((await current()).periodId).toBe(DEC)
  })

  it('publishing the older November afterwards keeps it as history only: December stays current', async () => {
    const nov = await publish(NOV)
    expect(nov.current).toBe(false)
    expect((await current()).periodId).toBe(DEC)
    const co = await h.ok<{ history: { periodId: string }[] }>('property', 'company.get', { companyId: 'co-1' }, P.zhou)
    expect(co.history.map((p) => p.periodId).slice(-3)).toEqual(['per:st-jinxiu:2026-10', NOV, DEC])
  })

  it('refuses republishing November once a later period exists, changing nothing', async () => {
    await h.expectRefused('property', 'list.publish', { requestId: rid(), periodId: NOV }, P.admin, 'CONFLICT')
  })
})

describe('periods that would overlap are never opened', () => {
  beforeAll(async () => {
    h = await openCloud()
  })
  afterAll(() => h.close())

  it('refuses a quarter overlapping the closed November when the cadence changes mid-quarter, changing nothing', async () => {
    await close(NOV)
    await rule({ cadence: 'quarterly' })
    at('2026-12-02T02:00:00Z')
    const error = await h.expectRefused(
      'property',
      'period.open',
      { requestId: rid(), streetId: 'st-jinxiu' },
      P.admin,
      'CONFLICT',
    )
    expect(error?.message).toBe('与已有的周期「2026年11月」时间重叠，不能开启「2026年第四季度」')
    // So no household of the street can rate November a second time.
    const ctx = await h.ok<{ period: unknown }>('property', 'rating.context', { householdId: 'h-hx-1-1-101' }, P.liu)
    expect(ctx.period).toBeNull()
  })

  it('refuses a period earlier than the street’s latest (a clock set back), changing nothing', async () => {
    await rule({ cadence: 'monthly' })
    at('2026-10-15T02:00:00Z')
    const error = await h.expectRefused(
      'property',
      'period.open',
      { requestId: rid(), streetId: 'st-jinxiu' },
      P.admin,
      'CONFLICT',
    )
    expect(error?.message).toBe('与已有的周期「2026年10月」时间重叠，不能开启「2026年10月」')
  })

  it('opens two at once only once', async () => {
    at('2026-12-03T02:00:00Z')
    const both = await Promise.all([
      open().then(
        () => 'ok',
        () => 'refused',
      ),
      open().then(
        () => 'ok',
        () => 'refused',
      ),
    ])
    expect(both.sort()).toEqual(['ok', 'refused'])
    const page = await h.ok<{ items: { id: string; status: string }[] }>(
      'property',
      'period.list',
      { streetId: 'st-jinxiu' },
      P.zhou,
    )
    expect(page.items.filter((p) => p.status === 'open').map((p) => p.id)).toEqual([DEC])
  })
})

describe('months and quarters mixed: order by dates', () => {
  let q1Item = ''

  beforeAll(async () => {
    h = await openCloud()
    await close(NOV)
    // A quarter from January: 刘芳's low rating opens an item on co-1 that nobody answers.
    await rule({ cadence: 'quarterly' })
    at('2027-01-05T02:00:00Z')
    await open()
    const r = await h.ok<{ rectificationId: string }>(
      'property',
      'rating.submit',
      {
        requestId: rid(),
        periodId: Q1,
        householdId: 'h-hx-1-1-101',
        stars: { ...good, repairs: 1 },
        comment: '地库照明坏了',
      },
      P.liu,
    )
    q1Item = r.rectificationId
    at('2027-03-30T02:00:00Z')
    await close(Q1)
    // Back to months from April, with no unresolved item allowed and ranking from one household.
    await rule({ cadence: 'monthly', unresolvedLimit: 0, minSample: 1 })
    at('2027-04-03T02:00:00Z')
    await open()
    await h.ok(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: APR, householdId: 'h-hx-1-1-101', stars: good },
      P.liu,
    )
  })
  afterAll(() => h.close())

  it('counts the first quarter’s unresolved item in April (an earlier period by its dates)', async () => {
    expect(q1Item).toMatch(/^rect:/)
    const preview = await h.ok<{ entries: Entry[] }>('property', 'list.preview', { periodId: APR }, P.admin)
    expect(preview.entries.find((e) => e.companyId === 'co-1')?.reasons).toContain(
      '未整改事项 1 件（含往期 1 件），超过上限 0 件',
    )
  })

  it('lists the periods newest first by their start', async () => {
    const page = await h.ok<{ items: { key: string }[] }>('property', 'period.list', { streetId: 'st-jinxiu' }, P.zhou)
    expect(page.items.map((p) => p.key).slice(0, 3)).toEqual(['2027-04', '2027-Q1', '2026-11'])
  })

  it('orders a company’s history by period dates, with April after the quarter', async () => {
    await publish(Q1)
    at('2027-04-20T02:00:00Z')
    await close(APR)
    at('2027-04-25T02:00:00Z')
    const apr = await publish(APR)
    expect((await current()).id).toBe(apr.id)
    const co = await h.ok<{ history: { periodLabel: string }[] }>(
      'property',
      'company.get',
      { companyId: 'co-1' },
      P.zhou,
    )
    expect(co.history.map((p) => p.periodLabel).slice(-2)).toEqual(['2027年第一季度', '2027年4月'])
  })

  it('treats the quarter’s list as final once April exists (republishing it is refused, nothing changed)', async () => {
    await h.expectRefused('property', 'list.publish', { requestId: rid(), periodId: Q1 }, P.admin, 'CONFLICT')
  })
})
