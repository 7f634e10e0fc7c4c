import type { Database, Filter } from './db-types'

/** Characters with a meaning in a regular expression, escaped so what is typed is matched as it is. */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A list's filter with a search box's words: `q` contained (case-insensitive) in any of `fields`.
 * The words are escaped (never a pattern) and bounded by the contract (SearchTextSchema, ≤ 20 characters),
 * and the search narrows the list's own query — the page is still one count and one get, whatever
 * the data. Without `q`, the filter as it is.
 */
export function withSearch(db: Database, filter: Filter, q: string | undefined, fields: readonly string[]): Filter {
  if (!q) return filter
  const re = db.RegExp({ regexp: escape(q), options: 'i' })
  const anyField = fields.length === 1 ? { [fields[0]]: re } : db.command.or(fields.map((f) => ({ [f]: re })))
  return db.command.and([filter, anyField]) as Filter
}
