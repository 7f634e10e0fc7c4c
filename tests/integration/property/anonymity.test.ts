import { openCloud, P, rid, type Cloud } from '../harness'

/**
 * SPEC §6/§7: no action returns a rater's identity (openid, name, household, address) to company
 * staff. Residents rate with comments; then every action staff can call is swept for any trace.
 */

const PERIOD = 'per:st-jinxiu:2026-11'
const QIAN = 'o-prop-qian'
const CHEN = 'o-res-chen'
/** Everything that would identify the raters of this test (and the seeded ones). */
const TRACES = /o-res-liu|o-res-chen|o-demo-rater|刘芳|陈桂兰|h-hx-|1号楼 101|2号楼|raterOpenid|householdId|"address"|1380000/

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
  await h.ok('property', 'rating.submit', { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-1-1-101', stars: { cleaning: 1, order: 4, repairs: 4, greening: 4, attitude: 4, fees: 4 }, comment: '垃圾桶满了没人清' }, P.liu)
  await h.ok('property', 'rating.submit', { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-2-1-101', stars: { cleaning: 2, order: 2, repairs: 1, greening: 3, attitude: 3, fees: 3 }, comment: '电梯常坏' }, CHEN)
})
afterAll(() => h.close())

async function staffSees(openid: string, companyId: string): Promise<string[]> {
  const out: string[] = []
  const grab = async (action: string, input: unknown) => {
    const { env } = await h.call('property', action, input, openid)
    expect({ action, ok: env.ok }).toEqual({ action, ok: true })
    out.push(`${action} ${JSON.stringify(env)}`)
    return env.ok ? (env.data as Record<string, unknown>) : {}
  }
  const inbox = (await grab('rating.inbox', { companyId })) as { items: { id: string; comment?: string; rectificationId?: string }[] }
  const commented = inbox.items.find((i) => i.comment)!
  await grab('rating.answer', { ratingId: commented.id, text: '已处理' })
  const rects = (await grab('rectification.list', { companyId })) as { items: { id: string; status: string }[] }
  const open = rects.items.find((r) => r.status !== 'resolved')!
  await grab('rectification.report', { rectificationId: open.id, text: '处理中', done: false })
  await grab('assessment.list', { periodId: PERIOD, companyId })
  await grab('company.get', { companyId })
  await grab('list.current', { streetId: 'st-jinxiu' })
  await grab('list.preview', { periodId: PERIOD })
  await grab('objection.list', { periodId: PERIOD, companyId })
  await grab('summons.list', { streetId: 'st-jinxiu', companyId })
  await grab('assessment.submit', { periodId: PERIOD, communityId: 'c-hx', companyId, direction: 'of_community', score: 80 })
  return out
}

describe('anonymity towards company staff', () => {
  it('shows staff of co-1 every rating and item about them without any trace of who rated', async () => {
    for (const line of await staffSees(P.prop, 'co-1')) expect(line).not.toMatch(TRACES)
  })

  it('shows staff of co-2 the same way', async () => {
    for (const line of await staffSees(QIAN, 'co-2')) expect(line).not.toMatch(TRACES)
  })

  it('the trace pattern does catch identity where it is allowed: the rater sees their own household', async () => {
    const ctx = await h.ok('property', 'rating.context', { householdId: 'h-hx-1-1-101' }, P.liu)
    expect(JSON.stringify(ctx)).toMatch(TRACES)
  })
})
