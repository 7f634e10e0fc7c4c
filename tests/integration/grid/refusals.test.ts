import { ids } from '../../../cloudfunctions/grid/repo'
import { GRID_PEOPLE } from '../../../local/seed/grid'
import type { EventView, GridSettingsView, StaffView, WhistleRecordView } from '../../../types/grid'
import { memberRecordId } from '../../../cloudfunctions/shared/pseudonym'
import { openCloud, P, rid, T0, type Cloud } from '../harness'

/**
 * Grid refusals the action tests leave out: by role (audience), by scope, unauthenticated callers and
 * bad input. Every refusal goes through `expectRefused`, so it also asserts that nothing changed.
 */

const at = (h: number) => new Date(T0.getTime() + h * 3600_000)
const WORKER1_G2 = GRID_PEOPLE.worker2
const LEADER_G2 = 'o-grid-hx-2-ld'
const XU = GRID_PEOPLE.liaisonXu
/** An active seeded appointment: the worker of 和谐社区 第一网格. */
const STAFF_HX_1_WK = ids.staff('g-hx-1', 'o-grid-hx-1-wk', 'worker')

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())
afterEach(() => h.setNow(T0))

const report = (openid: string, over: Record<string, unknown> = {}) =>
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
      urgency: 'urgent',
      ...over,
    },
    openid,
  )
/** Reported by `reporter` and assigned by the secretary to co-1 (郑凯's company). */
const assigned = async (reporter: string = P.liu) => {
  const e = await report(reporter)
  return h.ok<EventView>('grid', 'event.assign', { eventId: e.id, handler: { type: 'company', id: 'co-1' } }, P.secHx)
}
/** An event waiting for the secretary's decision: the reporter reopened it twice and was dissatisfied a third time. */
const deciding = async () => {
  const e = await assigned(WORKER1_G2)
  await h.ok('grid', 'event.accept', { eventId: e.id }, P.prop)
  for (const reason of ['还是不亮', '晚上又灭了', '仍然不稳定']) {
    await h.ok('grid', 'event.progress', { eventId: e.id, note: '已修好', photos: [], done: true }, P.prop)
    await h.ok('grid', 'event.confirm', { eventId: e.id, resolved: false, reason }, WORKER1_G2)
  }
  const v = (await h.ok<{ event: EventView }>('grid', 'event.get', { eventId: e.id }, P.secHx)).event
  expect(v.status).toBe('deciding')
  return v
}

