import { openCloud, P, rid, type Cloud } from '../harness'

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
  // A second street with its own admin, to prove scope checks are by scope, not role name.
  await h.db.collection('streets').add({ data: { _id: 'st-other', name: '临江街道', createdAt: new Date() } })
  await h.db.collection('users').add({
    data: {
      _id: 'o-admin-other',
      name: '钱明',
      roles: [
        { role: 'street_admin', scopeType: 'street', scopeId: 'st-other', scopeName: '临江街道', streetId: 'st-other' },
      ],
      createdAt: new Date(),
      updatedAt: new Date(),
    },
  })
})
afterAll(() => h.close())

describe('reading the organisation tree', () => {
  it('lists streets and communities with their counters, paged', async () => {
    const streets = await h.ok<{ items: { id: string }[] }>('org', 'street.list', {}, P.zhou)
    expect(streets.items.map((s) => s.id).sort()).toEqual(['st-jinxiu', 'st-other'])
    const page = await h.ok<{ items: { name: string; gridCount: number; householdCount: number }[]; total: number }>(
      'org',
      'community.list',
      { streetId: 'st-jinxiu', pageSize: 2 },
      P.zhou,
    )
    expect(page.total).toBe(3)
    expect(page.items).toHaveLength(2)
    expect(page.items.every((c) => c.gridCount === 6 && c.householdCount === 144)).toBe(true)
  })

  it('lists estates, buildings and rooms down to a household', async () => {
    const estates = await h.ok<{ items: { id: string; name: string; companyName: string }[] }>(
      'org',
      'estate.list',
      { communityId: 'c-hx' },
      P.zhou,
    )
    expect(estates.items.map((e) => e.name).sort()).toEqual(['和谐家园', '翠竹苑'].sort())
    const buildings = await h.ok<{ items: { id: string }[] }>('org', 'building.list', { estateId: 'e-hx-1' }, P.zhou)
    expect(buildings.items).toHaveLength(6)
    const rooms = await h.ok<{ items: { room: string; floorAreaDm2: number }[]; total: number }>(
      'org',
      'household.list',
      { buildingId: 'b-hx-1-1', pageSize: 5 },
      P.zhou,
    )
    expect(rooms.total).toBe(12)
    expect(rooms.items.map((r) => r.room)).toEqual(['101', '102', '201', '202', '301'])
    // Floor areas only for the register's keepers: with tallies by area, a room's area could single out its ballot.
    expect(rooms.items.every((r) => r.floorAreaDm2 === undefined)).toBe(true)
    const kept = await h.ok<{ items: { room: string; floorAreaDm2: number }[] }>(
      'org',
      'household.list',
      { buildingId: 'b-hx-1-1', pageSize: 5 },
      P.secHx,
    )
    expect(kept.items.every((r) => Number.isInteger(r.floorAreaDm2) && r.floorAreaDm2 >= 6000)).toBe(true)
    const other = await h.ok<{ items: { floorAreaDm2?: number }[] }>(
      'org',
      'household.list',
      { buildingId: 'b-hx-1-1', pageSize: 5 },
      P.secYg,
    )
    expect(other.items.every((r) => r.floorAreaDm2 === undefined)).toBe(true)
  })

  it('gives the seeded estates and buildings their place on the map (GCJ-02), for choosing where an activity is', async () => {
    const estates = await h.ok<{ items: { id: string; lat?: number; lng?: number }[] }>(
      'org',
      'estate.list',
      { communityId: 'c-hx' },
      P.secHx,
    )
    expect(estates.items.find((e) => e.id === 'e-hx-1')).toMatchObject({ lat: 30.5928, lng: 114.3055 })
    const buildings = await h.ok<{ items: { id: string; lat?: number; lng?: number }[] }>(
      'org',
      'building.list',
      { estateId: 'e-hx-1' },
      P.secHx,
    )
    expect(buildings.items.every((b) => typeof b.lat === 'number' && typeof b.lng === 'number')).toBe(true)
    // Each building within a couple of hundred metres of its estate's centre.
    expect(
      buildings.items.every((b) => Math.abs(b.lat! - 30.5928) < 0.002 && Math.abs(b.lng! - 114.3055) < 0.002),
    ).toBe(true)
  })

  it('lists the grids of a community', async () => {
    const grids = await h.ok<{ items: { name: string }[] }>('org', 'grid.list', { communityId: 'c-yg' }, P.zhou)
    expect(grids.items.map((g) => g.name)).toEqual([
      '第一网格',
      '第二网格',
      '第三网格',
      '第四网格',
      '第五网格',
      '第六网格',
    ])
  })

  it('refuses a page size over 50', async () => {
    await h.expectRefused('org', 'household.list', { buildingId: 'b-hx-1-1', pageSize: 51 }, P.zhou, 'INVALID_INPUT')
  })
})

