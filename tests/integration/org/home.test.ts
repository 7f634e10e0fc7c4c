import type { HomeGroupView, HomeKind, HomeView } from '../../../types/org'
import { seedDemo } from '../../../local/seed/seed'
import { openCloud, P, rid, T0, type Cloud } from '../harness'

const DAY = 86_400_000
const CHEN = 'o-res-chen'
const QIAN = 'o-prop-qian'

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

const home = (who: string) => h.ok<HomeView>('org', 'home', {}, who)

/** The group of `kind` in the section of `role`, failing loudly when it is not there. */
function group(v: HomeView, role: string, kind: HomeKind): HomeGroupView {
  const section = v.sections.find((s) => s.role === role)
  if (!section) throw new Error(`no ${role} section in ${v.sections.map((s) => s.role).join(',')}`)
  const g = section.groups.find((x) => x.kind === kind)
  if (!g) throw new Error(`no ${kind} in the ${role} section: ${section.groups.map((x) => x.kind).join(',')}`)
  return g
}

/** Every page an item or group opens is declared in app.config.ts (the unit test checks the paths). */
const everyId = (v: HomeView) => v.sections.flatMap((s) => s.groups.flatMap((g) => g.items.map((i) => i.id)))

describe('org.home from the demo data', () => {
  it('gives the secretary the community’s pending binding, topic to triage, event to dispatch and silent summons, each with its page', async () => {
    const v = await home(P.secHx)
    expect(v.me).toMatchObject({ openid: P.secHx, name: '王秀英' })
    expect(v.sections.map((s) => s.title)).toEqual(['社区书记 · 和谐社区'])
    const bindings = group(v, 'secretary', 'bindings')
    expect(bindings).toMatchObject({ count: 1, route: '/packages/admin/pages/bindings/index' })
    expect(bindings.items[0]).toMatchObject({
      id: 'bind-pending-hx',
      title: '和谐家园 2号楼 301',
      detail: '申请人 待审居民1',
    })
    expect(group(v, 'secretary', 'topics').items.map((i) => [i.id, i.route])).toEqual([
      ['topic-elevator', '/packages/council/pages/topic/index?id=topic-elevator'],
    ])
    expect(group(v, 'secretary', 'dispatch')).toMatchObject({
      count: 1,
      items: [{ id: 'gev-hx-3', route: '/packages/grid/pages/event/index?id=gev-hx-3', overdue: false }],
    })
    const silent = group(v, 'secretary', 'unanswered')
    expect(silent).toMatchObject({ count: 1, items: [{ title: '设施损坏·1号楼单元门口', overdue: true }] })
    expect(new Date(silent.items[0].deadline!).getTime()).toBeLessThan(T0.getTime())
    expect(group(v, 'secretary', 'checkins').count).toBe(0)
    expect(v.sections[0].count).toBe(4)
  })

  it('shows a secretary nothing of another community', async () => {
    const hx = everyId(await home(P.secHx))
    const yg = await home(P.secYg)
    expect(group(yg, 'secretary', 'bindings').items.map((i) => i.id)).toEqual(['bind-pending-yg'])
    expect(group(yg, 'secretary', 'dispatch').items.map((i) => i.id)).toEqual(['gev-yg-3'])
    expect(everyId(yg).filter((id) => hx.includes(id))).toEqual([])
    expect(JSON.stringify(yg)).not.toMatch(/-hx\b|和谐/)
  })

  it('gives the street admin the held ratings and the overdue events of the street, oldest deadline first', async () => {
    const v = await home(P.admin)
    expect(group(v, 'street_admin', 'heldRatings')).toMatchObject({
      count: 2,
      route: '/packages/property/pages/street/index',
    })
    expect(group(v, 'street_admin', 'objections').count).toBe(0)
    const overdue = group(v, 'street_admin', 'overdueEvents')
    expect(overdue.count).toBe(3)
    expect(overdue.items.map((i) => i.id).sort()).toEqual(['gev-hx-2', 'gev-lq-2', 'gev-yg-2'])
    expect(overdue.items.every((i) => i.overdue && i.deadline)).toBe(true)
  })

  it('gives property staff their company’s summons and dispatched events with deadlines, and no other company’s', async () => {
    const v = await home(P.prop)
    expect(v.sections.map((s) => s.role)).toEqual(['property_staff'])
    expect(group(v, 'property_staff', 'summons')).toMatchObject({
      count: 1,
      route: '/packages/grid/pages/inbox/index',
      items: [{ overdue: true, detail: '召集安居物业服务有限公司：请报到承诺或说明理由' }],
    })
    expect(group(v, 'property_staff', 'handling')).toMatchObject({
      count: 1,
      items: [{ id: 'gev-hx-2', detail: '第一网格 · 待接单', overdue: true }],
    })
    expect(group(v, 'property_staff', 'ratingAnswers').count).toBe(0)
  })

  it('gives the staff of a poorly rated company its unanswered comments, anonymous, with the reply deadline', async () => {
    const v = await home(QIAN)
    const answers = group(v, 'property_staff', 'ratingAnswers')
    expect(answers.count).toBe(4)
    expect(answers.items).toHaveLength(3)
    expect(answers.items.every((i) => i.deadline === '2026-11-08T02:00:00.000Z' && i.overdue)).toBe(true)
    expect(JSON.stringify(answers)).not.toMatch(/h-hx|号楼|o-demo-rater/)
  })

  it('gives the member their overdue yearly check-in and today’s activity of their community only', async () => {
    const v = await home(P.member)
    expect(group(v, 'member', 'checkinDue')).toMatchObject({
      count: 1,
      items: [{ title: '2026 年度在职党员报到', route: '/packages/service/pages/member/index', overdue: true }],
    })
    expect(group(v, 'member', 'activitiesToday').items.map((i) => [i.id, i.route])).toEqual([
      ['act-hx-live', '/packages/service/pages/activity/index?id=act-hx-live'],
    ])
    expect(group(v, 'member', 'claimedWishes').count).toBe(0)
  })

  it('gives the grid worker the events reported on her grid', async () => {
    const v = await home(P.grid)
    expect(group(v, 'grid_worker', 'gridReported').items.map((i) => i.id)).toEqual(['gev-hx-3'])
  })

  it('answers a person with no role with `me` only, in one request', async () => {
    const { env, dbRequests } = await h.call<HomeView>('org', 'home', {}, P.zhou)
    if (!env.ok) throw new Error(env.error.message)
    expect(env.data).toMatchObject({ me: { name: '周小雨', binding: null }, sections: [] })
    expect(dbRequests).toBe(1)
  })

  it('answers only a caller WeChat identified', async () => {
    await h.expectRefused('org', 'home', {}, null, 'UNAUTHENTICATED')
  })
})

