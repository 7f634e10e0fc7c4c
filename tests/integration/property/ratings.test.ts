import { JPEG, openCloud, P, RISKY_PNG, rid, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'
import { DEFAULT_RULE } from '../../../cloudfunctions/property/domain/rules'

/** rating.context / submit / inbox / answer and the review queue. */

const PERIOD = 'per:st-jinxiu:2026-11'
const good = { cleaning: 5, order: 5, repairs: 5, greening: 4, attitude: 5, fees: 5 }
const poor = { cleaning: 2, order: 3, repairs: 1, greening: 3, attitude: 3, fees: 2 }
type Agg = { households: number; held: number; sums: Record<string, number>; rectTotal: number }
type Rating = { id: string; status: string; stars: Record<string, number>; edits: number; rectificationId?: string }

let h: Cloud
const agg = async (companyId: string) => {
  const { data } = await h.db
    .collection('property_aggregates')
    .where({ _id: `agg:${PERIOD}:${companyId}` })
    .get()
  return data[0] as Agg
}
const resident = (openid: string, householdId: string, extra: object[] = [], bindingDecidedAt?: Date) =>
  h.db.collection('users').add({
    data: {
      _id: openid,
      name: `测试${openid.slice(-2)}`,
      createdAt: T0,
      updatedAt: T0,
      ...(bindingDecidedAt ? { bindingId: `bind-${householdId}` } : {}),
      roles: [
        {
          role: 'resident',
          scopeType: 'household',
          scopeId: householdId,
          scopeName: householdId,
          communityId: 'c-hx',
          streetId: 'st-jinxiu',
        },
        ...extra,
      ],
    },
  })

beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

describe('rating.context', () => {
  it('refuses a household the resident is not verified for, and a person who is not a resident', async () => {
    await h.expectRefused('property', 'rating.context', { householdId: 'h-hx-1-1-202' }, P.liu, 'FORBIDDEN')
    await h.expectRefused('property', 'rating.context', { householdId: 'h-hx-1-1-101' }, P.prop, 'FORBIDDEN')
  })

  it('refuses a malformed household id', async () => {
    await h.expectRefused('property', 'rating.context', { householdId: '../x' }, P.liu, 'INVALID_INPUT')
  })
})

describe('rating.submit', () => {
  let first: Rating

  it('adds the stars and one household to the company’s aggregate in the same write', async () => {
    const before = await agg('co-1')
    first = await h.ok<Rating>(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-1-1-101', stars: good },
      P.liu,
    )
    const after = await agg('co-1')
    expect(after.households).toBe(before.households + 1)
    expect(after.sums.greening).toBe(before.sums.greening + 4)
    expect(first).toMatchObject({ status: 'counted', edits: 0 })
  })

  it('on an edit subtracts the old stars and adds the new, keeps one rating and keeps the old version', async () => {
    const before = await agg('co-1')
    const edited = await h.ok<Rating>(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-1-1-101', stars: poor, comment: '楼道灯坏了没人修' },
      P.liu,
    )
    const after = await agg('co-1')
    expect(edited.id).toBe(first.id)
    expect(edited.edits).toBe(1)
    expect(after.households).toBe(before.households)
    expect(after.sums.repairs).toBe(before.sums.repairs - 5 + 1)
    expect(after.rectTotal).toBe(before.rectTotal + 1)
    const { total } = await h.db.collection('property_ratings').where({ householdId: 'h-hx-1-1-101' }).count()
    expect(total).toBe(1)
    const revs = await h.db.collection('property_revisions').where({ kind: 'rating' }).count()
    expect(revs.total).toBe(1)
  })

  it('returns the first result for a repeated requestId', async () => {
    const requestId = rid()
    const a = await h.ok<Rating>(
      'property',
      'rating.submit',
      { requestId, periodId: PERIOD, householdId: 'h-hx-1-1-202', stars: good },
      P.zhang,
    )
    const b = await h.ok<Rating>(
      'property',
      'rating.submit',
      { requestId, periodId: PERIOD, householdId: 'h-hx-1-1-202', stars: poor },
      P.zhang,
    )
    expect(b).toEqual(a)
  })

  it('shows another member of the household the household’s rating and refuses them a second one', async () => {
    await resident('o-liu-spouse', 'h-hx-1-1-101')
    const ctx = await h.ok<{ rating: { id: string; ratedByMe: boolean } }>(
      'property',
      'rating.context',
      { householdId: 'h-hx-1-1-101' },
      'o-liu-spouse',
    )
    expect(ctx.rating).toMatchObject({ id: first.id, ratedByMe: false })
    await h.expectRefused(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-1-1-101', stars: good },
      'o-liu-spouse',
      'CONFLICT',
    )
  })

  it('leaves one rating and one counted household when two members of a household submit at once', async () => {
    await resident('o-par-a', 'h-hx-1-4-101')
    await resident('o-par-b', 'h-hx-1-4-101')
    const before = await agg('co-1')
    const results = await Promise.all([
      h.call(
        'property',
        'rating.submit',
        { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-1-4-101', stars: good },
        'o-par-a',
      ),
      h.call(
        'property',
        'rating.submit',
        { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-1-4-101', stars: poor },
        'o-par-b',
      ),
      h.call(
        'property',
        'rating.submit',
        { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-1-4-101', stars: poor },
        'o-par-a',
      ),
    ])
    expect(results.some((r) => r.env.ok)).toBe(true)
    const { total } = await h.db.collection('property_ratings').where({ householdId: 'h-hx-1-4-101' }).count()
    expect(total).toBe(1)
    expect((await agg('co-1')).households).toBe(before.households + 1)
    const { data } = await h.db.collection('property_ratings').where({ householdId: 'h-hx-1-4-101' }).get()
    const stored = data[0] as { stars: Record<string, number> }
    const after = await agg('co-1')
    expect(after.sums.cleaning - before.sums.cleaning).toBe(stored.stars.cleaning)
  })

  it('refuses staff of the company rating it, even when they live in an estate it serves', async () => {
    await resident('o-staff-resident', 'h-hx-1-5-101', [
      { role: 'property_staff', scopeType: 'company', scopeId: 'co-1', scopeName: '安居', streetId: 'st-jinxiu' },
    ])
    await h.expectRefused(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-1-5-101', stars: good },
      'o-staff-resident',
      'FORBIDDEN',
    )
  })

  it('refuses a person without a verified household and a resident rating for another household', async () => {
    await h.expectRefused(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-1-1-101', stars: good },
      P.zhou,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-2-1-101', stars: good },
      P.liu,
      'FORBIDDEN',
    )
  })

  it('refuses stars outside 1–5, a fractional star and an over-long comment', async () => {
    await h.expectRefused(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-1-1-101', stars: { ...good, fees: 6 } },
      P.liu,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-1-1-101', stars: { ...good, fees: 2.5 } },
      P.liu,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-1-1-101', stars: good, comment: '长'.repeat(301) },
      P.liu,
      'INVALID_INPUT',
    )
  })

  it('refuses a comment that fails the content check and stores nothing', async () => {
    await h.expectRefused(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-1-1-101', stars: good, comment: '这里有违禁词' },
      P.liu,
      'CONTENT_REJECTED',
    )
  })
})

describe('integrity: ratings from newly verified households beyond the threshold', () => {
  let heldId = ''

  it('holds them out of the aggregate until reviewed', async () => {
    await h.ok(
      'property',
      'rule.publish',
      { requestId: rid(), streetId: 'st-jinxiu', rule: { ...DEFAULT_RULE, holdThreshold: 0 } },
      P.admin,
    )
    await resident('o-new-res', 'h-hx-1-6-101', [], new Date(T0.getTime() - 2 * 86_400_000))
    await h.db.collection('bindings').add({
      data: {
        _id: 'bind-h-hx-1-6-101',
        openid: 'o-new-res',
        householdId: 'h-hx-1-6-101',
        status: 'verified',
        decidedAt: new Date(T0.getTime() - 2 * 86_400_000),
      },
    })
    const before = await agg('co-1')
    const r = await h.ok<Rating>(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-1-6-101', stars: good },
      'o-new-res',
    )
    heldId = r.id
    expect(r.status).toBe('held')
    const after = await agg('co-1')
    expect(after.households).toBe(before.households)
    expect(after.held).toBe(before.held + 1)
  })

  it('counts a household verified long ago at once', async () => {
    const r = await h.ok<Rating>(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-2-1-101', stars: good },
      'o-res-chen',
    )
    expect(r.status).toBe('counted')
  })

  it('lists held ratings for the street with the address and verification date, never the person', async () => {
    const page = await h.ok<{ items: { id: string; address: string }[] }>(
      'property',
      'review.list',
      { streetId: 'st-jinxiu' },
      P.admin,
    )
    expect(page.items.map((i) => i.id)).toContain(heldId)
    expect(JSON.stringify(page)).not.toMatch(/o-new-res|测试es/)
  })

  it('refuses the review queue to a secretary and to another street', async () => {
    await h.expectRefused('property', 'review.list', { streetId: 'st-jinxiu' }, P.secHx, 'FORBIDDEN')
    await h.expectRefused('property', 'review.list', { streetId: 'st-other' }, P.admin, 'FORBIDDEN')
  })

  it('refuses to leave a rating out without a reason', async () => {
    await h.expectRefused('property', 'review.decide', { ratingId: heldId, approve: false }, P.admin, 'INVALID_INPUT')
  })

  it('counts a held rating once the street approves it, and only once', async () => {
    const before = await agg('co-1')
    const r = await h.ok<{ status: string }>('property', 'review.decide', { ratingId: heldId, approve: true }, P.admin)
    expect(r.status).toBe('counted')
    const after = await agg('co-1')
    expect(after.households).toBe(before.households + 1)
    expect(after.held).toBe(before.held - 1)
    await h.expectRefused('property', 'review.decide', { ratingId: heldId, approve: true }, P.admin, 'CONFLICT')
  })

  it('keeps a rejected rating but never counts it', async () => {
    const page = await h.ok<{ items: { id: string }[] }>('property', 'review.list', { streetId: 'st-jinxiu' }, P.admin)
    const id = page.items[0].id
    const before = await agg('co-4')
    await h.ok(
      'property',
      'review.decide',
      { ratingId: id, approve: false, reason: '同一时段集中认证，核实非本户' },
      P.admin,
    )
    expect((await agg('co-4')).households).toBe(before.households)
    const { total } = await h.db.collection('property_ratings').where({ publicId: id, status: 'rejected' }).count()
    expect(total).toBe(1)
  })

  it('refuses review to a secretary (role)', async () => {
    const page = await h.ok<{ items: { id: string }[] }>('property', 'review.list', { streetId: 'st-jinxiu' }, P.admin)
    await h.expectRefused(
      'property',
      'review.decide',
      { ratingId: page.items[0].id, approve: true },
      P.secHx,
      'FORBIDDEN',
    )
  })
})

describe('rating.inbox and rating.answer', () => {
  let withComment = ''

  it('gives company staff their ratings without the raters’ identity', async () => {
    const page = await h.ok<{ items: { id: string; comment?: string }[] }>(
      'property',
      'rating.inbox',
      { companyId: 'co-1', onlyComments: true },
      P.prop,
    )
    expect(page.items.length).toBeGreaterThan(0)
    withComment = page.items[0].id
    const text = JSON.stringify(page)
    expect(text).not.toMatch(/o-res-liu|刘芳|h-hx-1-1-101|1号楼 101|raterOpenid|householdId|address/)
  })

  it('lets the street read any company’s inbox and refuses staff of another company and residents', async () => {
    await h.ok('property', 'rating.inbox', { companyId: 'co-1' }, P.admin)
    await h.expectRefused('property', 'rating.inbox', { companyId: 'co-1' }, 'o-prop-qian', 'FORBIDDEN')
    await h.expectRefused('property', 'rating.inbox', { companyId: 'co-1' }, P.liu, 'FORBIDDEN')
  })

  it('refuses a page larger than 50', async () => {
    await h.expectRefused('property', 'rating.inbox', { companyId: 'co-1', pageSize: 51 }, P.prop, 'INVALID_INPUT')
  })

  it('supersedes an answer with a newer one and keeps the old', async () => {
    await h.ok('property', 'rating.answer', { ratingId: withComment, text: '已收到，马上安排' }, P.prop)
    const r = await h.ok<{ answer: string; answeredByName: string }>(
      'property',
      'rating.answer',
      { ratingId: withComment, text: '灯已修好，欢迎监督' },
      P.prop,
    )
    expect(r).toMatchObject({ answer: '灯已修好，欢迎监督', answeredByName: '郑凯' })
    const { total } = await h.db.collection('property_revisions').where({ kind: 'answer' }).count()
    expect(total).toBe(1)
  })

  it('refuses an answer from another company’s staff, from a resident, an empty answer and an unknown rating', async () => {
    await h.expectRefused(
      'property',
      'rating.answer',
      { ratingId: withComment, text: '不是我们的' },
      'o-prop-qian',
      'FORBIDDEN',
    )
    await h.expectRefused('property', 'rating.answer', { ratingId: withComment, text: '我来答' }, P.liu, 'FORBIDDEN')
    await h.expectRefused('property', 'rating.answer', { ratingId: withComment, text: '  ' }, P.prop, 'INVALID_INPUT')
    await h.expectRefused('property', 'rating.answer', { ratingId: 'rt_nope', text: '答复' }, P.prop, 'NOT_FOUND')
  })
})

describe('photos on a rating', () => {
  it('keeps the rater’s checked photos and shows them to the company, without the rater', async () => {
    await resident('o-photo-1', 'h-hx-1-3-101')
    const photo = await h.photo('property', 'o-photo-1')
    const r = await h.ok<Rating & { photos: string[] }>(
      'property',
      'rating.submit',
      {
        requestId: rid(),
        periodId: PERIOD,
        householdId: 'h-hx-1-3-101',
        stars: poor,
        comment: '单元门坏了',
        photos: [photo],
      },
      'o-photo-1',
    )
    expect(r.photos).toEqual([photo])
    const inbox = await h.ok<{ items: { id: string; photos: string[] }[] }>(
      'property',
      'rating.inbox',
      { companyId: 'co-1', onlyComments: true, pageSize: 50 },
      P.prop,
    )
    const seen = inbox.items.find((i) => i.id === r.id)
    expect(seen?.photos).toEqual([photo])
    expect(JSON.stringify(seen)).not.toContain('o-photo-1')
  })

  it('refuses a risky image, someone else’s photo and one never uploaded, changing nothing', async () => {
    await h.expectRefused('property', 'photo.upload', { ext: 'png', data: RISKY_PNG }, P.liu, 'CONTENT_REJECTED')
    await h.expectRefused('property', 'photo.upload', { ext: 'jpg', data: JPEG }, P.prop, 'FORBIDDEN')
    const theirs = await h.photo('property', 'o-photo-1')
    const base = { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-1-1-101', stars: good }
    await h.expectRefused('property', 'rating.submit', { ...base, photos: [theirs] }, P.liu, 'INVALID_INPUT')
    await h.expectRefused(
      'property',
      'rating.submit',
      { ...base, photos: ['cloud://local/property/photos/x/ph_never.jpg'] },
      P.liu,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'property',
      'rating.submit',
      { ...base, photos: ['https://example.com/a.jpg'] },
      P.liu,
      'INVALID_INPUT',
    )
  })
})

describe('after the close', () => {
  it('refuses ratings and edits', async () => {
    await h.ok('property', 'period.close', { periodId: PERIOD }, P.admin)
    await h.expectRefused(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-1-1-101', stars: good },
      P.liu,
      'CONFLICT',
    )
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
