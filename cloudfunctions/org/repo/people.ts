import type { Page, PageInput } from '../../../types/common'
import type { EndableRole } from '../../../types/roles'
import type { UserDoc } from '../../shared/actor'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import type { RoleHistoryDoc } from '../../shared/grants'
import { fetchPage } from '../../shared/paging'
import { findById, findByIds } from '../../shared/store'

/** People and their grants as org reads them (writes to a person go through shared/person.ts). */

/** How many people hold a street admin grant anywhere (0 lets the configured person bootstrap). One count. */
export async function countStreetAdmins(db: Database): Promise<number> {
  const { total } = await db.collection(COL.users).where({ 'roles.role': 'street_admin' }).count()
  return total
}

/** The people by id (≤ 100), for their names: one request. */
export const listPeopleByIds = (db: Database, ids: string[]) =>
  findByIds<{ _id: string; name?: string }>(db, COL.users, ids)

/** The people holding `role` on `scopeId`, by name: one page (count + get). */
export function listRoleHolders<V>(
  db: Database,
  role: EndableRole,
  scopeId: string,
  page: PageInput,
  view: (u: UserDoc) => V,
): Promise<Page<V>> {
  const q = db.collection(COL.users).where({ roles: db.command.elemMatch({ role, scopeId }) })
  return fetchPage<UserDoc, V>(q, page, [['name', 'asc']], view)
}

/** A person's ended grants, newest first: one page (count + get). */
export function listRoleHistory<V>(
  db: Database,
  openid: string,
  page: PageInput,
  view: (h: RoleHistoryDoc) => V,
): Promise<Page<V>> {
  const q = db.collection(COL.roleHistory).where({ openid })
  return fetchPage<RoleHistoryDoc, V>(q, page, [['endedAt', 'desc']], view)
}

/** The collection each role's scope lives in: the scope's community and street decide who is above it. */
const SCOPE_COLLECTION: Record<EndableRole, string> = {
  street_admin: COL.streets,
  secretary: COL.communities,
  member: COL.communities,
  property_staff: COL.companies,
  unit_liaison: COL.units,
  grid_worker: COL.grids,
  building_leader: COL.grids,
}

/** The record a grant of `role` is scoped to (a street, community, company, unit or grid), or null. */
export const findRoleScope = (db: Database, role: EndableRole, scopeId: string) =>
  findById<{ _id: string; streetId?: string; communityId?: string }>(db, SCOPE_COLLECTION[role], scopeId)
