import type { Grade } from '../../../types/service'

/** Grades in their official order (优秀 first). */
export const GRADE_ORDER: Grade[] = ['excellent', 'qualified', 'basic', 'unqualified']

export interface AssessmentRevision {
  grade: Grade
  reason: string
  by: string
  byName: string
  at: Date
}

/**
 * A grade for a subject and year may be revised; the earlier one is kept (superseded, not deleted).
 * Returns the new current grade and the revisions list.
 */
export function reviseAssessment(
  current: { grade: Grade; reason: string; by: string; byName: string; at: Date; revisions?: AssessmentRevision[] } | null,
  next: AssessmentRevision,
): { current: AssessmentRevision; revisions: AssessmentRevision[] } {
  if (!current) return { current: next, revisions: [] }
  const prior: AssessmentRevision = { grade: current.grade, reason: current.reason, by: current.by, byName: current.byName, at: current.at }
  return { current: next, revisions: [...(current.revisions ?? []), prior] }
}

/** Grades are given for the current or the previous year only (a year is closed after that). */
export function gradeYearProblem(year: number, currentYear: number): string | null {
  if (year > currentYear) return '不能评议尚未开始的年度'
  if (year < currentYear - 1) return '该年度的评议已关闭'
  return null
}
