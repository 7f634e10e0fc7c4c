import { STAFF_POSTS, type StaffPost } from '../../types/staff-posts'
import type { BuildingRef } from '../../types/grid'
import type { RoleGrant } from '../../types/roles'
import type { UserDoc } from '../shared/actor'
import { COL } from '../shared/collections'
import { txGetOrNull, type Transaction } from '../shared/db-types'
import { conflict } from '../shared/errors'
import { grantRole, updatePersonInTx } from '../shared/person'
import { ids, txPut, type BuildingLeaderDoc, type BuildingLock, type LeaderLock, type StaffDoc } from './repo'

/**
 * Taking up a grid post. The secretary issues a single-use, expiring invitation for the post (grid
 * staff.appoint); the appointee redeems it like any invitation (org invitation.redeem), and that
 * transaction writes here the appointment, the grid's leader lock and the `grid_worker` role. The grid
 * module owns grid_staff: other modules write it only through this function.
 */

/** The post an invitation offers, as stored on it. */
export interface GridPost {
  gridId: string
  gridName: string
  /** e.g. 和谐社区 第三网格: the role grant's scope name. */
  scopeName: string
  communityId: string
  streetId: string
  post: StaffPost
  title?: string
  /** The secretary who issued the invitation. */
  appointedBy: string
}

export function gridWorkerGrant(g: {
  gridId: string
  scopeName: string
  communityId: string
  streetId: string
}): RoleGrant {
  return {
    role: 'grid_worker',
    scopeType: 'grid',
    scopeId: g.gridId,
    scopeName: g.scopeName,
    communityId: g.communityId,
    streetId: g.streetId,
  }
}

/**
 * Inside the redeeming transaction: refuses a post the person already holds, and a 网格长 post while the
 * grid has another leader (the per-grid lock doc is read and written here, so of two leaders taking up
 * posts at once one wins and the other gets CONFLICT, and nothing of theirs is written).
 */
export async function takeUpPostInTx(
  tx: Transaction,
  p: GridPost,
  person: { openid: string; name: string },
  now: Date,
): Promise<{ staff: StaffDoc; prior: StaffDoc | null; before: UserDoc | null; after: UserDoc }> {
  const staff: StaffDoc = {
    _id: ids.staff(p.gridId, person.openid, p.post),
    gridId: p.gridId,
    gridName: p.gridName,
    communityId: p.communityId,
    streetId: p.streetId,
    openid: person.openid,
    name: person.name,
    post: p.post,
    title: p.title,
    status: 'active',
    appointedAt: now,
    appointedBy: p.appointedBy,
  }
  const prior = await txGetOrNull<StaffDoc>(tx, COL.gridStaff, staff._id)
  if (prior?.status === 'active') throw conflict('您已担任该职务，此任命码无需再用')
  if (p.post === 'leader') {
    const lock = await txGetOrNull<LeaderLock>(tx, COL.gridStaff, ids.leaderLock(p.gridId))
    if (lock?.leaderOpenid && lock.leaderOpenid !== person.openid)
      throw conflict(`${p.gridName}已有网格长，此任命码不能使用，请联系社区书记`)
    await txPut<LeaderLock>(tx, COL.gridStaff, {
      _id: ids.leaderLock(p.gridId),
      kind: 'leader_lock',
      gridId: p.gridId,
      leaderOpenid: person.openid,
      at: now,
    })
  }
  await txPut(tx, COL.gridStaff, staff)
  const { before, after } = await updatePersonInTx(tx, person.openid, now, (u) =>
    grantRole(gridWorkerGrant(p))({ ...u, name: person.name }),
  )
  return { staff, prior, before, after }
}

/**
 * The grid_worker grant on `gridId` ends (shared/grants.ts): every post the person still holds there is
 * marked removed (the record stays), and a leader's lock is freed so the grid can have a new 网格长.
 */
export async function endPostsInTx(
  tx: Transaction,
  gridId: string,
  openid: string,
  now: Date,
  by: string,
): Promise<StaffDoc[]> {
  const posts = await Promise.all(
    STAFF_POSTS.map((p) => txGetOrNull<StaffDoc>(tx, COL.gridStaff, ids.staff(gridId, openid, p))),
  )
  const active = posts.filter((s): s is StaffDoc => s?.status === 'active')
  for (const s of active) {
    await txPut(tx, COL.gridStaff, {
      ...s,
      _id: ids.staff(gridId, openid, s.post),
      status: 'removed',
      removedAt: now,
      removedBy: by,
    })
    if (s.post === 'leader')
      await txPut<LeaderLock>(tx, COL.gridStaff, {
        _id: ids.leaderLock(gridId),
        kind: 'leader_lock',
        gridId,
        leaderOpenid: null,
        at: now,
      })
  }
  return active
}

