import type { StaffPost } from '../../../types/grid'
import type { RoleGrant } from '../../../types/roles'
import { COL } from '../../shared/collections'
import type { Ctx } from '../../shared/dispatch'
import { txGetOrNull } from '../../shared/db-types'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { notify, TEMPLATES } from '../../shared/notify'
import { grantRole, updatePersonInTx, withdrawRole } from '../../shared/person'
import type { GridDoc } from '../../org/repo'
import { DEFAULT_SETTINGS } from '../domain/rules'
import { byId, ids, settingsOf, txPut, type LeaderLock, type SettingsDoc, type StaffDoc } from '../repo'
import { staffView } from '../views'
import { partyBranchOf } from './grids'

/** The street's deadlines and whistle window (defaults until the street sets them). */
export const settingsGet = {
  async run(ctx: Ctx<{ streetId: string }>) {
    const s = await settingsOf(ctx.db, ctx.input.streetId)
    return { streetId: ctx.input.streetId, ...s }
  },
}

export const settingsSet = {
  async run(ctx: Ctx<{ streetId: string; urgentHours: number; normalHours: number; whistleWindowHours: number }>) {
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

export const staffList = {
  async run(ctx: Ctx<{ gridId: string }>) {
    const { db, input } = ctx
    const grid = await byId<GridDoc>(db, COL.grids, input.gridId)
    if (!grid) throw notFound('网格')
    const [{ data }, partyBranch] = await Promise.all([
      db.collection(COL.gridStaff).where({ gridId: grid._id, status: 'active' }).orderBy('appointedAt', 'asc').limit(STAFF_LIMIT).get(),
      partyBranchOf(ctx, grid._id),
    ])
    const admin = ctx.actor.administersCommunity({ _id: grid.communityId, streetId: grid.streetId })
    const items = (data as StaffDoc[]).sort((a, b) => POST_ORDER[a.post] - POST_ORDER[b.post]).map((s) => staffView(s, admin))
    return { gridId: grid._id, gridName: grid.name, communityId: grid.communityId, partyBranch, items }
  },
}

export function gridWorkerGrant(grid: GridDoc, communityName: string): RoleGrant {
  return { role: 'grid_worker', scopeType: 'grid', scopeId: grid._id, scopeName: `${communityName} ${grid.name}`, communityId: grid.communityId, streetId: grid.streetId }
}

/**
 * Appoint a person to a post on a grid: the appointment record and the `grid_worker` role on the grid
 * are written in one transaction (the person's record is read inside it, so a concurrent change conflicts).
 */
export const staffAppoint = {
  async run(ctx: Ctx<{ gridId: string; openid?: string; phone?: string; post: StaffPost; title?: string }>) {
    const { db, actor, input, now } = ctx
    const grid = await byId<GridDoc>(db, COL.grids, input.gridId)
    if (!grid) throw notFound('网格')
    ensure(actor.isSecretaryOf(grid.communityId), '只能任命您所在社区的网格人员')
    const [found, community] = await Promise.all([
      // By phone (what the secretary knows) or by id; two accounts with one phone are refused as ambiguous.
      input.openid
        ? byId<{ _id: string; name: string }>(db, COL.users, input.openid).then((u) => (u ? [u] : []))
        : db.collection(COL.users).where({ phone: input.phone }).limit(2).get().then((r) => r.data as { _id: string; name: string }[]),
      byId<{ _id: string; name: string }>(db, COL.communities, grid.communityId),
    ])
    if (found.length > 1) throw invalid('该手机号对应多个账号，请联系街道核实', ['phone'])
    const person = found[0]
    if (!person || !person.name) throw invalid('找不到此人（须先在小程序中登录并填写姓名、手机号）', [input.openid ? 'openid' : 'phone'])
    await ctx.checkText(input.title)
    const doc: StaffDoc = {
      _id: ids.staff(grid._id, person._id, input.post), gridId: grid._id, gridName: grid.name, communityId: grid.communityId, streetId: grid.streetId,
      openid: person._id, name: person.name, post: input.post, title: input.title, status: 'active', appointedAt: now, appointedBy: actor.openid,
    }
    if (input.post === 'leader') {
      // One leader per grid: appointing a second one while the first serves is refused.
      const { data } = await db.collection(COL.gridStaff).where({ gridId: grid._id, status: 'active', post: 'leader' }).limit(1).get()
      const current = data[0] as StaffDoc | undefined
      if (current && current.openid !== person._id) throw conflict(`${grid.name}已有网格长（${current.name}），请先免去`)
    }
    await ctx.transaction(async (tx) => {
      const prior = await txGetOrNull<StaffDoc>(tx, COL.gridStaff, doc._id)
      if (prior?.status === 'active') throw conflict('此人已担任该职务')
      if (input.post === 'leader') {
        // The grid's leader lock, read and written in this transaction: two appointments at once → one wins.
        const lock = await txGetOrNull<LeaderLock>(tx, COL.gridStaff, ids.leaderLock(grid._id))
        if (lock?.leaderOpenid && lock.leaderOpenid !== person._id) throw conflict(`${grid.name}已有网格长，请先免去`)
        await txPut<LeaderLock>(tx, COL.gridStaff, { _id: ids.leaderLock(grid._id), kind: 'leader_lock', gridId: grid._id, leaderOpenid: person._id, at: now })
      }
      await txPut(tx, COL.gridStaff, doc)
      const { before, after } = await updatePersonInTx(tx, person._id, now, grantRole(gridWorkerGrant(grid, community?.name ?? '')))
      await ctx.audit(`${COL.gridStaff}/${doc._id}`, prior ? { status: prior.status } : null, { status: 'active', post: doc.post, openid: doc.openid }, tx)
      await ctx.audit(`${COL.users}/${person._id}`, { roles: before?.roles.length ?? 0 }, { roles: after.roles.length, granted: `grid_worker:${grid._id}` }, tx)
    })
    await notify({
      toOpenid: person._id, templateId: TEMPLATES.roleGranted, page: 'packages/grid/pages/mine/index',
      data: { thing1: { value: `${grid.name}${input.post === 'leader' ? '网格长' : '网格人员'}`.slice(0, 20) }, time2: { value: now.toISOString().slice(0, 10) } },
    })
    return staffView(doc)
  },
}

/**
 * Remove a person from a post: the record stays (status removed). The `grid_worker` role on the grid
 * is withdrawn when the person holds no other active post on that grid.
 */
export const staffRemove = {
  async run(ctx: Ctx<{ staffId: string }>) {
    const { db, actor, input, now } = ctx
    const staff = await byId<StaffDoc>(db, COL.gridStaff, input.staffId)
    if (!staff) throw notFound('网格人员')
    ensure(actor.isSecretaryOf(staff.communityId), '只能免去您所在社区的网格人员')
    if (staff.status !== 'active') throw conflict('此人已被免去该职务')
    const { data } = await db.collection(COL.gridStaff).where({ gridId: staff.gridId, openid: staff.openid, status: 'active' }).limit(10).get()
    const otherPosts = (data as StaffDoc[]).filter((s) => s._id !== staff._id).length
    await ctx.transaction(async (tx) => {
      const fresh = await txGetOrNull<StaffDoc>(tx, COL.gridStaff, staff._id)
      if (!fresh || fresh.status !== 'active') throw conflict('此人已被免去该职务')
      await txPut(tx, COL.gridStaff, { ...fresh, _id: staff._id, status: 'removed', removedAt: now, removedBy: actor.openid })
      if (staff.post === 'leader') await txPut<LeaderLock>(tx, COL.gridStaff, { _id: ids.leaderLock(staff.gridId), kind: 'leader_lock', gridId: staff.gridId, leaderOpenid: null, at: now })
      if (otherPosts === 0) {
        await updatePersonInTx(tx, staff.openid, now, withdrawRole('grid_worker', staff.gridId))
      }
      await ctx.audit(`${COL.gridStaff}/${staff._id}`, { status: 'active' }, { status: 'removed', roleWithdrawn: otherPosts === 0 }, tx)
    })
    return { ok: true as const }
  },
}

/** Is the caller the active leader of the grid? One read. */
export async function isGridLeader(ctx: Ctx<unknown>, gridId: string): Promise<boolean> {
  if (!ctx.actor.has('grid_worker', gridId)) return false
  const s = await byId<StaffDoc>(ctx.db, COL.gridStaff, ids.staff(gridId, ctx.actor.openid, 'leader'))
  return s?.status === 'active'
}
