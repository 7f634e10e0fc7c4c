import { subscriptionId } from '../../council/public'
import { myDataFilePath } from '../mydata/collect'
import { DEPARTED_NAME, type LeaveResultView } from '../../../types/org'
import type { UserDoc } from '../../shared/actor'
import { sdk, type Database } from '../../shared/cloud'
import { COL, type CollectionName } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import type { Ctx, Handler } from '../../shared/dispatch'
import { conflict, DomainError } from '../../shared/errors'
import { endGrantInTx, LAST_STREET_ADMIN, type GrantCtx } from '../../shared/grants'
import { newId } from '../../shared/ids'
import { personRecordTarget } from '../../shared/personal-data'
import type { PhotoDoc } from '../../shared/photos'
import { arrayPlan, DEPARTED_PREFIX, ID_REFS, mergeNested, nested, rekeyPlan, swapIdentity, sweepPlan } from '../domain/leaving'
import type { BindingDoc, LiaisonApplicationDoc } from '../repo'

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

export const LAST_ADMIN_CANNOT_LEAVE = '您是本街道唯一的街道管理员，暂不能注销。请先邀请一位新的街道管理员，待其就任后再注销。'
/** Pending requests of one person: a handful at most (one binding, one liaison registration, perhaps a retry). */
const PENDING_LIMIT = 20
/** Photos read per page when looking for the person's uploads. */
const PHOTO_PAGE = 100
/** Where a record carries photos (`photos: fileId[]`): a photo on any of them is part of that record and stays. */
const PHOTO_CARRIERS = [COL.councilTopics, COL.gridEvents, COL.gridProgress, COL.propertyRatings] as const

async function pendingOf<T>(db: Database, collection: string, openid: string): Promise<T[]> {
  const { data } = await db.collection(collection).where({ openid, status: 'pending' }).limit(PENDING_LIMIT).get()
  return data as T[]
}

/**
 * The person record while a leave is under way: no name, phone or grant, only the departed token, so a
 * repeat after a crash finishes under the same token (step 6 removes it). A repeat takes the token it finds.
 */
type LeavingDoc = UserDoc & { departedToken?: string }

/** Step 1, inside `tx`. Returns the departed token and how many grants ended and requests were withdrawn. */
async function endEverythingInTx(ctx: Ctx<unknown>, tx: Transaction, openid: string, pending: { bindings: BindingDoc[]; applications: LiaisonApplicationDoc[] }) {
  const { now } = ctx
  const person = await txGetOrNull<LeavingDoc>(tx, COL.users, openid)
  const token = person?.departedToken ?? `${DEPARTED_PREFIX}${newId('p')}`
  // The ends are audited like the leave itself: under 已注销用户, on the day, the person's record not named.
  const grantCtx: GrantCtx = {
    db: ctx.db, now,
    audit: (target, before, after, t) => ctx.audit(target === personRecordTarget(openid) ? personRecordTarget(DEPARTED_NAME) : target, before, after, t, DEPARTED_NAME),
  }
  let grantsEnded = 0
  for (const g of person?.roles ?? []) {
    try {
      await endGrantInTx(grantCtx, tx, openid, { grantId: g.grantId, role: g.role, scopeId: g.scopeId, kind: 'departed', by: { openid: token, label: DEPARTED_NAME } })
    } catch (e) {
      if (e instanceof DomainError && e.message === LAST_STREET_ADMIN) throw conflict(LAST_ADMIN_CANNOT_LEAVE)
      throw e
    }
    grantsEnded++
  }
  let requestsWithdrawn = 0
  for (const b of pending.bindings) {
    const fresh = await txGetOrNull<BindingDoc>(tx, COL.bindings, b._id)
    if (fresh?.status !== 'pending') continue
    await tx.collection(COL.bindings).doc(b._id).update({ data: { status: 'ended', endedAt: now, endKind: 'departed', endedByName: DEPARTED_NAME, endReason: '申请人已注销' } })
    requestsWithdrawn++
  }
  for (const a of pending.applications) {
    const fresh = await txGetOrNull<LiaisonApplicationDoc>(tx, COL.liaisonApplications, a._id)
    if (fresh?.status !== 'pending') continue
    await tx.collection(COL.liaisonApplications).doc(a._id).update({ data: { status: 'rejected', decidedAt: now, reason: '申请人已注销' } })
    requestsWithdrawn++
  }
  // Grants ended above rewrote the record: read it again, then keep nothing of it but the token.
  const ended = await txGetOrNull<LeavingDoc>(tx, COL.users, openid)
  const erased: Omit<LeavingDoc, '_id'> = { name: '', roles: [], departedToken: token, createdAt: ended?.createdAt ?? now, updatedAt: now }
  await tx.collection(COL.users).doc(openid).set({ data: erased })
  return { token, grantsEnded, requestsWithdrawn }
}

