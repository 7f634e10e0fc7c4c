import type { Transaction } from '../../shared/db-types'

/** Writes a whole document under its own id inside a transaction (`set` takes the fields without `_id`). */
export async function txPut<T extends { _id: string }>(tx: Transaction, collection: string, doc: T): Promise<void> {
  const { _id, ...rest } = doc
  await tx.collection(collection).doc(_id).set({ data: rest })
}
