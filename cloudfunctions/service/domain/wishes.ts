import type { WishStatus } from '../../../types/service'

export interface WishState {
  status: 'open' | 'claimed' | 'delivered' | 'confirmed'
  dueAt: Date
}

/**
 * The status a person sees: an open wish past its date has gone back to the community (returned);
 * a claimed one stays with its claimer until it is delivered, released, or its claim lapses (timer).
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

/**
 * A claim holds the wish for at most this many days, and never past the wish's own date: a member who
 * cannot deliver in time does not keep others from it. After that the timer returns it to 待认领.
 */
export const CLAIM_HOLD_DAYS = 7
export const claimDueAt = (claimedAt: Date, dueAt: Date): Date =>
  new Date(Math.min(dueAt.getTime(), claimedAt.getTime() + CLAIM_HOLD_DAYS * 86400_000))

/** The claim has run out: not delivered by its deadline. */
export const claimLapsed = (w: { status: string; claimDueAt?: Date }, now: Date) =>
  w.status === 'claimed' && !!w.claimDueAt && w.claimDueAt.getTime() <= now.getTime()

/** Earlier claims kept on the wish (released or lapsed), newest last, bounded. */
export const CLAIM_HISTORY_LIMIT = 20

/** Mean rating ×10, rounded half up; undefined without ratings. 4 and 5 → 45. */
export function ratingAvgTenths(sum: number, count: number): number | undefined {
  if (count <= 0) return undefined
  return Math.floor((sum * 10 * 2 + count) / (2 * count))
}

/**
 * Mainland mobile numbers in a message, whole or written with spaces or dashes, shown as 138****0008:
 * the two sides talk through the app and no whole number is shown to anyone (SPEC §3).
 */
export function maskPhones(text: string): string {
  return text.replace(/(?<!\d)1[3-9](?:[\s-]?\d){9}(?!\d)/g, (m) => {
    const d = m.replace(/\D/g, '')
    return `${d.slice(0, 3)}****${d.slice(7)}`
  })
}
