import { GRID_PEOPLE } from '../../../local/seed/grid'
import type { EventView } from '../../../types/grid'
import { openCloud, P, rid, type Cloud } from '../harness'

/** Where an event happened: estate (with or without a building) and coordinates from the report screen's 定位. */

const WORKER1_G2 = GRID_PEOPLE.worker2

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

const base = () => ({
  requestId: rid(),
  gridId: 'g-hx-2',
  place: '小区东门',
  category: 'facility',
  description: '门禁坏了',
  photos: [],
  urgency: 'normal',
})

describe('report place', () => {
  it('keeps an estate chosen without a building, with coordinates, and the estate’s company can then be dispatched', async () => {
    const { gridId: _picked, ...noGrid } = base()
    const e = await h.ok<EventView>(
      'grid',
      'event.report',
      { ...noGrid, estateId: 'e-hx-1', lat: 31.2304, lng: 121.4737 },
      P.liu,
    )
    expect(e).toMatchObject({ estateId: 'e-hx-1', estateName: '和谐家园', lat: 31.2304, lng: 121.4737 })
    expect(e.buildingId).toBeUndefined()
    const { data } = await h.db.collection('grid_events').where({ _id: e.id }).get()
    expect(data[0]).toMatchObject({ estateId: 'e-hx-1', estateName: '和谐家园', lat: 31.2304, lng: 121.4737 })
    // Before, the estate was dropped and no company could take an estate-only event.
    const a = await h.ok<EventView>(
      'grid',
      'event.assign',
      { eventId: e.id, handler: { type: 'company', id: 'co-1' } },
      P.secHx,
    )
    expect(a.handler).toMatchObject({ type: 'company', id: 'co-1' })
  })

  it('takes an estate with one of its buildings, and a building alone names its estate', async () => {
    const both = await h.ok<EventView>(
      'grid',
      'event.report',
      { ...base(), estateId: 'e-hx-1', buildingId: 'b-hx-1-2' },
      WORKER1_G2,
    )
    expect(both).toMatchObject({
      estateId: 'e-hx-1',
      estateName: '和谐家园',
      buildingId: 'b-hx-1-2',
      buildingName: '2号楼',
    })
    const building = await h.ok<EventView>('grid', 'event.report', { ...base(), buildingId: 'b-hx-1-2' }, WORKER1_G2)
    expect(building).toMatchObject({ estateId: 'e-hx-1', estateName: '和谐家园', buildingName: '2号楼' })
    const neither = await h.ok<EventView>('grid', 'event.report', base(), WORKER1_G2)
    expect(neither.estateId).toBeUndefined()
    expect(neither.lat).toBeUndefined()
  })

  it('refuses an estate of another community, an unknown estate, a building of another estate and bad coordinates, changing nothing', async () => {
    await h.expectRefused('grid', 'event.report', { ...base(), estateId: 'e-yg-1' }, WORKER1_G2, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.report', { ...base(), estateId: 'e-nowhere' }, WORKER1_G2, 'INVALID_INPUT')
    // b-hx-1-2 lies in this grid but belongs to 和谐家园 (e-hx-1), not 翠竹苑 (e-hx-2).
    const err = await h.expectRefused(
      'grid',
      'event.report',
      { ...base(), estateId: 'e-hx-2', buildingId: 'b-hx-1-2' },
      WORKER1_G2,
      'INVALID_INPUT',
    )
    expect(err?.message).toBe('楼栋不属于所选小区')
    await h.expectRefused('grid', 'event.report', { ...base(), estateId: 'e/hx-1' }, WORKER1_G2, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.report', { ...base(), lat: 91, lng: 121 }, WORKER1_G2, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.report', { ...base(), lat: 31, lng: '121' }, WORKER1_G2, 'INVALID_INPUT')
  })

  it('costs a fixed number of requests: one more when a building is named', async () => {
    const a = await h.call('grid', 'event.report', { ...base(), estateId: 'e-hx-1' }, WORKER1_G2)
    const b = await h.call(
      'grid',
      'event.report',
      { ...base(), estateId: 'e-hx-1', buildingId: 'b-hx-1-2' },
      WORKER1_G2,
    )
    const c = await h.call('grid', 'event.report', { ...base(), buildingId: 'b-hx-1-2' }, WORKER1_G2)
    expect([a.env.ok, b.env.ok, c.env.ok]).toEqual([true, true, true])
    expect(b.dbRequests).toBe(a.dbRequests + 1)
    expect(c.dbRequests).toBe(b.dbRequests)
  })
})

/**
 * A resident never picks a grid (issue 13 §2): the server derives it — from the building named, else
 * from the reporter's household (a resident) or their one grid (a grid worker) — and refuses a grid
 * that disagrees, changing nothing.
 */
describe('the grid of a report is derived', () => {
  const noGrid = () => {
    const { gridId: _picked, ...rest } = base()
    return rest
  }

  it('files a resident’s report without a building on their household’s grid', async () => {
    // 刘芳 lives in 和谐家园 1号楼 101, on 第一网格.
    const e = await h.ok<EventView>('grid', 'event.report', noGrid(), P.liu)
    expect(e).toMatchObject({ gridId: 'g-hx-1', gridName: '第一网格' })
  })

  it('files a report naming a building on that building’s grid, for a resident and for staff', async () => {
    // 和谐家园 2号楼 is on 第二网格.
    expect(await h.ok<EventView>('grid', 'event.report', { ...noGrid(), buildingId: 'b-hx-1-2' }, P.liu)).toMatchObject(
      { gridId: 'g-hx-2', buildingName: '2号楼' },
    )
    expect(
      await h.ok<EventView>('grid', 'event.report', { ...noGrid(), buildingId: 'b-hx-1-2' }, WORKER1_G2),
    ).toMatchObject({ gridId: 'g-hx-2' })
  })

  it('files a grid worker’s report without a building on the one grid they work on', async () => {
    expect(await h.ok<EventView>('grid', 'event.report', noGrid(), P.grid)).toMatchObject({ gridId: 'g-hx-1' })
  })

  it('refuses a resident’s report on a grid that is not their household’s, changing nothing', async () => {
    await h.expectRefused('grid', 'event.report', { ...noGrid(), gridId: 'g-hx-3' }, P.liu, 'FORBIDDEN')
  })

  it('refuses a grid that disagrees with the building, and a building that does not exist, changing nothing', async () => {
    const err = await h.expectRefused(
      'grid',
      'event.report',
      { ...noGrid(), gridId: 'g-hx-1', buildingId: 'b-hx-1-2' },
      P.liu,
      'INVALID_INPUT',
    )
    expect(err?.message).toBe('楼栋不在该网格内')
    await h.expectRefused('grid', 'event.report', { ...noGrid(), buildingId: 'b-nowhere' }, P.liu, 'INVALID_INPUT')
  })

  it('asks for a building when nothing says where the problem is', async () => {
    // A member whose 报到 is not recorded yet: no grid, home or 报到 grid of their own, and no building named.
    const roles = [
      {
        role: 'member',
        scopeType: 'community',
        scopeId: 'c-hx',
        scopeName: '和谐社区',
        communityId: 'c-hx',
        streetId: 'st-jinxiu',
      },
    ]
    await h.db
      .collection('users')
      .add({ data: { _id: 'o-member-unplaced', name: '新党员', roles, createdAt: new Date(), updatedAt: new Date() } })
    const err = await h.expectRefused('grid', 'event.report', noGrid(), 'o-member-unplaced', 'INVALID_INPUT')
    expect(err?.message).toBe('请选择事发楼栋，以确定所属网格')
  })
})
