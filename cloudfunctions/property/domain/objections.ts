import { createHash } from 'crypto'
import { DIMENSIONS, type Dimension, type RatingStatus, type RectStatus, type Stars } from '../../../types/property'
import { aggregateDelta } from './ratings'

/**
 * A company's n-th objection of a period (n from 1): deterministic, so two objections sent at once
 * get the same id and only one is stored; a short digest keeps the id bounded whatever the ids in it.
 */
export function objectionId(periodId: string, companyId: string, n: number): string {
  return `obj_${createHash('sha256').update(`${periodId}|${companyId}`).digest('hex').slice(0, 16)}_${n}`
}

/**
 * What excluding counted ratings takes out of their company's aggregate: their stars and households,
 * and the rectification items they opened (resolved ones from the resolved count too).
 */
export function exclusionDelta(ratings: { stars: Stars; status: RatingStatus }[], items: { status: RectStatus }[]) {
  const sums = Object.fromEntries(DIMENSIONS.map((d) => [d, 0])) as Record<Dimension, number>
  let households = 0
  for (const r of ratings) {
    const d = aggregateDelta(r, { stars: r.stars, status: 'excluded' })
    for (const k of DIMENSIONS) sums[k] += d.sums[k]
    households += d.households
  }
  return {
    sums,
    households,
    held: 0,
    rectTotal: -items.length,
    rectResolved: -items.filter((i) => i.status === 'resolved').length,
  }
}
