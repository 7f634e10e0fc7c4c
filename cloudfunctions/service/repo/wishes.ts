import type { Page, PageInput } from '../../../types/common'
import type { WishStatus } from '../../../types/service'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { visibleWhere, type Moderated } from '../../shared/moderation'
import { pageOf, txAdd, txPut, txUpdate, type Filter, type Order } from './store'

/** 微心愿 and the messages between a wish's two sides. */

/** `hidden`/`moderation`: out of others' sight by reports or the content check (shared/moderation.ts). */
export interface WishDoc extends Moderated {
  _id: string
  communityId: string
  streetId: string
  householdId: string
  address: string
  /** The household is marked 重点关爱 (issue 15 §5): listed first for members; never why. Kept in step by care.ts. */
  care?: boolean
  residentOpenid?: string
  residentName: string
  postedBy: string
  title: string
  detail?: string
  dueAt: Date
  status: 'open' | 'claimed' | 'delivered' | 'confirmed'
  claimerOpenid?: string
  claimerName?: string
  claimedAt?: Date
  /** The claim's deadline (domain/wishes claimDueAt); past it undelivered, the timer returns the wish. */
  claimDueAt?: Date
  /** The number of the current (or last) claim, 1, 2, …: a message belongs to one claim. */
  claimNo?: number
  /** Claims that ended without delivery, newest last (bounded). */
  claimHistory?: {
    no: number
    claimerOpenid: string
    claimerName: string
    claimedAt: Date
    endedAt: Date
    outcome: 'released' | 'lapsed'
    reason?: string
  }[]
  deliveredAt?: Date
  deliveredNote?: string
  confirmedAt?: Date
  rating?: number
  thanks?: string
  createdAt: Date
}

/** A message between the resident's side and the claimer, `svc_wish_messages`, of one claim (`claimNo`). */
export interface WishMessageDoc {
  _id: string
  wishId: string
  communityId: string
  claimNo: number
  side: 'resident' | 'claimer'
  by: string
  byName: string
  text: string
  at: Date
}

// ---- reads

export interface WishQuery {
  communityId: string
  /** `open`: open and not yet due; `returned`: open past its date (back with the community). */
  status: WishStatus | 'all'
  now: Date
  /** Held and removed wishes are left out, except those matching one of these (the caller's own: shown marked). */
  own: Filter[]
  /** Only the wishes this person posted for themselves as resident or claimed. */
  mineOf?: string
}

/** A page of the community's wishes the caller may see, in `order`. */
export function listWishes<V>(
  db: Database,
  q: WishQuery,
  order: Order[],
  input: PageInput,
  view: (w: WishDoc) => V,
): Promise<Page<V>> {
  const _ = db.command
  const filter: Filter = { communityId: q.communityId }
  if (q.status === 'open') Object.assign(filter, { status: 'open', dueAt: _.gte(q.now) })
  else if (q.status === 'returned') Object.assign(filter, { status: 'open', dueAt: _.lt(q.now) })
  else if (q.status !== 'all') filter.status = q.status
  const where = q.mineOf
    ? (_.and(
        visibleWhere(db, filter, ...q.own),
        _.or({ residentOpenid: q.mineOf }, { claimerOpenid: q.mineOf }),
      ) as Filter)
    : visibleWhere(db, filter, ...q.own)
  return pageOf(db, COL.svcWishes, where, input, order, view)
}

/** The household's wishes still in hand (open, claimed or delivered), up to `limit`: their ids. */
export async function listWishesInHand(db: Database, householdId: string, limit: number): Promise<{ _id: string }[]> {
  const { data } = await db
    .collection(COL.svcWishes)
    .where({ householdId, status: db.command.in(['open', 'claimed', 'delivered']) })
    .limit(limit)
    .get()
  return data as { _id: string }[]
}

/** Up to `limit` wishes claimed and not delivered by their claim's deadline, oldest deadline first (the timer's batch). */
export async function listLapsedClaims(db: Database, now: Date, limit: number): Promise<WishDoc[]> {
  const { data } = await db
    .collection(COL.svcWishes)
    .where({ status: 'claimed', claimDueAt: db.command.lte(now) })
    .orderBy('claimDueAt', 'asc')
    .limit(limit)
    .get()
  return data as WishDoc[]
}

/** A page of one claim's messages on a wish, newest first. */
export function listWishMessages<V>(
  db: Database,
  wishId: string,
  claimNo: number | undefined,
  input: PageInput,
  view: (m: WishMessageDoc) => V,
): Promise<Page<V>> {
  return pageOf(db, COL.svcWishMessages, { wishId, claimNo }, input, [['at', 'desc']], view)
}

// ---- inside a transaction

export const addWishInTx = (tx: Transaction, doc: WishDoc) => txAdd(tx, COL.svcWishes, doc)
export const findWishInTx = (tx: Transaction, id: string) => txGetOrNull<WishDoc>(tx, COL.svcWishes, id)
export const putWishInTx = (tx: Transaction, doc: WishDoc) => txPut(tx, COL.svcWishes, doc)
/** Only the wish's 重点关爱 mark (its own field: no other action writes it). */
export const updateWishCareInTx = (tx: Transaction, id: string, care: boolean) =>
  txUpdate(tx, COL.svcWishes, id, { care })

export const putWishMessageInTx = (tx: Transaction, doc: WishMessageDoc) => txPut(tx, COL.svcWishMessages, doc)
