import type { IncomingMessage, ServerResponse } from 'http'
import { join } from 'path'
import { COL } from '../../cloudfunctions/shared/collections'
import { database } from '../../cloudfunctions/shared/cloud'
import { FUNCTIONS } from '../functions'
import { fireTimers } from '../timers'
import { DEMO_PEOPLE } from '../seed/demo-data'
import { MAX_PHOTO_BASE64 } from '../../types/photos'
import { describeContract } from './contract'
import { outboxPage } from './outbox'
import { serveFile } from './static'

export interface AppOptions {
  /** Runs a cloud function's main with the given identity, as the platform would. */
  invoke(
    main: (event: unknown) => Promise<unknown>,
    event: unknown,
    opts: { openid: string | null },
  ): Promise<{ result: unknown }>
  h5Dir: string
  uploadsDir: string
}

/**
 * The largest call a client makes is a photo at the contract's maximum, sent as base64 (a third larger
 * than its bytes); 64 KiB more leaves room for the rest of any call (5,000-character minutes are 15 KB).
 */
export const MAX_BODY = MAX_PHOTO_BASE64 + 64 * 1024
const OPENID = /^[\w-]{1,64}$/
/**
 * The names this loopback server answers to. A web page that rebinds its own name to 127.0.0.1 (DNS
 * rebinding) still sends its own name as Host, so it is refused before anything runs or is read.
 */
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost)(:\d{1,5})?$/i

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

/**
 * The body as text, or `undefined` when it is larger than MAX_BODY. An over-size body is read to its
 * end and dropped (memory stays bounded; the server's request timeout bounds the time), so the client
 * gets the answer instead of a connection reset in the middle of its upload.
 */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    const declared = Number(req.headers['content-length'] ?? 0)
    let tooLarge = declared > MAX_BODY
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) tooLarge = true
      if (tooLarge) chunks.length = 0
      else chunks.push(c)
    })
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** Who the 身份切换 screen offers: the org demo people, then the people the module journeys need. */
// (Plain ids: importing the module seeds here would close an import cycle through seed.ts. The HTTP test checks them.)
const JOURNEY_PEOPLE = [
  'o-res-chen',
  'o-prop-qian',
  'o-grid-hx-2-wk',
  'o-liaison-xu',
  'o-res-yg-301',
  'o-res-yg-302',
  'o-bl-hx-1',
] // local/seed/property.ts, local/seed/grid.ts, local/seed/buildings.ts
const DEMO_IDENTITY_IDS = [...DEMO_PEOPLE.map((p) => p._id), ...JOURNEY_PEOPLE]

/** The demo people with their current roles (roles change as people redeem invitations or get approved). */
async function identities() {
  const ids = DEMO_IDENTITY_IDS
  const { data } = await database()
    .collection(COL.users)
    .where({ _id: database().command.in(ids) })
    .limit(ids.length)
    .get()
  const findById = new Map(
    (
      data as {
        _id: string
        name: string
        roles: { role: string; scopeType: string; scopeId: string; scopeName: string }[]
      }[]
    ).map((u) => [u._id, u]),
  )
  return {
    identities: ids
      .map((id) => findById.get(id))
      .filter((u): u is NonNullable<typeof u> => !!u)
      .map((u) => ({
        openid: u._id,
        name: u.name,
        roles: (u.roles ?? []).map(({ role, scopeType, scopeId, scopeName }) => ({
          role,
          scopeType,
          scopeId,
          scopeName,
        })),
      })),
  }
}

/** The local cloud over HTTP: the H5 app, POST /cloud/<fn>, the contract, the demo identities, a timer run on request. */
export function createApp(opts: AppOptions) {
  return async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://local')
    const path = url.pathname
    if (!LOOPBACK_HOST.test(req.headers.host ?? '')) {
      res.setHeader('connection', 'close')
      return json(res, 421, {
        ok: false,
        error: { code: 'FORBIDDEN', message: '本地云只接受 127.0.0.1 或 localhost 的请求' },
      })
    }
    try {
      if (req.method === 'GET' && path === '/cloud/_contract') return json(res, 200, describeContract())
      if (req.method === 'GET' && path === '/local/identities') return json(res, 200, await identities())
      // Fires the functions' timer triggers once, now (what the server does every TIMER_SECONDS): journeys
      // that run with timers off use it after moving the clock, e.g. to a period's end.
      if (req.method === 'POST' && path === '/local/timers') return json(res, 200, await fireTimers(opts.invoke))
      if (req.method === 'GET' && path === '/local/outbox') return json(res, 200, await outboxPage(url.searchParams))
      if (req.method === 'GET' && path.startsWith('/local/files/')) {
        if (!serveFile(opts.uploadsDir, path.slice('/local/files/'.length), res)) json(res, 404, { error: 'not found' })
        return
      }
      const fnMatch = /^\/cloud\/([a-z]+)$/.exec(path)
      if (fnMatch) {
        if (req.method !== 'POST')
          return json(res, 405, { ok: false, error: { code: 'INVALID_INPUT', message: '请使用 POST' } })
        const main = FUNCTIONS[fnMatch[1]]
        if (!main)
          return json(res, 404, { ok: false, error: { code: 'UNKNOWN_ACTION', message: `没有云函数 ${fnMatch[1]}` } })
        let body: { action?: unknown; input?: unknown }
        const text = await readBody(req)
        if (text === undefined) {
          return json(res, 413, {
            ok: false,
            error: {
              code: 'INVALID_INPUT',
              message: `请求过大（超过 ${Math.floor(MAX_BODY / 1024)} KB），照片请压缩到 1 MB 以内`,
            },
          })
        }
        try {
          body = JSON.parse(text || '{}') ?? {}
        } catch {
          return json(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求不是合法的 JSON' } })
        }
        // What a client's callFunction can carry: an action and its input. Platform events (a timer's
        // { Type: 'Timer' }) never come from a client, here as on WeChat.
        const event = { action: body.action, input: body.input }
        // The local stand-in for the platform's identity: a header only this runtime honours.
        const header = req.headers['x-wx-openid']
        const openid = typeof header === 'string' && OPENID.test(header) ? header : null
        const { result } = await opts.invoke(main, event, { openid })
        return json(res, 200, result)
      }
      if (req.method === 'GET' || req.method === 'HEAD') {
        if (path !== '/' && serveFile(opts.h5Dir, path, res)) return
        if (serveFile(opts.h5Dir, 'index.html', res)) return
        return json(res, 503, { error: 'H5 build missing: run npm run build:h5' })
      }
      json(res, 404, { error: 'not found' })
    } catch (e) {
      console.error(JSON.stringify({ http: path, error: e instanceof Error ? e.message : String(e) }))
      json(res, 500, { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } })
    }
  }
}

export const defaultH5Dir = join(__dirname, '..', '..', 'dist-h5')
