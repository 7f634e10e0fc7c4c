import type { Page, PageInput } from '../../../types/common'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { fetchPage } from '../../shared/paging'
import { aggregateCommand } from './aggregate-command'
import type { RatingDoc } from './shapes'
import { txPut, txUpdate } from '../../shared/store'

type Patch = Partial<Record<keyof RatingDoc, unknown>>
/** A company's ratings of one period (the summary's scope). */
type OfPeriod = { companyId: string; periodId: string }

export const findRatingInTx = (tx: Transaction, id: string) => txGetOrNull<RatingDoc>(tx, COL.propertyRatings, id)
export const putRatingInTx = (tx: Transaction, doc: RatingDoc) => txPut(tx, COL.propertyRatings, doc)
export const updateRatingInTx = (tx: Transaction, id: string, patch: Patch) =>
  txUpdate(tx, COL.propertyRatings, id, patch)

/** A page of the company's ratings, latest change first; of one period, or only those with a comment, when asked. */
export function listCompanyRatings<V>(
  db: Database,
  of: { companyId: string; periodId?: string; onlyComments?: boolean },
  page: PageInput,
  view: (r: RatingDoc) => V,
): Promise<Page<V>> {
  const filter: Record<string, unknown> = { companyId: of.companyId }
  if (of.periodId) filter.periodId = of.periodId
  if (of.onlyComments) filter.hasComment = true
  return fetchPage(db.collection(COL.propertyRatings).where(filter), page, [['updatedAt', 'desc']], view)
}

/** A page of the street's held ratings (of one period when named), oldest first. */
export function listHeldRatings<V>(
  db: Database,
  streetId: string,
  periodId: string | undefined,
  page: PageInput,
  view: (r: RatingDoc) => V,
): Promise<Page<V>> {
  const q = db.collection(COL.propertyRatings).where({ streetId, status: 'held', ...(periodId ? { periodId } : {}) })
  return fetchPage(q, page, [['createdAt', 'asc']], view)
}

/** How many of the period's ratings wait for the street's review. One request. */
export async function countHeldRatings(db: Database, periodId: string): Promise<number> {
  const { total } = await db.collection(COL.propertyRatings).where({ periodId, status: 'held' }).count()
  return total
}

/** The ratings with these public ids (at most `limit`). One request. */
export async function listRatingsByPublicIds(db: Database, publicIds: string[], limit: number): Promise<RatingDoc[]> {
  const { data } = await db
    .collection(COL.propertyRatings)
    .where({ publicId: db.command.in(publicIds) })
    .limit(limit)
    .get()
  return data as RatingDoc[]
}

/** The households whose rating counts, per estate (sums only, never a rater). One grouped request. */
export async function listCountedHouseholdsPerEstate(
  db: Database,
  ofPeriod: OfPeriod,
): Promise<{ estateName: string; households: number }[]> {
  const $ = aggregateCommand(db)
  const { list } = await db
    .collection(COL.propertyRatings)
    .aggregate()
    .match({ ...ofPeriod, status: 'counted' })
    .group({ _id: '$estateName', n: $.sum(1) })
    .limit(100)
    .end()
  return (list as { _id: string; n: number }[]).map((x) => ({ estateName: x._id, households: x.n }))
}

/** The ratings with a comment. One request. */
export async function countCommentedRatings(db: Database, ofPeriod: OfPeriod): Promise<number> {
  const { total } = await db
    .collection(COL.propertyRatings)
    .where({ ...ofPeriod, hasComment: true })
    .count()
  return total
}

/** The ratings with a comment the company has not answered (not counting rejected or excluded ones). One request. */
export async function countUnansweredComments(db: Database, ofPeriod: OfPeriod): Promise<number> {
  const _ = db.command
  const { total } = await db
    .collection(COL.propertyRatings)
    .where({ ...ofPeriod, hasComment: true, status: _.nin(['rejected', 'excluded']), answer: _.exists(false) })
    .count()
  return total
}
