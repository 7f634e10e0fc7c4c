import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import type { Transaction } from '../../shared/db-types'
import { isDuplicateKey } from '../../shared/errors'
import type { BuildingDoc, EstateDoc, HouseholdDoc } from './index'
import { txPut } from '../../shared/store'

/** Writes of the estates and buildings a community sets up (with a building's households). */

/** How many of a community's estates bear this name (0 or 1: names are unique within a community). */
export async function countEstatesNamed(db: Database, communityId: string, name: string): Promise<number> {
  const { total } = await db.collection(COL.estates).where({ communityId, name }).count()
  return total
}
export const putEstateInTx = (tx: Transaction, doc: EstateDoc) => txPut(tx, COL.estates, doc)

/** How many of an estate's buildings bear this name (0 or 1). */
export async function countBuildingsNamed(db: Database, estateId: string, name: string): Promise<number> {
  const { total } = await db.collection(COL.buildings).where({ estateId, name }).count()
  return total
}
export const putBuildingInTx = (tx: Transaction, doc: BuildingDoc) => txPut(tx, COL.buildings, doc)

/** Adds a household whose id the request fixed: an earlier attempt of the same request may have added it already. */
export async function putHouseholdUnlessThere(db: Database, doc: HouseholdDoc): Promise<void> {
  try {
    await db.collection(COL.households).add({ data: doc })
  } catch (e) {
    if (!isDuplicateKey(e)) throw e
  }
}
