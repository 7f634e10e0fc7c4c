import type { PageInput } from '../../../types/common'
import type { StaffInvitationView } from '../../../types/grid'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import type { InvitationDoc } from '../../shared/org-tree'
import { fetchPage } from '../../shared/paging'
import { findById, findByIds } from '../../shared/store'
import { ids } from './ids'
import type {
  BuildingLeaderDoc,
  BuildingLock,
  LeaderLock,
  PartyBranchDoc,
  PartyBranchVersionDoc,
  StaffDoc,
} from './shapes'
import { txPut } from '../../shared/store'

/** A grid's staff list is short (a leader, a few workers and cadres); 50 is the bound. */
const STAFF_LIMIT = 50
/** A person holds at most the four posts on a grid; 10 is the bound. */
const POSTS_LIMIT = 10
/** A grid has tens of buildings; a leader's list is bounded by the contract (10 a code), the grid's leaders by this. */
const LEADERS_LIMIT = 100

/** The grid's active appointments, earliest first (one read). */
export async function listActiveStaff(db: Database, gridId: string): Promise<StaffDoc[]> {
  const { data } = await db
    .collection(COL.gridStaff)
    .where({ gridId, status: 'active' })
    .orderBy('appointedAt', 'asc')
    .limit(STAFF_LIMIT)
    .get()
  return data as StaffDoc[]
}

/** The posts a person holds on a grid now (one read). */
export async function listPostsHeld(db: Database, gridId: string, openid: string): Promise<StaffDoc[]> {
  const { data } = await db
    .collection(COL.gridStaff)
    .where({ gridId, openid, status: 'active' })
    .limit(POSTS_LIMIT)
    .get()
  return data as StaffDoc[]
}

export const findStaffInTx = (tx: Transaction, id: string) => txGetOrNull<StaffDoc>(tx, COL.gridStaff, id)
export const putStaffInTx = (tx: Transaction, doc: StaffDoc) => txPut(tx, COL.gridStaff, doc)
export const putLeaderLockInTx = (tx: Transaction, lock: LeaderLock) => txPut<LeaderLock>(tx, COL.gridStaff, lock)

/** The grid's active 楼栋长 (one read). */
export async function listBuildingLeaders(db: Database, gridId: string): Promise<BuildingLeaderDoc[]> {
  const { data } = await db
    .collection(COL.gridStaff)
    .where({ gridId, kind: 'building_leader', state: 'active' })
    .limit(LEADERS_LIMIT)
    .get()
  return data as BuildingLeaderDoc[]
}

/** The locks of these buildings that exist (one read; a building never led has none). */
export const listBuildingLocks = (db: Database, buildingIds: string[]) =>
  findByIds<BuildingLock>(db, COL.gridStaff, buildingIds.map(ids.buildingLock))

/** The caller's active 楼栋长 appointment on the grid (one read), or null. */
export async function buildingLeadOf(db: Database, gridId: string, openid: string): Promise<BuildingLeaderDoc | null> {
  const d = await findById<BuildingLeaderDoc>(db, COL.gridStaff, ids.buildingLeader(gridId, openid))
  return d?.state === 'active' ? d : null
}

export const findPartyBranchInTx = (tx: Transaction, gridId: string) =>
  txGetOrNull<PartyBranchDoc>(tx, COL.gridStaff, ids.partyBranch(gridId))
export const putPartyBranchInTx = (tx: Transaction, doc: PartyBranchDoc) => txPut(tx, COL.gridStaff, doc)
export const putPartyBranchVersionInTx = (tx: Transaction, doc: PartyBranchVersionDoc) =>
  txPut<PartyBranchVersionDoc>(tx, COL.gridStaff, doc)

/** The grid's appointment codes (grid posts' and 楼栋长's alike), newest first: a page. */
export function listAppointmentCodes(
  db: Database,
  gridId: string,
  page: PageInput,
  view: (d: InvitationDoc) => StaffInvitationView,
) {
  const q = db
    .collection(COL.invitations)
    .where({ scopeId: gridId, role: db.command.in(['grid_worker', 'building_leader']) })
  return fetchPage<InvitationDoc, StaffInvitationView>(q, page, [['createdAt', 'desc']], view)
}

/** An appointment code, written whole in the issuing transaction. */
export const putInvitationInTx = (tx: Transaction, doc: InvitationDoc) => txPut(tx, COL.invitations, doc)
