import { openCloud, P, rid, T0, type Cloud } from '../harness'

/**
 * Issue 14 §11: open events by place for grid staff and the secretary (`event.map`, and the board
 * filtered to one place), and each grid worker's year as a record for the secretary (`staff.record`).
 */

type Place = {
  estateId: string | null
  estateName: string
  buildingId: string | null
  buildingName: string | null
  open: number
  urgent: number
  overdue: number
  lat: number | null
  lng: number | null
}
type MapView = { places: Place[]; open: number }
type Event = { id: string; status: string; buildingId?: string }
type Record = {
  staffId: string
  name: string
  post: string
  gridName: string
  active: boolean
  reported: number
  handled: number
  onTime: number
  meanHours: number | null
  dispatched: number
  residentRatings: { count: number; average: number | null }
}
type Records = { year: number; items: Record[] }

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())
afterEach(() => h.setNow(T0))

const map = (input: Record_<string, string>, who: string = P.secHx) => h.ok<MapView>('grid', 'event.map', input, who)
type Record_<K extends string, V> = { [k in K]?: V }
const at = (m: MapView, buildingId: string) => m.places.find((p) => p.buildingId === buildingId)
const report = (who: string, over: Record_<string, unknown>) =>
  h.ok<Event>(
    'grid',
    'event.report',
    {
      requestId: rid(),
      gridId: 'g-hx-1',
      buildingId: 'b-hx-2-1',
      place: '1号楼北侧',
      category: 'clutter',
      description: '北侧通道堆放旧家具',
      photos: [],
      urgency: 'normal',
      ...over,
    },
    who,
  )