/** Step 2: the person's uploads that no record carries. The register entry stays (marked removed); the file goes. */
async function removeLoosePhotos(db: Database, openid: string, now: Date): Promise<number> {
  let removed = 0
  for (let skip = 0; ; skip += PHOTO_PAGE) {
    const { data } = await db.collection(COL.photos).where({ owner: openid }).orderBy('_id', 'asc').skip(skip).limit(PHOTO_PAGE).get()
    const mine = (data as (PhotoDoc & { removedAt?: Date })[]).filter((p) => !p.removedAt)
    const ids = mine.map((p) => p.fileId)
    const carried = new Set<string>()
    for (const collection of ids.length ? PHOTO_CARRIERS : []) {
      const { data: records } = await db.collection(collection).where({ photos: db.command.in(ids) }).field({ photos: true }).limit(PHOTO_PAGE).get()
      for (const r of records as { photos?: string[] }[]) for (const f of r.photos ?? []) carried.add(f)
    }
    const loose = mine.filter((p) => !carried.has(p.fileId))
    if (loose.length) {
      await sdk().deleteFile({ fileList: loose.map((p) => p.fileId) })
      await db.collection(COL.photos).where({ _id: db.command.in(loose.map((p) => p._id)) }).update({ data: { removedAt: now } })
      removed += loose.length
    }
    if (data.length < PHOTO_PAGE) return removed
  }
}

/** Step 3: every record naming the person now names the departed token and 已注销用户. */
async function anonymise(db: Database, openid: string, token: string): Promise<number> {
  // Nobody is left to notify: their subscriptions stop before they are anonymised (the count is not a record).
  await db.collection(COL.councilSubscriptions).where({ openid }).update({ data: { on: false } })
  let updated = 0
  for (const step of sweepPlan(openid, token)) {
    const data = mergeNested([
      nested(step.path, step.to),
      ...step.names.map((p) => nested(p, DEPARTED_NAME)),
      ...step.phones.map((p) => nested(p, db.command.remove())),
    ])
    const { stats } = await db.collection(step.collection).where({ [step.path]: step.from }).update({ data })
    updated += stats.updated
  }
  // The audit of their person record is filed under users/<openid>: refiled under the token.
  const { stats } = await db.collection(COL.audit).where({ target: personRecordTarget(openid) }).update({ data: { target: personRecordTarget(token) } })
  // Idempotency marks are keyed `<fn>:<action>:<openid>:<requestId>` and keep what the action answered
  // (which may carry the name): they are not contributions, and they go. A retry after leaving is a new person's.
  const marks = await db.collection(COL.requests).where({ _id: db.RegExp({ regexp: `^[^:]+:[^:]+:${escapeRegExp(openid)}:` }) }).remove()
  return updated + stats.updated + marks.stats.removed
}

/** Records moved per page in step 4 (each in its own transaction). */
const MOVE_PAGE = 50

/**
 * Step 4: a record whose id embeds the person (`second:<topic>:<openid>`, `m:<personKey>`, …) moves to
 * the id built from the token, and what names that id follows (`move`). Found by a field the sweep
 * already pointed at the token and an id still holding the old key; each found record leaves the query.
 */
async function rekey(ctx: Ctx<unknown>, openid: string, token: string): Promise<number> {
  const swap = swapIdentity(openid, token)
  let moved = 0
  for (const step of rekeyPlan(openid, token)) {
    for (;;) {
      const { data } = await ctx.db.collection(step.collection)
        .where({ [step.path]: step.value, _id: ctx.db.RegExp({ regexp: escapeRegExp(step.fragment) }) }).field({ _id: true }).limit(MOVE_PAGE).get()
      for (const { _id } of data as { _id: string }[]) moved += await move(ctx, step.collection, _id, swap)
      if (data.length < MOVE_PAGE) break
    }
  }
  return moved
}

