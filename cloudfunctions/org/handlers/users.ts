import type { RoleGrant } from '../../../types/roles'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { addGrant } from '../domain/invitations'
import type { UserRecord } from '../repo'
import { stripUndefined } from './me'

/**
 * Read-modify-write of a person's record inside a transaction: the read happens in the transaction,
 * so a concurrent change to the same person is a conflict instead of a lost update.
 */
export async function updateUserInTx(
  tx: Transaction,
  openid: string,
  now: Date,
  change: (u: UserRecord) => UserRecord,
): Promise<{ before: UserRecord | null; after: UserRecord }> {
  const before = await txGetOrNull<UserRecord>(tx, COL.users, openid)
  const base: UserRecord = before ?? { _id: openid, name: '', roles: [], createdAt: now, updatedAt: now }
  const after = { ...change({ ...base, roles: [...(base.roles ?? [])] }), updatedAt: now }
  const { _id, ...rest } = after
  await tx.collection(COL.users).doc(_id).set({ data: stripUndefined(rest) })
  return { before, after }
}

export const grantRole = (grant: RoleGrant) => (u: UserRecord): UserRecord => ({ ...u, roles: addGrant(u.roles, grant) })
