import type { Transaction } from '../shared/db-types'
import { pushHistory } from './domain/checkin'
import { findMemberInTx, ids, putMemberInTx, type MemberDoc } from './repo'

/**
 * The `member` grant of a community ends (shared/grants.ts): the person's 报到 record there is marked
 * `ended` with the reason, and its approval moves into the record's history, so every count of members
 * checked in this year (dashboard, activity sign-up, overdue) leaves them out at once. Ledgers, hours and
 * letters are records of service done and stay as they are. The member may check in again.
 */
export async function endMembershipInTx(
  tx: Transaction,
  openid: string,
  communityId: string,
  now: Date,
  end: { reason?: string; by: { openid: string; label: string } },
): Promise<MemberDoc | null> {
  const m = await findMemberInTx(tx, ids.member(openid))
  if (!m || m.communityId !== communityId || m.status === 'ended') return null
  const after: MemberDoc = {
    ...m,
    _id: ids.member(openid),
    status: 'ended',
    approvedYear: undefined,
    reason: end.reason,
    endedAt: now,
    endedBy: end.by.openid,
    endedByName: end.by.label,
    history: pushHistory(m.history, {
      year: m.year,
      status: m.status,
      reason: m.reason,
      at: m.decidedAt ?? m.submittedAt,
    }),
  }
  await putMemberInTx(tx, after)
  return after
}
