import { openCloud, P, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'
import { dateIn, DAY, iso } from './fixtures'

type Resolution = {
  id: string
  status: string
  overdue: boolean
  progressCount: number
  latestProgress: { seq: number; note: string; status: string } | null
  rating: { count: number; average: number | null }
  myRating?: { stars: number | null } | null
  responsibleName: string
}
type Page<T> = { items: T[]; total: number }

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

const record = (over: Record<string, unknown> = {}) => ({
  meetingId: 'meet-parking',
  itemId: 'item-2',
  decision: '停车收费标准经物价部门备案后在小区公示栏公示 7 天。',
  responsible: { type: 'company', id: 'co-1' },
  deadline: dateIn(10),
  ...over,
})

describe('resolutions', () => {
  let r: Resolution

  it("refuses a resolution by a resident or another community's secretary, changing nothing", async () => {
    await h.expectRefused('council', 'resolution.record', record(), P.liu, 'FORBIDDEN')
    await h.expectRefused('council', 'resolution.record', record(), P.secYg, 'FORBIDDEN')
  })

  it('refuses a resolution on an item that does not exist, or before the meeting starts', async () => {
    await h.expectRefused('council', 'resolution.record', record({ itemId: 'item-9' }), P.secHx, 'INVALID_INPUT')
    await h.expectRefused(
      'council',
      'resolution.record',
      record({ meetingId: 'meet-winter', itemId: 'item-1' }),
      P.secHx,
      'CONFLICT',
    )
  })

  it('records one resolution per agenda item with its responsible party and deadline', async () => {
    r = await h.ok<Resolution>('council', 'resolution.record', record(), P.secHx)
    expect(r).toMatchObject({
      id: 'res:meet-parking:item-2',
      status: 'open',
      responsibleName: '安居物业服务有限公司',
      overdue: false,
    })
    await h.expectRefused('council', 'resolution.record', record(), P.secHx, 'CONFLICT')
  })

  it('tracks progress until done, then accepts no more', async () => {
    const p1 = await h.ok<Resolution>(
      'council',
      'resolution.progress',
      { resolutionId: r.id, note: '已报物价部门备案', status: 'in_progress' },
      P.secHx,
    )
    expect(p1.status).toBe('in_progress')
    await h.expectRefused(
      'council',
      'resolution.progress',
      { resolutionId: r.id, note: '越权', status: 'done' },
      P.secYg,
      'FORBIDDEN',
    )
    const p2 = await h.ok<Resolution>(
      'council',
      'resolution.progress',
      { resolutionId: r.id, note: '已公示完毕', status: 'done' },
      P.secHx,
    )
    expect(p2).toMatchObject({
      status: 'done',
      progressCount: 2,
      latestProgress: { seq: 2, note: '已公示完毕', status: 'done' },
    })
    const timeline = await h.ok<Page<{ seq: number; note: string }>>(
      'council',
      'resolution.timeline',
      { resolutionId: r.id },
      P.zhang,
    )
    expect(timeline.items.map((p) => [p.seq, p.note])).toEqual([
      [1, '已报物价部门备案'],
      [2, '已公示完毕'],
    ])
    await h.expectRefused(
      'council',
      'resolution.progress',
      { resolutionId: r.id, note: '再更新', status: 'in_progress' },
      P.secHx,
      'CONFLICT',
    )
  })

  it('keeps every progress entry, however many, and can always be marked done', async () => {
    const m = await h.ok<{ id: string }>(
      'council',
      'meeting.create',
      {
        requestId: `req-long-${Date.now()}`,
        communityId: 'c-hx',
        title: '长期落实事项',
        startsAt: iso(new Date(T0.getTime() + DAY)),
        place: '党群服务中心',
        online: false,
        agenda: [{ title: '小区绿化长期养护' }],
        participants: [{ kind: 'party', name: '和谐社区党委' }],
      },
      P.secHx,
    )
    await h.ok('council', 'meeting.publish', { meetingId: m.id }, P.secHx)
    await h.ok('council', 'meeting.start', { meetingId: m.id }, P.secHx)
    const long = await h.ok<Resolution>(
      'council',
      'resolution.record',
      record({ meetingId: m.id, itemId: 'item-1', decision: '绿化养护按月通报' }),
      P.secHx,
    )
    // More than the 50 entries the resolution used to be capped at; two at a time, so both of each pair must land.
    for (let i = 0; i < 30; i++) {
      const pair = await Promise.all(
        [1, 2].map((k) =>
          h.call(
            'council',
            'resolution.progress',
            { resolutionId: long.id, note: `第 ${i * 2 + k} 次养护`, status: 'in_progress' },
            P.secHx,
          ),
        ),
      )
      expect(pair.every((p) => p.env.ok)).toBe(true)
    }
    const done = await h.ok<Resolution>(
      'council',
      'resolution.progress',
      { resolutionId: long.id, note: '养护周期结束', status: 'done' },
      P.secHx,
    )
    expect(done).toMatchObject({ status: 'done', progressCount: 61, latestProgress: { seq: 61, note: '养护周期结束' } })
    const pages = await Promise.all(
      [1, 2, 3, 4].map((page) =>
        h.ok<Page<{ seq: number }>>(
          'council',
          'resolution.timeline',
          { resolutionId: long.id, page, pageSize: 20 },
          P.liu,
        ),
      ),
    )
    expect(pages[0].total).toBe(61)
    expect(pages.flatMap((p) => p.items.map((x) => x.seq))).toEqual(Array.from({ length: 61 }, (_, i) => i + 1))
    await h.expectRefused('council', 'resolution.timeline', { resolutionId: long.id }, P.secYg, 'FORBIDDEN')
  })

  it('shows an unfinished resolution past its deadline as overdue, and refuses rating it', async () => {
    await h.ok('council', 'meeting.start', { meetingId: 'meet-winter' }, P.secHx)
    const w = await h.ok<Resolution>(
      'council',
      'resolution.record',
      record({
        meetingId: 'meet-winter',
        itemId: 'item-1',
        decision: '物业在各楼栋增设电动车充电桩',
        deadline: dateIn(1),
      }),
      P.secHx,
    )
    expect(w.overdue).toBe(false)
    await h.expectRefused('council', 'resolution.rate', { resolutionId: w.id, stars: 5 }, P.liu, 'CONFLICT')
    h.setNow(new Date(T0.getTime() + 2 * DAY))
    try {
      expect((await h.ok<Resolution>('council', 'resolution.get', { resolutionId: w.id }, P.liu)).overdue).toBe(true)
    } finally {
      h.setNow(T0)
    }
  })

  it('lets each household rate a done resolution once, changeably, keeping the average', async () => {
    const before = await h.ok<Resolution>('council', 'resolution.get', { resolutionId: r.id }, P.liu)
    expect(before.rating).toEqual({ count: 0, average: null })
    await h.ok('council', 'resolution.rate', { resolutionId: r.id, stars: 5 }, P.liu)
    const z = await h.ok<Resolution>(
      'council',
      'resolution.rate',
      { resolutionId: r.id, stars: 2, comment: '公示位置不够醒目' },
      P.zhang,
    )
    expect(z.rating).toEqual({ count: 2, average: 3.5 })
    const changed = await h.ok<Resolution>('council', 'resolution.rate', { resolutionId: r.id, stars: 4 }, P.zhang)
    expect(changed.rating).toEqual({ count: 2, average: 4.5 })
    expect(changed.myRating?.stars).toBe(4)
    const liu = await h.ok<Resolution>('council', 'resolution.get', { resolutionId: r.id }, P.liu)
    expect(liu.myRating?.stars).toBe(5)
  })

  it('refuses ratings by non-residents and out-of-range stars', async () => {
    await h.expectRefused('council', 'resolution.rate', { resolutionId: r.id, stars: 5 }, P.member, 'FORBIDDEN')
    await h.expectRefused('council', 'resolution.rate', { resolutionId: r.id, stars: 6 }, P.liu, 'INVALID_INPUT')
    await h.expectRefused('council', 'resolution.rate', { resolutionId: r.id, stars: 5 }, P.secYg, 'FORBIDDEN')
  })

  it("lists the community's resolutions for its people", async () => {
    const page = await h.ok<Page<Resolution>>(
      'council',
      'resolution.list',
      { communityId: 'c-hx', meetingId: 'meet-parking' },
      P.zhang,
    )
    expect(page.items.map((x) => x.id).sort()).toEqual(['res:meet-parking:item-1', 'res:meet-parking:item-2'])
    await h.expectRefused('council', 'resolution.list', { communityId: 'c-hx' }, P.secYg, 'FORBIDDEN')
  })
})

describe('subscribing to notices', () => {
  it('turns the subscription on and off, and refuses other communities', async () => {
    expect(await h.ok('council', 'notice.subscribe', { communityId: 'c-hx', on: true }, P.zhang)).toMatchObject({
      subscribed: true,
    })
    expect(await h.ok('council', 'notice.subscribe', { communityId: 'c-hx', on: false }, P.zhang)).toEqual({
      subscribed: false,
      kinds: [],
    })
    const { data } = await h.db
      .collection('council_subscriptions')
      .where({ _id: `sub:c-hx:${P.zhang}` })
      .get()
    expect((data[0] as { on: boolean }).on).toBe(false)
    await h.expectRefused('council', 'notice.subscribe', { communityId: 'c-yg', on: true }, P.zhang, 'FORBIDDEN')
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
