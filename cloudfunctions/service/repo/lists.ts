import type { Page, PageInput } from '../../../types/common'
import type { NeedStatus, Quantity } from '../../../types/service'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { firstN, pageOf, txAdd, txPut, txUpdate, type Filter } from './store'

/** 三张清单: needs, resources, the offers to take a need, and the projects (a need matched with a resource). */

export interface NeedDoc {
  _id: string
  communityId: string
  streetId: string
  title: string
  detail?: string
  source: 'community' | 'resident' | 'grid' | 'council'
  quantity?: Quantity
  status: NeedStatus
  /** The 网格吹哨 event it was converted from (written by grid event.convert). */
  gridEventId?: string
  /** The project it is matched to: a need has one live match at a time. */
  projectId?: string
  createdBy: string
  createdAt: Date
}

/** An offer to take a need, `off:<need>:<owner>` (one per owner and need), in svc_need_offers. */
export interface NeedOfferDoc {
  _id: string
  needId: string
  needTitle: string
  communityId: string
  ownerType: 'unit' | 'member'
  ownerId: string
  ownerName: string
  resourceId?: string
  resourceTitle: string
  note?: string
  status: 'pending' | 'accepted' | 'declined'
  createdBy: string
  createdAt: Date
  decidedBy?: string
  decidedByName?: string
  decidedAt?: Date
  reason?: string
  projectId?: string
}

export interface ResourceDoc {
  _id: string
  communityId: string
  title: string
  detail?: string
  ownerType: 'unit' | 'member'
  ownerId: string
  ownerName: string
  createdBy: string
  createdAt: Date
}

export interface ProjectDoc {
  _id: string
  communityId: string
  title: string
  needId: string
  needTitle: string
  resourceId: string
  resourceTitle: string
  unitId?: string
  /** The resource's owner: a unit (`unitId` too) or a member record `m:<key>`; they post progress. */
  ownerType: 'unit' | 'member'
  ownerId: string
  ownerName: string
  /** The offer the project came from, when it came from one. */
  offerId?: string
  deadline: Date
  progress: number
  status: 'active' | 'done'
  lastNote?: string
  /** How many updates there are (the last one's `seq`); each is a ProjectUpdateDoc. */
  updateCount: number
  createdBy: string
  createdAt: Date
  doneAt?: Date
}

/** One progress update, `pu:<projectId>:<seq, 6 digits>` in svc_project_updates: a history is paged, never cut. */
export interface ProjectUpdateDoc {
  _id: string
  projectId: string
  communityId: string
  seq: number
  progress: number
  note: string
  by: string
  byName: string
  at: Date
}

// ---- reads

/** A page of the community's needs, newest first, of one status or all. */
export function listNeeds<V>(
  db: Database,
  communityId: string,
  status: NeedStatus | 'all',
  input: PageInput,
  view: (n: NeedDoc) => V,
): Promise<Page<V>> {
  const filter: Filter = { communityId }
  if (status !== 'all') filter.status = status
  return pageOf(db, COL.svcNeeds, filter, input, [['createdAt', 'desc']], view)
}

/** The community's newest `limit` needs still open or matched (a unit's agreement shows them). */
export function listOpenNeeds(db: Database, communityId: string, limit: number): Promise<NeedDoc[]> {
  return firstN<NeedDoc>(
    db,
    COL.svcNeeds,
    { communityId, status: db.command.in(['open', 'matched']) },
    ['createdAt', 'desc'],
    limit,
  )
}

/** A page of the community's resources, newest first, of one owner or all. */
export function listResources<V>(
  db: Database,
  communityId: string,
  ownerId: string | undefined,
  input: PageInput,
  view: (r: ResourceDoc) => V,
): Promise<Page<V>> {
  const filter: Filter = { communityId }
  if (ownerId) filter.ownerId = ownerId
  return pageOf(db, COL.svcResources, filter, input, [['createdAt', 'desc']], view)
}

/** The owner's newest `limit` resources. */
export function listResourcesOf(db: Database, ownerId: string, limit: number): Promise<ResourceDoc[]> {
  return firstN<ResourceDoc>(db, COL.svcResources, { ownerId }, ['createdAt', 'desc'], limit)
}

/** A page of the offers on a need, newest first. */
export function listNeedOffers<V>(
  db: Database,
  needId: string,
  input: PageInput,
  view: (o: NeedOfferDoc) => V,
): Promise<Page<V>> {
  return pageOf(db, COL.svcNeedOffers, { needId }, input, [['createdAt', 'desc']], view)
}

/** A page of the community's projects, newest first. */
export function listProjects<V>(
  db: Database,
  communityId: string,
  input: PageInput,
  view: (p: ProjectDoc) => V,
): Promise<Page<V>> {
  return pageOf(db, COL.svcProjects, { communityId }, input, [['createdAt', 'desc']], view)
}

/** The unit's newest `limit` projects. */
export function listUnitProjects(db: Database, unitId: string, limit: number): Promise<ProjectDoc[]> {
  return firstN<ProjectDoc>(db, COL.svcProjects, { unitId }, ['createdAt', 'desc'], limit)
}

/** A page of a project's progress updates, newest first. */
export function listProjectUpdates<V>(
  db: Database,
  projectId: string,
  input: PageInput,
  view: (u: ProjectUpdateDoc) => V,
): Promise<Page<V>> {
  return pageOf(db, COL.svcProjectUpdates, { projectId }, input, [['seq', 'desc']], view)
}

// ---- inside a transaction

export const addNeedInTx = (tx: Transaction, doc: NeedDoc) => txAdd(tx, COL.svcNeeds, doc)
export const findNeedInTx = (tx: Transaction, id: string) => txGetOrNull<NeedDoc>(tx, COL.svcNeeds, id)
export const updateNeedInTx = (
  tx: Transaction,
  id: string,
  patch: Pick<NeedDoc, 'status'> & Partial<Pick<NeedDoc, 'projectId'>>,
) => txUpdate(tx, COL.svcNeeds, id, patch)

export const addResourceInTx = (tx: Transaction, doc: ResourceDoc) => txAdd(tx, COL.svcResources, doc)
export const putResourceInTx = (tx: Transaction, doc: ResourceDoc) => txPut(tx, COL.svcResources, doc)

export const findNeedOfferInTx = (tx: Transaction, id: string) => txGetOrNull<NeedOfferDoc>(tx, COL.svcNeedOffers, id)
export const putNeedOfferInTx = (tx: Transaction, doc: NeedOfferDoc) => txPut(tx, COL.svcNeedOffers, doc)

export const findProjectInTx = (tx: Transaction, id: string) => txGetOrNull<ProjectDoc>(tx, COL.svcProjects, id)
export const putProjectInTx = (tx: Transaction, doc: ProjectDoc) => txPut(tx, COL.svcProjects, doc)
export const putProjectUpdateInTx = (tx: Transaction, doc: ProjectUpdateDoc) => txPut(tx, COL.svcProjectUpdates, doc)
