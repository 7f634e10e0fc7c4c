import type { Page, PageInput } from '../../../types/common'
import type { Database } from '../../shared/cloud'
import type { Transaction } from '../../shared/db-types'
import { fetchPage } from '../../shared/paging'
import { stripUndefined } from '../../shared/person'

/**
 * The generic reads and writes the service repo's named readers and writers are built on. Only the
 * repo calls these with a collection name; handlers call the named functions.
 */

export type Filter = Record<string, unknown>
export type Order = [string, 'asc' | 'desc']

/** Up to `limit` (≤ 100) documents: bounded lists inside a view (agreement lists, letter rows). */
export async function firstN<T>(
  db: Database,
  collection: string,
  filter: Filter,
  order: Order,
  limit: number,
): Promise<T[]> {
  const { data } = await db
    .collection(collection)
    .where(filter)
    .orderBy(order[0], order[1])
    .limit(Math.min(limit, 100))
    .get()
  return data as T[]
}

/** One page of the documents matching `filter` (count + get: two requests), mapped by `view`. */
export function pageOf<T, V>(
  db: Database,
  collection: string,
  filter: Filter,
  input: PageInput,
  order: Order[],
  view: (doc: T) => V,
): Promise<Page<V>> {
  return fetchPage<T, V>(db.collection(collection).where(filter), input, order, view)
}

export { txPut, txUpdate } from '../../shared/store'

/** Add a new document (its fresh _id inside) in a transaction. */
export async function txAdd<T extends { _id: string }>(tx: Transaction, collection: string, doc: T): Promise<void> {
  await tx.collection(collection).add({ data: stripUndefined(doc) })
}
