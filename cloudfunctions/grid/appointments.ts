import { STAFF_POSTS, type StaffPost } from '../../types/staff-posts'
import type { RoleGrant } from '../../types/roles'
import type { UserDoc } from '../shared/actor'
import { COL } from '../shared/collections'
import { txGetOrNull, type Transaction } from '../shared/db-types'
import { conflict } from '../shared/errors'
import { grantRole, updatePersonInTx } from '../shared/person'
import { ids, txPut, type LeaderLock, type StaffDoc } from './repo'

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

export function gridWorkerGrant(g: { gridId: string; scopeName: string; communityId: string; streetId: string }): RoleGrant {
  return { role: 'grid_worker', scopeType: 'grid', scopeId: g.gridId, scopeName: g.scopeName, communityId: g.communityId, streetId: g.streetId }
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
    _id: ids.staff(p.gridId, person.openid, p.post), gridId: p.gridId, gridName: p.gridName, communityId: p.communityId, streetId: p.streetId,
    openid: person.openid, name: person.name, post: p.post, title: p.title, status: 'active', appointedAt: now, appointedBy: p.appointedBy,
  }
  const prior = await txGetOrNull<StaffDoc>(tx, COL.gridStaff, staff._id)
  if (prior?.status === 'active') throw conflict('您已担任该职务，此任命码无需再用')
  if (p.post === 'leader') {
    const lock = await txGetOrNull<LeaderLock>(tx, COL.gridStaff, ids.leaderLock(p.gridId))
    if (lock?.leaderOpenid && lock.leaderOpenid !== person.openid) throw conflict(`${p.gridName}已有网格长，此任命码不能使用，请联系社区书记`)
    await txPut<LeaderLock>(tx, COL.gridStaff, { _id: ids.leaderLock(p.gridId), kind: 'leader_lock', gridId: p.gridId, leaderOpenid: person.openid, at: now })
  }
  await txPut(tx, COL.gridStaff, staff)
  const { before, after } = await updatePersonInTx(tx, person.openid, now, (u) => grantRole(gridWorkerGrant(p))({ ...u, name: person.name }))
  return { staff, prior, before, after }
}

/**
 * The grid_worker grant on `gridId` ends (shared/grants.ts): every post the person still holds there is
 * marked removed (the record stays), and a leader's lock is freed so the grid can have a new 网格长.
 */
export async function endPostsInTx(tx: Transaction, gridId: string, openid: string, now: Date, by: string): Promise<StaffDoc[]> {
  const posts = await Promise.all(STAFF_POSTS.map((p) => txGetOrNull<StaffDoc>(tx, COL.gridStaff, ids.staff(gridId, openid, p))))
  const active = posts.filter((s): s is StaffDoc => s?.status === 'active')
  for (const s of active) {
    await txPut(tx, COL.gridStaff, { ...s, _id: ids.staff(gridId, openid, s.post), status: 'removed', removedAt: now, removedBy: by })
    if (s.post === 'leader') await txPut<LeaderLock>(tx, COL.gridStaff, { _id: ids.leaderLock(gridId), kind: 'leader_lock', gridId, leaderOpenid: null, at: now })
  }
  return active
}
