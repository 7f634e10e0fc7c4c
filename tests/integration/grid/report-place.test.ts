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

const base = () => ({ requestId: rid(), gridId: 'g-hx-2', place: '小区东门', category: 'facility', description: '门禁坏了', photos: [], urgency: 'normal' })

describe('report place', () => {
  it('keeps an estate chosen without a building, with coordinates, and the estate’s company can then be dispatched', async () => {
    const e = await h.ok<EventView>('grid', 'event.report', { ...base(), estateId: 'e-hx-1', lat: 31.2304, lng: 121.4737 }, P.liu)
    expect(e).toMatchObject({ estateId: 'e-hx-1', estateName: '和谐家园', lat: 31.2304, lng: 121.4737 })
    expect(e.buildingId).toBeUndefined()
    const { data } = await h.db.collection('grid_events').where({ _id: e.id }).get()
    expect(data[0]).toMatchObject({ estateId: 'e-hx-1', estateName: '和谐家园', lat: 31.2304, lng: 121.4737 })
    // Before, the estate was dropped and no company could take an estate-only event.
    const a = await h.ok<EventView>('grid', 'event.assign', { eventId: e.id, handler: { type: 'company', id: 'co-1' } }, P.secHx)
    expect(a.handler).toMatchObject({ type: 'company', id: 'co-1' })
  })

  it('takes an estate with one of its buildings, and a building alone names its estate', async () => {
    const both = await h.ok<EventView>('grid', 'event.report', { ...base(), estateId: 'e-hx-1', buildingId: 'b-hx-1-2' }, WORKER1_G2)
    expect(both).toMatchObject({ estateId: 'e-hx-1', estateName: '和谐家园', buildingId: 'b-hx-1-2', buildingName: '2号楼' })
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
    const err = await h.expectRefused('grid', 'event.report', { ...base(), estateId: 'e-hx-2', buildingId: 'b-hx-1-2' }, WORKER1_G2, 'INVALID_INPUT')
    expect(err?.message).toBe('楼栋不属于所选小区')
    await h.expectRefused('grid', 'event.report', { ...base(), estateId: 'e/hx-1' }, WORKER1_G2, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.report', { ...base(), lat: 91, lng: 121 }, WORKER1_G2, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.report', { ...base(), lat: 31, lng: '121' }, WORKER1_G2, 'INVALID_INPUT')
  })

  it('costs a fixed number of requests: one more when a building is named', async () => {
    const a = await h.call('grid', 'event.report', { ...base(), estateId: 'e-hx-1' }, WORKER1_G2)
    const b = await h.call('grid', 'event.report', { ...base(), estateId: 'e-hx-1', buildingId: 'b-hx-1-2' }, WORKER1_G2)
    const c = await h.call('grid', 'event.report', { ...base(), buildingId: 'b-hx-1-2' }, WORKER1_G2)
    expect([a.env.ok, b.env.ok, c.env.ok]).toEqual([true, true, true])
    expect(b.dbRequests).toBe(a.dbRequests + 1)
    expect(c.dbRequests).toBe(b.dbRequests)
  })
})
