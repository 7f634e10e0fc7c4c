import type { AffiliationKind, CommitmentView } from '../../types/joint'
import { COL } from './collections'
import type { Database } from './db-types'

/**
 * Read model of the 联席会议 commitments (issue 15 §2) for the contexts that show them besides `org`:
 * the company page (property) and the unit's 双反馈 letter (service). The stored shape and its view live
 * here so those contexts read `joint_commitments` without importing org's handlers; org writes them.
 */

export interface CommitmentDoc {
  _id: string
  meetingId: string
  meetingTitle: string
  scopeId: string
  itemId: string
  problem: string
  memberId: string
  memberName: string
  affiliation: { kind: AffiliationKind; id?: string; name: string }
  /** The unit's or company's id ('' for another body): the index that lists a unit's or company's commitments. */
  affiliationId: string
  commitment: string
  deadline: string
  status: 'open' | 'done'
  progress: { text: string; done: boolean; by: string; byName: string; at: Date }[]
  doneAt?: Date
  claimedAt: Date
  claimedBy: string
}

const OFFSET_MS = 8 * 3600_000

/** Today's Beijing date as YYYY-MM-DD. */
export const beijingDate = (now: Date) => new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10)

/** Overdue: not done and the deadline day has passed in Beijing. */
export const isOverdue = (c: { status: string; deadline: string }, now: Date) =>
  c.status !== 'done' && c.deadline < beijingDate(now)

const iso = (d: Date | undefined) => (d ? new Date(d).toISOString() : undefined)

export const commitmentView = (c: CommitmentDoc, now: Date): CommitmentView => ({
  id: c._id,
  meetingId: c.meetingId,
  meetingTitle: c.meetingTitle,
  itemId: c.itemId,
  problem: c.problem,
  memberName: c.memberName,
  affiliation: c.affiliation,
  commitment: c.commitment,
  deadline: c.deadline,
  status: c.status,
  overdue: isOverdue(c, now),
  progress: c.progress.map((p) => ({ text: p.text, done: p.done, byName: p.byName, at: iso(p.at)! })),
  doneAt: iso(c.doneAt),
  claimedAt: iso(c.claimedAt)!,
})

/** A unit's or company's latest `limit` commitments, newest first: one read. */
export async function latestCommitments(
  db: Database,
  kind: 'unit' | 'company',
  affiliationId: string,
  limit: number,
): Promise<CommitmentDoc[]> {
  const { data } = await db
    .collection(COL.jointCommitments)
    .where({ affiliationId })
    .orderBy('claimedAt', 'desc')
    .limit(limit)
    .get()
  return (data as CommitmentDoc[]).filter((c) => c.affiliation.kind === kind)
}

/**
 * The commitments that belong on a unit's letter for the period [start, end): taken on before it ended and
 * not finished before it began — open ones, and those done within it. Shown as they stood at issue.
 */
export function commitmentsInPeriod(all: CommitmentDoc[], start: Date, end: Date): CommitmentDoc[] {
  return all
    .filter(
      (c) =>
        new Date(c.claimedAt) < end && (c.status === 'open' || (c.doneAt !== undefined && new Date(c.doneAt) >= start)),
    )
    .sort((a, b) => new Date(a.claimedAt).getTime() - new Date(b.claimedAt).getTime())
}
