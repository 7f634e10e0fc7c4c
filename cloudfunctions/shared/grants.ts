import type { GrantEndKind } from '../../types/org'
import type { Role, ScopeType } from '../../types/roles'
import type { StoredGrant, UserDoc } from './actor'
import type { Database } from './cloud'
import { COL } from './collections'
import { txGetOrNull, type Transaction } from './db-types'
import { conflict } from './errors'
import { newId } from './ids'
import { stripUndefined, updatePersonInTx } from './person'
import { endBuildingsInTx, endPostsInTx } from '../grid/public'
import { endMembershipInTx } from '../service/public'

/**
 * Ending a grant, the one way (issue 12 §1): the level above ends it (`role.end`), the person steps down
 * (`role.stepDown`), a grid post's removal ends the last post's role (grid `staff.remove`), a resident's
 * ends with the household binding (`binding.unbind`, `binding.leave`), a 楼栋长's ends their buildings, and leaving (注销) ends every
 * grant through here. In the caller's transaction it withdraws the role (shared/person.ts), closes what
 * the role carried (the household binding, the 报到 record, the grid posts), refuses to leave a street
 * without an admin, and appends the history record. Roles are read per call (actor.ts), so the person's
 * next call is checked without it.
 */

/** One ended grant (append-only `role_history`): `_id = end:<grantId>`, so a grant is ended once. */
export interface RoleHistoryDoc {
  _id: string
  grantId: string
  openid: string
  role: Role
  scopeType: ScopeType
  scopeId: string
  scopeName: string
  communityId?: string
  streetId?: string
  since?: Date
  endedAt: Date
  kind: GrantEndKind
  reason?: string
  /** Who ended it (the person themself when they stepped down or left the household). */
  endedBy: string
  /** As shown to the person: e.g. 街道管理员 赵立新, or 本人. */
  endedByName: string
}

export interface GrantEnd {
  /** Which grant: by its id when known, else the person's grant of `role` on `scopeId`. */
  grantId?: string
  role: Role
  scopeId: string
  kind: GrantEndKind
  reason?: string
  by: { openid: string; label: string }
}

/** What endGrantInTx needs of the handler's context. */
export interface GrantCtx {
  db: Database
  now: Date
  audit(target: string, before: unknown, after: unknown, tx?: Transaction): Promise<void>
}

export const ENDED_ALREADY = '该职务已经结束'
export const LAST_STREET_ADMIN = '街道至少要保留一位街道管理员，请先邀请新的管理员'
/** Street admins read per street when the last one is guarded; a street has a handful. */
const ADMIN_LIMIT = 20

export const historyId = (grantId: string) => `end:${grantId}`

/** The person's grant this end is about. */
const matches = (end: Pick<GrantEnd, 'grantId' | 'role' | 'scopeId'>) => (g: StoredGrant) =>
  end.grantId ? g.grantId === end.grantId : g.role === end.role && g.scopeId === end.scopeId

/**
 * A street keeps at least one admin, also when two admins end each other at the same moment: every end
 * of a street admin moves a counter on the street document first, so two of them conflict and the retried one counts
 * again. Another admin counts when their record, read in this transaction, still holds the street.
 */
async function keepOneStreetAdmin(ctx: GrantCtx, tx: Transaction, streetId: string, leaving: string): Promise<void> {
  // A counter, not a time: an update that changes nothing writes nothing, and so would not conflict.
  await tx
    .collection(COL.streets)
    .doc(streetId)
    .update({ data: { adminChanges: ctx.db.command.inc(1) } })
  const { data } = await ctx.db
    .collection(COL.users)
    .where({ roles: ctx.db.command.elemMatch({ role: 'street_admin', scopeId: streetId }) })
    .limit(ADMIN_LIMIT)
    .get()
  for (const other of (data as UserDoc[]).filter((u) => u._id !== leaving)) {
    const fresh = await txGetOrNull<UserDoc>(tx, COL.users, other._id)
    if (fresh?.roles?.some((g) => g.role === 'street_admin' && g.scopeId === streetId)) return
  }
  throw conflict(LAST_STREET_ADMIN)
}

