import { mkdtempSync, rmSync, writeFileSync } from 'fs'
import { createServer, request, type Server } from 'http'
import type { AddressInfo } from 'net'
import { tmpdir } from 'os'
import { join } from 'path'
import { createApp } from '../../local/http/app'
import { MAX_PHOTO_BASE64, MAX_PHOTO_BYTES } from '../../types/photos'
import { ROLES } from '../../types/roles'
import { openCloud, P, type Cloud } from './harness'

let h: Cloud
let server: Server
let base = ''
let h5Dir = ''

beforeAll(async () => {
  h = await openCloud()
  h5Dir = mkdtempSync(join(tmpdir(), 'tx-h5-'))
  writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><title>同心圆</title>')
  const invoke = (main: (e: unknown) => Promise<unknown>, event: unknown, opts: { openid: string | null }) =>
    h.rawMain(main, event, opts.openid).then((result) => ({ result }))
  server = createServer((req, res) => void createApp({ invoke, h5Dir, uploadsDir: join(h.dir, 'uploads') })(req, res))
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((r) => server.close(r))
  rmSync(h5Dir, { recursive: true, force: true })
  h.close()
})

const post = (fn: string, body: unknown, openid?: string) =>
  fetch(`${base}/cloud/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
    body: JSON.stringify(body),
  })

describe('the local cloud over HTTP', () => {
  it('runs an action with the identity from X-Wx-Openid', async () => {
    const r = await post('org', { action: 'me', input: {} }, P.admin)
    const env = await r.json()
    expect(env).toMatchObject({ ok: true, data: { openid: P.admin, name: '赵立新' } })
  })

  it('answers UNAUTHENTICATED without the header', async () => {
    const env = await (await post('org', { action: 'me', input: {} })).json()
    expect(env.error.code).toBe('UNAUTHENTICATED')
  })

  it('never delivers a platform timer event from a client: a Timer body without identity runs nothing', async () => {
    const before = (await h.db.collection('audit').count()).total
    const env = await (await post('council', { Type: 'Timer', TriggerName: 'tick' })).json()
    expect(env.ok).toBe(false)
    expect(env.error.code).toBe('UNKNOWN_ACTION')
    expect((await h.db.collection('audit').count()).total).toBe(before)
  })

  it('answers 404 UNKNOWN_ACTION for a function that does not exist', async () => {
    const r = await post('nope', { action: 'me' }, P.admin)
    expect(r.status).toBe(404)
    expect((await r.json()).error.code).toBe('UNKNOWN_ACTION')
  })

  it('answers 400 INVALID_INPUT for a body that is not JSON', async () => {
    const r = await fetch(`${base}/cloud/org`, { method: 'POST', headers: { 'x-wx-openid': P.admin }, body: '{nope' })
    expect(r.status).toBe(400)
    expect((await r.json()).error.code).toBe('INVALID_INPUT')
  })

  it('describes every action with its roles and its input as JSON Schema', async () => {
    const c = await (await fetch(`${base}/cloud/_contract`)).json()
    const org = c.functions.find((f: { name: string }) => f.name === 'org')
    const create = org.actions.find((a: { name: string }) => a.name === 'community.create')
    expect(create.roles).toEqual(['street_admin'])
    expect(create.input.type).toBe('object')
    expect(create.input.required).toEqual(expect.arrayContaining(['requestId', 'streetId', 'name', 'address']))
  })

  it('lists demo identities covering every role', async () => {
    const { identities } = await (await fetch(`${base}/local/identities`)).json()
    const roles = new Set(identities.flatMap((i: { roles: { role: string }[] }) => i.roles.map((r) => r.role)))
    expect([...ROLES].filter((r) => !roles.has(r))).toEqual([])
    // The people journeys 5 and 7 need are offered too.
    expect(identities.map((i: { name: string }) => i.name)).toEqual(expect.arrayContaining(['陈桂兰', '钱进', '许文']))
    expect(Object.keys(identities[0]).sort()).toEqual(['name', 'openid', 'roles'])
    expect(Array.isArray(identities[0].roles)).toBe(true)
    expect(identities[0].roles[0]).toEqual({
      role: expect.any(String),
      scopeType: expect.any(String),
      scopeId: expect.any(String),
      scopeName: expect.any(String),
    })
  })

  it('fires every declared timer trigger once on POST /local/timers, as the platform would (no identity)', async () => {
    const res = await fetch(`${base}/local/timers`, { method: 'POST' })
    expect(res.status).toBe(200)
    const runs = await res.json()
    expect(Object.keys(runs).sort()).toEqual(['council.tick', 'grid.tick', 'property.tick', 'service.tick'])
    expect(runs['property.tick']).toEqual({ ok: true, data: { closed: 0, opened: 0 } })
  })

  it('lists the outbox newest first: who (by name), which notice, its page and values', async () => {
    const b = await (
      await fetch(`${base}/cloud/org`, {
        method: 'POST',
        headers: { 'x-wx-openid': P.zhou, 'content-type': 'application/json' },
        body: JSON.stringify({
          action: 'binding.request',
          input: { requestId: 'req-outbox-1', householdId: 'h-hx-1-3-402', name: '周小雨', phone: '13800000006' },
        }),
      })
    ).json()
    await fetch(`${base}/cloud/org`, {
      method: 'POST',
      headers: { 'x-wx-openid': P.secHx, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'binding.decide', input: { bindingId: b.data.id, approve: true } }),
    })
    const all = await (await fetch(`${base}/local/outbox?pageSize=5`)).json()
    expect(all.total).toBeGreaterThan(0)
    expect(all.items[0]).toMatchObject({
      toName: '周小雨',
      kind: 'bindingDecided',
      kindLabel: '住户认证结果',
      page: expect.any(String),
      values: ['和谐家园 3号楼 402', '已认证'],
    })
    const mine = await (await fetch(`${base}/local/outbox?to=${P.zhou}`)).json()
    expect(mine.items.every((i: { toName: string }) => i.toName === '周小雨')).toBe(true)
    expect(JSON.stringify(all)).not.toContain(P.zhou)
  })

  it('serves the H5 app at / and for client routes', async () => {
    expect(await (await fetch(`${base}/`)).text()).toContain('同心圆')
    expect(await (await fetch(`${base}/pages/home/index`)).text()).toContain('同心圆')
  })

  it('refuses paths that escape the app folder', async () => {
    const text = await (await fetch(`${base}/..%2f..%2fetc%2fpasswd`)).text()
    expect(text).not.toContain('root:')
  })
})

/** A raw request, so the test controls the Host header and sees a reset as a reset. */
function rawRequest(opts: {
  method: string
  path: string
  host?: string
  headers?: Record<string, string>
  body?: Buffer | string
}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const port = Number(new URL(base).port)
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method,
        path: opts.path,
        headers: { ...(opts.host ? { host: opts.host } : {}), ...opts.headers },
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

/** A JPEG of exactly `bytes` bytes (signature + filler), base64. */
const jpegOf = (bytes: number) =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(bytes - 4, 7)]).toString('base64')

describe('request bodies', () => {
  it('takes a photo of the contract maximum, 1 MB (its base64 is a third larger)', async () => {
    const data = jpegOf(MAX_PHOTO_BYTES)
    expect(data.length).toBe(MAX_PHOTO_BASE64)
    const env = await (await post('council', { action: 'photo.upload', input: { ext: 'jpg', data } }, P.liu)).json()
    expect(env).toMatchObject({ ok: true, data: { fileId: expect.stringMatching(/^cloud:\/\//) } })
  })

  it('answers a body over the limit with the result envelope (413), not a reset, and runs nothing', async () => {
    const before = await h.snapshot()
    const body = JSON.stringify({
      action: 'photo.upload',
      input: { ext: 'jpg', data: 'A'.repeat(3 * MAX_PHOTO_BASE64) },
    })
    const res = await rawRequest({
      method: 'POST',
      path: '/cloud/council',
      headers: { 'content-type': 'application/json', 'x-wx-openid': P.liu },
      body,
    })
    expect(res.status).toBe(413)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    expect(JSON.parse(res.body)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('过大') },
    })
    expect(await h.snapshot()).toBe(before)
  })

  it('answers an over-size body sent without a length (chunked) the same way', async () => {
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: Number(new URL(base).port),
          method: 'POST',
          path: '/cloud/council',
          headers: { 'x-wx-openid': P.liu, 'transfer-encoding': 'chunked' },
        },
        (r) => {
          let b = ''
          r.setEncoding('utf8')
          r.on('data', (c: string) => (b += c))
          r.on('end', () => resolve({ status: r.statusCode ?? 0, body: b }))
        },
      )
      req.on('error', reject)
      const chunk = 'A'.repeat(256 * 1024)
      for (let i = 0; i < 12; i++) req.write(chunk)
      req.end()
    })
    expect(res.status).toBe(413)
    expect(JSON.parse(res.body).error.code).toBe('INVALID_INPUT')
  })
})

describe('the Host header (DNS rebinding)', () => {
  it('is served for 127.0.0.1 and localhost, with or without the port', async () => {
    const port = new URL(base).port
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, '127.0.0.1', 'localhost', `LOCALHOST:${port}`]) {
      const res = await rawRequest({ method: 'GET', path: '/cloud/_contract', host })
      expect({ host, status: res.status }).toEqual({ host, status: 200 })
    }
  })

  it('refuses any other name with 421 and the envelope, for the API, the identities and the files alike, running nothing', async () => {
    const port = new URL(base).port
    const before = await h.snapshot()
    const tries = [
      {
        method: 'POST',
        path: '/cloud/council',
        body: JSON.stringify({
          action: 'topic.propose',
          input: {
            requestId: 'rebind-0001',
            communityId: 'c-hx',
            title: '来自别处',
            body: '来自别处的页面',
            photos: [],
          },
        }),
      },
      { method: 'GET', path: '/local/identities' },
      { method: 'POST', path: '/local/timers' },
      { method: 'GET', path: '/cloud/_contract' },
      { method: 'GET', path: '/' },
    ]
    for (const host of [
      `evil.example:${port}`,
      'evil.example',
      `127.0.0.1.evil.example:${port}`,
      `localhost.evil.example`,
      `[::1]:${port}`,
    ]) {
      for (const t of tries) {
        const res = await rawRequest({
          ...t,
          host,
          headers: { 'content-type': 'application/json', 'x-wx-openid': P.liu },
        })
        expect({ host, path: t.path, status: res.status, body: JSON.parse(res.body) }).toEqual({
          host,
          path: t.path,
          status: 421,
          body: { ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('127.0.0.1') } },
        })
      }
    }
    expect(await h.snapshot()).toBe(before)
  })
})
