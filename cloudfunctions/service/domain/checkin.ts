import type { CheckinStatus } from '../../../types/service'

/**
 * Check-in is yearly (SPEC §4): someone approved for an earlier year but not for the current one is
 * overdue until the new year's check-in is approved.
 */
export function isOverdue(approvedYear: number | undefined, currentYear: number): boolean {
  return approvedYear !== undefined && approvedYear < currentYear
}

/** The status shown for the current year: an approval for an earlier year does not count now. */
export function currentStatus(
  c: { status: CheckinStatus; year?: number } | undefined,
  currentYear: number,
): CheckinStatus {
  if (!c || c.status === 'none') return 'none'
  if (c.status === 'approved' && c.year !== currentYear) return 'none'
  return c.status
}

/** A new application may be made when there is none for this year, or the last one was returned or ended. */
export function canSubmit(c: { status: CheckinStatus; year?: number } | undefined, currentYear: number): boolean {
  const s = currentStatus(c, currentYear)
  return s === 'none' || s === 'returned' || s === 'pending' || s === 'ended'
}

export const isDecidable = (c: { status: CheckinStatus } | undefined) => c?.status === 'pending'

/** History kept on the record when an application is replaced: bounded, newest last. */
export const HISTORY_LIMIT = 20
export function pushHistory<T>(history: T[] | undefined, entry: T): T[] {
  return [...(history ?? []), entry].slice(-HISTORY_LIMIT)
}
