import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { findByIds } from '../../shared/store'

/** What the service context reads of the org tree (org owns these records). */

export interface CommunityRef {
  _id: string
  streetId: string
  name: string
}
/** Read its address through shared/address.ts `addressOf` (estates and buildings can be renamed). */
export interface HouseholdRef {
  _id: string
  communityId: string
  streetId: string
  gridId: string
  buildingId: string
  room: string
  address: string
  estateName?: string
  buildingName?: string
}
/** `retired` (org place.retire): kept, but no new assignment. */
export interface GridRef {
  _id: string
  communityId: string
  name: string
  retired?: boolean
}
export interface BuildingRef {
  _id: string
  communityId: string
  gridId: string
  name: string
  estateId: string
  retired?: boolean
}

/** Communities by a bounded list of ids (≤ 100): one request, none for an empty list. */
export function listCommunitiesByIds(db: Database, communityIds: string[]): Promise<CommunityRef[]> {
  return findByIds<CommunityRef>(db, COL.communities, communityIds)
}

/** The grid, if it is one of the community's: one request. */
export async function findCommunityGrid(db: Database, communityId: string, gridId: string): Promise<GridRef | null> {
  const { data } = await db.collection(COL.grids).where({ _id: gridId, communityId }).limit(1).get()
  return (data[0] as GridRef | undefined) ?? null
}

/** Those of the grids that are the community's: one request, none for an empty list. */
export async function listCommunityGrids(db: Database, communityId: string, gridIds: string[]): Promise<GridRef[]> {
  if (!gridIds.length) return []
  const { data } = await db
    .collection(COL.grids)
    .where({ _id: db.command.in(gridIds), communityId })
    .limit(gridIds.length)
    .get()
  return data as GridRef[]
}

/** Those of the buildings that are the community's: one request, none for an empty list. */
export async function listCommunityBuildings(
  db: Database,
  communityId: string,
  buildingIds: string[],
): Promise<BuildingRef[]> {
  if (!buildingIds.length) return []
  const { data } = await db
    .collection(COL.buildings)
    .where({ _id: db.command.in(buildingIds), communityId })
    .limit(buildingIds.length)
    .get()
  return data as BuildingRef[]
}
