/**
 * Service minutes and sign-in windows (SPEC §4): minutes = sign-out − sign-in, clipped to the
 * activity window, in whole minutes; sign-in and sign-out are accepted within the window widened
 * by a grace period at each end.
 */
export interface Window {
  startAt: Date
  endAt: Date
  graceMin: number
}

const MIN = 60_000

/** Whole minutes of service between sign-in and sign-out, counting only the part inside [start, end]. */
export function serviceMinutes(signedInAt: Date, signedOutAt: Date, startAt: Date, endAt: Date): number {
  const from = Math.max(signedInAt.getTime(), startAt.getTime())
  const to = Math.min(signedOutAt.getTime(), endAt.getTime())
  if (to <= from) return 0
  return Math.floor((to - from) / MIN)
}

/** Why a sign-in or sign-out at `now` is outside the window (with grace), or null when it is inside. */
export function windowProblem(w: Window, now: Date): string | null {
  const t = now.getTime()
  if (t < w.startAt.getTime() - w.graceMin * MIN) return '活动尚未开始，暂不能签到'
  if (t > w.endAt.getTime() + w.graceMin * MIN) return '活动已结束，不能再签到签退'
  return null
}

/** Capacity: a new sign-up fits while fewer than `capacity` people have signed up. */
export const hasRoom = (signupCount: number, capacity: number) => signupCount < capacity

/** Manual entries need a second person: the approver may not be the one who entered it. */
export const canApproveManual = (enteredBy: string, approver: string) => enteredBy !== approver