/** A resident's grant ends with their household binding: marked ended (never deleted), with who and why. */
async function endBindingInTx(
  tx: Transaction,
  person: UserDoc | null,
  householdId: string,
  now: Date,
  end: GrantEnd,
): Promise<void> {
  if (!person?.bindingId) return
  const binding = await txGetOrNull<{ householdId: string; status: string }>(tx, COL.bindings, person.bindingId)
  if (!binding || binding.householdId !== householdId || binding.status !== 'verified') return
  await tx
    .collection(COL.bindings)
    .doc(person.bindingId)
    .update({
      data: stripUndefined({
        status: 'ended',
        endedAt: now,
        endedBy: end.by.openid,
        endedByName: end.by.label,
        endReason: end.reason,
        endKind: end.kind,
      }),
    })
}

/**
 * Ends one grant of `openid` inside `tx`. Refuses (CONFLICT, nothing written) when the grant has already
 * ended (two ends at once conflict on the person's record; the retried one finds it gone) and when it is
 * the street's last admin.
 */
export async function endGrantInTx(
  ctx: GrantCtx,
  tx: Transaction,
  openid: string,
  end: GrantEnd,
): Promise<{ history: RoleHistoryDoc; before: UserDoc; after: UserDoc }> {
  const { now } = ctx
  if (end.role === 'street_admin') await keepOneStreetAdmin(ctx, tx, end.scopeId, openid)
  let ended: StoredGrant | undefined
  const { before, after } = await updatePersonInTx(tx, openid, now, (u) => {
    ended = u.roles.find(matches(end))
    if (!ended || ended.role !== end.role) throw conflict(ENDED_ALREADY)
    return { ...u, roles: u.roles.filter((g) => g !== ended) }
  })
  const g = ended!
  if (g.role === 'resident') await endBindingInTx(tx, before, g.scopeId, now, end)
  if (g.role === 'member') await endMembershipInTx(tx, openid, g.scopeId, now, end)
  if (g.role === 'grid_worker') await endPostsInTx(tx, g.scopeId, openid, now, end.by.openid)
  if (g.role === 'building_leader') await endBuildingsInTx(tx, g.scopeId, openid, now, end.by.openid)
  const history: RoleHistoryDoc = stripUndefined({
    _id: historyId(g.grantId ?? newId('gr')),
    grantId: g.grantId ?? '',
    openid,
    role: g.role,
    scopeType: g.scopeType,
    scopeId: g.scopeId,
    scopeName: g.scopeName,
    communityId: g.communityId,
    streetId: g.streetId,
    since: g.since,
    endedAt: now,
    kind: end.kind,
    reason: end.reason,
    endedBy: end.by.openid,
    endedByName: end.by.label,
  })
  const { _id, ...rest } = history
  await tx.collection(COL.roleHistory).doc(_id).set({ data: rest })
  await ctx.audit(`${COL.users}/${openid}`, before!.roles, after.roles, tx)
  await ctx.audit(
    `${COL.roleHistory}/${_id}`,
    { role: g.role, scopeId: g.scopeId },
    { kind: end.kind, reason: end.reason ?? null },
    tx,
  )
  return { history, before: before!, after }
}

/** The person's current grant with this id (for the level above: one query by the grant index). */
export async function holderOfGrant(
  db: Database,
  grantId: string,
): Promise<{ user: UserDoc; grant: StoredGrant } | null> {
  const { data } = await db.collection(COL.users).where({ 'roles.grantId': grantId }).limit(1).get()
  const user = data[0] as UserDoc | undefined
  const grant = user?.roles.find((g) => g.grantId === grantId)
  return user && grant ? { user, grant } : null
}

/** Whether the grant has been ended before (for a clear CONFLICT rather than NOT_FOUND on a repeat). */
export async function endedBefore(db: Database, grantId: string): Promise<boolean> {
  const { data } = await db
    .collection(COL.roleHistory)
    .where({ _id: historyId(grantId) })
    .limit(1)
    .get()
  return data.length > 0
}
