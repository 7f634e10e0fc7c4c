import type { Page, PageInput } from '../../../types/common'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { fetchPage } from '../../shared/paging'
import {
  listChildren,
  type BuildingDoc,
  type CommunityDoc,
  type EstateDoc,
  type GridDoc,
  type HouseholdDoc,
  type StreetDoc,
} from './index'

/** Reads and writes of the organisation tree (street → community → grid / estate → building → household). */

export function listStreets<V>(db: Database, page: PageInput, view: (s: StreetDoc) => V): Promise<Page<V>> {
  return fetchPage(db.collection(COL.streets), page, [['name', 'asc']], view)
}

/** Communities by name, of one street or of all. */
export function listCommunities<V>(
  db: Database,
  streetId: string | undefined,
  page: PageInput,
  view: (c: CommunityDoc) => V,
): Promise<Page<V>> {
  const q = streetId ? db.collection(COL.communities).where({ streetId }) : db.collection(COL.communities)
  return fetchPage(q, page, [['name', 'asc']], view)
}

/** Retired places are left out unless asked for (only those who manage them ask). */
const inUse = (db: Database, includeRetired: boolean) => (includeRetired ? {} : { retired: db.command.neq(true) })

export const listGrids = (db: Database, communityId: string, includeRetired: boolean) =>
  listChildren<GridDoc>(db, COL.grids, { communityId, ...inUse(db, includeRetired) }, 'no')
export const listEstates = (db: Database, communityId: string, includeRetired: boolean) =>
  listChildren<EstateDoc>(db, COL.estates, { communityId, ...inUse(db, includeRetired) })
export const listBuildings = (db: Database, estateId: string, includeRetired: boolean) =>
  listChildren<BuildingDoc>(db, COL.buildings, { estateId, ...inUse(db, includeRetired) })

/** A building's households by room: one page. */
export function listHouseholds<V>(
  db: Database,
  buildingId: string,
  page: PageInput,
  view: (h: HouseholdDoc) => V,
): Promise<Page<V>> {
  return fetchPage(db.collection(COL.households).where({ buildingId }), page, [['room', 'asc']], view)
}

export async function putCommunityInTx(tx: Transaction, doc: CommunityDoc): Promise<void> {
  await tx.collection(COL.communities).add({ data: doc })
}
export const findCommunityInTx = (tx: Transaction, id: string) => txGetOrNull<CommunityDoc>(tx, COL.communities, id)

/** Moves one of a community's counters by `n` (an increment, so concurrent moves all count). */
export async function incCommunityCountInTx(
  tx: Transaction,
  db: Database,
  communityId: string,
  counter: 'gridCount' | 'estateCount' | 'householdCount',
  n: number,
): Promise<void> {
  await tx
    .collection(COL.communities)
    .doc(communityId)
    .update({ data: { [counter]: db.command.inc(n) } })
}

export async function putGridInTx(tx: Transaction, doc: GridDoc): Promise<void> {
  await tx.collection(COL.grids).add({ data: doc })
}
