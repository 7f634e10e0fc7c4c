import { readFileSync } from 'fs'
import { join } from 'path'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { DEFAULT_RULE } from '../../../cloudfunctions/property/domain/rules'
import { propertyActions } from '../../../types/property'
import { reviewHeld } from './held'

/**
 * SPEC §6/§7: no action returns a rater's identity (openid, name, household, address) to company
 * staff. Residents rate with comments; then every action staff can call — in the objection window
 * and after publication — is swept for any trace, and the sweep is checked against the contract.
 */

const PERIOD = 'per:st-jinxiu:2026-11'
const QIAN = 'o-prop-qian'
const CHEN = 'o-res-chen'
/** Everything that would identify the raters of this test (and the seeded ones). */
const TRACES =
  /o-res-liu|o-res-chen|o-demo-rater|刘芳|陈桂兰|h-hx-|1号楼 101|2号楼|raterOpenid|householdId|"address"|1380000/
const STAFF: [string, string][] = [
  [P.prop, 'co-1'],
  [QIAN, 'co-2'],
]

let h: Cloud
/** Every action a staff member's call went through, successfully. */
const swept = new Set<string>()

beforeAll(async () => {
  h = await openCloud()
  // An objection window of 3 days, so staff can object once the month is closed.
  await h.ok(
    'property',
    'rule.publish',
    { requestId: rid(), streetId: 'st-jinxiu', rule: { ...DEFAULT_RULE, objectionDays: 3 } },
    P.admin,
  )
  await h.ok(
    'property',
    'rating.submit',
    {
      requestId: rid(),
      periodId: PERIOD,
      householdId: 'h-hx-1-1-101',
      stars: { cleaning: 1, order: 4, repairs: 4, greening: 4, attitude: 4, fees: 4 },
      comment: '垃圾桶满了没人清',
    },
    P.liu,
  )
  await h.ok(
    'property',
    'rating.submit',
    {
      requestId: rid(),
      periodId: PERIOD,
      householdId: 'h-hx-2-1-101',
      stars: { cleaning: 2, order: 2, repairs: 1, greening: 3, attitude: 3, fees: 3 },
      comment: '电梯常坏',
    },
    CHEN,
  )
  await h.ok('property', 'period.close', { periodId: PERIOD }, P.admin)
})
afterAll(() => h.close())

/** Call as staff, keep the whole envelope as text, and note the action as swept. */
function grabber(openid: string, out: string[]) {
  return async <T = Record<string, unknown>>(action: string, input: unknown): Promise<T> => {
    const { env } = await h.call('property', action, input, openid)
    expect({ action, ok: env.ok }).toEqual({ action, ok: true })
    swept.add(action)
    out.push(`${action} ${JSON.stringify(env)}`)
    return (env.ok ? env.data : {}) as T
  }
}

/** In the objection window: every read and write staff have about ratings, items, assessments, objections and the list. */
async function staffSeesInWindow(openid: string, companyId: string): Promise<string[]> {
  const out: string[] = []
  const grab = grabber(openid, out)
  const inbox = await grab<{ items: { id: string; comment?: string }[] }>('rating.inbox', { companyId })
  const commented = inbox.items.find((i) => i.comment)!
  // The summary: averages and households per estate of the period, comments, overdue items.
  const summary = await grab<{ households: number; estates: { households: number }[] }>('rating.summary', { companyId })
  expect(summary.households).toBeGreaterThan(0)
  await grab('rating.answer', { ratingId: commented.id, text: '已处理' })
  // 举报: the answer is the same whether the rater's household is the reporter's or not (issue 12 §5).
  await grab('report.submit', { kind: 'rating_comment', id: commented.id, reason: 'false' })
  const rects = await grab<{ items: { id: string; status: string }[] }>('rectification.list', { companyId })
  const open = rects.items.find((r) => r.status !== 'resolved')!
  await grab('rectification.report', { rectificationId: open.id, text: '处理中', done: false })
  await grab('assessment.submit', {
    periodId: PERIOD,
    communityId: 'c-hx',
    companyId,
    direction: 'of_community',
    score: 80,
  })
  await grab('assessment.list', { periodId: PERIOD, companyId })
  await grab('objection.submit', { requestId: rid(), periodId: PERIOD, companyId, text: '整改事项已在线下处理' })
  await grab('objection.list', { periodId: PERIOD, companyId })
  await grab('list.preview', { periodId: PERIOD })
  await grab('company.list', { streetId: 'st-jinxiu' })
  const page = await grab<{ redProperty: { version: number } | null }>('company.get', { companyId })
  await grab('redProperty.declare', {
    companyId,
    expectedVersion: page.redProperty?.version ?? 0,
    kind: 'members_only',
    staffMembers: 2,
    onSiteMembers: 1,
    committeeMembers: [],
  })
  await grab('rule.current', { streetId: 'st-jinxiu' })
  await grab('period.list', { streetId: 'st-jinxiu' })
  const current = await grab<{ id: string }>('list.current', { streetId: 'st-jinxiu' })
  await grab('list.recompute', { publicationId: current.id })
  await grab('summons.list', { streetId: 'st-jinxiu', companyId })
  return out
}

