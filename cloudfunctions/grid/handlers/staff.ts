import { STAFF_POST_LABEL, type StaffPost } from '../../../types/grid'
import { COL } from '../../shared/collections'
import type { Ctx, Handler } from '../../shared/dispatch'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { randomCode } from '../../shared/ids'
import { endGrantInTx } from '../../shared/grants'
import type { InvitationDoc } from '../../shared/org-tree'
import { DEFAULT_SETTINGS } from '../domain/rules'
import {
  findSettingsInTx,
  findStaffInTx,
  ids,
  listActiveStaff,
  listAppointmentCodes,
  listBuildingLeaders,
  listPostsHeld,
  putInvitationInTx,
  putLeaderLockInTx,
  putSettingsInTx,
  putStaffInTx,
  repo,
  settingsOf,
  type BuildingLeaderDoc,
  type SettingsDoc,
} from '../repo'
import { buildingLeaderView, partyBranchView, staffInvitationView, staffView } from '../views'

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
      _id: input.streetId,
      streetId: input.streetId,
      urgentHours: input.urgentHours,
      normalHours: input.normalHours,
      whistleWindowHours: input.whistleWindowHours,
      updatedAt: now,
      updatedBy: actor.openid,
    }
    await ctx.transaction(async (tx) => {
      const prior = await findSettingsInTx(tx, doc._id)
      await putSettingsInTx(tx, doc)
      const pick = (s: SettingsDoc | null) =>
        s
          ? { urgentHours: s.urgentHours, normalHours: s.normalHours, whistleWindowHours: s.whistleWindowHours }
          : DEFAULT_SETTINGS
      await ctx.audit(`${COL.gridSettings}/${doc._id}`, pick(prior), pick(doc), tx)
    })
    return {
      streetId: input.streetId,
      urgentHours: doc.urgentHours,
      normalHours: doc.normalHours,
      whistleWindowHours: doc.whistleWindowHours,
    }
  },
}

const POST_ORDER: Record<StaffPost, number> = { branch_secretary: 0, leader: 1, worker: 2, cadre: 3 }

export const staffList: Handler<'grid.staff.list'> = {
  async run(ctx) {
    const { db, input } = ctx
    const grid = await repo.grid(db, input.gridId)
    if (!grid) throw notFound('网格')
    const [staff, partyBranch, buildingLeaders] = await Promise.all([
      listActiveStaff(db, grid._id),
      repo.partyBranch(db, grid._id).then((b) => (b ? partyBranchView(b) : null)),
      buildingLeadersOf(ctx, grid._id, grid.communityId),
    ])
    const items = staff.sort((a, b) => POST_ORDER[a.post] - POST_ORDER[b.post]).map((s) => staffView(s))
    return { gridId: grid._id, gridName: grid.name, communityId: grid.communityId, partyBranch, items, buildingLeaders }
  },
}

/** The grid's active 楼栋长, in the order of their first building's name (one read). */
async function buildingLeadersOf(ctx: Ctx<unknown>, gridId: string, communityId: string) {
  const leaders = await listBuildingLeaders(ctx.db, gridId)
  const forSecretary = ctx.actor.isSecretaryOf(communityId)
  const first = (d: BuildingLeaderDoc) => `${d.buildings[0]?.estateName ?? ''}${d.buildings[0]?.name ?? ''}`
  return leaders
    .sort((a, b) => first(a).localeCompare(first(b), 'zh-Hans-CN'))
    .map((d) => buildingLeaderView(d, forSecretary))
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
    const grid = await repo.grid(db, input.gridId)
    if (!grid) throw notFound('网格')
    ensure(actor.isSecretaryOf(grid.communityId), '只能任命您所在社区的网格人员')
    if (grid.retired) throw conflict(`${grid.name}已停用，不能再任命`)
    if (input.post === 'leader') {
      // One leader per grid (the lock decides again when the code is used): say so now, not to the appointee.
      const lock = await repo.leaderLock(db, grid._id)
      if (lock?.leaderOpenid) throw conflict(`${grid.name}已有网格长，请先免去`)
    }
    await ctx.checkText(input.title)
    const community = await repo.community(db, grid.communityId)
    // One transaction: the invitation, its audit and the request's done mark commit together (a retry after a crash makes no second code).
    return ctx.onceTx(input.requestId, async (tx) => {
      const code = randomCode(8)
      const doc: InvitationDoc = {
        _id: `inv:${code}`,
        code,
        role: 'grid_worker',
        scopeType: 'grid',
        scopeId: grid._id,
        scopeName: `${community?.name ?? ''} ${grid.name}`.trim(),
        communityId: grid.communityId,
        streetId: grid.streetId,
        issuerScopeId: grid.communityId,
        createdBy: actor.openid,
        createdAt: now,
        expiresAt: new Date(now.getTime() + input.ttlHours * 3600_000),
        usedBy: null,
        post: input.post,
        title: input.title,
        gridName: grid.name,
      }
      await putInvitationInTx(tx, doc)
      await ctx.audit(
        `${COL.invitations}/${grid._id}`,
        null,
        { role: 'grid_worker', post: input.post, expiresAt: doc.expiresAt },
        tx,
      )
      return staffInvitationView(doc, now, true)
    })
  },
}

/** The grid's appointment codes (posts and 楼栋长), newest first, masked (shown whole only when made). */
export const staffInvitations: Handler<'grid.staff.invitations'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const grid = await repo.grid(db, input.gridId)
    if (!grid) throw notFound('网格')
    ensure(actor.isSecretaryOf(grid.communityId), '只能查看您所在社区的任命码')
    // Grid posts' and 楼栋长's codes alike (building.appoint).
    return listAppointmentCodes(db, grid._id, input, (d) => staffInvitationView(d, now, false))
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
    const staff = await repo.staff(db, input.staffId)
    if (!staff) throw notFound('网格人员')
    ensure(actor.isSecretaryOf(staff.communityId), '只能免去您所在社区的网格人员')
    if (staff.status !== 'active') throw conflict('此人已被免去该职务')
    await ctx.checkText(input.reason)
    const held = await listPostsHeld(db, staff.gridId, staff.openid)
    const otherPosts = held.filter((s) => s._id !== staff._id).length
    await ctx.transaction(async (tx) => {
      const fresh = await findStaffInTx(tx, staff._id)
      if (!fresh || fresh.status !== 'active') throw conflict('此人已被免去该职务')
      if (otherPosts === 0) {
        // The last post: the grant ends, and with it every post it carried (this one).
        await endGrantInTx(ctx, tx, staff.openid, {
          role: 'grid_worker',
          scopeId: staff.gridId,
          kind: 'ended',
          reason: input.reason || `免去${STAFF_POST_LABEL[staff.post]}`,
          by: { openid: actor.openid, label: `社区书记 ${actor.name}`.trim() },
        })
      } else {
        await putStaffInTx(tx, { ...fresh, _id: staff._id, status: 'removed', removedAt: now, removedBy: actor.openid })
        if (staff.post === 'leader')
          await putLeaderLockInTx(tx, {
            _id: ids.leaderLock(staff.gridId),
            kind: 'leader_lock',
            gridId: staff.gridId,
            leaderOpenid: null,
            at: now,
          })
      }
      await ctx.audit(
        `${COL.gridStaff}/${staff._id}`,
        { status: 'active' },
        { status: 'removed', roleWithdrawn: otherPosts === 0 },
        tx,
      )
    })
    return { ok: true as const }
  },
}
