import { STAFF_POST_LABEL, type StaffPost } from '../../../types/grid'
import { COL } from '../../shared/collections'
import type { Ctx, Handler } from '../../shared/dispatch'
import { txGetOrNull } from '../../shared/db-types'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { randomCode } from '../../shared/ids'
import { fetchPage } from '../../shared/paging'
import { stripUndefined } from '../../shared/person'
import { endGrantInTx } from '../../shared/grants'
import type { GridDoc, InvitationDoc } from '../../shared/org-tree'
import { DEFAULT_SETTINGS } from '../domain/rules'
import { findById, ids, settingsOf, txPut, type LeaderLock, type SettingsDoc, type StaffDoc } from '../repo'
import { staffInvitationView, staffView } from '../views'
import { partyBranchOf } from './grids'
import { buildingLeadersOf } from './buildings'

/** The street's deadlines and whistle window (defaults until the street sets them). */
export const settingsGet: Handler<'grid.settings.get'> = {
  async run(ctx) {
    const s = await settingsOf(ctx.db, ctx.input.streetId)
    return { streetId: ctx.input.streetId, ...s }
  },
}

export const settingsSet: Handler<'grid.settings.set'> = {
  async run(ctx) {
    const { actor, input, now } = ctx
    ensure(actor.isStreetAdminOf(input.streetId), '只能设置您管理的街道')
    if (input.urgentHours > input.normalHours) throw invalid('“急”的时限不能长于“一般”', ['urgentHours'])
    const doc: SettingsDoc = {
      _id: input.streetId, streetId: input.streetId, urgentHours: input.urgentHours, normalHours: input.normalHours,
      whistleWindowHours: input.whistleWindowHours, updatedAt: now, updatedBy: actor.openid,
    }
    await ctx.transaction(async (tx) => {
      const prior = await txGetOrNull<SettingsDoc>(tx, COL.gridSettings, doc._id)
      await txPut(tx, COL.gridSettings, doc)
      const pick = (s: SettingsDoc | null) => (s ? { urgentHours: s.urgentHours, normalHours: s.normalHours, whistleWindowHours: s.whistleWindowHours } : DEFAULT_SETTINGS)
      await ctx.audit(`${COL.gridSettings}/${doc._id}`, pick(prior), pick(doc), tx)
    })
    return { streetId: input.streetId, urgentHours: doc.urgentHours, normalHours: doc.normalHours, whistleWindowHours: doc.whistleWindowHours }
  },
}

/** A grid's staff list is short (a leader, a few workers and cadres); 50 is the bound. */
const STAFF_LIMIT = 50
const POST_ORDER: Record<StaffPost, number> = { branch_secretary: 0, leader: 1, worker: 2, cadre: 3 }

export const staffList: Handler<'grid.staff.list'> = {
  async run(ctx) {
    const { db, input } = ctx
    const grid = await findById<GridDoc>(db, COL.grids, input.gridId)
    if (!grid) throw notFound('网格')
    const [{ data }, partyBranch, buildingLeaders] = await Promise.all([
      db.collection(COL.gridStaff).where({ gridId: grid._id, status: 'active' }).orderBy('appointedAt', 'asc').limit(STAFF_LIMIT).get(),
      partyBranchOf(ctx, grid._id),
      buildingLeadersOf(ctx, grid._id, grid.communityId),
    ])
    const items = (data as StaffDoc[]).sort((a, b) => POST_ORDER[a.post] - POST_ORDER[b.post]).map((s) => staffView(s))
    return { gridId: grid._id, gridName: grid.name, communityId: grid.communityId, partyBranch, items, buildingLeaders }
  },
}

/**
 * Appoint to a post the way secretaries are appointed: a single-use invitation that expires, shown to the
 * secretary once as a code and a QR code. The appointee redeems it (org invitation.redeem, the 使用邀请码
 * screen), which writes the appointment and the `grid_worker` role in one transaction (appointments.ts).
 * Nothing here looks anyone up, so the action tells nobody whether a phone number or an account exists.
 */
