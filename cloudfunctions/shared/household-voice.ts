import type { Database } from './cloud'
import { COL } from './collections'

/**
 * One household, one voice (SPEC §3): the member who acts first casts the household's ballot or rating,
 * and only they may change it. When that member leaves the household (org binding.leave / unbind), the
 * ballot or rating stays the household's (it is counted as cast), and the household's voice passes to the
 * members who remain: the first of them to act takes it over (docs/decisions.md). Records hold no
 * person, only an owner token (or, for a property rating, a private rater id), so "has the owner left?"
 * is asked of the household's current members: does any of them own it?
 */

/** A household's record is owned by someone else; `owner` is its token (or private rater id). */
export class HeldByAnother extends Error {
  constructor(readonly owner: string) {
    super('held by another member of the household')
  }
}

/** The household's members who may act for it now (who hold `resident` on it; a household has a few). */
const MEMBERS_LIMIT = 50

/**
 * True when none of the household's current members (the people holding `resident` on it, the same
 * grant every ballot and rating is checked against) owns the record (`owns(openid)`), so the one asking
 * may take it over. One query.
 */
export async function ownerHasLeft(
  db: Database,
  householdId: string,
  owns: (openid: string) => boolean,
): Promise<boolean> {
  const { data } = await db
    .collection(COL.users)
    .where({ roles: db.command.elemMatch({ role: 'resident', scopeId: householdId }) })
    .field({ _id: true })
    .limit(MEMBERS_LIMIT)
    .get()
  return !(data as { _id: string }[]).some((u) => owns(u._id))
}
