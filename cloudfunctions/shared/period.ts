/**
 * Calendar periods in Asia/Shanghai (UTC+8, no daylight saving): years for check-in and ledgers,
 * quarters for feedback letters, months for the dashboard chart. Pure; instants in, keys out.
 */
const OFFSET_MS = 8 * 3600_000

const local = (d: Date) => new Date(d.getTime() + OFFSET_MS)

export const yearOf = (d: Date): number => local(d).getUTCFullYear()

/** 1–12 */
export const monthOf = (d: Date): number => local(d).getUTCMonth() + 1

/** "2026-11-23": the calendar day, for dates printed in exports. */
export const dayOf = (d: Date): string => local(new Date(d)).toISOString().slice(0, 10)

export const quarterOf = (d: Date): string => `${yearOf(d)}Q${Math.floor((monthOf(d) - 1) / 3) + 1}`

/** The instants [start, end) of a quarter key such as 2026Q4, in Shanghai time. */
export function quarterRange(key: string): { start: Date; end: Date } {
  const m = /^(\d{4})Q([1-4])$/.exec(key)
  if (!m) throw new Error(`bad quarter ${key}`)
  const y = Number(m[1])
  const q = Number(m[2])
  const start = new Date(Date.UTC(y, (q - 1) * 3, 1) - OFFSET_MS)
  const end = new Date(Date.UTC(q === 4 ? y + 1 : y, q === 4 ? 0 : q * 3, 1) - OFFSET_MS)
  return { start, end }
}

/** "2026Q1" → "2025Q4". */
export function previousQuarter(key: string): string {
  const y = Number(key.slice(0, 4))
  const q = Number(key.slice(-1))
  return q === 1 ? `${y - 1}Q4` : `${y}Q${q - 1}`
}

/**
 * Letters (双反馈) are issued for the running quarter (an interim letter) or the quarter just ended, until
 * the next quarter ends: a quarter's letter is written while its service is fresh, and then it is closed.
 */
export function letterQuarterProblem(key: string, now: Date): string | null {
  const current = quarterOf(now)
  if (key === current || key === previousQuarter(current)) return null
  return quarterRange(key).start.getTime() > now.getTime()
    ? '该季度尚未开始'
    : `${key} 的反馈函已关闭：只能出具本季度或上一季度的反馈函`
}

/** The quarters a letter may be issued for now, newest first. */
export const letterQuarters = (now: Date): string[] => [quarterOf(now), previousQuarter(quarterOf(now))]

/** The instants [start, end) of a Shanghai calendar year. */
export function yearRange(year: number): { start: Date; end: Date } {
  return { start: new Date(Date.UTC(year, 0, 1) - OFFSET_MS), end: new Date(Date.UTC(year + 1, 0, 1) - OFFSET_MS) }
}

/** The instants [start, end) of the Shanghai calendar day that contains `d`. */
export function dayRange(d: Date): { start: Date; end: Date } {
  const l = local(d)
  const start = new Date(Date.UTC(l.getUTCFullYear(), l.getUTCMonth(), l.getUTCDate()) - OFFSET_MS)
  return { start, end: new Date(start.getTime() + 86_400_000) }
}