describe('org.community.create', () => {
  it('lets the street admin create a community in their street, once per requestId', async () => {
    const requestId = rid()
    const input = { requestId, streetId: 'st-jinxiu', name: '新桥社区', address: '新桥路 1 号' }
    const first = await h.ok<{ id: string; gridCount: number }>('org', 'community.create', input, P.admin)
    const again = await h.ok<{ id: string }>('org', 'community.create', input, P.admin)
    expect(again.id).toBe(first.id)
    expect(first.gridCount).toBe(0)
    const { total } = await h.db.collection('communities').where({ name: '新桥社区' }).count()
    expect(total).toBe(1)
  })

  it('refuses the admin of another street and changes nothing', async () => {
    await h.expectRefused(
      'org',
      'community.create',
      { requestId: rid(), streetId: 'st-jinxiu', name: '越权社区', address: '某路' },
      'o-admin-other',
      'FORBIDDEN',
    )
  })

  it('refuses a secretary (wrong role) and changes nothing', async () => {
    await h.expectRefused(
      'org',
      'community.create',
      { requestId: rid(), streetId: 'st-jinxiu', name: '越权社区', address: '某路' },
      P.secHx,
      'FORBIDDEN',
    )
  })

  it('refuses a missing name and changes nothing', async () => {
    await h.expectRefused(
      'org',
      'community.create',
      { requestId: rid(), streetId: 'st-jinxiu', name: ' ', address: '某路' },
      P.admin,
      'INVALID_INPUT',
    )
  })

  it('refuses text that fails the content check and changes nothing', async () => {
    await h.expectRefused(
      'org',
      'community.create',
      { requestId: rid(), streetId: 'st-jinxiu', name: '违禁词社区', address: '某路' },
      P.admin,
      'CONTENT_REJECTED',
    )
  })
})

describe('org.grid.create', () => {
  it('lets the secretary add a grid to their own community and counts it', async () => {
    const g = await h.ok<{ communityId: string }>(
      'org',
      'grid.create',
      { requestId: rid(), communityId: 'c-hx', name: '第七网格' },
      P.secHx,
    )
    expect(g.communityId).toBe('c-hx')
    const c = await h.ok<{ items: { id: string; gridCount: number }[] }>(
      'org',
      'community.list',
      { streetId: 'st-jinxiu', pageSize: 50 },
      P.secHx,
    )
    expect(c.items.find((x) => x.id === 'c-hx')?.gridCount).toBe(7)
    const grids = await h.ok<{ items: { name: string }[] }>('org', 'grid.list', { communityId: 'c-hx' }, P.secHx)
    expect(grids.items.map((g) => g.name).at(-1)).toBe('第七网格')
  })

  it('refuses the secretary of another community and changes nothing', async () => {
    await h.expectRefused(
      'org',
      'grid.create',
      { requestId: rid(), communityId: 'c-hx', name: '第八网格' },
      P.secYg,
      'FORBIDDEN',
    )
  })

  it('refuses a resident and changes nothing', async () => {
    await h.expectRefused(
      'org',
      'grid.create',
      { requestId: rid(), communityId: 'c-hx', name: '第八网格' },
      P.liu,
      'FORBIDDEN',
    )
  })

  it('answers NOT_FOUND for a community that does not exist', async () => {
    await h.expectRefused(
      'org',
      'grid.create',
      { requestId: rid(), communityId: 'c-nowhere', name: '第八网格' },
      P.admin,
      'NOT_FOUND',
    )
  })
})