describe('org.home follows what people do', () => {
  const voteInput = () => ({
    requestId: rid(),
    meetingId: 'meet-winter',
    itemId: 'item-1',
    title: '冬季电动车集中充电点设置方案',
    options: [
      { label: '同意', kind: 'for' },
      { label: '反对', kind: 'against' },
    ],
    buildingIds: ['b-hx-1-1'],
    estateIds: [],
    opensAt: T0.toISOString(),
    closesAt: new Date(T0.getTime() + 7 * DAY).toISOString(),
    preset: 'civil_code_ordinary',
  })

  it('lists an open vote for each household in its scope until that household votes, with the close time', async () => {
    expect(group(await home(P.liu), 'resident', 'votes').count).toBe(0)
    const vote = await h.ok<{ id: string; closesAt: string }>('council', 'vote.open', voteInput(), P.secHx)
    const liu = group(await home(P.liu), 'resident', 'votes')
    expect(liu).toMatchObject({
      count: 1,
      items: [
        {
          id: vote.id,
          title: '冬季电动车集中充电点设置方案',
          deadline: vote.closesAt,
          route: `/packages/council/pages/vote/index?id=${vote.id}`,
        },
      ],
    })
    // 陈桂兰 lives in 翠竹苑, outside the vote's building.
    expect(group(await home(CHEN), 'resident', 'votes').count).toBe(0)
    await h.ok('council', 'vote.cast', { voteId: vote.id, optionKey: 'o1' }, P.liu)
    expect(group(await home(P.liu), 'resident', 'votes').count).toBe(0)
    expect(group(await home(P.zhang), 'resident', 'votes').items.map((i) => i.id)).toEqual([vote.id])
  })

  it('asks the reporter to confirm an event once its handler marks it done', async () => {
    const ev = await h.ok<{ id: string }>(
      'grid',
      'event.report',
      {
        requestId: rid(),
        gridId: 'g-hx-1',
        buildingId: 'b-hx-1-1',
        place: '1号楼门口',
        category: 'facility',
        description: '路灯不亮',
        photos: [],
        urgency: 'normal',
      },
      P.liu,
    )
    await h.ok('grid', 'event.assign', { eventId: ev.id, handler: { type: 'community', id: 'c-hx' } }, P.secHx)
    expect(group(await home(P.secHx), 'secretary', 'handling').items.map((i) => i.id)).toEqual([ev.id])
    expect(group(await home(P.liu), 'resident', 'eventsToConfirm').count).toBe(0)
    await h.ok('grid', 'event.accept', { eventId: ev.id }, P.secHx)
    await h.ok('grid', 'event.progress', { eventId: ev.id, note: '已更换灯泡', photos: [], done: true }, P.secHx)
    expect(group(await home(P.liu), 'resident', 'eventsToConfirm')).toMatchObject({
      count: 1,
      items: [{ id: ev.id, route: `/packages/grid/pages/event/index?id=${ev.id}` }],
    })
    expect(group(await home(P.secHx), 'secretary', 'handling').count).toBe(0)
  })

  it('asks the company to answer a low rating and the household to confirm the reported fix', async () => {
    const before = group(await home(P.prop), 'property_staff', 'ratingAnswers').count
    const rating = await h.ok<{ id: string; rectificationId: string }>(
      'property',
      'rating.submit',
      {
        requestId: rid(),
        periodId: 'per:st-jinxiu:2026-11',
        householdId: 'h-hx-1-1-101',
        stars: { cleaning: 5, order: 5, repairs: 1, greening: 5, attitude: 5, fees: 5 },
        comment: '单元门禁坏了一周',
      },
      P.liu,
    )
    const answers = group(await home(P.prop), 'property_staff', 'ratingAnswers')
    expect(answers.count).toBe(before + 1)
    expect(answers.items[0]).toMatchObject({ id: rating.id, title: '单元门禁坏了一周', overdue: false })
    expect(answers.items[0].deadline).toBeDefined()
    await h.ok('property', 'rating.answer', { ratingId: rating.id, text: '已安排维修' }, P.prop)
    expect(group(await home(P.prop), 'property_staff', 'ratingAnswers').count).toBe(before)
    expect(group(await home(P.liu), 'resident', 'rectifications').count).toBe(0)
    await h.ok(
      'property',
      'rectification.report',
      { rectificationId: rating.rectificationId, text: '门禁已更换', done: true },
      P.prop,
    )
    expect(group(await home(P.liu), 'resident', 'rectifications')).toMatchObject({
      count: 1,
      items: [{ id: rating.rectificationId, route: '/packages/property/pages/mine/index' }],
    })
    expect(group(await home(P.zhang), 'resident', 'rectifications').count).toBe(0)
  })
})

describe('org.home request count', () => {
  const PEOPLE = [P.secHx, P.admin, P.liu, P.member, P.prop, QIAN, P.grid, P.liaison, P.zhou]

  async function counts(c: Cloud): Promise<number[]> {
    const out: number[] = []
    for (const who of PEOPLE) {
      const { env, dbRequests } = await c.call('org', 'home', {}, who)
      if (!env.ok) throw new Error(env.error.message)
      out.push(dbRequests)
    }
    return out
  }

  it('is the same for the demo data and three times as much, and bounded per role', async () => {
    const one = await openCloud()
    const three = await openCloud({ seed: false })
    try {
      await seedDemo(three.db, 3)
      const a = await counts(one)
      expect(await counts(three)).toEqual(a)
      // secretary 17 = caller + 2 × 8 kinds (check-ins are two); resident 11 = caller, binding, households, 2 × votes, 2 × 3 kinds;
      // everyone with a role but the secretary and the street also asks for meeting invitations and resolutions to carry (2 × 2).
      expect(a).toEqual([17, 9, 11, 14, 11, 12, 9, 9, 1])
    } finally {
      one.close()
      three.close()
    }
  })
})
