import type { Page, PageInput } from '../../../types/common'
import type { StaffPost } from '../../../types/staff-posts'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { fetchPage } from '../../shared/paging'
import { findByIds } from '../../shared/store'

/**
 * The records of other contexts the party picker reads (parties.ts): units (service), estates and
 * grids (org), grid staff (grid), approved members (service) and verified residents (org bindings).
 */
export interface UnitRec {
  _id: string
  communityId: string
  name: string
  partyBody?: string
  approvedYear?: number
}
export interface EstateRec {
  _id: string
  communityId: string
  name: string
  companyId?: string
  companyName?: string
}
export interface GridRec {
  _id: string
  communityId: string
  name: string
  no?: number
}
export interface StaffRec {
  _id: string
  communityId: string
  gridName: string
  openid: string
  name: string
  post: StaffPost
  status: string
}
export interface MemberRec {
  _id: string
  openid: string
  communityId: string
  name: string
  unitName?: string
  gridName?: string
  status: string
}
export interface BindingRec {
  _id: string
  openid: string
  communityId: string
  address: string
  applicantName: string
  status: string
}

/** Child lists are bounded at 100 (docs/decisions.md): estates and grids of a community. */
const CHILDREN = 100

const like = (db: Database, q: string) => db.RegExp({ regexp: q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: '' })

/** The party records by id, one read per kind (none when no id is asked). */
export const partyRecords = {
  units: (db: Database, ids: string[]) => findByIds<UnitRec>(db, COL.units, ids),
  grids: (db: Database, ids: string[]) => findByIds<GridRec>(db, COL.grids, ids),
  gridStaff: (db: Database, ids: string[]) => findByIds<StaffRec>(db, COL.gridStaff, ids),
  members: (db: Database, ids: string[]) => findByIds<MemberRec>(db, COL.svcMembers, ids),
  residents: (db: Database, ids: string[]) => findByIds<BindingRec>(db, COL.bindings, ids),
}

/** The community's estates (≤ 100, one read): the companies serving it are read from them. */
export async function listCommunityEstates(db: Database, communityId: string): Promise<EstateRec[]> {
  const { data } = await db.collection(COL.estates).where({ communityId }).limit(CHILDREN).get()
  return data as EstateRec[]
}

/** The community's grids by number (≤ 100, one read). */
export async function listCommunityGrids(db: Database, communityId: string): Promise<GridRec[]> {
  const { data } = await db.collection(COL.grids).where({ communityId }).orderBy('no', 'asc').limit(CHILDREN).get()
  return data as GridRec[]
}

/** A page of the community's approved units, by name (containing `q`, if given). Two requests. */
export function listApprovedUnits<V>(
  db: Database,
  communityId: string,
  q: string | undefined,
  page: PageInput,
  view: (u: UnitRec) => V,
): Promise<Page<V>> {
  return fetchPage<UnitRec, V>(
    db
      .collection(COL.units)
      .where({ communityId, approvedYear: db.command.exists(true), ...(q ? { name: like(db, q) } : {}) }),
    page,
    [['name', 'asc']],
    view,
  )
}

/** A page of the community's active grid staff, by grid and name (containing `q`, if given). Two requests. */
export function listActiveGridStaff<V>(
  db: Database,
  communityId: string,
  q: string | undefined,
  page: PageInput,
  view: (s: StaffRec) => V,
): Promise<Page<V>> {
  return fetchPage<StaffRec, V>(
    db.collection(COL.gridStaff).where({ communityId, status: 'active', ...(q ? { name: like(db, q) } : {}) }),
    page,
    [
      ['gridName', 'asc'],
      ['name', 'asc'],
    ],
    view,
  )
}

/** A page of the community's approved members, by name (containing `q`, if given). Two requests. */
export function listApprovedMembers<V>(
  db: Database,
  communityId: string,
  q: string | undefined,
  page: PageInput,
  view: (m: MemberRec) => V,
): Promise<Page<V>> {
  return fetchPage<MemberRec, V>(
    db.collection(COL.svcMembers).where({ communityId, status: 'approved', ...(q ? { name: like(db, q) } : {}) }),
    page,
    [['name', 'asc']],
    view,
  )
}

/** A page of the community's verified residents, by name (containing `q`, if given). Two requests. */
export function listVerifiedResidents<V>(
  db: Database,
  communityId: string,
  q: string | undefined,
  page: PageInput,
  view: (b: BindingRec) => V,
): Promise<Page<V>> {
  return fetchPage<BindingRec, V>(
    db
      .collection(COL.bindings)
      .where({ communityId, status: 'verified', ...(q ? { applicantName: like(db, q) } : {}) }),
    page,
    [['applicantName', 'asc']],
    view,
  )
}
