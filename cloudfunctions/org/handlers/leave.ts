import { myDataFilePath } from '../mydata/collect'
import { DEPARTED_NAME, type LeaveResultView } from '../../../types/org'
import { sdk, type Database } from '../../shared/cloud'
import { COL, type CollectionName } from '../../shared/collections'
import type { Transaction } from '../../shared/db-types'
import type { Ctx, Handler } from '../../shared/dispatch'
import { conflict, DomainError } from '../../shared/errors'
import { endGrantInTx, LAST_STREET_ADMIN, type GrantCtx } from '../../shared/grants'
import { newId } from '../../shared/ids'
import { personRecordTarget } from '../../shared/personal-data'
import { DEPARTED_PREFIX, mergeNested, nested, swapIdentity, sweepPlan, type SweepStep } from '../domain/leaving'
import type { BindingDoc, LiaisonApplicationDoc } from '../repo'
import { findBindingInTx, updateBindingInTx } from '../repo/bindings'
import {
  findLeavingPersonInTx,
  listCarriedFileIds,
  listPendingApplicationsOf,
  listPendingBindingsOf,
  listPhotosOwnedBy,
  namingsHeld,
  PHOTO_PAGE,
  putLeavingPersonInTx,
  removeLeavingPersonInTx,
  removeRequestMarksOf,
  updateAuditTarget,
  updateLeavingPersonInTx,
  updateLiaisonApplicationInTx,
  updatePhotos,
  updateRecordsNaming,
  updateSubscriptionsOf,
  type LeavingDoc,
} from '../repo/leave'
import { rekey, rewriteArrays, rewriteAudit } from '../repo/rekey'
import { findLiaisonApplicationInTx } from '../repo/liaisons'

/**
 * 注销 (issue 12 §4; docs/org.md "Leaving"). In order:
 * 1. one transaction: every grant ends through the one ending function (shared/grants.ts) as 本人注销 —
 *    which ends the household binding, the 报到 record and grid posts with it, and refuses to leave a
 *    street without an admin — pending requests are withdrawn, and the person record (name, phone) is
 *    erased to the departed token alone, so a repeat after a crash finishes under the same token.
 *    A binding decision or appointment at the same moment conflicts on the person record.
 * 2. uploads no record carries are removed from storage.
 * 3. every field naming the person is rewritten to the random departed token and 已注销用户
 *    (domain/leaving.ts, from the personal-data registry): counts, lists and results keep their numbers.
 * 4. records whose id embeds the person move to the token's id, and what names them follows; records
 *    naming them inside arrays, and their own audit entries, are rewritten whole.
 * 5. the erased person record goes; one audit entry says that somebody left, on which day — not who.
 * The same openid coming back finds no record under it, not even an id: a new person.
 */

export const LAST_ADMIN_CANNOT_LEAVE =
  '您是本街道唯一的街道管理员，暂不能注销。请先邀请一位新的街道管理员，待其就任后再注销。'

/** Step 1, inside `tx`. Returns the departed token and how many grants ended and requests were withdrawn. */
async function endEverythingInTx(
  ctx: Ctx<unknown>,
  tx: Transaction,
  openid: string,
  pending: { bindings: BindingDoc[]; applications: LiaisonApplicationDoc[] },
) {
  const { now } = ctx
  const person = await findLeavingPersonInTx(tx, openid)
  const token = person?.departedToken ?? `${DEPARTED_PREFIX}${newId('p')}`
  // The ends are audited like the leave itself: under 已注销用户, on the day, the person's record not named.
  const grantCtx: GrantCtx = {
    db: ctx.db,
    now,
    audit: (target, before, after, t) =>
      ctx.audit(
        target === personRecordTarget(openid) ? personRecordTarget(DEPARTED_NAME) : target,
        before,
        after,
        t,
        DEPARTED_NAME,
      ),
  }
  let grantsEnded = 0
  for (const g of person?.roles ?? []) {
    try {
      await endGrantInTx(grantCtx, tx, openid, {
        grantId: g.grantId,
        role: g.role,
        scopeId: g.scopeId,
        kind: 'departed',
        by: { openid: token, label: DEPARTED_NAME },
      })
    } catch (e) {
      if (e instanceof DomainError && e.message === LAST_STREET_ADMIN) throw conflict(LAST_ADMIN_CANNOT_LEAVE)
      throw e
    }
    grantsEnded++
  }
  let requestsWithdrawn = 0
  for (const b of pending.bindings) {
    const fresh = await findBindingInTx(tx, b._id)
    if (fresh?.status !== 'pending') continue
    await updateBindingInTx(tx, b._id, {
      status: 'ended',
      endedAt: now,
      endKind: 'departed',
      endedByName: DEPARTED_NAME,
      endReason: '申请人已注销',
    })
    requestsWithdrawn++
  }
  for (const a of pending.applications) {
    const fresh = await findLiaisonApplicationInTx(tx, a._id)
    if (fresh?.status !== 'pending') continue
    await updateLiaisonApplicationInTx(tx, a._id, { status: 'rejected', decidedAt: now, reason: '申请人已注销' })
    requestsWithdrawn++
  }
  // Grants ended above rewrote the record: read it again, then keep nothing of it but the token.
  const ended = await findLeavingPersonInTx(tx, openid)
  const erased: Omit<LeavingDoc, '_id'> = {
    name: '',
    roles: [],
    departedToken: token,
    createdAt: ended?.createdAt ?? now,
    updatedAt: now,
  }
  await putLeavingPersonInTx(tx, openid, erased)
  return { token, grantsEnded, requestsWithdrawn }
}

