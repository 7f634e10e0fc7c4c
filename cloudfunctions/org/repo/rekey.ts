import { subscriptionId } from '../../council/public'
import { COL, type CollectionName } from '../../shared/collections'
import type { Database } from '../../shared/cloud'
import { txGetOrNull } from '../../shared/db-types'
import type { Ctx } from '../../shared/dispatch'
import { arrayPlan, DEPARTED_NAME, ID_REFS, nested, rekeyPlan, swapIdentity, type ArrayStep } from '../domain/leaving'
import { escapeRegExp } from './leave'

/**
 * Leaving's generic mover (steps 4 and 4b of handlers/leave.ts), driven by the tables in domain/leaving.ts
 * (from the personal-data registry): records whose ids embed the person move to the departed token's
 * ids, records naming them inside arrays are rewritten whole, and the audit entries and idempotency marks
 * that name those records follow. Each record in its own transaction.
 */

/** The store a leave works on: the database and the context's retrying transactions. */
type Store = Pick<Ctx<unknown>, 'db' | 'transaction'>

/** Records moved per page in step 4 (each in its own transaction). */
const MOVE_PAGE = 50

/**
 * Step 4: a record whose id embeds the person (`second:<topic>:<openid>`, `m:<personKey>`, …) moves to
 * the id built from the token, and what names that id follows (`move`). Found by a field the sweep
 * already pointed at the token and an id still holding the old key; each found record leaves the query.
 */
