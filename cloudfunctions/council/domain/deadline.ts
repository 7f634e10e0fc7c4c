/**
 * A resolution's deadline is a calendar day in Beijing (UTC+8, no daylight saving): it is met until the
 * last millisecond of that day and overdue from the next. Pure, no I/O.
 */
const OFFSET_MS = 8 * 3600_000
const DAY_MS = 86_400_000

/** "2026-12-31" → the last instant of that Beijing day; null when it is not a real date. */
export function endOfBeijingDay(date: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const start = Date.UTC(y, mo - 1, d)
  const check = new Date(start)
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null
  return new Date(start + DAY_MS - 1 - OFFSET_MS)
}

/** The Beijing calendar day of an instant, "YYYY-MM-DD". */
export const beijingDate = (t: Date): string => new Date(t.getTime() + OFFSET_MS).toISOString().slice(0, 10)
