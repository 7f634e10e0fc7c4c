import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'

import type {
  StreetDoc,
  CommunityDoc,
  GridDoc,
  EstateDoc,
  BuildingDoc,
  HouseholdDoc,
  CompanyDoc,
  UnitDoc,
  BindingDoc,
  HouseholdCodeDoc,
  InvitationDoc,
  LiaisonApplicationDoc,
  UserRecord,
} from '../../shared/org-tree'
import { findById } from '../../shared/store'
export { findById }
export type {
  StreetDoc,
  CommunityDoc,
  GridDoc,
  EstateDoc,
  BuildingDoc,
  HouseholdDoc,
  CompanyDoc,
  UnitDoc,
  BindingDoc,
  HouseholdCodeDoc,
  InvitationDoc,
  LiaisonApplicationDoc,
  UserRecord,
}

/** Bounded child lists (a community has tens of estates, an estate tens of buildings). */
export const CHILD_LIST_LIMIT = 100

export async function listChildren<T>(
  db: Database,
  collection: string,
  filter: Record<string, unknown>,
  orderField = 'name',
): Promise<T[]> {
  const { data } = await db
    .collection(collection)
    .where(filter)
    .orderBy(orderField, 'asc')
    .limit(CHILD_LIST_LIMIT)
    .get()
  return data as T[]
}

export const repo = {
  street: (db: Database, id: string) => findById<StreetDoc>(db, COL.streets, id),
  community: (db: Database, id: string) => findById<CommunityDoc>(db, COL.communities, id),
  grid: (db: Database, id: string) => findById<GridDoc>(db, COL.grids, id),
  estate: (db: Database, id: string) => findById<EstateDoc>(db, COL.estates, id),
  household: (db: Database, id: string) => findById<HouseholdDoc>(db, COL.households, id),
  company: (db: Database, id: string) => findById<CompanyDoc>(db, COL.companies, id),
  unit: (db: Database, id: string) => findById<UnitDoc>(db, COL.units, id),
  binding: (db: Database, id: string) => findById<BindingDoc>(db, COL.bindings, id),
  user: (db: Database, id: string) => findById<UserRecord>(db, COL.users, id),
}
