import type { Page, PageInput } from '../../types/common'
import { MAX_PAGE_SIZE } from '../../types/common'
import type { Query } from './db-types'

/**
 * One page of a query: two database requests (count + get), whatever the size of the data.
 * pageSize is capped at 50 (the schema already refuses more; this is the second fence).
 */
export async function fetchPage<T, V>(
  query: Query,
  input: PageInput,
  order: [string, 'asc' | 'desc'][],
  view: (doc: T) => V,
): Promise<Page<V>> {
  const pageSize = Math.min(input.pageSize, MAX_PAGE_SIZE)
  const page = Math.max(1, input.page)
  const { total } = await query.count()
  let q = query
  for (const [field, dir] of order) q = q.orderBy(field, dir)
  const { data } = await q
    .skip((page - 1) * pageSize)
    .limit(pageSize)
    .get()
  return { items: (data as T[]).map(view), total, page, pageSize }
}
