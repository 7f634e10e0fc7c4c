import { GRID_PEOPLE } from '../../../local/seed/grid'
import type { PartyBranchView, StaffView } from '../../../types/grid'
import { openCloud, P, rid, T0, type Cloud } from '../harness'

/** The grid page: its named Party branch and staff, read by the grid's people, changed only by the community's secretary. */

const WORKER1_G2 = GRID_PEOPLE.worker2
const LEADER_G2 = 'o-grid-hx-2-ld'

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())
afterEach(() => h.setNow(T0))

type StaffList = {
  gridId: string
  gridName: string
  communityId: string
  partyBranch: PartyBranchView | null
  items: StaffView[]
}
type Mine = { items: { gridId: string; gridName: string; communityId: string; via: string }[] }

describe('who reaches their grid page', () => {
  it('finds the grid of a grid worker, of a resident’s home and of a member’s 报到; none for a newcomer', async () => {
    expect((await h.ok<Mine>('grid', 'grid.mine', {}, WORKER1_G2)).items).toEqual([
      { gridId: 'g-hx-2', gridName: '第二网格', communityId: 'c-hx', via: 'staff', homeBuildingIds: [] },
    ])
    // 刘芳 lives in 和谐家园 1号楼, which lies in 第一网格.
    expect((await h.ok<Mine>('grid', 'grid.mine', {}, P.liu)).items).toEqual([
      { gridId: 'g-hx-1', gridName: '第一网格', communityId: 'c-hx', via: 'resident', homeBuildingIds: ['b-hx-1-1'] },
    ])
    expect((await h.ok<Mine>('grid', 'grid.mine', {}, P.member)).items).toEqual([
      { gridId: 'g-hx-3', gridName: '第三网格', communityId: 'c-hx', via: 'member', homeBuildingIds: [] },
    ])
    expect((await h.ok<Mine>('grid', 'grid.mine', {}, P.zhou)).items).toEqual([])
    await h.expectRefused('grid', 'grid.mine', {}, null, 'UNAUTHENTICATED')
  })

  it('costs a fixed number of requests: the caller, households (residents), the 报到 record (members), grid names', async () => {
    const counts = []
    for (const who of [P.zhou, WORKER1_G2, P.liu, P.member])
      counts.push((await h.call('grid', 'grid.mine', {}, who)).dbRequests)
    expect(counts).toEqual([1, 2, 3, 3])
  })

  it('shows a grid worker and a resident the branch and the staff, without openids', async () => {
    for (const [who, gridId] of [
      [WORKER1_G2, 'g-hx-2'],
      [P.liu, 'g-hx-1'],
    ] as const) {
      const s = await h.ok<StaffList>('grid', 'staff.list', { gridId }, who)
      expect(s.partyBranch).toMatchObject({
        gridId,
        name: `和谐社区${s.gridName}党支部`,
        version: 1,
        setByName: '王秀英',
      })
      expect(s.partyBranch!.secretaryName).toBe(s.items.find((x) => x.post === 'branch_secretary')!.name)
      expect(s.items.map((x) => x.post)).toEqual(['branch_secretary', 'leader', 'worker', 'cadre'])
      expect(JSON.stringify(s.items)).not.toMatch(/"o-[\w-]+"|:o-/)
    }
  })

  it('names a Party branch on every demo grid', async () => {
    const grids = (await h.db.collection('grids').count()).total
    const named = (await h.db.collection('grid_staff').where({ kind: 'party_branch' }).count()).total
    expect(named).toBe(grids)
  })

  it('lets neither a grid worker nor a resident appoint or name the branch, changing nothing', async () => {
    await h.expectRefused(
      'grid',
      'staff.appoint',
      { requestId: rid(), gridId: 'g-hx-2', post: 'worker' },
      WORKER1_G2,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'grid',
      'staff.appoint',
      { requestId: rid(), gridId: 'g-hx-1', post: 'worker' },
      P.liu,
      'FORBIDDEN',
    )
    await h.expectRefused('grid', 'branch.set', { gridId: 'g-hx-2', name: '第二网格党支部' }, WORKER1_G2, 'FORBIDDEN')
    await h.expectRefused('grid', 'branch.set', { gridId: 'g-hx-1', name: '第一网格党支部' }, P.liu, 'FORBIDDEN')
  })
})

