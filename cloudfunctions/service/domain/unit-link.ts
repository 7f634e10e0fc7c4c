import type { UnitLink } from '../../../types/service'
import { previousQuarter, quarterOf, yearOf } from '../../shared/period'

/**
 * A member names their employer (SPEC §4, 在职党员报到). The link to a unit is what carries the member's
 * service onto that unit's 双反馈 letter, so it is picked from the units that have checked in, confirmed by
 * the unit's liaison, and disputes are settled by the secretary. Pure rules; the handlers read and write.
 */

export interface LinkState {
  unitId?: string
  unitConfirm?: { unitId: string }
  unitDisputed?: boolean
}

/** What the member, the liaison and the secretary see of the link. */
export function unitLinkOf(m: LinkState): UnitLink {
  if (!m.unitId) return 'unlisted'
  if (m.unitDisputed) return 'disputed'
  if (m.unitConfirm?.unitId === m.unitId) return 'confirmed'
  return 'claimed'
}

/** A unit counts as checked in for picking when approved this year or last (renewals lag at the new year). */
export const PICKABLE_YEARS = 2
export const pickableFromYear = (now: Date) => yearOf(now) - (PICKABLE_YEARS - 1)

export interface PickableUnit {
  streetId: string
  approvedYear?: number
}

/**
 * Why a unit cannot be named (or linked) by a member of a community of `streetId`, or null. A member may
 * keep the unit they are already linked to even if it has not renewed its check-in yet.
 */
export function unitPickProblem(
  unit: PickableUnit & { _id: string },
  streetId: string,
  now: Date,
  currentUnitId?: string,
): string | null {
  if (unit.streetId !== streetId) return '请选择本街道已报到的单位'
  if (unit._id === currentUnitId) return null
  if (unit.approvedYear === undefined || unit.approvedYear < pickableFromYear(now))
    return '该单位尚未报到，请选择“单位未报到”并填写单位名称'
  return null
}

/**
 * The ledger periods whose unit follows a new link (or an unlink): this year and its quarters so far, and
 * the quarter just ended (its letter may still be issued, see `letterQuarterProblem`). Bounded: at most 6.
 */
export function relabelPeriods(now: Date): string[] {
  const year = yearOf(now)
  const current = quarterOf(now)
  const q = Number(current.slice(-1))
  const periods = [String(year)]
  for (let i = 1; i <= q; i++) periods.push(`${year}Q${i}`)
  const prev = previousQuarter(current)
  if (!periods.includes(prev)) periods.push(prev)
  return periods
}

/** Escape a typed name for a "contains" regular expression (the search never runs a person's pattern). */
export const literalPattern = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
