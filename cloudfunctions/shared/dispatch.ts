import type { z } from 'zod'
import type { ActionContract, Registry } from '../../types/action'
import type { CONTRACT } from '../../types/index'
import type { Envelope, ErrorBody } from '../../types/envelope'
import type { Role } from '../../types/roles'
import { Actor, loadActor } from './actor'
import { appendAudit, type AuditEntry, type AuditScope } from './audit'
import { database, sdk, withRequestCount, type Database } from './cloud'
import type { Transaction } from './db-types'
import { now as systemNow } from './clock'
import { checkText, reviewRefused, type ContentVerdict } from './content'
import { DomainError, conflict, isTransactionConflict } from './errors'
import { once, onceTx, type OnceRun } from './idempotency'
import { personKey } from './pseudonym'

/** What a handler gets: validated input, the caller, the database and the clock. */
export interface Ctx<I> {
  fn: string
  action: string
  input: I
  actor: Actor
  db: Database
  now: Date
  /**
   * Record a state change (who, what, when, before → after). Pass `tx` to write it inside a transaction.
   * A label (or `{ anonymousAs }`) records that label instead of the caller, no requestId, and only the
   * day (a ballot). `{ scope: null }`: the entry is in no street's log (a photo upload, before any record).
   */
  audit(target: string, before: unknown, after: unknown, tx?: Transaction, as?: string | AuditOptions): Promise<void>
  /**
   * The street and community the audit entries of this call belong to (the street admin reads the
   * street's log). Handlers call it with the record they act on; without it, the caller's own street is
   * used when all their grants are in one.
   */
  within(scope: { streetId: string; communityId?: string }): void
  /**
   * Content-check user text before it is stored: CONTENT_REJECTED on risky text, and on text WeChat wants
   * a person to look at (there is no queue to hold a name or a reason in; issue 11 §7).
   */
  checkText(...texts: (string | undefined)[]): Promise<ContentVerdict>
  /**
   * The check for the text of a reportable item (topic, comment, event, wish): risky → CONTENT_REJECTED;
   * `review` is answered, and the item is stored held in the review queue (shared/moderation.ts).
   */
  checkItemText(...texts: (string | undefined)[]): Promise<ContentVerdict>
  /**
   * A create of several steps, at most once per client requestId; a repeat returns the first result.
   * Its records take ids from `req.id` (a re-run after a crash completes the same records) and its last
   * step is `req.commit(tx => …)`: the last writes, the result and the done mark in one transaction.
   */
  once<T>(requestId: string, run: (req: OnceRun) => Promise<T>): Promise<T>
  /**
   * A create whose work is one transaction, at most once per client requestId: the work, its result and
   * the request's done mark commit together. `after` (notices) runs only in the call that committed.
   */
  onceTx<T>(requestId: string, work: (tx: Transaction) => Promise<T>, after?: (result: T) => Promise<void>): Promise<T>
  /**
   * db.runTransaction, retried up to TX_ATTEMPTS times on a write conflict (the callback reads
   * inside the transaction, so it decides again on fresh data); a conflict that outlasts them is CONFLICT.
   */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>
}

export type { OnceRun, Transaction }

export interface AuditOptions {
  anonymousAs?: string
  /** Overrides the call's scope; `null` keeps the entry out of every street's log. */
  scope?: AuditScope | null
}

/** The caller's street (and community) when every grant they hold is in one; nothing when ambiguous or none. */
export function actorScope(actor: Actor): AuditScope | null {
  const streets = new Set(
    actor.roles
      .map((g) => g.streetId ?? (g.scopeType === 'street' ? g.scopeId : undefined))
      .filter((x): x is string => !!x),
  )
  if (streets.size !== 1) return null
  const communities = new Set(
    actor.roles
      .map((g) => g.communityId ?? (g.scopeType === 'community' ? g.scopeId : undefined))
      .filter((x): x is string => !!x),
  )
  const [streetId] = [...streets]
  return communities.size === 1 && actor.roles.every((g) => g.communityId || g.scopeType === 'community')
    ? { streetId, communityId: [...communities][0] }
    : { streetId }
}