/**
 * One record to its swapped id: copied with every trace swapped and the old one removed, in one
 * transaction; then the audit entries filed under the old id, and the records naming it (ID_REFS).
 * A few requests per record: the count grows with the person's own records, never with anyone else's.
 */
async function move(ctx: Ctx<unknown>, collection: CollectionName, from: string, swap: Swap): Promise<number> {
  const to = swap(from)
  const body = await ctx.transaction(async (tx) => {
    const doc = await txGetOrNull<Record<string, unknown>>(tx, collection, from)
    if (!doc) return null
    const { _id, ...rest } = doc
    await tx.collection(collection).doc(to).set({ data: swap(rest) })
    await tx.collection(collection).doc(_id as string).remove()
    return rest
  })
  await rewriteAudit(ctx.db, { target: `${collection}/${from}` }, swap, true)
  if (collection === COL.councilSubscriptions && body) await moveNoticeCursor(ctx, from, body.communityId as string)
  let moved = 1
  for (const ref of ID_REFS[collection] ?? []) {
    for (;;) {
      const { data } = await ctx.db.collection(ref.collection).where({ [ref.path]: from }).field({ _id: true }).limit(MOVE_PAGE).get()
      for (const { _id } of data as { _id: string }[]) {
        if (ref.moves) {
          moved += await move(ctx, ref.collection, _id, swap)
        } else {
          await ctx.db.collection(ref.collection).doc(_id).update({ data: nested(ref.path, to) })
          await rewriteAudit(ctx.db, { target: `${ref.collection}/${_id}` }, swap, true)
          moved++
        }
      }
      if (data.length < MOVE_PAGE) break
    }
  }
  return moved
}

type Swap = ReturnType<typeof swapIdentity>

/**
 * A notice still being sent to a community pages its subscribers by id, and its cursor (`after`) may be
 * the id of the person's subscription that just moved. It steps back to the community's subscription
 * before it (or the community's first possible id): the same subscribers are still ahead of it, and the
 * moved one is switched off. In a transaction, as the timer moves the cursor in one.
 */
async function moveNoticeCursor(ctx: Ctx<unknown>, from: string, communityId: string): Promise<void> {
  const { db } = ctx
  const { data: jobs } = await db.collection(COL.councilNoticeJobs).where({ communityId, status: 'pending', after: from }).field({ _id: true }).limit(MOVE_PAGE).get()
  if (!jobs.length) return
  const { data: before } = await db.collection(COL.councilSubscriptions).where({ communityId, _id: db.command.lt(from) }).orderBy('_id', 'desc').field({ _id: true }).limit(1).get()
  const cursor = (before[0] as { _id: string } | undefined)?._id ?? subscriptionId(communityId, '')
  for (const { _id } of jobs as { _id: string }[]) {
    await ctx.transaction(async (tx) => {
      const job = await txGetOrNull<{ after: string }>(tx, COL.councilNoticeJobs, _id)
      if (job?.after === from) await tx.collection(COL.councilNoticeJobs).doc(_id).update({ data: { after: cursor } })
    })
  }
}

/**
 * Step 4b: records where the person is an element of an array (an invitation list, a check-in's
 * history, a letter's rows) are rewritten whole in a transaction each, the names beside their elements
 * becoming 已注销用户. Found by an element match; a rewritten record leaves the query.
 */
async function rewriteArrays(ctx: Ctx<unknown>, openid: string, token: string): Promise<number> {
  const swap = swapIdentity(openid, token)
  let rewritten = 0
  for (const step of arrayPlan(openid, token)) {
    for (;;) {
      const { data } = await ctx.db.collection(step.collection).where({ [step.query]: step.from }).field({ _id: true }).limit(MOVE_PAGE).get()
      for (const { _id } of data as { _id: string }[]) {
        await ctx.transaction(async (tx) => {
          const doc = await txGetOrNull<Record<string, unknown>>(tx, step.collection, _id)
          if (!doc) return
          const { _id: _same, ...body } = doc
          const list = step.array.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], body)
          for (const el of Array.isArray(list) ? list : []) {
            const mine = step.key ? (el as Record<string, unknown>)?.[step.key] === step.from : el === step.from
            if (mine && step.key) for (const n of step.names) if ((el as Record<string, unknown>)[n] !== undefined) (el as Record<string, unknown>)[n] = DEPARTED_NAME
          }
          await tx.collection(step.collection).doc(_id).set({ data: swap(body) })
        })
        rewritten += 1 + await rewriteAudit(ctx.db, { target: `${step.collection}/${_id}` }, swap, true)
      }
      if (data.length < MOVE_PAGE) break
    }
  }
  return rewritten
}

