/** Pure rules of the 大党委 roster and the 联席会议 commitments (dates are Beijing calendar dates, YYYY-MM-DD). */

const OFFSET_MS = 8 * 3600_000

/** Today's Beijing date as YYYY-MM-DD. */
export const beijingDate = (now: Date) => new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10)

/** Serving: not ended early, and today within the term (both ends inclusive). */
export function isServing(m: { termStart: string; termEnd: string; endedAt?: Date }, now: Date): boolean {
  const today = beijingDate(now)
  return !m.endedAt && m.termStart <= today && today <= m.termEnd
}

/** Overdue: not done and the deadline day has passed in Beijing. */
export const isOverdue = (c: { status: string; deadline: string }, now: Date) => c.status !== 'done' && c.deadline < beijingDate(now)

/** One commitment per agenda item: its id is the item's, so two claims of one problem cannot both land. */
export const commitmentId = (meetingId: string, itemId: string) => `cm:${meetingId}:${itemId}`