export interface Route<I, O> {
  /**
   * A property, not a method: TypeScript checks a method's parameter both ways, a function property's
   * only contravariantly — so a handler that wants input its schema does not give is a compile error.
   */
  run: (ctx: Ctx<I>) => Promise<O>
}

/** The route of one action of registry R: its input as the schema parses it, its output as the schema accepts it. */
export type RouteOf<R extends Registry, A extends keyof R> = Route<z.output<R[A]['input']>, z.input<R[A]['output']>>

export type Routes<R extends Registry> = {
  [A in keyof R]: RouteOf<R, A>
}

type Contract = typeof CONTRACT
/** Every action of every function, named `<function>.<action>` (`council.topic.propose`). */
export type ActionPath = { [F in keyof Contract]: `${F}.${keyof Contract[F] & string}` }[keyof Contract]

/**
 * A handler typed from its action's contract: `export const topicPropose: Handler<'council.topic.propose'> = { async run(ctx) { … } }`.
 * `ctx.input` is what the input schema parses to and the result must be what the output schema accepts,
 * so a handler that drifts from its schema does not compile (tests/unit/types/handler-contract.ts).
 */
export type Handler<P extends ActionPath> = P extends `${infer F extends keyof Contract}.${infer A}`
  ? A extends keyof Contract[F] & string
    ? RouteOf<Contract[F], A>
    : never
  : never

/** The input a handler of action P gets (for helpers a handler passes its context to). */
export type HandlerInput<P extends ActionPath> = Handler<P> extends Route<infer I, unknown> ? I : never

/**
 * A scheduled job: runs on the platform's timer trigger (cloudfunctions/<fn>/config.json), which
 * calls the function with `{ Type: 'Timer', TriggerName }` and no OPENID. It acts as `system:timer`
 * (no roles), so it can do only what its own code does; it answers counts for the log.
 */
export type TimerJob = (ctx: Ctx<unknown>) => Promise<Record<string, number>>

export interface MainOptions {
  /** The clock; tests and the bench pass their own. */
  now?: () => Date
  /** Jobs by trigger name. */
  timers?: Record<string, TimerJob>
}

/** The openid audit records carry for what a timer did. */
export const TIMER_ACTOR = 'system:timer'

/** Attempts of a transaction that meets a write conflict, and the base of the jittered wait between them. */
export const TX_ATTEMPTS = 3
const TX_BACKOFF_MS = 15

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Start of the Asia/Shanghai calendar day of `t` (UTC+8, no daylight saving). */
const dayOf = (t: Date) => new Date(Math.floor((t.getTime() + 8 * 3600_000) / 86_400_000) * 86_400_000 - 8 * 3600_000)

