import type { Page, PageInput } from '../../../types/common'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import type { Doc, Transaction } from '../../shared/db-types'
import { visibleWhere } from '../../shared/moderation'
import { fetchPage } from '../../shared/paging'
import type { ProgressDoc, RatingDoc, RatingRevisionDoc, ResolutionDoc } from './docs'
import { findInTx, putInTx } from './tx'
import { txUpdate } from '../../shared/store'

export const findResolutionInTx = (tx: Transaction, id: string) =>
  findInTx<ResolutionDoc>(tx, COL.councilResolutions, id)
export const putResolutionInTx = (tx: Transaction, r: ResolutionDoc) => putInTx(tx, COL.councilResolutions, r)
export const updateResolutionInTx = (tx: Transaction, id: string, patch: Doc) =>
  txUpdate(tx, COL.councilResolutions, id, patch)

export const putProgressInTx = (tx: Transaction, p: ProgressDoc) => putInTx(tx, COL.councilProgress, p)

export const findRatingInTx = (tx: Transaction, id: string) => findInTx<RatingDoc>(tx, COL.councilRatings, id)
export const putRatingInTx = (tx: Transaction, r: RatingDoc) => putInTx(tx, COL.councilRatings, r)
export const putRatingRevisionInTx = (tx: Transaction, r: RatingRevisionDoc) =>
  putInTx(tx, COL.councilRatingRevisions, r)

/** Open resolutions: the responsible party still owes them. */
const OPEN: ResolutionDoc['status'][] = ['open', 'in_progress']

/** A page of a resolution's progress entries, oldest first. Two requests. */
export function listProgress<V>(
  db: Database,
  resolutionId: string,
  page: PageInput,
  view: (p: ProgressDoc) => V,
): Promise<Page<V>> {
  return fetchPage<ProgressDoc, V>(
    db.collection(COL.councilProgress).where({ resolutionId }),
    page,
    [['seq', 'asc']],
    view,
  )
}

/** A page of the community's resolutions (of one meeting, if given), newest first. Two requests. */
export function listResolutions<V>(
  db: Database,
  communityId: string,
  meetingId: string | undefined,
  page: PageInput,
  view: (r: ResolutionDoc) => V,
): Promise<Page<V>> {
  const filter: Record<string, unknown> = { communityId }
  if (meetingId) filter.meetingId = meetingId
  return fetchPage<ResolutionDoc, V>(
    db.collection(COL.councilResolutions).where(filter),
    page,
    [['createdAt', 'desc']],
    view,
  )
}

/** A page of the resolutions any of these party keys carries (only the open ones, if asked), nearest deadline first. Two requests. */
export function listResolutionsCarriedBy<V>(
  db: Database,
  keys: string[],
  openOnly: boolean,
  page: PageInput,
  view: (r: ResolutionDoc) => V,
): Promise<Page<V>> {
  const filter: Record<string, unknown> = { responsibleKey: db.command.in(keys) }
  if (openOnly) filter.status = db.command.in(OPEN)
  return fetchPage<ResolutionDoc, V>(
    db.collection(COL.councilResolutions).where(filter),
    page,
    [['deadline', 'asc']],
    view,
  )
}

/** A page of the community's or the street's open resolutions past their deadline, oldest deadline first. Two requests. */
export function listOverdueResolutions<V>(
  db: Database,
  scope: { communityId: string } | { streetId: string },
  now: Date,
  page: PageInput,
  view: (r: ResolutionDoc) => V,
): Promise<Page<V>> {
  const q = db
    .collection(COL.councilResolutions)
    .where({ ...scope, status: db.command.in(OPEN), deadline: db.command.lt(now) })
  return fetchPage<ResolutionDoc, V>(q, page, [['deadline', 'asc']], view)
}

/**
 * A page of the comments of a resolution's ratings, newest first. Held and removed ones are left
 * out, except those of `ownHousehold` (shown marked). Two requests.
 */
export function listRatingComments<V>(
  db: Database,
  resolutionId: string,
  ownHousehold: string | null | undefined,
  page: PageInput,
  view: (r: RatingDoc) => V,
): Promise<Page<V>> {
  const filter = { resolutionId, comment: db.command.exists(true) }
  const where = visibleWhere(db, filter, ...(ownHousehold ? [{ householdId: ownHousehold }] : []))
  return fetchPage<RatingDoc, V>(db.collection(COL.councilRatings).where(where), page, [['at', 'desc']], view)
}

/** A rating by the id its comment is shown and reported under (one read). */
export async function findRatingByPublicId(db: Database, publicId: string): Promise<RatingDoc | null> {
  const { data } = await db.collection(COL.councilRatings).where({ publicId }).limit(1).get()
  return (data[0] as RatingDoc | undefined) ?? null
}
