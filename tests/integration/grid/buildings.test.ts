import { ids } from '../../../cloudfunctions/grid/repo'
import type { BuildingLeaderView, EventView, StaffInvitationView } from '../../../types/grid'
import type { MeView, RoleHistoryView } from '../../../types/org'
import type { Page } from '../../../types/common'
import { openCloud, P, rid, T0, type Cloud } from '../harness'

/**
 * 楼栋长 (issue 15 §3): appointed by the secretary with a single-use code for one or more buildings of a
 * grid, shown on the grid page (to a resident of the building first), reporting for their buildings and
 * seeing their buildings' open events; the role ends the one way (role.end / role.stepDown).
 */

type StaffList = { buildingLeaders: BuildingLeaderView[]; items: unknown[] }
type Events = Page<EventView> & { gridName: string; buildings: { id: string; name: string }[] }
type MyGrids = { items: { gridId: string; via: string; homeBuildingIds: string[] }[] }

/** Nobody leads 和谐社区's second estate (翠竹苑) in the demo: b-hx-2-1 lies on 第一网格, b-hx-2-3 on 第三网格. */
const B1 = 'b-hx-2-1'
const B3 = 'b-hx-2-3'

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())
afterEach(() => h.setNow(T0))

const code = (gridId: string, buildingIds: string[], over: Record<string, unknown> = {}) =>
  h.ok<StaffInvitationView>('grid', 'building.appoint', { requestId: rid(), gridId, buildingIds, ...over }, P.secHx)
const leaders = async (gridId: string, openid: string = P.secHx) =>
  (await h.ok<StaffList>('grid', 'staff.list', { gridId }, openid)).buildingLeaders
const report = (openid: string, gridId: string, buildingId: string) =>
  h.call<EventView>(
    'grid',
    'event.report',
    {
      requestId: rid(),
      gridId,
      buildingId,
      place: '楼道',
      category: 'clutter',
      description: '楼道堆放纸箱',
      photos: [],
      urgency: 'normal',
    },
    openid,
  )

