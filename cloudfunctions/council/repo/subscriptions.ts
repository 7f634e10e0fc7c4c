import type { CouncilNoticeKind } from '../../../types/notices'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import type { Doc, Transaction } from '../../shared/db-types'
import type { NoticeJobDoc, SubscriptionDoc } from './docs'
import { findInTx, putInTx } from './tx'
import { txUpdate } from '../../shared/store'

export const findSubscriptionInTx = (tx: Transaction, id: string) =>
  findInTx<SubscriptionDoc>(tx, COL.councilSubscriptions, id)
export const putSubscriptionInTx = (tx: Transaction, s: SubscriptionDoc) => putInTx(tx, COL.councilSubscriptions, s)

/** One page of the community's subscribers who consented to `kind`, after the given _id (one read). */
export async function listSubscribers(
  db: Database,
  communityId: string,
  kind: CouncilNoticeKind,
  after: string,
  limit: number,
): Promise<SubscriptionDoc[]> {
  const where = { communityId, on: true, kinds: kind, ...(after ? { _id: db.command.gt(after) } : {}) }
  const { data } = await db.collection(COL.councilSubscriptions).where(where).orderBy('_id', 'asc').limit(limit).get()
  return data as SubscriptionDoc[]
}

/** A new notice job (`add`: the database names it). */
export async function putNoticeJob(db: Database, job: Omit<NoticeJobDoc, '_id'>): Promise<void> {
  await db.collection(COL.councilNoticeJobs).add({ data: job })
}

/** Pending notice jobs, oldest first (one read). */
export async function listPendingNoticeJobs(db: Database, limit: number): Promise<NoticeJobDoc[]> {
  const { data } = await db
    .collection(COL.councilNoticeJobs)
    .where({ status: 'pending' })
    .orderBy('createdAt', 'asc')
    .limit(limit)
    .get()
  return data as NoticeJobDoc[]
}

export const findNoticeJobInTx = (tx: Transaction, id: string) => findInTx<NoticeJobDoc>(tx, COL.councilNoticeJobs, id)
export const updateNoticeJobInTx = (tx: Transaction, id: string, patch: Doc) =>
  txUpdate(tx, COL.councilNoticeJobs, id, patch)
