/** Pure rules of the 大党委 roster and the 联席会议 commitments (dates are Beijing calendar dates, YYYY-MM-DD). */

import { beijingDate } from '../../shared/commitments'

/** Today's Beijing date and the overdue rule live with the commitments' read model (other contexts show them too). */
export { beijingDate, isOverdue } from '../../shared/commitments'

/** Serving: not ended early, and today within the term (both ends inclusive). */
export function isServing(m: { termStart: string; termEnd: string; endedAt?: Date }, now: Date): boolean {
  const today = beijingDate(now)
  return !m.endedAt && m.termStart <= today && today <= m.termEnd
}

/** One commitment per agenda item: its id is the item's, so two claims of one problem cannot both land. */
export const commitmentId = (meetingId: string, itemId: string) => `cm:${meetingId}:${itemId}`

/** At most this many people are told of one meeting (the sends run inside the action, under its 20 s timeout). */
export const MEETING_NOTICES = 60

/**
 * Who is told of a meeting: for each invited member, in order, the people who speak for their unit or
 * company (`reach`, by body id), each person once, up to `cap`. A member counts as notified when at
 * least one of their people is among those told; the others are told by the convener.
 */
export function meetingNoticePlan(
  invited: { memberId: string; bodyId?: string }[],
  reach: Map<string, string[]>,
  cap = MEETING_NOTICES,
): { to: string[]; notified: Set<string> } {
  const to: string[] = []
  const notified = new Set<string>()
  for (const m of invited) {
    const people = m.bodyId ? (reach.get(m.bodyId) ?? []) : []
    for (const p of people) if (!to.includes(p) && to.length < cap) to.push(p)
    if (people.some((p) => to.includes(p))) notified.add(m.memberId)
  }
  return { to, notified }
}
