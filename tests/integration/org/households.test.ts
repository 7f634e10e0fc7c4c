import type { Envelope } from '../../../types'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { DAY, iso, publishedMeeting } from '../council/fixtures'

/**
 * A resident who moved (issue 12 §2): the community unbinds them, or they leave the household; the
 * binding is kept as ended, their resident role ends through the grant function, the household's
 * ballots and ratings stay the household's (a remaining member may change an open one), and they may
 * bind elsewhere. The secretary sees who is bound to a household and since when.
 */

type Binding = {
  id: string
  householdId: string
  status: string
  applicantName: string
  decidedAt?: string
  endedAt?: string
  endReason?: string
  endedByName?: string
}
type Page<T> = { items: T[]; total: number }
type Me = { roles: { role: string; scopeId: string }[]; binding: Binding | null }
type Ballot = { choice: string | null; byMe: boolean; ownerLeft?: boolean; canChange: boolean }
const code = (e: Envelope<unknown>) => (e.ok ? 'OK' : e.error.code)
const stars = (n: number) => ({ cleaning: n, order: n, repairs: n, greening: n, attitude: n, fees: n })
const PERIOD = 'per:st-jinxiu:2026-11'

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

/** A second member of a household, verified with a one-time 户码 the secretary issues. */
async function joinWithCode(householdId: string, openid: string, name: string): Promise<Binding> {
  const { code: c } = await h.ok<{ code: string }>(
    'org',
    'householdCode.issue',
    { requestId: rid(), householdId, ttlDays: 7 },
    P.secHx,
  )
  return h.ok<Binding>(
    'org',
    'binding.request',
    { requestId: rid(), householdId, name, phone: '13800001111', householdCode: c },
    openid,
  )
}

async function members(householdId: string): Promise<Binding[]> {
  return (await h.ok<Page<Binding>>('org', 'household.members', { householdId }, P.secHx)).items
}

