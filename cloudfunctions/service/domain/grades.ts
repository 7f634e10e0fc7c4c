import type { Grade } from '../../../types/service'
import { monthOf, yearOf } from '../../shared/period'

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
  current: {
    grade: Grade
    reason: string
    by: string
    byName: string
    at: Date
    revisions?: AssessmentRevision[]
  } | null,
  next: AssessmentRevision,
): { current: AssessmentRevision; revisions: AssessmentRevision[] } {
  if (!current) return { current: next, revisions: [] }
  const prior: AssessmentRevision = {
    grade: current.grade,
    reason: current.reason,
    by: current.by,
    byName: current.byName,
    at: current.at,
  }
  return { current: next, revisions: [...(current.revisions ?? []), prior] }
}

/** The last month (Beijing calendar) in which last year's grades may still be given or revised. */
export const LAST_YEAR_GRADES_UNTIL_MONTH = 3

/**
 * Grades are given for the current year, and for last year until the end of March (the yearly review
 * happens after the year ends); after that a year is closed.
 */
export function gradeYearProblem(year: number, now: Date): string | null {
  const current = yearOf(now)
  if (year > current) return '不能评议尚未开始的年度'
  if (year === current) return null
  if (year === current - 1 && monthOf(now) <= LAST_YEAR_GRADES_UNTIL_MONTH) return null
  return year === current - 1 ? `${year} 年度的评议已于 ${current} 年 3 月底关闭` : '该年度的评议已关闭'
}

/** The years that may be graded now, newest first. */
export const gradeYears = (now: Date): number[] =>
  monthOf(now) <= LAST_YEAR_GRADES_UNTIL_MONTH ? [yearOf(now), yearOf(now) - 1] : [yearOf(now)]
