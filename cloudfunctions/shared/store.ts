/**
 * The generic reads every repo builds on (one of each: issue 16 §7). A context's repo names its own
 * readers (`repo.topic(db, id)`) on top of these; handlers never call them with a collection name.
 */
import type { Database } from './cloud'
import type { Doc, Transaction } from './db-types'
import { stripUndefined } from './person'

/** Read one document by _id, or null (`where` avoids the SDK throwing on a missing doc). */
export async function findById<T>(db: Database, collection: string, id: string): Promise<T | null> {
  const { data } = await db.collection(collection).where({ _id: id }).limit(1).get()
  return (data[0] as T | undefined) ?? null
}

/** Documents by a bounded list of ids (≤ 100): one request. */
export async function findByIds<T>(db: Database, collection: string, ids: string[]): Promise<T[]> {
  if (!ids.length) return []
  const { data } = await db
    .collection(collection)
    .where({ _id: db.command.in(ids) })
    .limit(ids.length)
    .get()
  return data as T[]
}

/**
 * Write a whole document under its own id inside a transaction (`set` takes the fields without `_id`;
 * fields left undefined are not written). Every repo's whole-document write goes through this one.
 */
export async function txPut<T extends { _id: string }>(tx: Transaction, collection: string, doc: T): Promise<void> {
  const { _id, ...rest } = doc
  await tx
    .collection(collection)
    .doc(_id)
    .set({ data: stripUndefined(rest) })
}

/** Write the fields of `patch` (commands such as `_.inc` included) into one document inside a transaction. */
export async function txUpdate(tx: Transaction, collection: string, id: string, patch: Doc): Promise<void> {
  await tx.collection(collection).doc(id).update({ data: patch })
}
