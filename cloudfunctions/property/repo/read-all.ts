import type { Database } from '../../shared/cloud'
import type { Filter } from '../../shared/db-types'

/** The most a single server get() returns; larger sets are read in pages of this size. */
export const PAGE = 100

/**
 * Every document matching `filter`, in pages of 100: requests grow with the matches / 100, never with the rest.
 * `fields` reads only those fields (what a long read does not need, it does not carry).
 */
export async function readAll<T>(
  db: Database,
  collection: string,
  filter: Filter,
  order: string,
  cap = 10_000,
  page = PAGE,
  fields?: Record<string, true>,
): Promise<T[]> {
  const out: T[] = []
  for (let skip = 0; skip < cap; skip += page) {
    const query = db.collection(collection).where(filter).orderBy(order, 'asc')
    const { data } = await (fields ? query.field(fields) : query).skip(skip).limit(page).get()
    out.push(...(data as T[]))
    if (data.length < page) break
  }
  return out
}
