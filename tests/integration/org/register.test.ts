import type { Envelope } from '../../../types'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { DAY, iso, publishedMeeting } from '../council/fixtures'
import { at, interleave } from '../interleave'

/**
 * Correcting the register (issue 12 §2): a household's floor area (with a reason, kept as versions, not
 * while a vote counting area is open over it), renaming and retiring estates, buildings and grids (kept,
 * hidden from pickers, refused for new records), moving a building and its households to another grid.
 */

type Page<T> = { items: T[]; total: number }
type Detail = { id: string; address: string; floorAreaDm2: number; retired: boolean; areaLockedBy: string[] }
type Revision = { kind: string; version: number; before: string; after: string; reason?: string; byName: string }
type Place = { id: string; name: string; retired?: boolean; gridId?: string }
const code = (e: Envelope<unknown>) => (e.ok ? 'OK' : e.error.code)

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

const history = async (kind: string, id: string) =>
  (await h.ok<Page<Revision>>('org', 'place.history', { kind, id }, P.secHx)).items

/** A vote over 和谐家园 (estate e-hx-1) by the given preset. */
async function openVote(preset: 'simple' | 'civil_code_ordinary', requestId = rid()) {
  const m = await publishedMeeting(h)
  return h.call<{ id: string }>(
    'council',
    'vote.open',
    {
      requestId,
      meetingId: m.id,
      itemId: m.itemIds[0],
      title: preset === 'simple' ? '楼道照明' : '外墙翻新维修资金',
      options: [
        { label: '同意', kind: 'for' },
        { label: '反对', kind: 'against' },
      ],
      estateIds: ['e-hx-1'],
      buildingIds: [],
      opensAt: iso(T0),
      closesAt: iso(new Date(T0.getTime() + 7 * DAY)),
      preset,
    },
    P.secHx,
  )
}