export async function rekey(ctx: Store, openid: string, token: string): Promise<number> {
  const swap = swapIdentity(openid, token)
  let moved = 0
  for (const step of rekeyPlan(openid, token)) {
    for (;;) {
      const { data } = await ctx.db
        .collection(step.collection)
        .where({ [step.path]: step.value, _id: ctx.db.RegExp({ regexp: escapeRegExp(step.fragment) }) })
        .field({ _id: true })
        .limit(MOVE_PAGE)
        .get()
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
async function move(ctx: Store, collection: CollectionName, from: string, swap: Swap): Promise<number> {
  const to = swap(from)
  const body = await ctx.transaction(async (tx) => {
    const doc = await txGetOrNull<Record<string, unknown>>(tx, collection, from)
    if (!doc) return null
    const { _id, ...rest } = doc
    await tx
      .collection(collection)
      .doc(to)
      .set({ data: swap(rest) })
    await tx
      .collection(collection)
      .doc(_id as string)
      .remove()
    return rest
  })
  await rewriteAudit(ctx.db, { target: `${collection}/${from}` }, swap, true)
  if (collection === COL.councilSubscriptions && body) await moveNoticeCursor(ctx, from, body.communityId as string)
  let moved = 1
  for (const ref of ID_REFS[collection] ?? []) {
    for (;;) {
      const { data } = await ctx.db
        .collection(ref.collection)
        .where({ [ref.path]: from })
        .field({ _id: true })
        .limit(MOVE_PAGE)
        .get()
      for (const { _id } of data as { _id: string }[]) {
        if (ref.moves) {
          moved += await move(ctx, ref.collection, _id, swap)
        } else {
          await ctx.db
            .collection(ref.collection)
            .doc(_id)
            .update({ data: nested(ref.path, to) })
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
async function moveNoticeCursor(ctx: Store, from: string, communityId: string): Promise<void> {
  const { db } = ctx
  const { data: jobs } = await db
    .collection(COL.councilNoticeJobs)
    .where({ communityId, status: 'pending', after: from })
    .field({ _id: true })
    .limit(MOVE_PAGE)
    .get()
  if (!jobs.length) return
  const { data: before } = await db
    .collection(COL.councilSubscriptions)
    .where({ communityId, _id: db.command.lt(from) })
    .orderBy('_id', 'desc')
    .field({ _id: true })
    .limit(1)
    .get()
  const cursor = (before[0] as { _id: string } | undefined)?._id ?? subscriptionId(communityId, '')
  for (const { _id } of jobs as { _id: string }[]) {
    await ctx.transaction(async (tx) => {
      const job = await txGetOrNull<{ after: string }>(tx, COL.councilNoticeJobs, _id)
      if (job?.after === from)
        await tx
          .collection(COL.councilNoticeJobs)
          .doc(_id)
          .update({ data: { after: cursor } })
    })
  }
}

/**
 * Step 4b: records where the person is an element of an array (an invitation list, a check-in's
 * history, a letter's rows) are rewritten whole in a transaction each, the names beside their elements
 * becoming 已注销用户. Found by an element match, one query per collection for all its arrays; a
 * rewritten record leaves the query.
 */
export async function rewriteArrays(ctx: Store, openid: string, token: string): Promise<number> {
  const swap = swapIdentity(openid, token)
  const byCollection = new Map<CollectionName, ArrayStep[]>()
  for (const step of arrayPlan(openid, token))
    byCollection.set(step.collection, [...(byCollection.get(step.collection) ?? []), step])
  let rewritten = 0
  for (const [collection, steps] of byCollection) {
    const filter = steps.length === 1 ? elementOf(steps[0]) : ctx.db.command.or(steps.map(elementOf))
    for (;;) {
      const { data } = await ctx.db
        .collection(collection)
        .where(filter as never)
        .field({ _id: true })
        .limit(MOVE_PAGE)
        .get()
      for (const { _id } of data as { _id: string }[]) {
        await ctx.transaction(async (tx) => {
          const doc = await txGetOrNull<Record<string, unknown>>(tx, collection, _id)
          if (!doc) return
          const { _id: _same, ...body } = doc
          for (const step of steps) nameDeparted(body, step)
          await tx
            .collection(collection)
            .doc(_id)
            .set({ data: swap(body) })
        })
        rewritten += 1 + (await rewriteAudit(ctx.db, { target: `${collection}/${_id}` }, swap, true))
      }
      if (data.length < MOVE_PAGE) break
    }
  }
  return rewritten
}

const elementOf = (step: ArrayStep) => ({ [step.query]: step.from })

/** The names registered beside the person's own elements of `step`'s array become 已注销用户 (in place). */
function nameDeparted(body: Record<string, unknown>, step: ArrayStep): void {
  const list = step.array.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], body)
  for (const el of Array.isArray(list) ? list : []) {
    const mine = step.key ? (el as Record<string, unknown>)?.[step.key] === step.from : el === step.from
    if (mine && step.key)
      for (const n of step.names)
        if ((el as Record<string, unknown>)[n] !== undefined) (el as Record<string, unknown>)[n] = DEPARTED_NAME
  }
}

/** Audit entries read per page when their before/after are rewritten. */
const AUDIT_PAGE = 100

/**
 * The audit entries matching `filter` with every trace of the person swapped in their target, before
 * and after (free-form: a second's `secondedBy`, a redeemed code's `by`). Pages by id; writes only the
 * entries that change. With `marks`, an entry of a create (it keeps the requestId) also leads to the
 * creator's idempotency mark, whose stored answer (the record's view) is swapped the same way.
 */
export async function rewriteAudit(
  db: Database,
  filter: Record<string, unknown>,
  swap: Swap,
  marks = false,
): Promise<number> {
  let rewritten = 0
  const cmd = db.command
  for (let after = ''; ;) {
    const { data } = await db
      .collection(COL.audit)
      .where({ ...filter, _id: cmd.gt(after) })
      .orderBy('_id', 'asc')
      .limit(AUDIT_PAGE)
      .get()
    for (const entry of data as AuditRow[]) {
      if (marks && entry.requestId)
        rewritten += await rewriteMark(db, `${entry.fn}:${entry.action}:${entry.actor}:${entry.requestId}`, swap)
      const next = { target: swap(entry.target), before: swap(entry.before), after: swap(entry.after) }
      if (JSON.stringify(next) === JSON.stringify({ target: entry.target, before: entry.before, after: entry.after }))
        continue
      await db
        .collection(COL.audit)
        .doc(entry._id)
        .update({
          data: { target: next.target, before: cmd.set(next.before ?? null), after: cmd.set(next.after ?? null) },
        })
      rewritten++
    }
    if (data.length < AUDIT_PAGE) return rewritten
    after = (data[data.length - 1] as { _id: string })._id
  }
}

type AuditRow = {
  _id: string
  fn: string
  action: string
  actor: string
  requestId?: string
  target?: string
  before?: unknown
  after?: unknown
}

/** Someone else's idempotency mark for a create that made or named a record of the person: its stored answer, swapped. */
async function rewriteMark(db: Database, markId: string, swap: Swap): Promise<number> {
  const { data } = await db.collection(COL.requests).where({ _id: markId }).limit(1).get()
  const mark = data[0] as { result?: unknown } | undefined
  if (!mark?.result) return 0
  const result = swap(mark.result)
  if (JSON.stringify(result) === JSON.stringify(mark.result)) return 0
  await db
    .collection(COL.requests)
    .doc(markId)
    .update({ data: { result: db.command.set(result) } })
  return 1
}
