/**
 * Per-invocation context, carried by AsyncLocalStorage so that concurrent invocations in one
 * process each see their own identity and counters (process.env would be shared and racy).
 */
import { AsyncLocalStorage } from 'node:async_hooks'

export interface Invocation {
  /** Caller identity; null = no identity (OPENID reads as ''). */
  readonly openid: string | null
  readonly requestId: string
  /** Wire requests the SDK sent to the database during this invocation. */
  dbRequests: number
}

const storage = new AsyncLocalStorage<Invocation>()
let seq = 0

export function newInvocation(openid: string | null): Invocation {
  seq += 1
  return { openid, requestId: `local-${Date.now().toString(36)}-${seq}`, dbRequests: 0 }
}

export function runInInvocation<T>(inv: Invocation, fn: () => T): T {
  return storage.run(inv, fn)
}

/** The invocation the caller is running in, or undefined outside `invoke`. */
export function currentInvocation(): Invocation | undefined {
  return storage.getStore()
}