describe('楼栋长: appointed by code, shown on the grid page, reporting for their buildings', () => {
  const A = 'o-bl-test-a'
  it('the code names the buildings; the holder takes it up; the grid page shows them; they report and see their buildings’ open events', async () => {
    const inv = await code('g-hx-1', [B1], { groupName: '翠竹苑1号楼党小组', centralHousehold: true })
    expect(inv).toMatchObject({
      role: 'building_leader',
      gridName: '第一网格',
      status: 'open',
      groupName: '翠竹苑1号楼党小组',
    })
    expect(inv.buildings).toEqual([{ id: B1, name: '1号楼', estateId: 'e-hx-2', estateName: '翠竹苑' }])
    expect(inv.qrText).toBe(`txinvite:${inv.code}`)
    // The code is what proves the person: anyone holding it takes it up; a guessed code is not found.
    await h.expectRefused('org', 'invitation.redeem', { code: 'ZZZZ9999', name: '冒名' }, A, 'NOT_FOUND')
    const me = await h.ok<MeView>('org', 'invitation.redeem', { code: inv.code, name: '邓海燕' }, A)
    expect(me.roles).toEqual([
      expect.objectContaining({ role: 'building_leader', scopeType: 'grid', scopeId: 'g-hx-1', communityId: 'c-hx' }),
    ])
    // Used once only.
    await h.expectRefused('org', 'invitation.redeem', { code: inv.code, name: '邓海燕' }, 'o-bl-test-other', 'CONFLICT')

    const mine = (await leaders('g-hx-1')).find((l) => l.name === '邓海燕')!
    expect(mine).toMatchObject({
      gridId: 'g-hx-1',
      groupName: '翠竹苑1号楼党小组',
      centralHousehold: true,
      buildings: [{ id: B1, name: '1号楼', estateName: '翠竹苑' }],
    })
    expect(mine.grantId).toEqual(expect.any(String))
    // A resident sees names and buildings, never the grant id; 刘芳's home building (b-hx-1-1) is on the page with its seeded leader.
    const seen = await leaders('g-hx-1', P.liu)
    expect(seen.find((l) => l.name === '邓海燕')?.grantId).toBeUndefined()
    expect(seen.find((l) => l.buildings.some((b) => b.id === 'b-hx-1-1'))).toMatchObject({
      name: '陈桂英',
      centralHousehold: true,
    })
    const liuGrids = await h.ok<MyGrids>('grid', 'grid.mine', {}, P.liu)
    expect(liuGrids.items).toEqual([
      expect.objectContaining({ gridId: 'g-hx-1', via: 'resident', homeBuildingIds: ['b-hx-1-1'] }),
    ])
    expect((await h.ok<MyGrids>('grid', 'grid.mine', {}, A)).items).toEqual([
      expect.objectContaining({ gridId: 'g-hx-1', via: 'building', homeBuildingIds: [] }),
    ])

    // They report for their building, and see it among their buildings' open events.
    const r = await report(A, 'g-hx-1', B1)
    expect(r.env.ok).toBe(true)
    const e = (r.env as { data: EventView }).data
    expect(e).toMatchObject({
      buildingId: B1,
      buildingName: '1号楼',
      estateName: '翠竹苑',
      status: 'reported',
      reporterName: '邓海燕',
    })
    // A resident's report on the building shows too (newest first), and the leader may open it.
    h.setNow(new Date(T0.getTime() + 3600_000))
    const liuReport = await report(P.liu, 'g-hx-1', B1)
    const theirs = (liuReport.env as { data: EventView }).data
    const list = await h.ok<Events>('grid', 'building.events', { gridId: 'g-hx-1' }, A)
    expect(list).toMatchObject({ gridName: '第一网格', buildings: [{ id: B1 }], total: 2 })
    expect(list.items.map((x) => x.id)).toEqual([theirs.id, e.id])
    expect((await h.ok<{ event: EventView }>('grid', 'event.get', { eventId: theirs.id }, A)).event.id).toBe(theirs.id)
    // Not another building's: a report elsewhere on the grid is neither listed nor open to them.
    const other = (await report(P.liu, 'g-hx-1', 'b-hx-1-1')).env as { data: EventView }
    expect(
      (await h.ok<Events>('grid', 'building.events', { gridId: 'g-hx-1' }, A)).items.map((x) => x.id),
    ).not.toContain(other.data.id)
    await h.expectRefused('grid', 'event.get', { eventId: other.data.id }, A, 'FORBIDDEN')
  })

  it('ending: the secretary ends a 楼栋长 (history kept, the building freed); a second code then adds that building to another leader', async () => {
    const B = 'o-bl-test-b'
    await h.ok('org', 'invitation.redeem', { code: (await code('g-hx-3', [B3])).code, name: '蒋春梅' }, B)
    // b-hx-1-3 has its seeded leader (o-bl-hx-3): a code for it is refused at once, nothing made.
    await h.expectRefused(
      'grid',
      'building.appoint',
      { requestId: rid(), gridId: 'g-hx-3', buildingIds: ['b-hx-1-3'] },
      P.secHx,
      'CONFLICT',
    )
    const seeded = (await leaders('g-hx-3')).find((l) => l.buildings.some((b) => b.id === 'b-hx-1-3'))!
    const ended = await h.ok<RoleHistoryView>(
      'org',
      'role.end',
      { grantId: seeded.grantId, reason: '搬离本楼' },
      P.secHx,
    )
    expect(ended).toMatchObject({
      role: 'building_leader',
      scopeId: 'g-hx-3',
      kind: 'ended',
      reason: '搬离本楼',
      endedByName: '社区书记 王秀英',
    })
    expect((await h.ok<Page<RoleHistoryView>>('org', 'role.history', {}, 'o-bl-hx-3')).items[0]).toMatchObject({
      role: 'building_leader',
      kind: 'ended',
    })
    // The record stays, marked ended; the page no longer lists them; their calls as 楼栋长 are refused.
    const { data } = await h.db
      .collection('grid_staff')
      .where({ _id: ids.buildingLeader('g-hx-3', 'o-bl-hx-3') })
      .get()
    expect(data[0]).toMatchObject({ state: 'ended', endedBy: P.secHx, buildingIds: ['b-hx-1-3'] })
    expect((await leaders('g-hx-3')).map((l) => l.name)).toEqual(['蒋春梅'])
    await h.expectRefused('grid', 'building.events', { gridId: 'g-hx-3' }, 'o-bl-hx-3', 'FORBIDDEN')
    // The building is free: a new code adds it to 蒋春梅's buildings.
    await h.ok('org', 'invitation.redeem', { code: (await code('g-hx-3', ['b-hx-1-3'])).code, name: '蒋春梅' }, B)
    const now = (await leaders('g-hx-3')).find((l) => l.name === '蒋春梅')!
    expect(now.buildings.map((b) => b.id).sort()).toEqual(['b-hx-1-3', B3])
    expect((await h.ok<Events>('grid', 'building.events', { gridId: 'g-hx-3' }, B)).buildings).toHaveLength(2)
  })

  it('stepping down: the person gives the role up themself (本人), and their buildings are free again', async () => {
    const C = 'o-bl-test-c'
    const me = await h.ok<MeView>(
      'org',
      'invitation.redeem',
      { code: (await code('g-hx-4', ['b-hx-2-4'])).code, name: '邹建国' },
      C,
    )
    const grant = me.roles.find((g) => g.role === 'building_leader')!
    await h.ok('org', 'role.stepDown', { grantId: grant.grantId, reason: '年纪大了' }, C)
    expect((await h.ok<Page<RoleHistoryView>>('org', 'role.history', {}, C)).items[0]).toMatchObject({
      role: 'building_leader',
      kind: 'stepped_down',
      endedByName: '本人',
    })
    expect((await leaders('g-hx-4')).map((l) => l.name)).not.toContain('邹建国')
    const again = await code('g-hx-4', ['b-hx-2-4'])
    expect(again.status).toBe('open')
  })
})

