import { existsSync } from 'fs'
import { join } from 'path'
import { openCloud, P, type Cloud } from './harness'

/** The deploy artefact, not the source: what WeChat DevTools uploads must run on the same transport. */
const bundle = join(__dirname, '../../cloudfunctions/org/dist/index.js')

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

describe('the bundled org function', () => {
  it('exists (npm test runs build:cloud first)', () => {
    expect(existsSync(bundle)).toBe(true)
  })

  it('answers an action through the local transport with the caller’s identity', async () => {
    const { main } = require(bundle) as { main: (e: unknown) => Promise<unknown> }
    const env = (await h.rawMain(main, { action: 'me', input: {} }, P.secHx)) as {
      ok: boolean
      data: { name: string; roles: { role: string; scopeId: string }[] }
    }
    expect(env.ok).toBe(true)
    expect(env.data.name).toBe('王秀英')
    expect(env.data.roles.map((r) => `${r.role}@${r.scopeId}`)).toEqual(['secretary@c-hx'])
  })

  it('refuses bad input with the same issues and messages as the source (its contract is built on zod-lite)', async () => {
    const { main } = require(bundle) as { main: (e: unknown) => Promise<unknown> }
    const input = { name: '', phone: '12' }
    const fromBundle = (await h.rawMain(main, { action: 'profile.update', input }, P.secHx)) as {
      ok: boolean
      error: unknown
    }
    const fromSource = await h.call('org', 'profile.update', input, P.secHx)
    expect(fromBundle.ok).toBe(false)
    expect(fromBundle.error).toMatchObject({
      code: 'INVALID_INPUT',
      issues: expect.arrayContaining([expect.objectContaining({ path: ['name'] })]),
    })
    expect(fromBundle.error).toEqual((fromSource.env as { error: unknown }).error)
  })

  it('refuses by scope exactly like the source', async () => {
    const { main } = require(bundle) as { main: (e: unknown) => Promise<unknown> }
    const env = (await h.rawMain(main, { action: 'binding.listPending', input: { communityId: 'c-hx' } }, P.secYg)) as {
      ok: boolean
      error: { code: string }
    }
    expect(env.error.code).toBe('FORBIDDEN')
  })
})
