import { DIMENSIONS, type Dimension, type RatingStatus, type Stars } from '../../../types/property'
import type { Rule } from './scoring'

/** One rating per household, company and period: the deterministic id makes a second one impossible. */
export const ratingId = (periodId: string, companyId: string, householdId: string) =>
  `rt:${periodId}:${companyId}:${householdId}`
export const aggregateId = (periodId: string, companyId: string) => `agg:${periodId}:${companyId}`

/** Dimensions rated 2 stars or less. */
export const lowDimensions = (s: Stars): Dimension[] => DIMENSIONS.filter((d) => s[d] <= 2)

/** A low rating with a comment opens a rectification item. */
export const opensRectification = (s: Stars, comment: string | undefined) =>
  lowDimensions(s).length > 0 && !!comment && comment.trim().length > 0

/** Was the household verified within the rule's "new household" window? */
export function isNewHousehold(verifiedAt: Date | undefined, now: Date, rule: Pick<Rule, 'holdDays'>): boolean {
  if (!verifiedAt || rule.holdDays <= 0) return false
  return now.getTime() - new Date(verifiedAt).getTime() < rule.holdDays * 86_400_000
}

/**
 * Integrity: a company's ratings from new households beyond the threshold per period are held for
 * review. `newSoFar` counts the company's earlier first ratings from new households this period.
 */
export function initialStatus(isNew: boolean, newSoFar: number, rule: Pick<Rule, 'holdThreshold'>): RatingStatus {
  return isNew && newSoFar >= rule.holdThreshold ? 'held' : 'counted'
}

/**
 * The change to a company's per-period aggregate when a rating is written: a new counted rating adds
 * its stars and one household; an edit of a counted rating subtracts the old stars and adds the new;
 * held and rejected ratings are not in the sums.
 */
export function aggregateDelta(
  before: { stars: Stars; status: RatingStatus } | null,
  after: { stars: Stars; status: RatingStatus },
) {
  const sums = {} as Record<Dimension, number>
  const wasCounted = before?.status === 'counted'
  const isCounted = after.status === 'counted'
  for (const d of DIMENSIONS) sums[d] = (isCounted ? after.stars[d] : 0) - (wasCounted && before ? before.stars[d] : 0)
  return {
    sums,
    households: (isCounted ? 1 : 0) - (wasCounted ? 1 : 0),
    held: (after.status === 'held' ? 1 : 0) - (before?.status === 'held' ? 1 : 0),
  }
}