/** The context a handler or a timer job runs in. */
function makeCtx(fn: string, action: string, input: unknown, actor: Actor, db: Database, now: Date): Ctx<unknown> {
  const openid = actor.openid
  let within: AuditScope | null = null
  const ctx: Ctx<unknown> = {
    fn,
    action,
    input,
    actor,
    db,
    now,
    audit: (target, before, after, tx, as) => {
      const opts: AuditOptions = typeof as === 'string' ? { anonymousAs: as } : (as ?? {})
      const scope = opts.scope !== undefined ? opts.scope : (within ?? actorScope(actor))
      const where = scope
        ? { streetId: scope.streetId, ...(scope.communityId ? { communityId: scope.communityId } : {}) }
        : {}
      if (opts.anonymousAs)
        return appendAudit(tx ?? db, {
          fn,
          action,
          actor: opts.anonymousAs,
          target,
          before,
          after,
          at: dayOf(now),
          anonymous: true,
          ...where,
        })
      const entry: AuditEntry = {
        fn,
        action,
        actor: openid,
        target,
        before,
        after,
        at: now,
        ...where,
        ...(openid !== TIMER_ACTOR ? { actorKey: personKey(openid) } : {}),
      }
      const rid = (input as { requestId?: string } | null)?.requestId
      if (rid) entry.requestId = rid
      return appendAudit(tx ?? db, entry)
    },
    within: (scope) => {
      within = { streetId: scope.streetId, ...(scope.communityId ? { communityId: scope.communityId } : {}) }
    },
    checkText: async (...texts) => {
      if ((await checkText(openid, texts)) === 'review') throw reviewRefused()
      return 'pass'
    },
    checkItemText: (...texts) => checkText(openid, texts),
    once: (requestId, run) => once(db, ctx.transaction, { fn, action, openid, requestId }, now, run),
    onceTx: (requestId, work, after) =>
      onceTx(db, ctx.transaction, { fn, action, openid, requestId }, now, work, after),
    transaction: async (run) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.runTransaction(run)
        } catch (err) {
          if (!isTransactionConflict(err)) throw err
          if (attempt >= TX_ATTEMPTS) throw conflict('有人同时修改了这条记录，请刷新后重试')
          await pause(TX_BACKOFF_MS * attempt * (0.5 + Math.random()))
        }
      }
    },
  }
  return ctx
}

/** `{ Type: 'Timer', TriggerName }`: how the platform's timer trigger calls a function. */
function triggerOf(event: unknown): string | undefined {
  const e = event as { Type?: unknown; TriggerName?: unknown } | null
  return e && e.Type === 'Timer' && typeof e.TriggerName === 'string' ? e.TriggerName : undefined
}

/** Passes when the caller holds at least one of the action's roles (scope is the handler's check). */
function inAudience(actor: Actor, contract: ActionContract): boolean {
  if (contract.roles.includes('authenticated')) return true
  return actor.hasAnyRole(contract.roles as Role[])
}

const fail = (error: ErrorBody): Envelope<never> => ({ ok: false, error })

function issuesOf(err: z.ZodError) {
  return err.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: i.message,
  }))
}

/** The platform's second argument to main (CloudBase's context); only its request id is read. */
export interface InvocationContext {
  request_id?: string
}

/**
 * The one JSON line each invocation logs. `requestId` is the platform's id of the invocation (its logs
 * and the caller's error reports name it); `clientRequestId` the create's own key, which its audit
 * entries carry. An unexpected error adds its message and stack here — never to the caller.
 */
export interface InvocationLog {
  fn: string
  action?: string
  timer?: string
  requestId: string | null
  clientRequestId?: string
  ms: number
  dbRequests: number
  code: string
  counts?: Record<string, number>
  error?: string
  stack?: string
}

/** Unexpected errors always reach the log; the rest is quiet under TX_QUIET=1 (tests, the local server's children). */
function writeLog(line: InvocationLog) {
  if (line.code === 'INTERNAL') console.error(JSON.stringify(line))
  else if (process.env.TX_QUIET !== '1') console.log(JSON.stringify(line))
}

const errorFields = (err: unknown) =>
  err instanceof Error ? { error: err.message, ...(err.stack ? { stack: err.stack } : {}) } : { error: String(err) }

/**
 * The cloud function's main: identity from getWXContext only → route → input schema → actor →
 * audience → handler → output schema → envelope. One JSON log line per invocation (InvocationLog).
 */
export function createMain<R extends Registry>(fn: string, contract: R, routes: Routes<R>, opts: MainOptions = {}) {
  const clock = opts.now ?? systemNow
  return function main(event: unknown, context?: InvocationContext): Promise<Envelope<unknown>> {
    const requestId = typeof context?.request_id === 'string' ? context.request_id : null
    return withRequestCount((dbRequests) => {
      const trigger = triggerOf(event)
      // Only the platform's timer calls without an OPENID; a client that sends a Timer event has one and
      // is answered as an unknown action below.
      if (
        trigger &&
        opts.timers &&
        Object.prototype.hasOwnProperty.call(opts.timers, trigger) &&
        !sdk().getWXContext().OPENID
      ) {
        return runTimer(fn, trigger, opts.timers[trigger], clock, requestId, dbRequests)
      }
      return handle(fn, contract, routes, clock, event, requestId, dbRequests)
    })
  }
}