/** Audit entries read per page when their before/after are rewritten. */
const AUDIT_PAGE = 100

/**
 * The audit entries matching `filter` with every trace of the person swapped in their target, before
 * and after (free-form: a second's `secondedBy`, a redeemed code's `by`). Pages by id; writes only the
 * entries that change. With `marks`, an entry of a create (it keeps the requestId) also leads to the
 * creator's idempotency mark, whose stored answer (the record's view) is swapped the same way.
 */
async function rewriteAudit(db: Database, filter: Record<string, unknown>, swap: Swap, marks = false): Promise<number> {
  let rewritten = 0
  const cmd = db.command
  for (let after = ''; ;) {
    const { data } = await db.collection(COL.audit).where({ ...filter, _id: cmd.gt(after) }).orderBy('_id', 'asc').limit(AUDIT_PAGE).get()
    for (const entry of data as AuditRow[]) {
      if (marks && entry.requestId) rewritten += await rewriteMark(db, `${entry.fn}:${entry.action}:${entry.actor}:${entry.requestId}`, swap)
      const next = { target: swap(entry.target), before: swap(entry.before), after: swap(entry.after) }
      if (JSON.stringify(next) === JSON.stringify({ target: entry.target, before: entry.before, after: entry.after })) continue
      await db.collection(COL.audit).doc(entry._id).update({ data: { target: next.target, before: cmd.set(next.before ?? null), after: cmd.set(next.after ?? null) } })
      rewritten++
    }
    if (data.length < AUDIT_PAGE) return rewritten
    after = (data[data.length - 1] as { _id: string })._id
  }
}

type AuditRow = { _id: string; fn: string; action: string; actor: string; requestId?: string; target?: string; before?: unknown; after?: unknown }

/** Someone else's idempotency mark for a create that made or named a record of the person: its stored answer, swapped. */
async function rewriteMark(db: Database, markId: string, swap: Swap): Promise<number> {
  const { data } = await db.collection(COL.requests).where({ _id: markId }).limit(1).get()
  const mark = data[0] as { result?: unknown } | undefined
  if (!mark?.result) return 0
  const result = swap(mark.result)
  if (JSON.stringify(result) === JSON.stringify(mark.result)) return 0
  await db.collection(COL.requests).doc(markId).update({ data: { result: db.command.set(result) } })
  return 1
}

/** Step 6: the leave is complete; the record that carried the token goes (kept if a new person already wrote to it). */
async function dropLeavingRecord(ctx: Ctx<unknown>, openid: string, token: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    const doc = await txGetOrNull<LeavingDoc>(tx, COL.users, openid)
    if (doc?.departedToken !== token) return
    if (doc.roles.length || doc.name) await tx.collection(COL.users).doc(openid).update({ data: { departedToken: ctx.db.command.remove() } })
    else await tx.collection(COL.users).doc(openid).remove()
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

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export const accountLeave: Handler<'org.account.leave'> = {
  async run(ctx): Promise<LeaveResultView> {
    const { db, actor, now } = ctx
    const openid = actor.openid
    const pending = {
      bindings: await pendingOf<BindingDoc>(db, COL.bindings, openid),
      applications: await pendingOf<LiaisonApplicationDoc>(db, COL.liaisonApplications, openid),
    }
    const { token, grantsEnded, requestsWithdrawn } = await ctx.transaction((tx) => endEverythingInTx(ctx, tx, openid, pending))
    const filesRemoved = await removeLoosePhotos(db, openid, now)
    await removeMyDataExport(openid)
    const swept = await anonymise(db, openid, token)
    const moved = await rekey(ctx, openid, token) + await rewriteArrays(ctx, openid, token)
    // What they did themselves is audited under them (now the token): the entries' content follows.
    const audited = await rewriteAudit(db, { actor: token }, swapIdentity(openid, token))
    await dropLeavingRecord(ctx, openid, token)
    const recordsAnonymised = swept + moved + audited
    const result = { grantsEnded, requestsWithdrawn, recordsAnonymised, filesRemoved }
    await ctx.audit(`${COL.users}/${DEPARTED_NAME}`, null, result, undefined, DEPARTED_NAME)
    return result
  },
}
