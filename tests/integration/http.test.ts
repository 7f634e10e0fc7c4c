import { mkdtempSync, rmSync, writeFileSync } from 'fs'
import { createServer, type Server } from 'http'
import type { AddressInfo } from 'net'
import { tmpdir } from 'os'
import { join } from 'path'
import { createApp } from '../../local/http/app'
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
  const invoke = (main: (e: unknown) => Promise<unknown>, event: unknown, opts: { openid: string | null }) => h.rawMain(main, event, opts.openid).then((result) => ({ result }))
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
  fetch(`${base}/cloud/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) }, body: JSON.stringify(body) })

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
    expect(identities[0].roles[0]).toEqual({ role: expect.any(String), scopeType: expect.any(String), scopeId: expect.any(String), scopeName: expect.any(String) })
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