async function handle<R extends Registry>(
  fn: string,
  contract: R,
  routes: Routes<R>,
  clock: () => Date,
  event: unknown,
  requestId: string | null,
  dbRequests: () => number,
): Promise<Envelope<unknown>> {
  const started = Date.now()
  const e = (typeof event === 'object' && event !== null ? event : {}) as { action?: unknown; input?: unknown }
  const actionName = typeof e.action === 'string' ? e.action : ''
  const line: InvocationLog = { fn, action: actionName, requestId, ms: 0, dbRequests: 0, code: 'OK' }
  try {
    const spec = Object.prototype.hasOwnProperty.call(contract, actionName) ? contract[actionName] : undefined
    const route = spec ? routes[actionName as keyof R] : undefined
    if (!spec || !route) {
      line.code = 'UNKNOWN_ACTION'
      return fail({ code: 'UNKNOWN_ACTION', message: `未知的操作：${actionName.slice(0, 40) || '(空)'}` })
    }
    const parsed = spec.input.safeParse(e.input ?? {})
    if (!parsed.success) {
      line.code = 'INVALID_INPUT'
      return fail({
        code: 'INVALID_INPUT',
        message: parsed.error.issues[0]?.message ?? '填写的内容有误',
        issues: issuesOf(parsed.error),
      })
    }
    const clientRequestId = (parsed.data as { requestId?: unknown } | null)?.requestId
    if (typeof clientRequestId === 'string') line.clientRequestId = clientRequestId
    // Identity comes from the platform only; anything the client put in the event is ignored.
    const openid = sdk().getWXContext().OPENID
    if (!openid) {
      line.code = 'UNAUTHENTICATED'
      return fail({ code: 'UNAUTHENTICATED', message: '请在微信中打开' })
    }
    const db = database()
    const actor = await loadActor(db, openid)
    if (!inAudience(actor, spec)) {
      line.code = 'FORBIDDEN'
      return fail({ code: 'FORBIDDEN', message: '您没有权限进行此操作' })
    }
    const now = clock()
    const ctx = makeCtx(fn, actionName, parsed.data, actor, db, now)
    const data = await route.run(ctx as Ctx<never>)
    const out = spec.output.safeParse(data)
    if (!out.success)
      throw new Error(`output of ${fn}.${actionName} broke its contract: ${out.error.issues[0]?.message}`)
    return { ok: true, data: out.data }
  } catch (err) {
    if (err instanceof DomainError) {
      line.code = err.code
      return fail({ code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) })
    }
    // The operator reads the stack in the log; the caller learns only that something broke.
    Object.assign(line, { code: 'INTERNAL' }, errorFields(err))
    return fail({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' })
  } finally {
    line.ms = Date.now() - started
    line.dbRequests = dbRequests()
    writeLog(line)
  }
}

async function runTimer(
  fn: string,
  trigger: string,
  job: TimerJob,
  clock: () => Date,
  requestId: string | null,
  dbRequests: () => number,
): Promise<Envelope<unknown>> {
  const started = Date.now()
  const line: InvocationLog = { fn, timer: trigger, requestId, ms: 0, dbRequests: 0, code: 'OK' }
  try {
    const db = database()
    const counts = await job(makeCtx(fn, `timer:${trigger}`, {}, new Actor(TIMER_ACTOR, null), db, clock()))
    line.counts = counts
    return { ok: true, data: counts }
  } catch (err) {
    Object.assign(line, { code: 'INTERNAL' }, errorFields(err))
    return fail({ code: 'INTERNAL', message: '定时任务失败' })
  } finally {
    line.ms = Date.now() - started
    line.dbRequests = dbRequests()
    writeLog(line)
  }
}
