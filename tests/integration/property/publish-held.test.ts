import { openCloud, P, rid, T0, type Cloud } from '../harness'

/**
 * A held rating (newly verified household beyond the threshold) counts only after the street's
 * review, so publishing a period refuses while any of its held ratings is undecided — with a clear
 * message, nothing changed, and the same number of requests however many ratings there are.
 * The demo's open month holds two ratings of co-4.
 */

const PERIOD = 'per:st-jinxiu:2026-11'
const stars4 = { cleaning: 4, order: 4, repairs: 4, greening: 4, attitude: 4, fees: 4 }
type Inputs = { companyId: string; households: number }[]

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
  await h.ok('property', 'period.close', { periodId: PERIOD }, P.admin)
  h.setNow(new Date(T0.getTime() + 4 * 86_400_000)) // past the 3-day objection window
})
afterAll(() => h.close())

/** Extra held ratings of co-4, written as rating.submit would (the aggregate's held count follows). */
async function addHeld(n: number) {
  for (let i = 0; i < n; i++) {
    await h.db.collection('property_ratings').add({
      data: {
        _id: `rt:${PERIOD}:co-4:h-yg-2-9-${i}`,
        publicId: `rt_extra_${i}`,
        periodId: PERIOD,
        streetId: 'st-jinxiu',
        companyId: 'co-4',
        companyName: '万邦物业管理有限公司',
        estateId: 'e-yg-2',
        estateName: '朝阳新村',
        communityId: 'c-yg',
        householdId: `h-yg-2-9-${i}`,
        address: `朝阳新村 9号楼 ${i}`,
        raterOpenid: `o-extra-${i}`,
        verifiedAt: T0,
        stars: stars4,
        hasComment: false,
        photos: [],
        status: 'held',
        low: false,
        lowDims: [],
        edits: 0,
        createdAt: T0,
        updatedAt: T0,
      },
    })
  }
  await h.db
    .collection('property_aggregates')
    .doc(`agg:${PERIOD}:co-4`)
    .update({ data: { held: h.db.command.inc(n) } })
}

describe('publishing a period with held ratings', () => {
  let requests = 0

  it('is refused with the number still to review, changing nothing', async () => {
    const error = await h.expectRefused(
      'property',
      'list.publish',
      { requestId: rid(), periodId: PERIOD },
      P.admin,
      'CONFLICT',
    )
    expect(error?.message).toBe('还有 2 条评价待复核，请先在「复核」中计入或不计入后再发布')
    const { data } = await h.db.collection('property_periods').where({ _id: PERIOD }).get()
    expect(data[0]).toMatchObject({ status: 'closed' })
  })

  it('counts them with one query: the same requests with 2 or 32 held ratings', async () => {
    const first = await h.call('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin)
    requests = first.dbRequests
    await addHeld(30)
    const again = await h.call('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin)
    expect(again.env.ok ? '' : again.env.error.message).toMatch(/^还有 32 条评价待复核/)
    expect(again.dbRequests).toBe(requests)
  })

  it('lists that period’s held ratings for the street (and none of another period)', async () => {
    const page = await h.ok<{ total: number }>(
      'property',
      'review.list',
      { streetId: 'st-jinxiu', periodId: PERIOD, pageSize: 1 },
      P.admin,
    )
    expect(page.total).toBe(32)
    const other = await h.ok<{ total: number }>(
      'property',
      'review.list',
      { streetId: 'st-jinxiu', periodId: 'per:st-jinxiu:2026-10' },
      P.admin,
    )
    expect(other.total).toBe(0)
  })

  it('is still refused while one is left, and publishes once all are decided — counting the approved, not the rejected', async () => {
    const page = await h.ok<{ items: { id: string }[] }>(
      'property',
      'review.list',
      { streetId: 'st-jinxiu', periodId: PERIOD, pageSize: 50 },
      P.admin,
    )
    // Oldest first: the demo's two (rated on 5 November), then the thirty added above.
    const [approved, lastLeft, ...extra] = page.items
    expect(extra.map((r) => r.id)).toContain('rt_extra_0')
    await h.ok('property', 'review.decide', { ratingId: approved.id, approve: true }, P.admin)
    for (const r of extra)
      await h.ok('property', 'review.decide', { ratingId: r.id, approve: false, reason: '同日集中认证' }, P.admin)
    const error = await h.expectRefused(
      'property',
      'list.publish',
      { requestId: rid(), periodId: PERIOD },
      P.admin,
      'CONFLICT',
    )
    expect(error?.message).toMatch(/^还有 1 条评价待复核/)
    await h.ok('property', 'review.decide', { ratingId: lastLeft.id, approve: false, reason: '同日集中认证' }, P.admin)
    const pub = await h.ok<{ id: string; entries: { companyId: string; households: number }[] }>(
      'property',
      'list.publish',
      { requestId: rid(), periodId: PERIOD },
      P.admin,
    )
    expect(pub.entries.find((e) => e.companyId === 'co-4')?.households).toBe(11)
    const { data } = await h.db.collection('property_publications').where({ _id: pub.id }).get()
    expect((data[0] as { inputs: Inputs }).inputs.find((i) => i.companyId === 'co-4')?.households).toBe(11)
  })

  it('lets the latest list be published again (nothing held any more)', async () => {
    const v2 = await h.ok<{ version: number }>(
      'property',
      'list.publish',
      { requestId: rid(), periodId: PERIOD },
      P.admin,
    )
    expect(v2.version).toBe(2)
  })
})
