import type { UserDoc } from '../../shared/actor'
import type { Database } from '../../shared/cloud'
import { COL, type CollectionName } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import type { PhotoDoc } from '../../shared/photos'
import type { BindingDoc, LiaisonApplicationDoc } from './index'

/**
 * What leaving (注销, handlers/leave.ts) reads and writes of the person's own records: their pending
 * requests, their record while the leave is under way, their uploads, and the sweeps that point every
 * field naming them at the departed token (one read per collection asks which of its fields do, then one
 * multi-document update per field that does). Records whose ids embed
 * the person move in repo/rekey.ts.
 */

/** Pending requests of one person: a handful at most (one binding, one liaison registration, perhaps a retry). */
const PENDING_LIMIT = 20

async function pendingOf<T>(db: Database, collection: string, openid: string): Promise<T[]> {
  const { data } = await db.collection(collection).where({ openid, status: 'pending' }).limit(PENDING_LIMIT).get()
  return data as T[]
}

export const listPendingBindingsOf = (db: Database, openid: string) => pendingOf<BindingDoc>(db, COL.bindings, openid)
export const listPendingApplicationsOf = (db: Database, openid: string) =>
  pendingOf<LiaisonApplicationDoc>(db, COL.liaisonApplications, openid)

export async function updateLiaisonApplicationInTx(
  tx: Transaction,
  id: string,
  patch: Record<string, unknown>,
): Promise<void> {
  await tx.collection(COL.liaisonApplications).doc(id).update({ data: patch })
}

/**
 * The person record while a leave is under way: no name, phone or grant, only the departed token, so a
 * repeat after a crash finishes under the same token (the last step removes it). A repeat takes the token it finds.
 */
export type LeavingDoc = UserDoc & { departedToken?: string }

export const findLeavingPersonInTx = (tx: Transaction, openid: string) => txGetOrNull<LeavingDoc>(tx, COL.users, openid)

/** The person record replaced whole (erased to the token while leaving). */
export async function putLeavingPersonInTx(
  tx: Transaction,
  openid: string,
  doc: Omit<LeavingDoc, '_id'>,
): Promise<void> {
  await tx.collection(COL.users).doc(openid).set({ data: doc })
}

export async function updateLeavingPersonInTx(
  tx: Transaction,
  openid: string,
  patch: Record<string, unknown>,
): Promise<void> {
  await tx.collection(COL.users).doc(openid).update({ data: patch })
}

export async function removeLeavingPersonInTx(tx: Transaction, openid: string): Promise<void> {
  await tx.collection(COL.users).doc(openid).remove()
}

/** Photos read per page when looking for the person's uploads. */
export const PHOTO_PAGE = 100
/** Where a record carries photos (`photos: fileId[]`): a photo on any of them is part of that record and stays. */
const PHOTO_CARRIERS = [COL.councilTopics, COL.gridEvents, COL.gridProgress, COL.propertyRatings] as const

export type OwnedPhoto = PhotoDoc & { removedAt?: Date }

/** One page (PHOTO_PAGE) of the person's uploads, in id order. */
export async function listPhotosOwnedBy(db: Database, openid: string, skip: number): Promise<OwnedPhoto[]> {
  const { data } = await db
    .collection(COL.photos)
    .where({ owner: openid })
    .orderBy('_id', 'asc')
    .skip(skip)
    .limit(PHOTO_PAGE)
    .get()
  return data as OwnedPhoto[]
}

/** Which of the files a record carries: one request per carrying collection (none for no files). */
export async function listCarriedFileIds(db: Database, fileIds: string[]): Promise<string[]> {
  const carried: string[] = []
  for (const collection of fileIds.length ? PHOTO_CARRIERS : []) {
    const { data: records } = await db
      .collection(collection)
      .where({ photos: db.command.in(fileIds) })
      .field({ photos: true })
      .limit(PHOTO_PAGE)
      .get()
    for (const r of records as { photos?: string[] }[]) carried.push(...(r.photos ?? []))
  }
  return carried
}

/** The register entries of photos (by id) patched at once. */
export async function updatePhotos(db: Database, ids: string[], patch: Record<string, unknown>): Promise<void> {
  await db
    .collection(COL.photos)
    .where({ _id: db.command.in(ids) })
    .update({ data: patch })
}

/** The person's notice subscriptions patched at once. */
export async function updateSubscriptionsOf(
  db: Database,
  openid: string,
  patch: Record<string, unknown>,
): Promise<void> {
  await db.collection(COL.councilSubscriptions).where({ openid }).update({ data: patch })
}

/** Every record of `collection` whose `path` holds `value`, patched at once; how many changed. */
export async function updateRecordsNaming(
  db: Database,
  collection: CollectionName,
  path: string,
  value: string,
  patch: Record<string, unknown>,
): Promise<number> {
  const { stats } = await db
    .collection(collection)
    .where({ [path]: value })
    .update({ data: patch })
  return stats.updated
}

/** Records read per collection when asking which of its identity fields name the person. */
export const SWEEP_PROBE = 100

/** A dotted identity field and the value that names the person in it. */
export interface Naming {
  path: string
  from: string
}

/**
 * Which of `namings` some record of `collection` holds: ONE read of at most SWEEP_PROBE records holding
 * any of its top-level fields (ids and those fields only; each is an equality a database answers from an
 * index). A nested field (`checkin.decidedBy`) is not asked about here: it is always returned, to be
 * updated by its own request as before. All are returned when the page is full, or when a record found
 * is not explained by any naming (the store matched it another way): then nothing may be skipped.
 */
export async function namingsHeld<T extends Naming>(
  db: Database,
  collection: CollectionName,
  namings: T[],
): Promise<T[]> {
  const asked = namings.filter((n) => !n.path.includes('.'))
  if (asked.length < 2) return namings
  const { data } = await db
    .collection(collection)
    .where(db.command.or(asked.map((n) => ({ [n.path]: n.from }))) as never)
    .field(Object.fromEntries(['_id', ...asked.map((n) => n.path)].map((k) => [k, true])))
    .limit(SWEEP_PROBE)
    .get()
  const docs = data as Record<string, unknown>[]
  const holds = (doc: Record<string, unknown>, n: Naming) => {
    const v = doc[n.path]
    return v === n.from || (Array.isArray(v) && v.includes(n.from))
  }
  if (docs.length >= SWEEP_PROBE || !docs.every((doc) => asked.some((n) => holds(doc, n)))) return namings
  return namings.filter((n) => !asked.includes(n) || docs.some((doc) => holds(doc, n)))
}

/** Audit entries filed under `from` refiled under `to`; how many. */
export async function updateAuditTarget(db: Database, from: string, to: string): Promise<number> {
  const { stats } = await db
    .collection(COL.audit)
    .where({ target: from })
    .update({ data: { target: to } })
  return stats.updated
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The person's own idempotency marks (`<fn>:<action>:<openid>:<requestId>`) removed; how many. They keep
 * what an action answered (which may carry the name) and are not contributions.
 */
export async function removeRequestMarksOf(db: Database, openid: string): Promise<number> {
  const marks = await db
    .collection(COL.requests)
    .where({ _id: db.RegExp({ regexp: `^[^:]+:[^:]+:${escapeRegExp(openid)}:` }) })
    .remove()
  return marks.stats.removed
}
