import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import type { UserGrantsRef } from './docs'

/** People holding a grant on this scope (a household's residents): at most 20, one read. */
export async function listUsersGrantedOn(db: Database, scopeId: string): Promise<UserGrantsRef[]> {
  const { data } = await db.collection(COL.users).where({ 'roles.scopeId': scopeId }).limit(20).get()
  return data as UserGrantsRef[]
}

/** People holding a grant on any of these scopes (units' liaisons, companies' staff): at most 100, one read. */
export async function listUsersGrantedOnAny(db: Database, scopeIds: string[]): Promise<UserGrantsRef[]> {
  const { data } = await db
    .collection(COL.users)
    .where({ 'roles.scopeId': db.command.in(scopeIds) })
    .limit(100)
    .get()
  return data as UserGrantsRef[]
}
