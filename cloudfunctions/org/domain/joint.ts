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