describe('a household’s floor area', () => {
  it('corrects the area with a reason and keeps the earlier one as a version', async () => {
    const before = await h.ok<Detail>('org', 'household.get', { householdId: 'h-hx-1-3-101' }, P.secHx)
    expect(before.areaLockedBy).toEqual([])
    const after = await h.ok<Detail>(
      'org',
      'household.setArea',
      { householdId: 'h-hx-1-3-101', floorAreaDm2: 8850, reason: '按不动产权证更正' },
      P.secHx,
    )
    expect(after.floorAreaDm2).toBe(8850)
    const [v] = await history('household', 'h-hx-1-3-101')
    expect(v).toMatchObject({
      kind: 'area',
      version: 2,
      before: `${(before.floorAreaDm2 / 100).toFixed(2)} 平方米`,
      after: '88.50 平方米',
      reason: '按不动产权证更正',
      byName: '王秀英',
    })
    const listed = await h.ok<Page<{ id: string; floorAreaDm2?: number }>>(
      'org',
      'household.list',
      { buildingId: 'b-hx-1-3', pageSize: 50 },
      P.secHx,
    )
    expect(listed.items.find((x) => x.id === 'h-hx-1-3-101')?.floorAreaDm2).toBe(8850)
  })

  it('refuses the same area, no reason, an area out of range, a resident and another community, and changes nothing', async () => {
    await h.expectRefused(
      'org',
      'household.setArea',
      { householdId: 'h-hx-1-3-101', floorAreaDm2: 8850, reason: '重复' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'org',
      'household.setArea',
      { householdId: 'h-hx-1-3-101', floorAreaDm2: 9000, reason: ' ' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'org',
      'household.setArea',
      { householdId: 'h-hx-1-3-101', floorAreaDm2: 500, reason: '太小' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'org',
      'household.setArea',
      { householdId: 'h-hx-1-3-101', floorAreaDm2: 9000, reason: '越权' },
      P.liu,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'org',
      'household.setArea',
      { householdId: 'h-hx-1-3-101', floorAreaDm2: 9000, reason: '越权' },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused('org', 'household.get', { householdId: 'h-hx-1-3-101' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused(
      'org',
      'household.setArea',
      { householdId: 'h-none', floorAreaDm2: 9000, reason: '不存在' },
      P.secHx,
      'NOT_FOUND',
    )
  })

  it('is locked while a vote counting area is open over it, not by one counting households only, and free once counted', async () => {
    expect(code((await openVote('simple')).env)).toBe('OK')
    await h.ok(
      'org',
      'household.setArea',
      { householdId: 'h-hx-1-3-102', floorAreaDm2: 9100, reason: '测绘更正' },
      P.secHx,
    )
    const vote = await openVote('civil_code_ordinary')
    expect(code(vote.env)).toBe('OK')
    const detail = await h.ok<Detail>('org', 'household.get', { householdId: 'h-hx-1-3-102' }, P.secHx)
    expect(detail.areaLockedBy).toEqual(['外墙翻新维修资金'])
    const err = await h.expectRefused(
      'org',
      'household.setArea',
      { householdId: 'h-hx-1-3-102', floorAreaDm2: 9200, reason: '测绘更正' },
      P.secHx,
      'CONFLICT',
    )
    expect(err?.message).toMatch(/外墙翻新维修资金/)
    // Another estate of the community is not in the vote's scope.
    await h.ok(
      'org',
      'household.setArea',
      { householdId: 'h-hx-2-3-101', floorAreaDm2: 9200, reason: '测绘更正' },
      P.secHx,
    )
    h.setNow(new Date(T0.getTime() + 8 * DAY))
    await h.ok('council', 'vote.close', { voteId: (vote.env as { data: { id: string } }).data.id }, P.secHx)
    await h.ok(
      'org',
      'household.setArea',
      { householdId: 'h-hx-1-3-102', floorAreaDm2: 9200, reason: '测绘更正' },
      P.secHx,
    )
    h.setNow(T0)
  })

  it('conflicts with a vote counting area that opens at the same moment, in either order: one of the two', async () => {
    const m1 = await publishedMeeting(h)
    const open = (m: { id: string; itemIds: string[] }) => () =>
      h.call(
        'council',
        'vote.open',
        {
          requestId: rid(),
          meetingId: m.id,
          itemId: m.itemIds[0],
          title: '屋面防水',
          options: [
            { label: '同意', kind: 'for' },
            { label: '反对', kind: 'against' },
          ],
          estateIds: ['e-hx-1'],
          buildingIds: [],
          opensAt: iso(T0),
          closesAt: iso(new Date(T0.getTime() + DAY)),
          preset: 'civil_code_ordinary',
        },
        P.secHx,
      )
    const edit = (n: number) => () =>
      h.call(
        'org',
        'household.setArea',
        { householdId: 'h-hx-1-4-101', floorAreaDm2: 9000 + n, reason: '更正' },
        P.admin,
      )
    // The edit held at its commit while the vote opens: the vote is refused.
    const [e1, v1] = await interleave(at.commit(P.admin), edit(1), open(m1))
    expect([code(e1.env), code(v1.env)]).toEqual(['OK', 'CONFLICT'])
    // The vote held at its commit while the edit runs: the edit is refused.
    const m2 = await publishedMeeting(h)
    const [v2, e2] = await interleave(at.commit(P.secHx), open(m2), edit(2))
    expect([code(v2.env), code(e2.env)]).toEqual(['OK', 'CONFLICT'])
    const { data } = await h.db.collection('households').where({ _id: 'h-hx-1-4-101' }).get()
    expect((data[0] as { floorAreaDm2: number }).floorAreaDm2).toBe(9001)
  })
})

describe('renaming', () => {
  it('renames an estate: pickers, the history and new records use the new name; records made before keep the old', async () => {
    const renamed = await h.ok<Place>(
      'org',
      'place.rename',
      { kind: 'estate', id: 'e-yg-2', name: '朝阳新苑', reason: '小区更名' },
      P.secYg,
    )
    expect(renamed).toMatchObject({ name: '朝阳新苑', retired: false })
    const estates = await h.ok<{ items: Place[] }>('org', 'estate.list', { communityId: 'c-yg' }, P.zhou)
    expect(estates.items.map((e) => e.name)).toEqual(expect.arrayContaining(['朝阳新苑']))
    expect(
      (await h.ok<Page<Revision>>('org', 'place.history', { kind: 'estate', id: 'e-yg-2' }, P.secYg)).items[0],
    ).toMatchObject({ kind: 'rename', before: '朝阳新村', after: '朝阳新苑' })
    expect((await h.ok<Detail>('org', 'household.get', { householdId: 'h-yg-2-1-101' }, P.secYg)).address).toBe(
      '朝阳新苑 1号楼 101',
    )
    const b = await h.ok<{ address: string }>(
      'org',
      'binding.request',
      { requestId: rid(), householdId: 'h-yg-2-1-101', name: '新住户', phone: '13800002222' },
      'o-renamed-newcomer',
    )
    expect(b.address).toBe('朝阳新苑 1号楼 101')
  })

  it('renames a building and a grid', async () => {
    await h.ok('org', 'place.rename', { kind: 'building', id: 'b-yg-2-1', name: '1栋' }, P.secYg)
    expect((await h.ok<Detail>('org', 'household.get', { householdId: 'h-yg-2-1-102' }, P.secYg)).address).toBe(
      '朝阳新苑 1栋 102',
    )
    await h.ok('org', 'place.rename', { kind: 'grid', id: 'g-yg-6', name: '第六网格（滨河）' }, P.secYg)
    expect(
      (await h.ok<{ items: Place[] }>('org', 'grid.list', { communityId: 'c-yg' }, P.zhou)).items.map((g) => g.name),
    ).toContain('第六网格（滨河）')
  })

  it('refuses a name already used, an empty name, a resident and another community, and changes nothing', async () => {
    await h.expectRefused(
      'org',
      'place.rename',
      { kind: 'estate', id: 'e-yg-2', name: '阳光花园' },
      P.secYg,
      'CONFLICT',
    )
    await h.expectRefused(
      'org',
      'place.rename',
      { kind: 'building', id: 'b-yg-2-1', name: '2号楼' },
      P.secYg,
      'CONFLICT',
    )
    await h.expectRefused('org', 'place.rename', { kind: 'estate', id: 'e-yg-2', name: ' ' }, P.secYg, 'INVALID_INPUT')
    await h.expectRefused('org', 'place.rename', { kind: 'estate', id: 'e-yg-2', name: '越权' }, P.secHx, 'FORBIDDEN')
    await h.expectRefused('org', 'place.rename', { kind: 'estate', id: 'e-yg-2', name: '越权' }, P.liu, 'FORBIDDEN')
    await h.expectRefused('org', 'place.rename', { kind: 'grid', id: 'g-none', name: '无' }, P.secYg, 'NOT_FOUND')
  })
})

describe('retiring', () => {
  let estateId = ''
  let buildingId = ''
  let gridId = ''

  it('refuses to retire what is still in use (a grid with buildings, a building with residents, an estate with buildings), and changes nothing', async () => {
    expect(
      (
        await h.expectRefused(
          'org',
          'place.retire',
          { kind: 'grid', id: 'g-hx-1', reason: '合并' },
          P.secHx,
          'CONFLICT',
        )
      )?.message,
    ).toMatch(/还有楼栋/)
    expect(
      (
        await h.expectRefused(
          'org',
          'place.retire',
          { kind: 'building', id: 'b-hx-1-1', reason: '拆除' },
          P.secHx,
          'CONFLICT',
        )
      )?.message,
    ).toMatch(/住户/)
    expect(
      (
        await h.expectRefused(
          'org',
          'place.retire',
          { kind: 'estate', id: 'e-hx-1', reason: '合并' },
          P.secHx,
          'CONFLICT',
        )
      )?.message,
    ).toMatch(/楼栋/)
    await h.expectRefused(
      'org',
      'place.retire',
      { kind: 'building', id: 'b-hx-2-6', reason: ' ' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'org',
      'place.retire',
      { kind: 'building', id: 'b-hx-2-6', reason: '拆除' },
      P.secYg,
      'FORBIDDEN',
    )
  })

  it('retires an empty building: kept, hidden from pickers, listed for its managers, its rooms refused for binding and codes', async () => {
    estateId = (
      await h.ok<{ id: string }>(
        'org',
        'estate.create',
        { requestId: rid(), communityId: 'c-hx', name: '临时安置点' },
        P.secHx,
      )
    ).id
    gridId = (
      await h.ok<{ id: string }>(
        'org',
        'grid.create',
        { requestId: rid(), communityId: 'c-hx', name: '第七网格' },
        P.secHx,
      )
    ).id
    buildingId = (
      await h.ok<{ id: string }>(
        'org',
        'building.create',
        { requestId: rid(), estateId, gridId, name: '1号楼', floors: 1, roomsPerFloor: 2, floorAreaDm2: 6000 },
        P.secHx,
      )
    ).id
    const retired = await h.ok<Place>(
      'org',
      'place.retire',
      { kind: 'building', id: buildingId, reason: '安置结束，已拆除' },
      P.secHx,
    )
    expect(retired.retired).toBe(true)
    expect((await h.ok<{ items: Place[] }>('org', 'building.list', { estateId }, P.zhou)).items).toEqual([])
    expect(
      (await h.ok<{ items: Place[] }>('org', 'building.list', { estateId, includeRetired: true }, P.secHx)).items,
    ).toEqual([expect.objectContaining({ id: buildingId, retired: true })])
    const room = `${buildingId}-101`
    await h.expectRefused(
      'org',
      'binding.request',
      { requestId: rid(), householdId: room, name: '来者', phone: '13800003333' },
      'o-late-comer',
      'CONFLICT',
    )
    await h.expectRefused(
      'org',
      'householdCode.issue',
      { requestId: rid(), householdId: room, ttlDays: 7 },
      P.secHx,
      'CONFLICT',
    )
    expect((await history('building', buildingId))[0]).toMatchObject({
      kind: 'retire',
      after: '已停用',
      reason: '安置结束，已拆除',
    })
  })

  it('retires the estate and the grid once nothing uses them, and refuses new records in them', async () => {
    await h.ok('org', 'place.retire', { kind: 'estate', id: estateId, reason: '安置结束' }, P.secHx)
    expect(
      (await h.ok<{ items: Place[] }>('org', 'estate.list', { communityId: 'c-hx' }, P.zhou)).items.map((e) => e.id),
    ).not.toContain(estateId)
    await h.expectRefused(
      'org',
      'building.create',
      { requestId: rid(), estateId, gridId: 'g-hx-1', name: '2号楼', floors: 1, roomsPerFloor: 1, floorAreaDm2: 6000 },
      P.secHx,
      'CONFLICT',
    )
    await h.ok('org', 'place.retire', { kind: 'grid', id: gridId, reason: '并入第一网格' }, P.secHx)
    expect(
      (await h.ok<{ items: Place[] }>('org', 'grid.list', { communityId: 'c-hx' }, P.zhou)).items.map((g) => g.id),
    ).not.toContain(gridId)
    await h.expectRefused(
      'org',
      'building.create',
      { requestId: rid(), estateId: 'e-hx-2', gridId, name: '9号楼', floors: 1, roomsPerFloor: 1, floorAreaDm2: 6000 },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'grid',
      'staff.appoint',
      { requestId: rid(), gridId, post: 'worker', ttlHours: 24 },
      P.secHx,
      'CONFLICT',
    )
    await h.expectRefused('org', 'place.rename', { kind: 'grid', id: gridId, name: '复用' }, P.secHx, 'CONFLICT')
  })
})

describe('moving a building to another grid', () => {
  type Moved = { id: string; gridId: string; previousGridId: string; householdCount: number }
  const gridsOf = async (buildingId: string) => {
    const { data } = await h.db.collection('households').where({ buildingId }).limit(100).get()
    return [...new Set((data as { gridId: string }[]).map((x) => x.gridId))]
  }

  it('moves the building and every household in it, keeps the move as a version, and answers a repeat the same', async () => {
    const requestId = rid()
    const moved = await h.ok<Moved>(
      'org',
      'building.move',
      { requestId, buildingId: 'b-hx-2-6', gridId: 'g-hx-3', reason: '网格调整' },
      P.secHx,
    )
    expect(moved).toMatchObject({ gridId: 'g-hx-3', previousGridId: 'g-hx-6', householdCount: 12 })
    expect(await gridsOf('b-hx-2-6')).toEqual(['g-hx-3'])
    expect(
      (await h.ok<{ items: Place[] }>('org', 'building.list', { estateId: 'e-hx-2' }, P.zhou)).items.find(
        (b) => b.id === 'b-hx-2-6',
      )?.gridId,
    ).toBe('g-hx-3')
    expect((await history('building', 'b-hx-2-6'))[0]).toMatchObject({
      kind: 'move',
      before: '第六网格',
      after: '第三网格',
      reason: '网格调整',
    })
    expect(
      await h.ok<Moved>(
        'org',
        'building.move',
        { requestId, buildingId: 'b-hx-2-6', gridId: 'g-hx-3', reason: '网格调整' },
        P.secHx,
      ),
    ).toEqual(moved)
  })

  it('refuses its own grid, a grid of another community, a resident and another community, and changes nothing', async () => {
    await h.expectRefused(
      'org',
      'building.move',
      { requestId: rid(), buildingId: 'b-hx-2-6', gridId: 'g-hx-3' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'org',
      'building.move',
      { requestId: rid(), buildingId: 'b-hx-2-6', gridId: 'g-yg-1' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'org',
      'building.move',
      { requestId: rid(), buildingId: 'b-hx-2-6', gridId: 'g-hx-2' },
      P.liu,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'org',
      'building.move',
      { requestId: rid(), buildingId: 'b-hx-2-6', gridId: 'g-hx-2' },
      P.secYg,
      'FORBIDDEN',
    )
  })

  it('moves once when two moves of one building run at the same moment: the households follow the winner', async () => {
    const [a, b] = await Promise.all([
      h.call<Moved>('org', 'building.move', { requestId: rid(), buildingId: 'b-hx-2-5', gridId: 'g-hx-1' }, P.secHx),
      h.call<Moved>('org', 'building.move', { requestId: rid(), buildingId: 'b-hx-2-5', gridId: 'g-hx-2' }, P.admin),
    ])
    expect([code(a.env), code(b.env)].sort()).toEqual(['CONFLICT', 'OK'])
    const won = (a.env.ok ? a.env.data : (b.env as { data: Moved }).data).gridId
    expect(await gridsOf('b-hx-2-5')).toEqual([won])
    const { data } = await h.db.collection('buildings').where({ _id: 'b-hx-2-5' }).get()
    expect(data[0]).toMatchObject({ gridId: won })
    expect((data[0] as { moving?: unknown }).moving).toBeUndefined()
  })

  it('takes over a move abandoned by a killed attempt (older than the function timeout)', async () => {
    await h.db
      .collection('buildings')
      .doc('b-hx-2-4')
      .update({ data: { moving: { to: 'g-hx-1', key: 'move_dead', at: new Date(T0.getTime() - 60_000) } } })
    const moved = await h.ok<Moved>(
      'org',
      'building.move',
      { requestId: rid(), buildingId: 'b-hx-2-4', gridId: 'g-hx-5' },
      P.secHx,
    )
    expect(moved.gridId).toBe('g-hx-5')
    expect(await gridsOf('b-hx-2-4')).toEqual(['g-hx-5'])
  })

  it('refuses a move while another is in progress, and changes nothing', async () => {
    await h.db
      .collection('buildings')
      .doc('b-hx-2-3')
      .update({ data: { moving: { to: 'g-hx-1', key: 'move_live', at: T0 } } })
    await h.expectRefused(
      'org',
      'building.move',
      { requestId: rid(), buildingId: 'b-hx-2-3', gridId: 'g-hx-5' },
      P.secHx,
      'CONFLICT',
    )
  })
})
