import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import type { BuildingDoc, CompanyDoc, EstateDoc, GridDoc, UserRecord } from '../../shared/org-tree'
import { findById } from '../../shared/store'
import type { SummonsDoc } from '../../shared/whistle-record'
import { ids } from './ids'
import type { CommunityRef, EventDoc, LeaderLock, MemberRecord, PartyBranchDoc, StaffDoc, UnitRef } from './shapes'

/** By-id readers: each one request, the document or null. */
export const repo = {
  event: (db: Database, id: string) => findById<EventDoc>(db, COL.gridEvents, id),
  summons: (db: Database, id: string) => findById<SummonsDoc>(db, COL.gridSummons, id),
  staff: (db: Database, id: string) => findById<StaffDoc>(db, COL.gridStaff, id),
  leaderLock: (db: Database, gridId: string) => findById<LeaderLock>(db, COL.gridStaff, ids.leaderLock(gridId)),
  partyBranch: (db: Database, gridId: string) => findById<PartyBranchDoc>(db, COL.gridStaff, ids.partyBranch(gridId)),
  grid: (db: Database, id: string) => findById<GridDoc>(db, COL.grids, id),
  community: (db: Database, id: string) => findById<CommunityRef>(db, COL.communities, id),
  estate: (db: Database, id: string) => findById<EstateDoc>(db, COL.estates, id),
  building: (db: Database, id: string) => findById<BuildingDoc>(db, COL.buildings, id),
  company: (db: Database, id: string) => findById<CompanyDoc>(db, COL.companies, id),
  unit: (db: Database, id: string) => findById<UnitRef>(db, COL.units, id),
  /** A service 报到 record, by its id. */
  member: (db: Database, id: string) => findById<MemberRecord>(db, COL.svcMembers, id),
  person: (db: Database, openid: string) => findById<UserRecord>(db, COL.users, openid),
}
