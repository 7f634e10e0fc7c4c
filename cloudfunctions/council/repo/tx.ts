import type { Transaction } from '../../shared/db-types'
import { txGetOrNull } from '../../shared/db-types'

/**
 * The read and the two whole-document writes every council record has inside a transaction (patches go through shared/store `txUpdate`); the area files name
 * them per record (`putVoteInTx`, `updateTopicInTx`, …), so handlers never name a collection.
 */
export const findInTx = <T>(tx: Transaction, collection: string, id: string) => txGetOrNull<T>(tx, collection, id)

/** A whole document at its id (`set`: the _id goes to the document reference, the rest is the data). */
export async function putInTx<T extends { _id: string }>(tx: Transaction, collection: string, doc: T): Promise<void> {
  const { _id, ...rest } = doc
  await tx.collection(collection).doc(_id).set({ data: rest })
}

/** A new document that carries its own _id (`add`: refused if one with that id exists). */
export async function addInTx<T extends { _id: string }>(tx: Transaction, collection: string, doc: T): Promise<void> {
  await tx.collection(collection).add({ data: doc })
}
