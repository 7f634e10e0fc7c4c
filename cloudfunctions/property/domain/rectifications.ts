import type { RectStatus } from '../../../types/property'

/** One item per rating, named after the rating's public id (never the household). */
export const rectificationId = (ratingPublicId: string) => `rect:${ratingPublicId}`

/** The company may answer/report on an item until the resident confirms it fixed. */
export function reportProblem(status: RectStatus): string | null {
  return status === 'resolved' ? '该事项居民已确认整改，无需再报' : null
}

export function nextOnReport(status: RectStatus, done: boolean): RectStatus {
  if (status === 'resolved') return status
  return done ? 'reported' : 'in_progress'
}

/** The resident confirms only after the company reported it fixed. */
export function confirmProblem(status: RectStatus): string | null {
  if (status === 'resolved') return '该事项已确认整改'
  if (status !== 'reported') return '物业尚未报告整改完成'
  return null
}

export const nextOnConfirm = (fixed: boolean): RectStatus => (fixed ? 'resolved' : 'in_progress')

/** Unanswered past the reply window: counts against the company. */
export function isOverdueUnanswered(r: { status: RectStatus; answerDueAt: Date }, at: Date): boolean {
  return r.status === 'open' && new Date(r.answerDueAt).getTime() < at.getTime()
}

/**
 * Held against the company at a cutoff: unanswered past the reply window, or not resolved past its due date.
 */
export function isHeldAgainst(r: { status: RectStatus; answerDueAt: Date; dueAt: Date }, at: Date): boolean {
  if (r.status === 'resolved') return false
  return isOverdueUnanswered(r, at) || new Date(r.dueAt).getTime() < at.getTime()
}