describe('event.map: open events by place', () => {
  it("sums the community's open events per building, with the urgent and overdue ones", async () => {
    const m = await map({ communityId: 'c-hx' })
    // The seed: one event waiting for dispatch and one overdue urgent one at 和谐家园 1号楼; the closed one is not shown.
    expect(at(m, 'b-hx-1-1')).toMatchObject({
      estateId: 'e-hx-1',
      estateName: '和谐家园',
      buildingName: '1号楼',
      open: 2,
      urgent: 1,
      overdue: 1,
      lat: null,
      lng: null,
    })
    expect(m.open).toBe(m.places.reduce((n, p) => n + p.open, 0))
  })

  it("places located reports at the mean of their coordinates, for the grid's staff as for the secretary", async () => {
    await report(P.grid, { lat: 30.593, lng: 114.306 })
    await report(P.liu, { lat: 30.5934, lng: 114.3064, urgency: 'urgent' })
    for (const [input, who] of [
      [{ communityId: 'c-hx' }, P.secHx],
      [{ gridId: 'g-hx-1' }, P.grid],
    ] as const) {
      const place = at(await map(input, who), 'b-hx-2-1')
      expect(place).toMatchObject({ buildingName: '1号楼', open: 2, urgent: 1, overdue: 0 })
      expect(place?.lat).toBeCloseTo(30.5932, 6)
      expect(place?.lng).toBeCloseTo(114.3062, 6)
    }
  })

  it("lists one place's open events on the board, and a closed event leaves the map", async () => {
    const list = await h.ok<{ items: Event[]; total: number }>(
      'grid',
      'event.board',
      { communityId: 'c-hx', buildingId: 'b-hx-2-1', open: true },
      P.secHx,
    )
    expect(list.total).toBe(2)
    expect(list.items.every((e) => e.buildingId === 'b-hx-2-1')).toBe(true)
    await h.ok('grid', 'event.convert', { requestId: rid(), eventId: list.items[0].id, to: 'need' }, P.secHx)
    expect(at(await map({ communityId: 'c-hx' }), 'b-hx-2-1')?.open).toBe(1)
  })

  it("refuses residents, another grid's worker, another community's secretary, both scopes and unknown grids — changing nothing", async () => {
    await h.expectRefused('grid', 'event.map', { communityId: 'c-hx' }, P.liu, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.map', { gridId: 'g-hx-2' }, P.grid, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.map', { communityId: 'c-hx' }, P.grid, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.map', { communityId: 'c-hx' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.map', { communityId: 'c-hx', gridId: 'g-hx-1' }, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.map', { gridId: 'g-nowhere' }, P.secHx, 'NOT_FOUND')
  })
})

describe("staff.record: each grid worker's year, as a record", () => {
  const huang = async (year?: number) =>
    (
      await h.ok<Records>('grid', 'staff.record', { communityId: 'c-hx', ...(year ? { year } : {}) }, P.secHx)
    ).items.find((i) => i.name === '黄丽')!

  it('lists every worker of the community with their reports, first fixes, mean hours and dispatches, and no openid', async () => {
    const r = await h.ok<Records>('grid', 'staff.record', { communityId: 'c-hx' }, P.secHx)
    expect(r.year).toBe(2026)
    expect(r.items).toHaveLength(24)
    // The seed's three events on 第一网格 were reported by 黄丽 (one fixed on time), plus her report above.
    const h1 = r.items.find((i) => i.name === '黄丽')!
    expect(h1).toMatchObject({
      post: 'leader',
      gridName: '第一网格',
      active: true,
      reported: 4,
      handled: 1,
      onTime: 1,
      dispatched: 0,
    })
    expect(h1.meanHours).toEqual(expect.any(Number))
    expect(JSON.stringify(r)).not.toMatch(/o-grid-|o-res-|o-sec-/)
  })

  it("counts her dispatch and the resident's rating of the handling on her grid", async () => {
    const mine = await h.ok<{ items: Event[] }>('grid', 'event.mine', {}, P.liu)
    const ev = mine.items.find((e) => e.status === 'reported')!
    await h.ok('grid', 'event.assign', { eventId: ev.id, handler: { type: 'community', id: 'c-hx' } }, P.grid)
    await h.ok('grid', 'event.accept', { eventId: ev.id }, P.secHx)
    await h.ok('grid', 'event.progress', { eventId: ev.id, note: '社区已联系清运', done: true }, P.secHx)
    await h.ok('grid', 'event.confirm', { eventId: ev.id, resolved: true, rating: 4 }, P.liu)
    const after = await huang()
    expect(after.dispatched).toBe(1)
    expect(after.residentRatings).toEqual({ count: 1, average: 4 })
    // Her own report's rating (the seed's 5 stars) is not a resident's.
    const workerOnSameGrid = (await h.ok<Records>('grid', 'staff.record', { communityId: 'c-hx' }, P.secHx)).items.find(
      (i) => i.gridName === '第一网格' && i.post === 'worker',
    )!
    expect(workerOnSameGrid.residentRatings).toEqual({ count: 1, average: 4 })
  })

  it('lists nobody for a year before their appointment, zeros for a year without events, and keeps a worker removed during the year', async () => {
    expect((await h.ok<Records>('grid', 'staff.record', { communityId: 'c-hx', year: 2025 }, P.secHx)).items).toEqual(
      [],
    )
    expect(await huang(2027)).toMatchObject({
      reported: 0,
      handled: 0,
      onTime: 0,
      meanHours: null,
      dispatched: 0,
      residentRatings: { count: 0, average: null },
    })
    const staff = await h.ok<{ items: { id: string; name: string; post: string }[] }>(
      'grid',
      'staff.list',
      { gridId: 'g-hx-2' },
      P.secHx,
    )
    const leaving = staff.items.find((s) => s.post === 'worker')!
    await h.ok('grid', 'staff.remove', { staffId: leaving.id }, P.secHx)
    const r = await h.ok<Records>('grid', 'staff.record', { communityId: 'c-hx' }, P.secHx)
    expect(r.items.find((i) => i.staffId === leaving.id)).toMatchObject({ active: false })
  })

  it("is for the community's secretary only; a bad year is refused — changing nothing", async () => {
    await h.expectRefused('grid', 'staff.record', { communityId: 'c-hx' }, P.grid, 'FORBIDDEN')
    await h.expectRefused('grid', 'staff.record', { communityId: 'c-hx' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('grid', 'staff.record', { communityId: 'c-hx' }, P.admin, 'FORBIDDEN')
    await h.expectRefused('grid', 'staff.record', { communityId: 'c-hx', year: 1999 }, P.secHx, 'INVALID_INPUT')
  })
})