describe('refusal by role', () => {
  it('staff.remove: refuses a resident, a grid leader, a stranger and an unauthenticated caller, changing nothing', async () => {
    await h.expectRefused('grid', 'staff.remove', { staffId: STAFF_HX_1_WK }, P.liu, 'FORBIDDEN')
    await h.expectRefused('grid', 'staff.remove', { staffId: STAFF_HX_1_WK }, P.grid, 'FORBIDDEN')
    await h.expectRefused('grid', 'staff.remove', { staffId: STAFF_HX_1_WK }, P.stranger, 'FORBIDDEN')
    await h.expectRefused('grid', 'staff.remove', { staffId: STAFF_HX_1_WK }, null, 'UNAUTHENTICATED')
    const { data } = await h.db.collection('grid_staff').where({ _id: STAFF_HX_1_WK }).get()
    expect(data[0]).toMatchObject({ status: 'active' })
  })

  it('event.decide: refuses grid workers (the reporter, the grid leader), the company and the street admin, changing nothing', async () => {
    const e = await deciding()
    const input = { eventId: e.id, close: true, note: '已核实修复' }
    await h.expectRefused('grid', 'event.decide', input, WORKER1_G2, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.decide', input, LEADER_G2, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.decide', input, P.prop, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.decide', input, P.admin, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.decide', input, null, 'UNAUTHENTICATED')
    // The event really was decidable: the community's secretary closes it.
    expect((await h.ok<EventView>('grid', 'event.decide', input, P.secHx)).status).toBe('closed')
  })

  it('event.remind: refuses a grid worker, the grid leader and the company even with an event due soon, changing nothing', async () => {
    const e = await assigned()
    h.setNow(at(20))
    await h.expectRefused('grid', 'event.remind', { communityId: 'c-hx', withinHours: 6 }, WORKER1_G2, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.remind', { communityId: 'c-hx', withinHours: 6 }, LEADER_G2, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.remind', { communityId: 'c-hx', withinHours: 6 }, P.prop, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.remind', { communityId: 'c-hx' }, null, 'UNAUTHENTICATED')
    const { data } = await h.db.collection('grid_events').where({ _id: e.id }).get()
    expect((data[0] as { remindedAt?: Date }).remindedAt).toBeUndefined()
    // There was something to remind: the secretary's call does.
    expect(
      (await h.ok<{ reminded: number }>('grid', 'event.remind', { communityId: 'c-hx', withinHours: 6 }, P.secHx))
        .reminded,
    ).toBeGreaterThanOrEqual(1)
  })

  it('event.progress: refuses the reporter (a resident), the secretary and the grid worker, changing nothing', async () => {
    const e = await assigned(P.liu)
    await h.ok('grid', 'event.accept', { eventId: e.id }, P.prop)
    const input = { eventId: e.id, note: '已修好', photos: [], done: true }
    await h.expectRefused('grid', 'event.progress', input, P.liu, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.progress', input, P.secHx, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.progress', input, WORKER1_G2, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.progress', input, null, 'UNAUTHENTICATED')
    expect((await h.ok<EventView>('grid', 'event.progress', input, P.prop)).status).toBe('done')
  })

  it('staff.list is open to any signed-in person (audience authenticated), but not to an unauthenticated caller', async () => {
    const list = await h.ok<{ gridId: string; items: StaffView[] }>(
      'grid',
      'staff.list',
      { gridId: 'g-hx-1' },
      P.stranger,
    )
    expect(list.gridId).toBe('g-hx-1')
    expect(list.items).toHaveLength(4)
    expect(JSON.stringify(list.items)).not.toMatch(/o-grid-|o-sec-|o-member/)
    await h.expectRefused('grid', 'staff.list', { gridId: 'g-hx-1' }, null, 'UNAUTHENTICATED')
    await h.expectRefused('grid', 'staff.list', { gridId: 'g-nowhere' }, P.liu, 'NOT_FOUND')
  })

  it('event.inbox: a resident is not refused but sees nothing (no handler key); an unauthenticated caller is refused', async () => {
    // An event assigned to co-1 and one to a member exist: neither reaches a resident's inbox.
    await assigned(P.liu)
    const e2 = await report(P.liu)
    await h.ok(
      'grid',
      'event.assign',
      { eventId: e2.id, handler: { type: 'member', id: memberRecordId(P.member) } },
      P.secHx,
    )
    const before = await h.snapshot()
    for (const who of [P.liu, P.zhang, P.stranger]) {
      const inbox = await h.ok<{ items: EventView[]; total: number }>('grid', 'event.inbox', { open: false }, who)
      expect(inbox).toMatchObject({ items: [], total: 0 })
    }
    expect(await h.snapshot()).toBe(before)
    expect((await h.ok<{ items: EventView[] }>('grid', 'event.inbox', {}, P.member)).items.map((x) => x.id)).toContain(
      e2.id,
    )
    await h.expectRefused('grid', 'event.inbox', {}, null, 'UNAUTHENTICATED')
  })

  it('event.mine and settings.get refuse an unauthenticated caller, changing nothing', async () => {
    await h.expectRefused('grid', 'event.mine', {}, null, 'UNAUTHENTICATED')
    await h.expectRefused('grid', 'event.mine', { page: 1, pageSize: 10 }, null, 'UNAUTHENTICATED')
    await h.expectRefused('grid', 'settings.get', { streetId: 'st-jinxiu' }, null, 'UNAUTHENTICATED')
    // The same calls signed in succeed.
    expect(await h.ok<GridSettingsView>('grid', 'settings.get', { streetId: 'st-jinxiu' }, P.stranger)).toMatchObject({
      streetId: 'st-jinxiu',
      urgentHours: 24,
    })
    expect(await h.ok('grid', 'event.mine', {}, P.stranger)).toMatchObject({ items: [], total: 0 })
  })

  it('event.mine lists only the caller’s own reports', async () => {
    const mine = await report(P.zhang, { description: '张德福上报' })
    const theirs = await report(P.liu, { description: '刘芳上报' })
    const page = await h.ok<{ items: EventView[] }>('grid', 'event.mine', { pageSize: 50 }, P.zhang)
    expect(page.items.map((x) => x.id)).toContain(mine.id)
    expect(page.items.map((x) => x.id)).not.toContain(theirs.id)
    expect(page.items.every((x) => x.mine)).toBe(true)
  })
})

describe('refusal by scope', () => {
  it('event.convert: refuses the secretary of another community, changing nothing', async () => {
    const e = await report(P.liu)
    await h.expectRefused(
      'grid',
      'event.convert',
      { requestId: rid(), eventId: e.id, to: 'need' },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'grid',
      'event.convert',
      { requestId: rid(), eventId: e.id, to: 'topic' },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'grid',
      'event.convert',
      { requestId: rid(), eventId: e.id, to: 'need' },
      P.admin,
      'FORBIDDEN',
    )
    const { data } = await h.db.collection('grid_events').where({ _id: e.id }).get()
    expect(data[0]).toMatchObject({ status: 'reported' })
    expect((data[0] as { link?: unknown }).link).toBeUndefined()
  })

  it('whistle.record: a unit liaison sees their own unit’s record only', async () => {
    const own = await h.ok<WhistleRecordView>(
      'grid',
      'whistle.record',
      { partyType: 'unit', partyId: 'u-hx-1' },
      P.liaison,
    )
    expect(own).toMatchObject({ summoned: 0, items: [] })
    expect(
      await h.ok<WhistleRecordView>('grid', 'whistle.record', { partyType: 'unit', partyId: 'u-hx-2' }, XU),
    ).toMatchObject({ summoned: expect.any(Number) })
    await h.expectRefused('grid', 'whistle.record', { partyType: 'unit', partyId: 'u-hx-2' }, P.liaison, 'FORBIDDEN')
    await h.expectRefused('grid', 'whistle.record', { partyType: 'unit', partyId: 'u-hx-1' }, XU, 'FORBIDDEN')
    await h.expectRefused(
      'grid',
      'whistle.record',
      { partyType: 'unit', partyId: 'u-hx-2', quarter: '2026Q4' },
      P.liaison,
      'FORBIDDEN',
    )
    await h.expectRefused('grid', 'whistle.record', { partyType: 'unit', partyId: 'u-hx-2' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('grid', 'whistle.record', { partyType: 'unit', partyId: 'u-hx-2' }, null, 'UNAUTHENTICATED')
  })
})

describe('bad input', () => {
  it('settings.get, staff.list, staff.remove', async () => {
    await h.expectRefused('grid', 'settings.get', {}, P.liu, 'INVALID_INPUT')
    await h.expectRefused('grid', 'settings.get', { streetId: '../st-jinxiu' }, P.liu, 'INVALID_INPUT')
    await h.expectRefused('grid', 'settings.get', { streetId: 42 }, P.liu, 'INVALID_INPUT')
    await h.expectRefused('grid', 'staff.list', {}, P.liu, 'INVALID_INPUT')
    await h.expectRefused('grid', 'staff.list', { gridId: '' }, P.liu, 'INVALID_INPUT')
    await h.expectRefused('grid', 'staff.list', { gridId: 'g'.repeat(65) }, P.liu, 'INVALID_INPUT')
    await h.expectRefused('grid', 'staff.remove', {}, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('grid', 'staff.remove', { staffId: 'gs/g-hx-1' }, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('grid', 'staff.remove', { staffId: ['x'] }, P.secHx, 'INVALID_INPUT')
  })

  it('input is checked before identity: bad input from an unauthenticated caller is INVALID_INPUT', async () => {
    await h.expectRefused('grid', 'settings.get', {}, null, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.mine', { pageSize: 51 }, null, 'INVALID_INPUT')
  })

  it('event.mine, event.inbox, event.overdue: page bounds and field types', async () => {
    await h.expectRefused('grid', 'event.mine', { pageSize: 51 }, P.liu, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.mine', { pageSize: 0 }, P.liu, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.mine', { page: 0 }, P.liu, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.mine', { page: 1.5 }, P.liu, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.mine', { pageSize: '10' }, P.liu, 'INVALID_INPUT')
    expect(await h.ok('grid', 'event.mine', { pageSize: 50 }, P.liu)).toMatchObject({ pageSize: 50 })
    await h.expectRefused('grid', 'event.inbox', { pageSize: 51 }, P.prop, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.inbox', { open: 'yes' }, P.prop, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.inbox', { page: -1 }, P.prop, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.overdue', {}, P.admin, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.overdue', { streetId: 'st-jinxiu', pageSize: 51 }, P.admin, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.overdue', { streetId: 'st jinxiu' }, P.admin, 'INVALID_INPUT')
  })

  it('event.get, event.accept, event.convert, whistle.parties: event ids and the conversion target', async () => {
    const e = await assigned()
    await h.expectRefused('grid', 'event.get', {}, P.liu, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.get', { eventId: '' }, P.liu, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.get', { eventId: `${e.id}/../x` }, P.liu, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.get', { eventId: 'gev-nowhere' }, P.liu, 'NOT_FOUND')
    await h.expectRefused('grid', 'event.accept', {}, P.prop, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.accept', { eventId: 7 }, P.prop, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.accept', { eventId: 'x'.repeat(65) }, P.prop, 'INVALID_INPUT')
    await h.expectRefused(
      'grid',
      'event.convert',
      { requestId: rid(), eventId: e.id, to: 'ticket' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused('grid', 'event.convert', { requestId: rid(), eventId: e.id }, P.secHx, 'INVALID_INPUT')
    await h.expectRefused(
      'grid',
      'event.convert',
      { requestId: 'short', eventId: e.id, to: 'need' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused('grid', 'event.convert', { eventId: e.id, to: 'need' }, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('grid', 'whistle.parties', {}, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('grid', 'whistle.parties', { eventId: 'a b' }, P.secHx, 'INVALID_INPUT')
    // The event was untouched by all of that and is still open to accept.
    expect((await h.ok<EventView>('grid', 'event.accept', { eventId: e.id }, P.prop)).status).toBe('accepted')
  })

  it('whistle.inbox and whistle.record', async () => {
    await h.expectRefused('grid', 'whistle.inbox', { pageSize: 51 }, P.prop, 'INVALID_INPUT')
    await h.expectRefused('grid', 'whistle.inbox', { page: 0 }, XU, 'INVALID_INPUT')
    await h.expectRefused('grid', 'whistle.inbox', { pageSize: 'all' }, P.prop, 'INVALID_INPUT')
    const rec = { partyType: 'company', partyId: 'co-1' }
    expect(await h.ok<WhistleRecordView>('grid', 'whistle.record', { ...rec, quarter: '2026Q4' }, P.liu)).toMatchObject(
      { summoned: expect.any(Number) },
    )
    for (const quarter of ['2026-Q4', '2026Q5', '2026Q0', '26Q4', '2026q4', 'Q4 2026', '']) {
      await h.expectRefused('grid', 'whistle.record', { ...rec, quarter }, P.liu, 'INVALID_INPUT')
    }
    await h.expectRefused('grid', 'whistle.record', { ...rec, quarter: 20264 }, P.liu, 'INVALID_INPUT')
    await h.expectRefused('grid', 'whistle.record', { partyType: 'member', partyId: P.member }, P.liu, 'INVALID_INPUT')
    await h.expectRefused('grid', 'whistle.record', { partyType: 'unit' }, XU, 'INVALID_INPUT')
  })

  it('stats.get', async () => {
    await h.expectRefused('grid', 'stats.get', {}, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('grid', 'stats.get', { communityId: 'c hx' }, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('grid', 'stats.get', { communityId: null }, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('grid', 'stats.get', { communityId: 'c-nowhere' }, P.admin, 'NOT_FOUND')
  })
})
