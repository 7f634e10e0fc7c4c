import type { Doc, Transaction } from '../../shared/db-types'

/** Writes a whole document at its `_id` inside a transaction (the id keys it; it is not stored as a field). */
export async function txPut<T extends { _id: string }>(tx: Transaction, collection: string, doc: T): Promise<void> {
  const { _id, ...rest } = doc
  await tx.collection(collection).doc(_id).set({ data: rest })
}

/** Writes the fields of `patch` (commands such as `_.inc` included) into one document inside a transaction. */
export async function txUpdate(tx: Transaction, collection: string, id: string, patch: Doc): Promise<void> {
  await tx.collection(collection).doc(id).update({ data: patch })
}