/** The buildings a 楼栋长's invitation offers (grid building.appoint), as stored on it. */
export interface BuildingPost {
  gridId: string
  gridName: string
  scopeName: string
  communityId: string
  streetId: string
  buildings: BuildingRef[]
  groupName?: string
  centralHousehold: boolean
  appointedBy: string
}

export function buildingLeaderGrant(g: {
  gridId: string
  scopeName: string
  communityId: string
  streetId: string
}): RoleGrant {
  return {
    role: 'building_leader',
    scopeType: 'grid',
    scopeId: g.gridId,
    scopeName: g.scopeName,
    communityId: g.communityId,
    streetId: g.streetId,
  }
}

/**
 * Inside the redeeming transaction (org invitation.redeem): the person becomes 楼栋长 of the code's
 * buildings, added to those they already look after on the grid. One leader per building, held by the
 * building's lock doc read and written here: of two codes for one building used at once, one wins and the
 * other gets CONFLICT with nothing of theirs written (the code stays unused).
 */
export async function takeUpBuildingsInTx(
  tx: Transaction,
  p: BuildingPost,
  person: { openid: string; name: string },
  now: Date,
): Promise<{ leader: BuildingLeaderDoc; prior: BuildingLeaderDoc | null; before: UserDoc | null; after: UserDoc }> {
  const id = ids.buildingLeader(p.gridId, person.openid)
  const prior = await txGetOrNull<BuildingLeaderDoc>(tx, COL.gridStaff, id)
  const held = prior?.state === 'active' ? prior.buildings : []
  const fresh = p.buildings.filter((b) => !held.some((h) => h.id === b.id))
  if (!fresh.length) throw conflict('您已是这些楼栋的楼栋长，此任命码无需再用')
  for (const b of fresh) {
    const lock = await txGetOrNull<BuildingLock>(tx, COL.gridStaff, ids.buildingLock(b.id))
    if (lock?.leaderOpenid && lock.leaderOpenid !== person.openid)
      throw conflict(`${b.estateName}${b.name}已有楼栋长，此任命码不能使用，请联系社区书记`)
  }
  for (const b of fresh) {
    await txPut<BuildingLock>(tx, COL.gridStaff, {
      _id: ids.buildingLock(b.id),
      kind: 'building_lock',
      gridId: p.gridId,
      buildingId: b.id,
      leaderOpenid: person.openid,
      at: now,
    })
  }
  const { before, after } = await updatePersonInTx(tx, person.openid, now, (u) =>
    grantRole(buildingLeaderGrant(p))({ ...u, name: person.name }),
  )
  const grant = after.roles.find((g) => g.role === 'building_leader' && g.scopeId === p.gridId)
  const buildings = [...held, ...fresh]
  const active = prior?.state === 'active' ? prior : null
  const leader: BuildingLeaderDoc = {
    _id: id,
    kind: 'building_leader',
    gridId: p.gridId,
    gridName: p.gridName,
    communityId: p.communityId,
    streetId: p.streetId,
    openid: person.openid,
    name: person.name,
    buildings,
    buildingIds: buildings.map((b) => b.id),
    groupName: p.groupName ?? active?.groupName,
    centralHousehold: p.centralHousehold || !!active?.centralHousehold,
    grantId: grant?.grantId,
    state: 'active',
    appointedAt: active?.appointedAt ?? now,
    appointedBy: active?.appointedBy ?? p.appointedBy,
  }
  await txPut(tx, COL.gridStaff, leader)
  return { leader, prior, before, after }
}

/**
 * The building_leader grant on `gridId` ends (shared/grants.ts): the appointment is marked ended (the
 * record stays) and its buildings' locks are freed, so the secretary can appoint someone else.
 */
export async function endBuildingsInTx(
  tx: Transaction,
  gridId: string,
  openid: string,
  now: Date,
  by: string,
): Promise<BuildingLeaderDoc | null> {
  const id = ids.buildingLeader(gridId, openid)
  const lead = await txGetOrNull<BuildingLeaderDoc>(tx, COL.gridStaff, id)
  if (lead?.state !== 'active') return null
  await txPut<BuildingLeaderDoc>(tx, COL.gridStaff, { ...lead, _id: id, state: 'ended', endedAt: now, endedBy: by })
  for (const b of lead.buildingIds) {
    await txPut<BuildingLock>(tx, COL.gridStaff, {
      _id: ids.buildingLock(b),
      kind: 'building_lock',
      gridId,
      buildingId: b,
      leaderOpenid: null,
      at: now,
    })
  }
  return lead
}
