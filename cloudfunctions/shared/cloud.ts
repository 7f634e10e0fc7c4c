/**
 * The one place that touches wx-server-sdk. A plain require keeps the module object itself
 * (not an interop copy), so the platform's getWXContext — or the local runtime's — is the one called.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { Database } from './db-types'
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cloud: typeof import('wx-server-sdk') = require('wx-server-sdk')

let initialised = false
export function sdk(): typeof import('wx-server-sdk') {
  if (!initialised) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    initialised = true
  }
  return cloud
}

export type { Database }
/** The SDK's own typings allow callback-style `void` results; we only ever use promises. */
export const database = (): Database => {
  const db = sdk().database()
  countRequestsOf(db)
  return db as unknown as Database
}

/** The database requests of the invocation running now (each invocation runs in its own count). */
const requestCount = new AsyncLocalStorage<{ n: number }>()
const COUNTED = Symbol.for('tongxinyuan.countedSend')

type Requester = { prototype: Record<string | symbol, unknown> }

/**
 * Count where the SDK sends: @cloudbase/database makes every request through `new Db.reqClass(config).send(…)`
 * (one network round trip each: a get, an add, a transaction's start, each of its reads and writes, its
 * commit), which is also where the local runtime and the bench count. The class is set by node-sdk
 * when `cloud.database()` runs (wx-server-sdk's database wraps that Db as `_db`); its `send` is wrapped once.
 */
function countRequestsOf(db: unknown) {
  const inner = (db as { _db?: unknown })._db ?? db
  const proto = (inner as { constructor?: { reqClass?: Requester } }).constructor?.reqClass?.prototype
  if (!proto || Object.prototype.hasOwnProperty.call(proto, COUNTED) || typeof proto.send !== 'function') return
  const send = proto.send as (...args: unknown[]) => unknown
  proto.send = function countedSend(this: unknown, ...args: unknown[]) {
    const count = requestCount.getStore()
    if (count) count.n += 1
    return send.apply(this, args)
  }
  proto[COUNTED] = true
}

/** Run one invocation with its own request count; `requests()` reads it (at the end: the total). */
export function withRequestCount<T>(run: (requests: () => number) => Promise<T>): Promise<T> {
  const count = { n: 0 }
  return requestCount.run(count, () => run(() => count.n))
}