describe('楼栋长: refusals change nothing', () => {
  it('building.appoint: refuses a resident, a grid worker, a 楼栋长, another community’s secretary and an unauthenticated caller', async () => {
    const input = { requestId: rid(), gridId: 'g-hx-5', buildingIds: ['b-hx-2-5'] }
    await h.expectRefused('grid', 'building.appoint', input, P.liu, 'FORBIDDEN')
    await h.expectRefused('grid', 'building.appoint', input, P.grid, 'FORBIDDEN')
    await h.expectRefused('grid', 'building.appoint', input, 'o-bl-hx-5', 'FORBIDDEN')
    await h.expectRefused('grid', 'building.appoint', input, P.secYg, 'FORBIDDEN')
    await h.expectRefused('grid', 'building.appoint', input, null, 'UNAUTHENTICATED')
  })

  it('building.appoint: refuses a building of another grid, an unknown one, none at all, and an unknown grid', async () => {
    await h.expectRefused(
      'grid',
      'building.appoint',
      { requestId: rid(), gridId: 'g-hx-5', buildingIds: ['b-hx-2-6'] },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'grid',
      'building.appoint',
      { requestId: rid(), gridId: 'g-hx-5', buildingIds: ['b-nowhere'] },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'grid',
      'building.appoint',
      { requestId: rid(), gridId: 'g-hx-5', buildingIds: [] },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'grid',
      'building.appoint',
      { requestId: rid(), gridId: 'g-none', buildingIds: ['b-hx-2-5'] },
      P.secHx,
      'NOT_FOUND',
    )
  })

  it('building.events: refuses anyone who is not 楼栋长 on the grid (the grid’s worker, a resident, the secretary, a leader of another grid)', async () => {
    await h.expectRefused('grid', 'building.events', { gridId: 'g-hx-5' }, P.grid, 'FORBIDDEN')
    await h.expectRefused('grid', 'building.events', { gridId: 'g-hx-5' }, P.liu, 'FORBIDDEN')
    await h.expectRefused('grid', 'building.events', { gridId: 'g-hx-5' }, P.secHx, 'FORBIDDEN')
    await h.expectRefused('grid', 'building.events', { gridId: 'g-hx-5' }, 'o-bl-hx-6', 'FORBIDDEN')
    await h.expectRefused('grid', 'building.events', { gridId: 'g-hx-5' }, null, 'UNAUTHENTICATED')
  })

  it('event.report: a 楼栋长 (not a resident) may not report for a building they do not lead, on their grid or another', async () => {
    const input = (gridId: string, buildingId: string) => ({
      requestId: rid(),
      gridId,
      buildingId,
      place: '楼道',
      category: 'clutter',
      description: '杂物',
      photos: [],
      urgency: 'normal',
    })
    await h.expectRefused('grid', 'event.report', input('g-hx-5', 'b-hx-2-5'), 'o-bl-hx-5', 'FORBIDDEN')
    await h.expectRefused('grid', 'event.report', input('g-hx-6', 'b-hx-1-6'), 'o-bl-hx-5', 'FORBIDDEN')
    // Without a building there is nothing they lead.
    const noBuilding = {
      requestId: rid(),
      gridId: 'g-hx-5',
      place: '小区门口',
      category: 'clutter',
      description: '杂物',
      photos: [],
      urgency: 'normal',
    }
    await h.expectRefused('grid', 'event.report', noBuilding, 'o-bl-hx-5', 'FORBIDDEN')
    expect((await report('o-bl-hx-5', 'g-hx-5', 'b-hx-1-5')).env.ok).toBe(true)
  })

  it('role.end: refuses the grid’s worker, another 楼栋长 and another community’s secretary', async () => {
    const seeded = (await leaders('g-hx-6')).find((l) => l.name)!
    await h.expectRefused('org', 'role.end', { grantId: seeded.grantId, reason: '越权' }, P.grid, 'FORBIDDEN')
    await h.expectRefused('org', 'role.end', { grantId: seeded.grantId, reason: '越权' }, 'o-bl-hx-5', 'FORBIDDEN')
    await h.expectRefused('org', 'role.end', { grantId: seeded.grantId, reason: '越权' }, P.secYg, 'FORBIDDEN')
  })
})

