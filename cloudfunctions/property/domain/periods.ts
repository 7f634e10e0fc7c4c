import type { Cadence, PeriodStatus } from '../../../types/property'

/** Periods are calendar months or quarters in Asia/Shanghai (UTC+8, no daylight saving). */
const SHANGHAI_OFFSET_MIN = 8 * 60

/** The Shanghai wall-clock date, read with the UTC getters (independent of the process time zone). */
const local = (d: Date) => new Date(d.getTime() + SHANGHAI_OFFSET_MIN * 60_000)

/** The instant a Shanghai calendar month begins (month may run past 11: the next year's). */
const monthStart = (year: number, month: number) => new Date(Date.UTC(year, month, 1) - SHANGHAI_OFFSET_MIN * 60_000)

/**
 * The month or quarter containing `at` in Asia/Shanghai: its key (e.g. "2026-11", "2026-Q4") and its
 * bounds as instants, start inclusive and end exclusive. Periods are compared by these, never by keys
 * ("2026-Q4" and "2026-11" overlap, and "2027-Q1" sorts after "2027-04").
 */
export function periodOf(at: Date, cadence: Cadence): { key: string; start: Date; end: Date } {
  const l = local(at)
  const y = l.getUTCFullYear()
  const m = l.getUTCMonth()
  if (cadence === 'quarterly') {
    const first = Math.floor(m / 3) * 3
    return { key: `${y}-Q${first / 3 + 1}`, start: monthStart(y, first), end: monthStart(y, first + 3) }
  }
  return { key: `${y}-${String(m + 1).padStart(2, '0')}`, start: monthStart(y, m), end: monthStart(y, m + 1) }
}

/** e.g. monthly → "2026-11", quarterly → "2026-Q4". */
export const periodKey = (at: Date, cadence: Cadence): string => periodOf(at, cadence).key

/** Do two periods share an instant? (start inclusive, end exclusive) */
export const overlaps = (a: { start: Date; end: Date }, b: { start: Date; end: Date }) =>
  new Date(a.start).getTime() < new Date(b.end).getTime() && new Date(b.start).getTime() < new Date(a.end).getTime()

export function periodLabel(key: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(key)
  if (q) return `${q[1]}年第${'一二三四'[Number(q[2]) - 1]}季度`
  const m = /^(\d{4})-(\d{2})$/.exec(key)
  return m ? `${m[1]}年${Number(m[2])}月` : key
}

export const periodId = (streetId: string, key: string) => `per:${streetId}:${key}`

export const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000)

/** What may happen in a period, by its status and the clock. */
export const canRate = (status: PeriodStatus) => status === 'open'
export const canAssess = (status: PeriodStatus) => status === 'open' || status === 'closed'
export function canObject(p: { status: PeriodStatus; objectionUntil?: Date }, now: Date): boolean {
  return p.status === 'closed' && !!p.objectionUntil && now.getTime() < new Date(p.objectionUntil).getTime()
}
/** What still stands between a period and its (re)publication, counted by the caller with one count query each. */
export interface PublishBlockers {
  pendingObjections: number
  /** Ratings of the period held for review (new households beyond the threshold): undecided, they are neither in nor out. */
  heldRatings: number
}

/**
 * Publishing waits for the objection window to end, every objection to be decided and every held
 * rating to be reviewed — a held rating is "counted only after review", so a list published before
 * the review would silently leave it out. A published period may be published again (a new version)
 * until the next period is opened (`nextPeriodId`, set when it is).
 */
export function publishProblem(
  p: { status: PeriodStatus; objectionUntil?: Date; nextPeriodId?: string },
  b: PublishBlockers,
  now: Date,
): string | null {
  if (p.status === 'open') return '本期评价尚未结束，请先结束评价'
  if (p.status === 'published' && p.nextPeriodId) return '已开启更新的评价周期，不能再重新发布本期榜单'
  if (p.status === 'closed' && p.objectionUntil && now.getTime() < new Date(p.objectionUntil).getTime())
    return '异议期尚未结束'
  if (b.pendingObjections > 0) return `还有 ${b.pendingObjections} 条异议未处理`
  if (b.heldRatings > 0) return `还有 ${b.heldRatings} 条评价待复核，请先在「复核」中计入或不计入后再发布`
  return null
}
