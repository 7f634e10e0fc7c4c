/**
 * The items loaded so far with the next page: page 1 replaces them, a later page adds only items not
 * already there (a record added since page 1 shifts the pages by one; it must not show twice).
 */
export function appendPage<T extends { id: string }>(loaded: readonly T[], next: readonly T[], page: number): T[] {
  if (page === 1) return [...next]
  const have = new Set(loaded.map((x) => x.id))
  return [...loaded, ...next.filter((x) => !have.has(x.id))]
}
