/**
 * The local cloud as one object: a durable store in `dataDir`, the seam installed under the real
 * wx-server-sdk, and `invoke` to run a cloud function's `main` as the platform would — with the
 * caller's identity and per-invocation counters.
 *
 * Import this (or ./seam) before any code calls cloud.init(): it sets TENCENTCLOUD=true.
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { newInvocation, runInInvocation } from './context'
import { installLocalCloud, LOCAL_APPID, type LocalCloudSeam } from './seam'
import { DocStore } from './store/doc-store'
import { isPlainObject } from './store/engine'

export { currentInvocation, type Invocation } from './context'

export interface LocalCloudOptions {
  dataDir: string
  /** SQLite durability: FULL (default) survives power loss, NORMAL only a process crash. */
  synchronous?: 'FULL' | 'NORMAL'
  /** Collections to create on open (idempotent). Default: every name in database/collections.json. */
  collections?: readonly string[]
  /** Clock for db.serverDate() and outbox timestamps. */
  now?: () => Date
  blockedWords?: readonly string[]
}

/** The `context` argument SCF passes to main (the fields functions might log). */
export interface CloudContext {
  request_id: string
  function_version: string
  namespace: string
  memory_limit_in_mb: number
  time_limit_in_ms: number
}

export type CloudMain<E> = (event: E, context: CloudContext) => unknown

export interface InvokeResult {
  result: unknown
  /** Database wire requests made during the invocation. */
  dbRequests: number
  ms: number
}

export interface LocalCloud {
  store: DocStore
  seam: LocalCloudSeam
  dataDir: string
  uploadsDir: string
  invoke<E>(main: CloudMain<E>, event: E, opts: { openid: string | null }): Promise<InvokeResult>
  close(): void
}

export const COLLECTIONS_FILE = path.resolve(__dirname, '..', 'database', 'collections.json')

/** Collection names declared in database/collections.json. */
export function declaredCollections(file: string = COLLECTIONS_FILE): string[] {
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'))
  const list = isPlainObject(parsed) ? parsed.collections : undefined
  if (!Array.isArray(list)) throw new Error(`${file}: expected { collections: [...] }`)
  return list.map((c: unknown) => {
    if (!isPlainObject(c) || typeof c.name !== 'string') throw new Error(`${file}: collection without a name`)
    return c.name
  })
}

export function createLocalCloud(opts: LocalCloudOptions): LocalCloud {
  const dataDir = path.resolve(opts.dataDir)
  const uploadsDir = path.join(dataDir, 'uploads')
  fs.mkdirSync(uploadsDir, { recursive: true })
  const store = DocStore.open({ file: path.join(dataDir, 'db.sqlite'), synchronous: opts.synchronous ?? 'FULL' })
  for (const name of opts.collections ?? declaredCollections()) store.createCollection(name)
  const seam = installLocalCloud({ store, uploadsDir, now: opts.now, blockedWords: opts.blockedWords })

  return {
    store,
    seam,
    dataDir,
    uploadsDir,
    async invoke<E>(main: CloudMain<E>, event: E, { openid }: { openid: string | null }): Promise<InvokeResult> {
      const inv = newInvocation(openid)
      const context: CloudContext = {
        request_id: inv.requestId,
        function_version: '$LATEST',
        namespace: 'local',
        memory_limit_in_mb: 256,
        time_limit_in_ms: 3000,
      }
      // The platform adds userInfo to events from a mini-program caller; handlers must tolerate it.
      const delivered = (
        openid !== null && isPlainObject(event) ? { ...event, userInfo: { appId: LOCAL_APPID, openId: openid } } : event
      ) as E
      const t0 = performance.now()
      const result = await runInInvocation(inv, async () => main(delivered, context))
      return { result, dbRequests: inv.dbRequests, ms: performance.now() - t0 }
    },
    close: () => store.close(),
  }
}