/** Step 2: the person's uploads that no record carries. The register entry stays (marked removed); the file goes. */
async function removeLoosePhotos(db: Database, openid: string, now: Date): Promise<number> {
  let removed = 0
  for (let skip = 0; ; skip += PHOTO_PAGE) {
    const data = await listPhotosOwnedBy(db, openid, skip)
    const mine = data.filter((p) => !p.removedAt)
    const carried = new Set(
      await listCarriedFileIds(
        db,
        mine.map((p) => p.fileId),
      ),
    )
    const loose = mine.filter((p) => !carried.has(p.fileId))
    if (loose.length) {
      await sdk().deleteFile({ fileList: loose.map((p) => p.fileId) })
      await updatePhotos(
        db,
        loose.map((p) => p._id),
        { removedAt: now },
      )
      removed += loose.length
    }
    if (data.length < PHOTO_PAGE) return removed
  }
}

/** Step 3: every record naming the person now names the departed token and 已注销用户. */
async function anonymise(db: Database, openid: string, token: string): Promise<number> {
  // Nobody is left to notify: their subscriptions stop before they are anonymised (the count is not a record).
  await updateSubscriptionsOf(db, openid, { on: false })
  let updated = 0
  // One read per collection with two or more top-level identity fields finds the few that name the person
  // (commonly none); only those are updated. The requests grow with the registry, never with anybody's records.
  const byCollection = new Map<CollectionName, SweepStep[]>()
  for (const step of sweepPlan(openid, token))
    byCollection.set(step.collection, [...(byCollection.get(step.collection) ?? []), step])
  const steps: SweepStep[] = []
  for (const [collection, all] of byCollection)
    steps.push(...(all.length === 1 ? all : await namingsHeld(db, collection, all)))
  for (const step of steps) {
    const data = mergeNested([
      nested(step.path, step.to),
      ...step.names.map((p) => nested(p, DEPARTED_NAME)),
      ...step.phones.map((p) => nested(p, db.command.remove())),
    ])
    updated += await updateRecordsNaming(db, step.collection, step.path, step.from, data)
  }
  // The audit of their person record is filed under users/<openid>: refiled under the token.
  const refiled = await updateAuditTarget(db, personRecordTarget(openid), personRecordTarget(token))
  // Idempotency marks are keyed `<fn>:<action>:<openid>:<requestId>` and keep what the action answered
  // (which may carry the name): they are not contributions, and they go. A retry after leaving is a new person's.
  const marks = await removeRequestMarksOf(db, openid)
  return updated + refiled + marks
}

/** Step 6: the leave is complete; the record that carried the token goes (kept if a new person already wrote to it). */
async function dropLeavingRecord(ctx: Ctx<unknown>, openid: string, token: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    const doc = await findLeavingPersonInTx(tx, openid)
    if (doc?.departedToken !== token) return
    if (doc.roles.length || doc.name)
      await updateLeavingPersonInTx(tx, openid, { departedToken: ctx.db.command.remove() })
    else await removeLeavingPersonInTx(tx, openid)
  })
}

/**
 * The person's own 我的数据 file, if they ever exported one: its path is theirs alone (shared/personal-data.ts
 * PERSONAL_FILES). Writing an empty file at that path hands back its id in any environment; then it goes.
 */
async function removeMyDataExport(openid: string): Promise<void> {
  for (const ext of ['json', 'xlsx'] as const) {
    const { fileID } = await sdk().uploadFile({ cloudPath: myDataFilePath(openid, ext), fileContent: Buffer.alloc(0) })
    await sdk().deleteFile({ fileList: [fileID] })
  }
}

export const accountLeave: Handler<'org.account.leave'> = {
  async run(ctx): Promise<LeaveResultView> {
    const { db, actor, now } = ctx
    const openid = actor.openid
    const pending = {
      bindings: await listPendingBindingsOf(db, openid),
      applications: await listPendingApplicationsOf(db, openid),
    }
    const { token, grantsEnded, requestsWithdrawn } = await ctx.transaction((tx) =>
      endEverythingInTx(ctx, tx, openid, pending),
    )
    const filesRemoved = await removeLoosePhotos(db, openid, now)
    await removeMyDataExport(openid)
    const swept = await anonymise(db, openid, token)
    const moved = (await rekey(ctx, openid, token)) + (await rewriteArrays(ctx, openid, token))
    // What they did themselves is audited under them (now the token): the entries' content follows.
    const audited = await rewriteAudit(db, { actor: token }, swapIdentity(openid, token))
    await dropLeavingRecord(ctx, openid, token)
    const recordsAnonymised = swept + moved + audited
    const result = { grantsEnded, requestsWithdrawn, recordsAnonymised, filesRemoved }
    await ctx.audit(`${COL.users}/${DEPARTED_NAME}`, null, result, undefined, DEPARTED_NAME)
    return result
  },
}
