import type { Role, RoleGrant } from '../../types/roles'
import type { StoredGrant, UserDoc } from './actor'
import type { Database } from './cloud'
import { COL } from './collections'
import { txGetOrNull, type Transaction } from './db-types'
import { newId } from './ids'

/**
 * The one way to write a person's record (users/<openid>), for every context. The record is shared:
 * the person edits their name and phone, and approvals, invitations and appointments give and take
 * their roles, possibly at the same moment. So a write either changes only the fields it owns
 * (`saveProfile`) or reads and writes the record inside the caller's transaction (`updatePersonInTx`),
 * where a concurrent change is a CONFLICT for one of the two, never a silently undone change.
 */

/** The SDK serialises undefined fields badly; drop them before writing. */
export function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}

const sameGrants = (a: RoleGrant[], b: RoleGrant[]) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Every grant carries an opaque id and the instant it was given, so it can be named when it is listed,
 * ended and kept in the history without naming the person (random: a role given again later is a new grant).
 */
export const newGrantId = () => newId('gr')
const stamped = (roles: StoredGrant[], now: Date): StoredGrant[] =>
  roles.map((g) => (g.grantId ? g : { ...g, grantId: newGrantId(), since: g.since ?? now }))

/**
 * Read-modify-write of a person's record inside `tx`. `change` gets a copy of the stored record (an
 * empty one for a person never seen) and returns the new one. Nothing is written when it changed nothing.
 */
export async function updatePersonInTx(
  tx: Transaction,
  openid: string,
  now: Date,
  change: (u: UserDoc) => UserDoc,
): Promise<{ before: UserDoc | null; after: UserDoc; changed: boolean }> {
  const before = await txGetOrNull<UserDoc>(tx, COL.users, openid)
  const base: UserDoc = before ?? { _id: openid, name: '', roles: [], createdAt: now, updatedAt: now }
  const changedTo = change({ ...base, roles: [...(base.roles ?? [])] })
  const next = { ...changedTo, roles: stamped(changedTo.roles, now) }
  const changed =
    !before ||
    next.name !== before.name ||
    next.phone !== before.phone ||
    next.bindingId !== before.bindingId ||
    !sameGrants(next.roles, before.roles ?? [])
  const after = changed ? { ...next, _id: openid, updatedAt: now } : before
  if (changed) {
    const { _id, ...rest } = after
    await tx
      .collection(COL.users)
      .doc(_id)
      .set({ data: stripUndefined(rest) })
  }
  return { before, after, changed }
}

/** Holding the same role on the same scope twice means nothing more: a grant is added once. */
export function addGrant(grants: RoleGrant[], grant: RoleGrant): RoleGrant[] {
  const exists = grants.some((g) => g.role === grant.role && g.scopeId === grant.scopeId)
  return exists ? grants : [...grants, grant]
}

/** A change for `updatePersonInTx`: give the grant (once). */
export const grantRole =
  (grant: RoleGrant) =>
  (u: UserDoc): UserDoc => ({ ...u, roles: addGrant(u.roles, grant) })

/** A change for `updatePersonInTx`: take `role` on `scopeId` away (shared/grants.ts `endGrantInTx` ends a grant with its history). */
export const withdrawRole =
  (role: Role, scopeId: string) =>
  (u: UserDoc): UserDoc => ({
    ...u,
    roles: u.roles.filter((g) => !(g.role === role && g.scopeId === scopeId)),
  })

/** A change for `updatePersonInTx`: a name for a person who has none on record yet. */
export const nameIfMissing =
  (name: string) =>
  (u: UserDoc): UserDoc =>
    u.name ? u : { ...u, name }

/**
 * The person's own profile fields (name, and phone when given), and nothing else: a field-level update,
 * so roles or a binding written at the same moment by another action stay as they are. A person never
 * seen before gets their record created inside a transaction (a concurrent creation conflicts rather
 * than being overwritten).
 */
export async function saveProfile(
  db: Database,
  run: <T>(fn: (tx: Transaction) => Promise<T>) => Promise<T>,
  openid: string,
  now: Date,
  fields: { name: string; phone?: string },
): Promise<void> {
  const data = stripUndefined({ name: fields.name, phone: fields.phone, updatedAt: now })
  const { stats } = await db.collection(COL.users).doc(openid).update({ data })
  if (stats.updated > 0) return
  // No record yet, or one that already says exactly this: write it in a transaction.
  await run((tx) => updatePersonInTx(tx, openid, now, (u) => ({ ...u, ...data })))
}

/** The stored record, read after a write (so what the caller is shown is what is stored). */
export async function readPerson(db: Database, openid: string): Promise<UserDoc | null> {
  const { data } = await db.collection(COL.users).where({ _id: openid }).limit(1).get()
  return (data[0] as UserDoc | undefined) ?? null
}
