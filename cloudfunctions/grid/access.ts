import type { Ctx } from '../shared/dispatch'
import type { Transaction } from '../shared/db-types'
import { conflict, ensure, notFound } from '../shared/errors'
import { stateOf } from '../shared/moderation'
import { canHandle, handlerKeysOf } from './domain/rules'
import { buildingLeadOf, countSummonsOfEventFor, findEventInTx, ids, repo, type EventDoc } from './repo'

/** Which event, and may the caller see it or act on it: the checks several actions share. */

/** The event, in the caller's scope, or NOT_FOUND. */
export async function loadEvent(ctx: Ctx<unknown>, eventId: string): Promise<EventDoc> {
  const e = await repo.event(ctx.db, eventId)
  if (!e) throw notFound('事件')
  ctx.within(e)
  return e
}

/** Inside a transaction: the event as it is now, or NOT_FOUND. */
export async function loadEventInTx(tx: Transaction, id: string): Promise<EventDoc> {
  const e = await findEventInTx(tx, id)
  if (!e) throw notFound('事件')
  return { ...e, _id: id }
}

/** New work is not started on a held or removed event: the secretary reviews it first. */
export function ensureNotHeld(e: EventDoc): void {
  const state = stateOf(e)
  if (state) throw conflict(state === 'held' ? '该事件正在审核，请先在审核队列中处理' : '该事件已被移除')
}

/** Is the caller the active leader of the grid? One read. */
export async function isGridLeader(ctx: Ctx<unknown>, gridId: string): Promise<boolean> {
  if (!ctx.actor.has('grid_worker', gridId)) return false
  const s = await repo.staff(ctx.db, ids.staff(gridId, ctx.actor.openid, 'leader'))
  return s?.status === 'active'
}

/** Is the caller 楼栋长 of this building (one read, only when they hold the role on the grid)? */
export async function leadsBuilding(
  ctx: Ctx<unknown>,
  gridId: string,
  buildingId: string | undefined,
): Promise<boolean> {
  if (!buildingId || !ctx.actor.has('building_leader', gridId)) return false
  const lead = await buildingLeadOf(ctx.db, gridId, ctx.actor.openid)
  return !!lead && lead.buildingIds.includes(buildingId)
}

/** People who see an event: reporter, handler's people, the grid's staff, the community's secretary, the street admin. */
export function maySee(ctx: Ctx<unknown>, e: EventDoc): boolean {
  const a = ctx.actor
  return (
    e.reporter === a.openid ||
    a.has('grid_worker', e.gridId) ||
    a.isSecretaryOf(e.communityId) ||
    a.isStreetAdminOf(e.streetId) ||
    (!!e.handler && canHandle(a.openid, a.roles, e.handler))
  )
}

/** Those people, the building's 楼栋长, and a party summoned on the event (one read, only for a liaison or company staff who is none of the above). */
export async function canSee(ctx: Ctx<unknown>, e: EventDoc): Promise<boolean> {
  const { actor, db } = ctx
  if (maySee(ctx, e) || (await leadsBuilding(ctx, e.gridId, e.buildingId))) return true
  const keys = handlerKeysOf(actor.openid, actor.roles).filter((k) => k.startsWith('unit:') || k.startsWith('company:'))
  return keys.length > 0 && (await countSummonsOfEventFor(db, e._id, keys)) > 0
}

export async function ensureMaySee(ctx: Ctx<unknown>, e: EventDoc): Promise<void> {
  ensure(await canSee(ctx, e), '您无权查看此事件')
}
