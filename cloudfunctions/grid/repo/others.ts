import type { PageInput } from '../../../types/common'
import type { MemberCandidateView } from '../../../types/grid'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import type { Transaction } from '../../shared/db-types'
import type { BuildingDoc, EstateDoc, GridDoc, HouseholdDoc, UserRecord } from '../../shared/org-tree'
import { fetchPage } from '../../shared/paging'
import { findByIds } from '../../shared/store'
import type { MemberRecord } from './shapes'
import { txPut } from '../../shared/store'

/** Records of other contexts grid reads (the org tree, people, 报到 records) and the ones it starts (a need, a topic). */

/** Households, grids, buildings, estates by a bounded list of ids: one request each. */
export const listHouseholds = (db: Database, ids: string[]) => findByIds<HouseholdDoc>(db, COL.households, ids)
export const listGrids = (db: Database, ids: string[]) => findByIds<GridDoc>(db, COL.grids, ids)
export const listBuildings = (db: Database, ids: string[]) => findByIds<BuildingDoc>(db, COL.buildings, ids)
export const listEstates = (db: Database, ids: string[]) => findByIds<EstateDoc>(db, COL.estates, ids)

/** People with any grant on a scope (a company, a unit, a community): at most 20, for notices. */
export async function listPeopleOfScope(db: Database, scopeId: string): Promise<UserRecord[]> {
  const { data } = await db.collection(COL.users).where({ 'roles.scopeId': scopeId }).limit(20).get()
  return data as UserRecord[]
}

/** The approved 报到 records of a community, latest submitted first: a page. */
export function listApprovedMembers(
  db: Database,
  communityId: string,
  page: PageInput,
  view: (m: MemberRecord) => MemberCandidateView,
) {
  const q = db.collection(COL.svcMembers).where({ communityId, status: 'approved' })
  return fetchPage<MemberRecord, MemberCandidateView>(q, page, [['submittedAt', 'desc']], view)
}

/** An event turned into a need (service) or a council topic, written in the converting transaction. */
export const putLinkedNeedInTx = (
  tx: Transaction,
  need: { _id: string; gridEventId: string } & Record<string, unknown>,
) => txPut(tx, COL.svcNeeds, need)
export const putLinkedTopicInTx = (
  tx: Transaction,
  topic: { _id: string; gridEventId: string } & Record<string, unknown>,
) => txPut(tx, COL.councilTopics, topic)
