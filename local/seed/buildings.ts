import { COL } from '../../cloudfunctions/shared/collections'
import { now as clockNow } from '../../cloudfunctions/shared/clock'
import type { Database } from '../../cloudfunctions/shared/db-types'
import { ids, type BuildingLeaderDoc, type BuildingLock } from '../../cloudfunctions/grid/repo'
import type { RoleGrant } from '../../types/roles'
import { STREET } from './demo-data'
import { withGrantIds, type SeedUser } from './grants'
import { insertAll } from './insert'
import type { ModuleSeed } from './seed'

/**
 * 楼栋长 of the demo world (issue 15 §3): on every grid, the leader of its building in the community's
 * first estate (`b-<c>-1-<grid no>`), with a 楼道党小组 on odd grids and a 党员中心户 on the first. Plus the
 * people of the building journey (tests/e2e/building.e2e.mjs): two verified residents of 朝阳新村 1号楼
 * (b-yg-2-1, 阳光社区 第一网格), a building nobody leads yet and no other journey uses.
 */

const HOUR = 3600_000
const COMMUNITIES = [
  { key: 'hx', name: '和谐社区' },
  { key: 'yg', name: '阳光社区' },
  { key: 'lq', name: '柳青社区' },
] as const
const GRID_NAMES = ['第一网格', '第二网格', '第三网格', '第四网格', '第五网格', '第六网格']
const LEADER_NAMES = ['陈桂英', '马德胜', '杨淑珍', '何志明', '罗秀云', '唐国强']

/** The building journey's people: 何桂兰 lives in the building, 冯志刚 becomes its 楼栋长. */
export const BUILDING_PEOPLE = {
  resident: { _id: 'o-res-yg-301', name: '何桂兰', household: 'h-yg-2-1-301', room: '301' },
  appointee: { _id: 'o-res-yg-302', name: '冯志刚', household: 'h-yg-2-1-302', room: '302' },
} as const

export const buildingsSeed: ModuleSeed = async (db: Database, scale: number) => {
  const now = clockNow()
  const since = new Date(now.getTime() - 24 * 60 * HOUR)
  const users: SeedUser[] = []
  const leaders: BuildingLeaderDoc[] = []
  const locks: BuildingLock[] = []
  for (let copy = 0; copy < scale; copy++) {
    const sfx = copy === 0 ? '' : `-${copy + 1}`
    for (const c of COMMUNITIES) {
      const cid = `c-${c.key}${sfx}`
      const cname = copy === 0 ? c.name : `${c.name}${copy + 1}`
      const estate = (
        await db
          .collection(COL.estates)
          .where({ _id: `e-${c.key}${sfx}-1` })
          .limit(1)
          .get()
      ).data[0] as { _id: string; name: string }
      GRID_NAMES.forEach((gname, gi) => {
        const gid = `g-${c.key}${sfx}-${gi + 1}`
        const openid = `o-bl-${c.key}${sfx}-${gi + 1}`
        const building = {
          id: `b-${c.key}${sfx}-1-${gi + 1}`,
          name: `${gi + 1}号楼`,
          estateId: estate._id,
          estateName: estate.name,
        }
        const grant: RoleGrant = {
          role: 'building_leader',
          scopeType: 'grid',
          scopeId: gid,
          scopeName: `${cname} ${gname}`,
          communityId: cid,
          streetId: STREET._id,
        }
        const user = withGrantIds({
          _id: openid,
          name: LEADER_NAMES[gi],
          phone: `1390000${String(copy * 100 + COMMUNITIES.indexOf(c) * 10 + gi).padStart(4, '0')}`,
          roles: [grant],
          createdAt: since,
          updatedAt: since,
        }) as SeedUser
        users.push(user)
        leaders.push({
          _id: ids.buildingLeader(gid, openid),
          kind: 'building_leader',
          gridId: gid,
          gridName: gname,
          communityId: cid,
          streetId: STREET._id,
          openid,
          name: LEADER_NAMES[gi],
          buildings: [building],
          buildingIds: [building.id],
          ...(gi % 2 === 0 ? { groupName: `${building.name}党小组` } : {}),
          centralHousehold: gi === 0,
          grantId: user.roles![0].grantId,
          state: 'active',
          appointedAt: since,
          appointedBy: `o-sec-${c.key}`,
        })
        locks.push({
          _id: ids.buildingLock(building.id),
          kind: 'building_lock',
          gridId: gid,
          buildingId: building.id,
          leaderOpenid: openid,
          at: since,
        })
      })
    }
  }
  const created = new Date(now.getTime() - 24 * 30 * HOUR)
  const journey = Object.values(BUILDING_PEOPLE)
  await insertAll(db, COL.users, [
    ...users,
    ...journey.map((p, i) => ({
      _id: p._id,
      name: p.name,
      phone: `1390001${String(i).padStart(4, '0')}`,
      bindingId: `bind-yg-${p.room}`,
      createdAt: created,
      updatedAt: created,
      roles: [
        {
          role: 'resident',
          scopeType: 'household',
          scopeId: p.household,
          scopeName: `朝阳新村 1号楼 ${p.room}`,
          communityId: 'c-yg',
          streetId: STREET._id,
        },
      ],
    })),
  ])
  await insertAll(
    db,
    COL.bindings,
    journey.map((p) => ({
      _id: `bind-yg-${p.room}`,
      openid: p._id,
      householdId: p.household,
      communityId: 'c-yg',
      streetId: STREET._id,
      estateId: 'e-yg-2',
      buildingId: 'b-yg-2-1',
      address: `朝阳新村 1号楼 ${p.room}`,
      communityName: '阳光社区',
      status: 'verified',
      method: 'secretary',
      applicantName: p.name,
      applicantPhone: '',
      createdAt: created,
      decidedAt: created,
      decidedBy: 'o-sec-yg',
      decidedByName: '李建华',
    })),
  )
  await insertAll(db, COL.gridStaff, [...leaders, ...locks])
}
