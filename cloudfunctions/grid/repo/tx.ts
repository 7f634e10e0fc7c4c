import type { Transaction } from '../../shared/db-types'

/** Write a whole document inside a transaction (fields left undefined are not written). */
export async function txPut<T extends { _id: string }>(tx: Transaction, collection: string, doc: T): Promise<void> {
  const { _id, ...rest } = doc
  await tx.collection(collection).doc(_id).set({ data: Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) })
}
