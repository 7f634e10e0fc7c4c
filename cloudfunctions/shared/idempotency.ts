import { createHash, randomBytes } from 'crypto'
import { COL } from './collections'
import type { Database } from './cloud'
import { txGetOrNull, type Transaction } from './db-types'
import { conflict, DomainError, isDuplicateKey } from './errors'

/**
 * Phones drop and retry, and functions crash: a create action keyed by the client's requestId runs
 * once, and a repeat returns the first result. `requests/<fn:action:openid:requestId>` holds the
 * state: its deterministic _id makes two concurrent repeats meet on one record.
 *
 * Where the work is one transaction (`onceTx`), the result and the done mark are written in that
 * same transaction: the work either committed with its done mark or did not happen, so a crash
 * leaves nothing to clean up and a retry finds the result or does the work. Work of several steps
 * (`once`) claims the request first (`running`), makes its records with ids derived from the request
 * (so a re-run completes the same records instead of copying them) and ends with `req.commit`, one
 * transaction with the last writes (counters, audit), the result and the done mark. A claim older
 * than the function timeout belongs to an attempt the platform has killed: a retry takes it over.
 */

interface RequestDoc {
  _id: string
  state: 'running' | 'done'
  result?: unknown
  /** When the holding attempt claimed it (the first attempt, or the latest takeover). */
  at: Date
  /** Which attempt holds a running request. */
  attempt?: string
  doneAt?: Date
}

export interface RequestKey {
  fn: string
  action: string
  openid: string
  requestId: string
}

/** What `once` gives the work it runs. */
export interface OnceRun {
  /** An id derived from the request: the same on every attempt, so a re-run finds the records of an earlier one. */
  id(prefix: string): string
  /** The last step, one transaction: its writes, the result and the done mark commit together. */
  commit<T>(work: (tx: Transaction) => Promise<T>): Promise<T>
}

/** Runs `fn` in a transaction (ctx.transaction: conflicts surface as CONFLICT). */
export type TxRunner = <T>(fn: (tx: Transaction) => Promise<T>) => Promise<T>

/** The functions' timeout (every cloudfunctions/<fn>/config.json; a unit test keeps them in step): no invocation runs longer. */
export const FUNCTION_TIMEOUT_MS = 20_000

const STILL_RUNNING = '上一次提交仍在处理，请稍后刷新'

const docId = (key: RequestKey) => `${key.fn}:${key.action}:${key.openid}:${key.requestId}`

async function read(db: Database, _id: string): Promise<RequestDoc | undefined> {
  const { data } = await db.collection(COL.requests).where({ _id }).limit(1).get()
  return data[0] as RequestDoc | undefined
}

/** An attempt still inside the function timeout may yet finish: a repeat must wait for it. */
const stillRunning = (r: RequestDoc, now: Date) =>
  r.state === 'running' && now.getTime() - new Date(r.at).getTime() <= FUNCTION_TIMEOUT_MS

/**
 * One transaction: the stored result when the request is done; else the work, then the done mark with
 * its result. A concurrent attempt that committed first makes ours conflict (both write the done
 * mark): then its result is the answer.
 */
async function commitDone<T>(
  db: Database,
  transaction: TxRunner,
  _id: string,
  now: Date,
  work: (tx: Transaction) => Promise<T>,
  guard?: (prior: RequestDoc | null) => void,
): Promise<{ result: T; fresh: boolean }> {
  try {
    return await transaction(async (tx) => {
      const prior = await txGetOrNull<RequestDoc>(tx, COL.requests, _id)
      if (prior?.state === 'done') return { result: prior.result as T, fresh: false }
      guard?.(prior)
      const result = await work(tx)
      await tx
        .collection(COL.requests)
        .doc(_id)
        .set({ data: { state: 'done', result, at: prior?.at ?? now, doneAt: now } })
      return { result, fresh: true }
    })
  } catch (e) {
    if (e instanceof DomainError && e.code === 'CONFLICT') {
      const prior = await read(db, _id)
      if (prior?.state === 'done') return { result: prior.result as T, fresh: false }
    }
    throw e
  }
}

/**
 * A create whose work is one transaction, at most once per requestId. `after` (notices) runs only in
 * the call whose transaction committed the work, never in a repeat.
 */
export async function onceTx<T>(
  db: Database,
  transaction: TxRunner,
  key: RequestKey,
  now: Date,
  work: (tx: Transaction) => Promise<T>,
  after?: (result: T) => Promise<void>,
): Promise<T> {
  // Only a multi-step `once` leaves a running claim; an action uses one kind, but a live claim is respected.
  const outcome = await commitDone(db, transaction, docId(key), now, work, (prior) => {
    if (prior && stillRunning(prior, now)) throw conflict(STILL_RUNNING)
  })
  if (outcome.fresh && after) await after(outcome.result)
  return outcome.result
}

/** Claims the request for `attempt`: the done result if there is one, else nothing (the claim is ours). */
async function claim(
  db: Database,
  _id: string,
  attempt: string,
  now: Date,
): Promise<{ done: true; result: unknown } | { done: false }> {
  const requests = db.collection(COL.requests)
  // Twice at most: a failed attempt may remove its claim between our add and our read.
  for (let round = 0; round < 2; round++) {
    try {
      await requests.add({ data: { _id, state: 'running', at: now, attempt } })
      return { done: false }
    } catch (e) {
      if (!isDuplicateKey(e)) throw e
    }
    const prior = await read(db, _id)
    if (!prior) continue
    if (prior.state === 'done') return { done: true, result: prior.result }
    if (stillRunning(prior, now)) throw conflict(STILL_RUNNING)
    // The holder outlived the function timeout, so the platform killed it. Take over on condition that
    // nobody did since we read: of two retries at once, one updates the record and the other finds it changed.
    const { stats } = await requests
      .where({ _id, state: 'running', at: prior.at })
      .update({ data: { at: now, attempt } })
    if (stats.updated === 1) return { done: false }
    const latest = await read(db, _id)
    if (latest?.state === 'done') return { done: true, result: latest.result }
    throw conflict(STILL_RUNNING)
  }
  throw conflict(STILL_RUNNING)
}

/**
 * A create of several steps, at most once per requestId. `run` makes its records with `req.id(...)`
 * (or other ids fixed by the request) so that a re-run after a crash completes them, and ends with
 * `req.commit(tx => …)`. A run that does not call `commit` is marked done after it returns (a crash
 * in between re-runs it: only for work that is safe to repeat).
 */
export async function once<T>(
  db: Database,
  transaction: TxRunner,
  key: RequestKey,
  now: Date,
  run: (req: OnceRun) => Promise<T>,
): Promise<T> {
  const _id = docId(key)
  const attempt = randomBytes(8).toString('hex')
  const claimed = await claim(db, _id, attempt, now)
  if (claimed.done) return claimed.result as T
  const derived = createHash('sha256').update(_id).digest('hex').slice(0, 20)
  let committed = false
  const req: OnceRun = {
    id: (prefix) => `${prefix}_${derived}`,
    async commit(work) {
      const { result } = await commitDone(db, transaction, _id, now, work)
      committed = true
      return result
    },
  }
  const requests = db.collection(COL.requests)
  try {
    const result = await run(req)
    if (!committed) await requests.where({ _id, attempt }).update({ data: { state: 'done', result, doneAt: now } })
    return result
  } catch (e) {
    // A failed attempt must not block the retry (nor remove a claim another attempt has taken over).
    if (!committed)
      await requests
        .where({ _id, state: 'running', attempt })
        .remove()
        .catch(() => undefined)
    throw e
  }
}
