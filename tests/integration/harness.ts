import { existsSync, mkdtempSync, readdirSync, rmSync, type Dirent } from 'fs'
import { tmpdir } from 'os'
import { join, relative } from 'path'
import { setClock } from '../../cloudfunctions/shared/clock'
import { database } from '../../cloudfunctions/shared/cloud'
import { COL } from '../../cloudfunctions/shared/collections'
import type { Database } from '../../cloudfunctions/shared/db-types'
import { FUNCTIONS } from '../../local/functions'
import { createLocalCloud } from '../../local/runtime'
import { seedDemo } from '../../local/seed/seed'
import type { Envelope, ErrorCode } from '../../types'

export const T0 = new Date('2026-11-23T02:00:00Z')

export interface Called<T> {
  env: Envelope<T>
  dbRequests: number
}

/**
 * A fresh local cloud in a temp dir, seeded with the demo world: the real wx-server-sdk, the real
 * store, the real function code. Calls go through the runtime exactly as the HTTP server's do.
 */
export async function openCloud(opts: { seed?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tx-it-'))
  const local = createLocalCloud({ dataDir: dir, synchronous: 'NORMAL' })
  const db: Database = database()
  let clock = T0
  setClock(() => clock)
  if (opts.seed !== false) await seedDemo(db)

  async function raw<T>(fn: string, event: unknown, openid: string | null): Promise<Called<T>> {
    const { result, dbRequests } = await local.invoke(FUNCTIONS[fn], event, { openid })
    return { env: result as Envelope<T>, dbRequests }
  }

  const h = {
    db,
    dir,
    /** The store under the SDK (for tests that inject a failed write). */
    store: local.store,
    setNow(d: Date) {
      clock = d
    },
    raw,
    /** Run any main (e.g. a test-only one) under the local runtime. */
    async rawMain(main: (event: unknown) => Promise<unknown>, event: unknown, openid: string | null) {
      return (await local.invoke(main, event, { openid })).result
    },
    call: <T = unknown>(fn: string, action: string, input: unknown, openid: string | null) =>
      raw<T>(fn, { action, input }, openid),
    /** Call and return data, failing loudly with the error when the call did not succeed. */
    async ok<T = Record<string, unknown>>(
      fn: string,
      action: string,
      input: unknown,
      openid: string | null,
    ): Promise<T> {
      const { env } = await raw<T>(fn, { action, input }, openid)
      if (!env.ok) throw new Error(`${fn}.${action} failed: ${env.error.code} ${env.error.message}`)
      return env.data
    },
    /** Every document of every declared collection, as a stable string: "nothing changed" compares two. */
    async snapshot(): Promise<string> {
      const out: Record<string, unknown[]> = {}
      for (const name of Object.values(COL)) {
        const { total } = await db.collection(name).count()
        const docs: unknown[] = []
        for (let skip = 0; skip < total; skip += 1000) {
          const { data } = await db.collection(name).orderBy('_id', 'asc').skip(skip).limit(1000).get()
          docs.push(...data)
        }
        out[name] = docs
      }
      return JSON.stringify({ ...out, files: h.files() })
    },
    /** Every file in local cloud storage (uploads), as sorted relative paths. */
    files(): string[] {
      if (!existsSync(local.uploadsDir)) return []
      return (readdirSync(local.uploadsDir, { recursive: true, withFileTypes: true }) as Dirent[])
        .filter((d) => d.isFile())
        .map((d) =>
          relative(local.uploadsDir, join((d as Dirent & { parentPath?: string }).parentPath ?? d.path, d.name)),
        )
        .sort()
    },
    /** Upload a clean photo through `fn`'s photo.upload and return its file id. */
    async photo(fn: string, openid: string): Promise<string> {
      return (await h.ok<{ fileId: string }>(fn, 'photo.upload', { ext: 'jpg', data: JPEG }, openid)).fileId
    },
    /**
     * The refusal contract: the call fails with `code`, and no document anywhere changed
     * (no partial write, no audit record, no request record, no stored file).
     */
    async expectRefused(fn: string, action: string, input: unknown, openid: string | null, code: ErrorCode) {
      const before = await h.snapshot()
      const { env } = await raw(fn, { action, input }, openid)
      expect(env.ok ? 'ok' : env.error.code).toBe(code)
      expect(await h.snapshot()).toBe(before)
      return env.ok ? undefined : env.error
    },
    close() {
      local.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return h
}

export type Cloud = Awaited<ReturnType<typeof openCloud>>

/** Demo people (local/seed/demo-data.ts). */
export const P = {
  admin: 'o-street-admin',
  secHx: 'o-sec-hx',
  secYg: 'o-sec-yg',
  liu: 'o-res-liu',
  zhang: 'o-res-zhang',
  zhou: 'o-new-zhou',
  member: 'o-member-sun',
  liaison: 'o-liaison-wu',
  prop: 'o-prop-zheng',
  grid: 'o-grid-huang',
  stranger: 'o-stranger-never-seen',
} as const

/** A small valid JPEG signature with filler: passes the signature check and the local imgSecCheck. */
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]).toString('base64')
/** A PNG whose text chunk carries the agreed blocked word: the local imgSecCheck answers 87014. */
export const RISKY_PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a', 'hex'),
  Buffer.from('tEXtComment\0违禁词', 'utf8'),
]).toString('base64')

let seq = 0
export const rid = () => `req-${Date.now().toString(36)}-${++seq}`