describe('naming the Party branch', () => {
  it('sets the name, keeping the earlier one as a superseded version with an audit record', async () => {
    h.setNow(new Date(T0.getTime() + 3600_000))
    const v2 = await h.ok<PartyBranchView>(
      'grid',
      'branch.set',
      { gridId: 'g-hx-2', name: '和谐社区第二网格联合党支部', secretaryName: '陈立军' },
      P.secHx,
    )
    expect(v2).toMatchObject({
      gridId: 'g-hx-2',
      name: '和谐社区第二网格联合党支部',
      secretaryName: '陈立军',
      version: 2,
      setByName: '王秀英',
    })
    expect((await h.ok<StaffList>('grid', 'staff.list', { gridId: 'g-hx-2' }, P.zhang)).partyBranch).toEqual(v2)
    const v3 = await h.ok<PartyBranchView>(
      'grid',
      'branch.set',
      { gridId: 'g-hx-2', name: '和谐社区第二网格党支部' },
      P.secHx,
    )
    expect(v3.version).toBe(3)
    expect(v3.secretaryName).toBeUndefined()
    const { data } = await h.db
      .collection('grid_staff')
      .where({ kind: 'party_branch_version', gridId: 'g-hx-2' })
      .orderBy('version', 'asc')
      .get()
    expect(data.map((d) => [(d as PartyBranchView).version, (d as PartyBranchView).name])).toEqual([
      [1, '和谐社区第二网格党支部'],
      [2, '和谐社区第二网格联合党支部'],
    ])
    expect(data[1]).toMatchObject({ headId: 'gpb:g-hx-2', supersededBy: P.secHx })
    const audit = await h.db.collection('audit').where({ target: 'grid_staff/gpb:g-hx-2' }).get()
    expect(audit.data).toHaveLength(2)
    expect(audit.data.map((a) => (a as { after: { version: number } }).after.version).sort()).toEqual([2, 3])
    // Appointed staff are untouched by naming the branch.
    expect((await h.ok<StaffList>('grid', 'staff.list', { gridId: 'g-hx-2' }, P.secHx)).items).toHaveLength(4)
  })

  it('refuses by role and by scope, bad input and risky names, changing nothing', async () => {
    const input = { gridId: 'g-hx-3', name: '和谐社区第三网格新党支部' }
    await h.expectRefused('grid', 'branch.set', input, P.secYg, 'FORBIDDEN')
    await h.expectRefused('grid', 'branch.set', input, 'o-grid-hx-3-ld', 'FORBIDDEN')
    await h.expectRefused('grid', 'branch.set', input, LEADER_G2, 'FORBIDDEN')
    await h.expectRefused('grid', 'branch.set', input, P.admin, 'FORBIDDEN')
    await h.expectRefused('grid', 'branch.set', input, P.member, 'FORBIDDEN')
    await h.expectRefused('grid', 'branch.set', input, null, 'UNAUTHENTICATED')
    await h.expectRefused('grid', 'branch.set', { ...input, name: '' }, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('grid', 'branch.set', { ...input, name: '党'.repeat(31) }, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('grid', 'branch.set', { ...input, secretaryName: '名'.repeat(21) }, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('grid', 'branch.set', { name: input.name }, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('grid', 'branch.set', { ...input, name: '违禁词党支部' }, P.secHx, 'CONTENT_REJECTED')
    await h.expectRefused('grid', 'branch.set', { ...input, gridId: 'g-nowhere' }, P.secHx, 'NOT_FOUND')
    const s = await h.ok<StaffList>('grid', 'staff.list', { gridId: 'g-hx-3' }, P.secHx)
    expect(s.partyBranch).toMatchObject({ name: '和谐社区第三网格党支部', version: 1 })
  })
})