describe('who is bound to a household', () => {
  it('shows the secretary every member of a household and since when, newest first', async () => {
    await joinWithCode('h-hx-1-1-101', 'o-liu-son', '刘小军')
    const list = await members('h-hx-1-1-101')
    expect(list.map((b) => [b.applicantName, b.status])).toEqual([
      ['刘小军', 'verified'],
      ['刘芳', 'verified'],
    ])
    expect(list.every((b) => !!b.decidedAt)).toBe(true)
    expect(JSON.stringify(list)).not.toMatch(/13800000004/)
  })

  it('refuses a resident and another community’s secretary, and changes nothing', async () => {
    await h.expectRefused('org', 'household.members', { householdId: 'h-hx-1-1-101' }, P.liu, 'FORBIDDEN')
    await h.expectRefused('org', 'household.members', { householdId: 'h-hx-1-1-101' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('org', 'household.members', { householdId: 'h-none' }, P.secHx, 'NOT_FOUND')
  })
})

describe('a resident who moved is unbound; the household keeps its voice', () => {
  let voteId = ''

  it('counts the ballot 刘芳 cast for her household', async () => {
    const m = await publishedMeeting(h)
    voteId = (
      await h.ok<{ id: string }>(
        'council',
        'vote.open',
        {
          requestId: rid(),
          meetingId: m.id,
          itemId: m.itemIds[0],
          title: '电梯加装方案',
          options: [
            { label: '同意', kind: 'for' },
            { label: '反对', kind: 'against' },
          ],
          buildingIds: ['b-hx-1-1'],
          estateIds: [],
          opensAt: iso(T0),
          closesAt: iso(new Date(T0.getTime() + 7 * DAY)),
          preset: 'simple',
        },
        P.secHx,
      )
    ).id
    await h.ok('council', 'vote.cast', { voteId, optionKey: 'o1' }, P.liu)
    expect(await h.ok<Ballot>('council', 'vote.myBallot', { voteId }, 'o-liu-son')).toMatchObject({
      choice: 'o1',
      byMe: false,
      canChange: false,
    })
    expect(code((await h.call('council', 'vote.cast', { voteId, optionKey: 'o2' }, 'o-liu-son')).env)).toBe('CONFLICT')
  })

  it('refuses unbinding without a reason, by another community, and a pending binding, and changes nothing', async () => {
    await h.expectRefused('org', 'binding.unbind', { bindingId: 'bind-liu', reason: ' ' }, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('org', 'binding.unbind', { bindingId: 'bind-liu', reason: '已搬走' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('org', 'binding.unbind', { bindingId: 'bind-liu', reason: '已搬走' }, P.liu, 'FORBIDDEN')
    await h.expectRefused(
      'org',
      'binding.unbind',
      { bindingId: 'bind-pending-hx', reason: '已搬走' },
      P.secHx,
      'CONFLICT',
    )
    await h.expectRefused('org', 'binding.unbind', { bindingId: 'bind-none', reason: '已搬走' }, P.secHx, 'NOT_FOUND')
  })

  it('unbinds 刘芳 with a reason: her binding is kept as ended, her resident role ends, her next ballot is FORBIDDEN', async () => {
    const b = await h.ok<Binding>('org', 'binding.unbind', { bindingId: 'bind-liu', reason: '已搬至阳光社区' }, P.secHx)
    expect(b).toMatchObject({ status: 'ended', endReason: '已搬至阳光社区', endedByName: '社区书记 王秀英' })
    const me = await h.ok<Me>('org', 'me', {}, P.liu)
    expect(me.roles).toEqual([])
    expect(me.binding).toMatchObject({ id: 'bind-liu', status: 'ended', endReason: '已搬至阳光社区' })
    expect((await h.call('council', 'vote.cast', { voteId, optionKey: 'o2' }, P.liu)).env).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const history = (await h.ok<Page<{ role: string; kind: string; reason: string }>>('org', 'role.history', {}, P.liu))
      .items
    expect(history).toEqual([expect.objectContaining({ role: 'resident', kind: 'unbound', reason: '已搬至阳光社区' })])
    const list = await members('h-hx-1-1-101')
    expect(list.find((x) => x.applicantName === '刘芳')).toMatchObject({ status: 'ended', endReason: '已搬至阳光社区' })
  })

  it('keeps her ballot as the household’s: still counted, and the remaining member may change it', async () => {
    const seen = await h.ok<Ballot>('council', 'vote.myBallot', { voteId }, 'o-liu-son')
    expect(seen).toMatchObject({ choice: 'o1', byMe: false, ownerLeft: true, canChange: true })
    const { data: boxes } = await h.db.collection('council_ballot_boxes').where({ voteId }).get()
    const cast = (boxes as { households: number }[]).reduce((s, b) => s + b.households, 0)
    await h.ok('council', 'vote.cast', { voteId, optionKey: 'o2' }, 'o-liu-son')
    expect(await h.ok<Ballot>('council', 'vote.myBallot', { voteId }, 'o-liu-son')).toMatchObject({
      choice: 'o2',
      byMe: true,
      canChange: true,
    })
    const { data: after } = await h.db.collection('council_ballot_boxes').where({ voteId }).get()
    expect((after as { households: number }[]).reduce((s, b) => s + b.households, 0)).toBe(cast)
    const { total } = await h.db.collection('council_ballots').where({ voteId, householdId: 'h-hx-1-1-101' }).count()
    expect(total).toBe(1)
  })

  it('passes her rating of a resolution to the household too: the remaining member may change it, the count stays', async () => {
    const res = 'res:meet-parking:item-1'
    const seen = await h.ok<{
      rating: { count: number }
      myRating: { stars: number; byMe: boolean; ownerLeft?: boolean }
    }>('council', 'resolution.get', { resolutionId: res }, 'o-liu-son')
    expect(seen.myRating).toMatchObject({ stars: 5, byMe: false, ownerLeft: true })
    const rated = await h.ok<{ rating: { count: number }; myRating: { stars: number; byMe: boolean } }>(
      'council',
      'resolution.rate',
      { resolutionId: res, stars: 3 },
      'o-liu-son',
    )
    expect(rated.myRating).toMatchObject({ stars: 3, byMe: true })
    expect(rated.rating.count).toBe(seen.rating.count)
  })

  it('lets her bind elsewhere afterwards', async () => {
    const b = await h.ok<Binding>(
      'org',
      'binding.request',
      { requestId: rid(), householdId: 'h-yg-1-1-101', name: '刘芳', phone: '13800000004' },
      P.liu,
    )
    expect(b).toMatchObject({ householdId: 'h-yg-1-1-101', status: 'pending' })
    expect((await h.ok<Me>('org', 'me', {}, P.liu)).binding).toMatchObject({
      householdId: 'h-yg-1-1-101',
      status: 'pending',
    })
  })

  it('refuses unbinding her again, and changes nothing', async () => {
    await h.expectRefused('org', 'binding.unbind', { bindingId: 'bind-liu', reason: '再次' }, P.secHx, 'CONFLICT')
  })
})

describe('a resident leaves the household themself', () => {
  it('ends the binding and the role; the household’s rating passes to the member who remains', async () => {
    await joinWithCode('h-hx-2-1-101', 'o-chen-daughter', '陈丽')
    const first = await h.ok<{ id: string; ratedByMe: boolean }>(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-2-1-101', stars: stars(4) },
      'o-res-chen',
    )
    expect(
      code(
        (
          await h.call(
            'property',
            'rating.submit',
            { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-2-1-101', stars: stars(2) },
            'o-chen-daughter',
          )
        ).env,
      ),
    ).toBe('CONFLICT')

    const me = await h.ok<Me>('org', 'binding.leave', { reason: '随子女搬家' }, 'o-res-chen')
    expect(me.roles).toEqual([])
    expect(me.binding).toMatchObject({ status: 'ended', endReason: '随子女搬家', endedByName: '本人' })
    const history = (await h.ok<Page<{ kind: string }>>('org', 'role.history', {}, 'o-res-chen')).items
    expect(history.map((x) => x.kind)).toEqual(['left_household'])

    const ctx = await h.ok<{ rating: { id: string; ratedByMe: boolean; raterLeft?: boolean } }>(
      'property',
      'rating.context',
      { householdId: 'h-hx-2-1-101' },
      'o-chen-daughter',
    )
    expect(ctx.rating).toMatchObject({ id: first.id, ratedByMe: false, raterLeft: true })
    const changed = await h.ok<{ id: string; ratedByMe: boolean; stars: { cleaning: number } }>(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-2-1-101', stars: stars(2) },
      'o-chen-daughter',
    )
    expect(changed).toMatchObject({ id: first.id, ratedByMe: true, stars: { cleaning: 2 } })
    const { total } = await h.db
      .collection('property_ratings')
      .where({ householdId: 'h-hx-2-1-101', periodId: PERIOD })
      .count()
    expect(total).toBe(1)
  })

  it('refuses leaving twice and leaving without a household, and changes nothing', async () => {
    await h.expectRefused('org', 'binding.leave', {}, 'o-res-chen', 'FORBIDDEN')
    await h.expectRefused('org', 'binding.leave', {}, P.zhou, 'FORBIDDEN')
  })

  it('lets a resident leave and bind another household at once', async () => {
    await h.ok('org', 'binding.leave', {}, P.zhang)
    const b = await h.ok<Binding>(
      'org',
      'binding.request',
      { requestId: rid(), householdId: 'h-hx-1-2-101', name: '张德福', phone: '13800000005' },
      P.zhang,
    )
    expect(b.status).toBe('pending')
  })
})

describe('unbinding races', () => {
  it('unbinds once when the secretary unbinds while the resident leaves: one ends it, the other is refused', async () => {
    const b = await joinWithCode('h-hx-1-1-202', 'o-race-mover', '搬家人')
    const [a, c] = await Promise.all([
      h.call('org', 'binding.unbind', { bindingId: b.id, reason: '已搬走' }, P.secHx),
      h.call('org', 'binding.leave', {}, 'o-race-mover'),
    ])
    expect([code(a.env), code(c.env)].sort()).toEqual(['CONFLICT', 'OK'])
    const { total } = await h.db.collection('role_history').where({ openid: 'o-race-mover' }).count()
    expect(total).toBe(1)
  })
})