export const staffAppoint: Handler<'grid.staff.appoint'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const grid = await findById<GridDoc>(db, COL.grids, input.gridId)
    if (!grid) throw notFound('网格')
    ensure(actor.isSecretaryOf(grid.communityId), '只能任命您所在社区的网格人员')
    if (grid.retired) throw conflict(`${grid.name}已停用，不能再任命`)
    if (input.post === 'leader') {
      // One leader per grid (the lock decides again when the code is used): say so now, not to the appointee.
      const lock = await findById<LeaderLock>(db, COL.gridStaff, ids.leaderLock(grid._id))
      if (lock?.leaderOpenid) throw conflict(`${grid.name}已有网格长，请先免去`)
    }
    await ctx.checkText(input.title)
    const community = await findById<{ _id: string; name: string }>(db, COL.communities, grid.communityId)
    // One transaction: the invitation, its audit and the request's done mark commit together (a retry after a crash makes no second code).
    return ctx.onceTx(input.requestId, async (tx) => {
      const code = randomCode(8)
      const doc: InvitationDoc = {
        _id: `inv:${code}`, code, role: 'grid_worker', scopeType: 'grid', scopeId: grid._id, scopeName: `${community?.name ?? ''} ${grid.name}`.trim(),
        communityId: grid.communityId, streetId: grid.streetId, issuerScopeId: grid.communityId, createdBy: actor.openid, createdAt: now,
        expiresAt: new Date(now.getTime() + input.ttlHours * 3600_000), usedBy: null, post: input.post, title: input.title, gridName: grid.name,
      }
      const { _id, ...rest } = stripUndefined(doc)
      await tx.collection(COL.invitations).doc(_id).set({ data: rest })
      await ctx.audit(`${COL.invitations}/${grid._id}`, null, { role: 'grid_worker', post: input.post, expiresAt: doc.expiresAt }, tx)
      return staffInvitationView(doc, now, true)
    })
  },
}

/** The grid's appointment codes (posts and 楼栋长), newest first, masked (shown whole only when made). */
export const staffInvitations: Handler<'grid.staff.invitations'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const grid = await findById<GridDoc>(db, COL.grids, input.gridId)
    if (!grid) throw notFound('网格')
    ensure(actor.isSecretaryOf(grid.communityId), '只能查看您所在社区的任命码')
    // Grid posts' and 楼栋长's codes alike (building.appoint).
    const q = db.collection(COL.invitations).where({ scopeId: grid._id, role: db.command.in(['grid_worker', 'building_leader']) })
    return fetchPage<InvitationDoc, ReturnType<typeof staffInvitationView>>(q, input, [['createdAt', 'desc']], (d) => staffInvitationView(d, now, false))
  },
}

/**
 * Remove a person from a post: the record stays (status removed). When it is the person's last post on
 * the grid, their `grid_worker` role there ends with it, through the one grant-ending function (history
 * kept, shown on their 我的 page); otherwise only the post ends.
 */
export const staffRemove: Handler<'grid.staff.remove'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const staff = await findById<StaffDoc>(db, COL.gridStaff, input.staffId)
    if (!staff) throw notFound('网格人员')
    ensure(actor.isSecretaryOf(staff.communityId), '只能免去您所在社区的网格人员')
    if (staff.status !== 'active') throw conflict('此人已被免去该职务')
    await ctx.checkText(input.reason)
    const { data } = await db.collection(COL.gridStaff).where({ gridId: staff.gridId, openid: staff.openid, status: 'active' }).limit(10).get()
    const otherPosts = (data as StaffDoc[]).filter((s) => s._id !== staff._id).length
    await ctx.transaction(async (tx) => {
      const fresh = await txGetOrNull<StaffDoc>(tx, COL.gridStaff, staff._id)
      if (!fresh || fresh.status !== 'active') throw conflict('此人已被免去该职务')
      if (otherPosts === 0) {
        // The last post: the grant ends, and with it every post it carried (this one).
        await endGrantInTx(ctx, tx, staff.openid, {
          role: 'grid_worker', scopeId: staff.gridId, kind: 'ended', reason: input.reason || `免去${STAFF_POST_LABEL[staff.post]}`,
          by: { openid: actor.openid, label: `社区书记 ${actor.name}`.trim() },
        })
      } else {
        await txPut(tx, COL.gridStaff, { ...fresh, _id: staff._id, status: 'removed', removedAt: now, removedBy: actor.openid })
        if (staff.post === 'leader') await txPut<LeaderLock>(tx, COL.gridStaff, { _id: ids.leaderLock(staff.gridId), kind: 'leader_lock', gridId: staff.gridId, leaderOpenid: null, at: now })
      }
      await ctx.audit(`${COL.gridStaff}/${staff._id}`, { status: 'active' }, { status: 'removed', roleWithdrawn: otherPosts === 0 }, tx)
    })
    return { ok: true as const }
  },
}

/** Is the caller the active leader of the grid? One read. */
export async function isGridLeader(ctx: Ctx<unknown>, gridId: string): Promise<boolean> {
  if (!ctx.actor.has('grid_worker', gridId)) return false
  const s = await findById<StaffDoc>(ctx.db, COL.gridStaff, ids.staff(gridId, ctx.actor.openid, 'leader'))
  return s?.status === 'active'
}
