import { GRID_PEOPLE } from '../../../local/seed/grid'
import type { EventView, MemberCandidateView } from '../../../types/grid'
import type { NeedView } from '../../../types/service'
import { openCloud, P, rid, type Cloud } from '../harness'

/** Dispatch to a member (在职党员) chosen from the community's list, and the two-way link of a converted event. */

const WORKER1_G2 = GRID_PEOPLE.worker2
const LEADER_G2 = 'o-grid-hx-2-ld'
/** 马晓燕: approved this year in 和谐社区, responsible for 第二网格 (local/seed/service.ts). */
const MA = 'o-svc-m-hx-2'

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

type Page = { items: MemberCandidateView[]; total: number }
const report = () =>
  h.ok<EventView>(
    'grid',
    'event.report',
    {
      requestId: rid(),
      gridId: 'g-hx-2',
      buildingId: 'b-hx-1-2',
      place: '2号楼门口',
      category: 'facility',
      description: '路灯不亮',
      photos: [],
      urgency: 'normal',
    },
    P.liu,
  )

describe('dispatch to a member', () => {
  it('lists the community’s approved members, marking the one responsible for the grid and the one not renewed this year', async () => {
    const e = await report()
    const page = await h.ok<Page>('grid', 'event.members', { eventId: e.id, pageSize: 50 }, P.secHx)
    expect(page.total).toBe(5)
    expect(page.items.find((m) => m.name === '马晓燕')).toMatchObject({
      gridName: '第二网格',
      onGrid: true,
      overdue: false,
    })
    expect(page.items.find((m) => m.name === '孙伟')).toMatchObject({
      gridName: '第三网格',
      onGrid: false,
      overdue: true,
    })
    expect(page.items.filter((m) => m.onGrid)).toHaveLength(1)
    // Members of other communities are not offered: the five are 和谐社区's.
    expect(page.items.map((m) => m.name).sort()).toEqual(['孙伟', '陈立军', '马晓燕', '高志强', '林雪'].sort())
    // Each is named by their 报到 record id, never by an openid (issue 11 §4).
    expect(JSON.stringify(page)).not.toMatch(/o-svc-m-|o-member-sun/)
  })

  it('lets the grid leader list them and dispatch to one, who finds it in the inbox', async () => {
    const e = await report()
    const page = await h.ok<Page>('grid', 'event.members', { eventId: e.id }, LEADER_G2)
    const ma = page.items.find((m) => m.name === '马晓燕')!
    const a = await h.ok<EventView>(
      'grid',
      'event.assign',
      { eventId: e.id, handler: { type: 'member', id: ma.id } },
      LEADER_G2,
    )
    expect(a).toMatchObject({ status: 'assigned', handler: { type: 'member', id: ma.id, name: '马晓燕' } })
    expect(a.handler!.id).not.toContain(MA)
    const inbox = await h.ok<{ items: EventView[] }>('grid', 'event.inbox', {}, MA)
    expect(inbox.items.map((x) => x.id)).toContain(e.id)
    // The notice still reaches her: the openid is kept on the event for that, and never shown.
    expect((await h.db.collection('outbox').where({ toOpenid: MA }).count()).total).toBe(1)
  })

  it('pages with a fixed number of requests whatever the page size', async () => {
    const e = await report()
    const small = await h.call<Page>('grid', 'event.members', { eventId: e.id, pageSize: 2 }, P.secHx)
    const large = await h.call<Page>('grid', 'event.members', { eventId: e.id, pageSize: 50 }, P.secHx)
    expect(small.env.ok && small.env.data.items).toHaveLength(2)
    expect(small.env.ok && small.env.data.total).toBe(5)
    expect(small.dbRequests).toBe(large.dbRequests)
  })

  it('refuses a plain worker, another community’s secretary, residents and bad input, changing nothing', async () => {
    const e = await report()
    await h.expectRefused('grid', 'event.members', { eventId: e.id }, WORKER1_G2, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.members', { eventId: e.id }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.members', { eventId: e.id }, P.liu, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.members', { eventId: e.id }, MA, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.members', { eventId: e.id }, null, 'UNAUTHENTICATED')
    await h.expectRefused('grid', 'event.members', { eventId: e.id, pageSize: 51 }, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.members', {}, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.members', { eventId: 'gev-nowhere' }, P.secHx, 'NOT_FOUND')
  })
})

describe('the link of a converted event, both ways', () => {
  it('the need carries the event it came from, in its own view and in the list', async () => {
    const e = await report()
    const r = await h.ok<{ event: EventView; linkId: string }>(
      'grid',
      'event.convert',
      { requestId: rid(), eventId: e.id, to: 'need' },
      P.secHx,
    )
    expect(r.event.link).toEqual({ type: 'need', id: r.linkId })
    const need = await h.ok<NeedView>('service', 'need.get', { needId: r.linkId }, P.liu)
    expect(need).toMatchObject({ id: r.linkId, source: 'grid', gridEventId: e.id, communityId: 'c-hx', status: 'open' })
    const list = await h.ok<{ items: NeedView[] }>(
      'service',
      'need.list',
      { communityId: 'c-hx', pageSize: 50 },
      P.secHx,
    )
    expect(list.items.find((n) => n.id === r.linkId)?.gridEventId).toBe(e.id)
    // A need published by the community has no event behind it.
    expect(list.items.find((n) => n.source !== 'grid')?.gridEventId).toBeUndefined()
    // And the event still points at the need.
    expect((await h.ok<{ event: EventView }>('grid', 'event.get', { eventId: e.id }, P.liu)).event.link).toEqual({
      type: 'need',
      id: r.linkId,
    })
  })

  it('need.get refuses unknown needs, bad ids and unauthenticated callers, changing nothing', async () => {
    await h.expectRefused('service', 'need.get', { needId: 'need-nowhere' }, P.liu, 'NOT_FOUND')
    await h.expectRefused('service', 'need.get', { needId: '../x' }, P.liu, 'INVALID_INPUT')
    await h.expectRefused('service', 'need.get', { needId: 'need-hx-1' }, null, 'UNAUTHENTICATED')
  })
})