/** After the month's list is published from these ratings: the list, its recompute and the company page. */
async function staffSeesPublished(openid: string, companyId: string, publicationId: string): Promise<string[]> {
  const out: string[] = []
  const grab = grabber(openid, out)
  await grab('list.current', { streetId: 'st-jinxiu' })
  await grab('list.recompute', { publicationId })
  await grab('list.inputs', { publicationId })
  await grab('rule.get', { streetId: 'st-jinxiu', version: 2 })
  // The downloaded 核算数据 itself, not only the link to it (the Excel's cells are checked in recompute.test.ts).
  const file = await grab<{ fileID: string }>('list.download', { publicationId })
  out.push(`list.download ${readFileSync(join(h.dir, 'uploads', file.fileID.replace('cloud://local/', '')), 'utf8')}`)
  await grab('company.get', { companyId })
  await grab('objection.list', { periodId: PERIOD, companyId })
  await grab('rating.inbox', { companyId, periodId: PERIOD })
  await grab('rating.summary', { companyId, periodId: PERIOD })
  await grab('rectification.list', { companyId })
  return out
}

describe('anonymity towards company staff', () => {
  it('shows staff of co-1 every rating and item about them, in the objection window, without any trace of who rated', async () => {
    for (const line of await staffSeesInWindow(P.prop, 'co-1')) expect(line).not.toMatch(TRACES)
  })

  it('shows staff of co-2 the same way', async () => {
    for (const line of await staffSeesInWindow(QIAN, 'co-2')) expect(line).not.toMatch(TRACES)
  })

  it('keeps the published list, its recompute and the company page free of traces', async () => {
    h.setNow(new Date(T0.getTime() + 4 * 86_400_000))
    const objections = await h.ok<{ items: { id: string }[] }>(
      'property',
      'objection.list',
      { periodId: PERIOD },
      P.admin,
    )
    for (const o of objections.items)
      await h.ok(
        'property',
        'objection.decide',
        { objectionId: o.id, upheld: false, decision: '经核实不予采纳' },
        P.admin,
      )
    await reviewHeld(h, PERIOD)
    const pub = await h.ok<{ id: string }>('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin)
    for (const [openid, companyId] of STAFF) {
      for (const line of await staffSeesPublished(openid, companyId, pub.id)) expect(line).not.toMatch(TRACES)
    }
  })

  it('sweeps every action the contract lets company staff call (photo upload is residents’ only)', () => {
    const staffCallable = Object.entries(propertyActions)
      .filter(([, a]) => (a.roles as readonly string[]).some((r) => r === 'property_staff' || r === 'authenticated'))
      .map(([name]) => name)
      .sort()
    expect(staffCallable.length).toBeGreaterThan(0)
    expect([...swept].sort()).toEqual(staffCallable)
  })

  it('the trace pattern does catch identity where it is allowed: the rater sees their own household', async () => {
    const ctx = await h.ok('property', 'rating.context', { householdId: 'h-hx-1-1-101' }, P.liu)
    expect(JSON.stringify(ctx)).toMatch(TRACES)
  })
})