describe('楼栋长: two actions on one record at once', () => {
  it('two codes for one building used at the same moment: exactly one person becomes its 楼栋长; the other’s code stays unused', async () => {
    // Both codes are made before either is used (once one is taken up, a new code for the building is refused at once).
    const mk = () =>
      h.ok<StaffInvitationView>(
        'grid',
        'building.appoint',
        { requestId: rid(), gridId: 'g-yg-1', buildingIds: ['b-yg-2-1'] },
        P.secYg,
      )
    const c1b = await mk()
    const c2b = await mk()
    const [a, b] = await Promise.all([
      h.call('org', 'invitation.redeem', { code: c1b.code, name: '甲' }, 'o-race-a'),
      h.call('org', 'invitation.redeem', { code: c2b.code, name: '乙' }, 'o-race-b'),
    ])
    expect([a.env.ok, b.env.ok].filter(Boolean)).toHaveLength(1)
    const loser = a.env.ok ? b.env : a.env
    expect(loser.ok ? '' : loser.error.code).toBe('CONFLICT')
    const list = await leaders('g-yg-1', P.secYg)
    expect(list.filter((l) => l.buildings.some((x) => x.id === 'b-yg-2-1'))).toHaveLength(1)
    const lost = a.env.ok ? { openid: 'o-race-b', code: c2b.code } : { openid: 'o-race-a', code: c1b.code }
    const { data } = await h.db
      .collection('invitations')
      .where({ _id: `inv:${lost.code}` })
      .get()
    expect((data[0] as { usedBy: string | null }).usedBy).toBeNull()
    expect((await h.ok<MeView>('org', 'me', {}, lost.openid)).roles).toEqual([])
  })

  it('the secretary ends a 楼栋长 while they step down: one ending, one history record, the other told it has ended', async () => {
    const leader = (await leaders('g-yg-2', P.secYg))[0]
    const me = await h.ok<MeView>('org', 'me', {}, 'o-bl-yg-2')
    const [a, b] = await Promise.all([
      h.call('org', 'role.end', { grantId: leader.grantId, reason: '换届' }, P.secYg),
      h.call('org', 'role.stepDown', { grantId: me.roles[0].grantId }, 'o-bl-yg-2'),
    ])
    expect([a.env.ok, b.env.ok].filter(Boolean)).toHaveLength(1)
    const loser = a.env.ok ? b.env : a.env
    expect(loser.ok ? '' : loser.error.code).toBe('CONFLICT')
    expect((await h.ok<Page<RoleHistoryView>>('org', 'role.history', {}, 'o-bl-yg-2')).total).toBe(1)
    const { data } = await h.db
      .collection('grid_staff')
      .where({ _id: ids.buildingLock('b-yg-1-2') })
      .get()
    expect(data[0]).toMatchObject({ leaderOpenid: null })
  })
})
