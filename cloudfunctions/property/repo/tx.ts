import type { Doc, Transaction } from '../../shared/db-types'

export { txPut } from '../../shared/store'

/** Writes the fields of `patch` (commands such as `_.inc` included) into one document inside a transaction. */
export async function txUpdate(tx: Transaction, collection: string, id: string, patch: Doc): Promise<void> {
  await tx.collection(collection).doc(id).update({ data: patch })
}
