import type { WishStatus } from '../../../types/service'

export interface WishState {
  status: 'open' | 'claimed' | 'delivered' | 'confirmed'
  dueAt: Date
}

/**
 * The status a person sees: an open wish past its date has gone back to the community (returned);
 * a claimed one stays with its claimer.
 */
export function effectiveWishStatus(w: WishState, now: Date): WishStatus {
  if (w.status === 'open' && w.dueAt.getTime() < now.getTime()) return 'returned'
  return w.status
}

/** One live claim: only an open wish, not yet past its date, can be claimed. */
export function claimProblem(w: WishState, now: Date): string | null {
  const s = effectiveWishStatus(w, now)
  if (s === 'returned') return '心愿已过期，已退回社区'
  if (s !== 'open') return '心愿已被认领'
  return null
}

/** Mean rating ×10, rounded half up; undefined without ratings. 4 and 5 → 45. */
export function ratingAvgTenths(sum: number, count: number): number | undefined {
  if (count <= 0) return undefined
  return Math.floor((sum * 10 * 2 + count) / (2 * count))
}
