import { openCloud, P, rid, type Cloud } from '../harness'

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

describe('setting up estates and buildings', () => {
  let estateId = ''

  it('lets the secretary add an estate to their community and counts it', async () => {
    const e = await h.ok<{ id: string; name: string }>(
      'org',
      'estate.create',
      { requestId: rid(), communityId: 'c-hx', name: '和谐新苑' },
      P.secHx,
    )
    estateId = e.id
    const list = await h.ok<{ items: { id: string }[] }>('org', 'estate.list', { communityId: 'c-hx' }, P.zhou)
    expect(list.items.map((x) => x.id)).toContain(estateId)
    const c = await h.ok<{ items: { id: string; estateCount: number }[] }>(
      'org',
      'community.list',
      { streetId: 'st-jinxiu' },
      P.zhou,
    )
    expect(c.items.find((x) => x.id === 'c-hx')?.estateCount).toBe(3)
  })

  it('refuses the secretary of another community and changes nothing', async () => {
    await h.expectRefused(
      'org',
      'estate.create',
      { requestId: rid(), communityId: 'c-hx', name: '越权小区' },
      P.secYg,
      'FORBIDDEN',
    )
  })

  it('lets the street admin add a building whose households are generated and can be bound', async () => {
    const b = await h.ok<{ id: string; householdCount: number }>(
      'org',
      'building.create',
      { requestId: rid(), estateId, gridId: 'g-hx-2', name: '1号楼', floors: 6, roomsPerFloor: 2, floorAreaDm2: 8950 },
      P.admin,
    )
    expect(b.householdCount).toBe(12)
    const rooms = await h.ok<{ items: { id: string; room: string; floorAreaDm2?: number }[]; total: number }>(
      'org',
      'household.list',
      { buildingId: b.id, pageSize: 50 },
      P.zhou,
    )
    expect(rooms.total).toBe(12)
    expect(rooms.items[0]).toEqual({ id: rooms.items[0].id, buildingId: b.id, room: '101' })
    const kept = await h.ok<{ items: { room: string; floorAreaDm2?: number }[] }>(
      'org',
      'household.list',
      { buildingId: b.id, pageSize: 50 },
      P.secHx,
    )
    expect(kept.items[0]).toMatchObject({ room: '101', floorAreaDm2: 8950 })
    const bound = await h.ok<{ address: string; status: string }>(
      'org',
      'binding.request',
      { requestId: rid(), householdId: rooms.items[0].id, name: '新住户', phone: '13800001234' },
      P.stranger,
    )
    expect(bound).toMatchObject({ address: '和谐新苑 1号楼 101', status: 'pending' })
    const c = await h.ok<{ items: { id: string; householdCount: number }[] }>(
      'org',
      'community.list',
      { streetId: 'st-jinxiu' },
      P.zhou,
    )
    expect(c.items.find((x) => x.id === 'c-hx')?.householdCount).toBe(144 + 12)
  })

  it('refuses a second building of the same name in one estate and changes nothing', async () => {
    const err = await h.expectRefused(
      'org',
      'building.create',
      { requestId: rid(), estateId, gridId: 'g-hx-2', name: '1号楼', floors: 2, roomsPerFloor: 2, floorAreaDm2: 9000 },
      P.secHx,
      'CONFLICT',
    )
    expect(err?.message).toBe('和谐新苑已有1号楼')
  })

  it('refuses a second estate of the same name in one community and changes nothing', async () => {
    await h.expectRefused(
      'org',
      'estate.create',
      { requestId: rid(), communityId: 'c-hx', name: '和谐家园' },
      P.secHx,
      'CONFLICT',
    )
  })

  it('refuses a grid of another community and changes nothing', async () => {
    const err = await h.expectRefused(
      'org',
      'building.create',
      { requestId: rid(), estateId, gridId: 'g-yg-1', name: '2号楼', floors: 2, roomsPerFloor: 2, floorAreaDm2: 9000 },
      P.secHx,
      'INVALID_INPUT',
    )
    expect(err?.issues?.[0]?.path).toEqual(['gridId'])
  })

  it('refuses more than 40 floors and changes nothing', async () => {
    await h.expectRefused(
      'org',
      'building.create',
      { requestId: rid(), estateId, gridId: 'g-hx-2', name: '3号楼', floors: 41, roomsPerFloor: 2, floorAreaDm2: 9000 },
      P.secHx,
      'INVALID_INPUT',
    )
  })

  it('refuses a resident and changes nothing', async () => {
    await h.expectRefused(
      'org',
      'building.create',
      { requestId: rid(), estateId, gridId: 'g-hx-2', name: '4号楼', floors: 2, roomsPerFloor: 2, floorAreaDm2: 9000 },
      P.liu,
      'FORBIDDEN',
    )
  })
})
