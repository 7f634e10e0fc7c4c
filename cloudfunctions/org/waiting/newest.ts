import type { HomeGroupView, HomeItemView, HomeKind } from '../../../types/org'
import type { Query } from '../../shared/db-types'
import { fetchPage } from '../../shared/paging'

/** Items shown per kind on home; the count covers all of them. */
export const HOME_ITEMS = 3

export const iso = (d: Date | string) => new Date(d).toISOString()

/**
 * What is waiting of one kind: how many (a count query) and the newest few (one page): two
 * database requests whatever the data.
 */
export async function newest<T>(
  kind: HomeKind,
  route: string,
  query: Query,
  order: [string, 'asc' | 'desc'][],
  item: (doc: T) => HomeItemView,
): Promise<HomeGroupView> {
  const page = await fetchPage<T, HomeItemView>(query, { page: 1, pageSize: HOME_ITEMS }, order, item)
  return { kind, route, count: page.total, items: page.items }
}

/** A kind with nothing to ask (no scope for it): no request. */
export const none = (kind: HomeKind, route: string): HomeGroupView => ({ kind, route, count: 0, items: [] })
