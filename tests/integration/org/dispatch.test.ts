import { z } from 'zod'
import { action } from '../../../types/action'
import { createMain } from '../../../cloudfunctions/shared/dispatch'
import { openCloud, P, type Cloud } from '../harness'

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

describe('dispatch', () => {
  it('refuses an unknown action with UNKNOWN_ACTION', async () => {
    await h.expectRefused('org', 'org.dropEverything', {}, P.admin, 'UNKNOWN_ACTION')
  })

  it('refuses an inherited property name as an action', async () => {
    await h.expectRefused('org', 'constructor', {}, P.admin, 'UNKNOWN_ACTION')
  })

  it('refuses bad input with INVALID_INPUT and the issues', async () => {
    const err = await h.expectRefused('org', 'community.list', { pageSize: 500 }, P.admin, 'INVALID_INPUT')
    expect(err?.issues?.[0]?.path).toEqual(['pageSize'])
  })

  it('refuses a call without identity with UNAUTHENTICATED', async () => {
    await h.expectRefused('org', 'me', {}, null, 'UNAUTHENTICATED')
  })

  it('ignores an openid, role or userInfo the client puts in the event', async () => {
    const { env } = await h.raw<{ openid: string; roles: unknown[] }>(
      'org',
      {
        action: 'me',
        input: { openid: P.admin },
        openid: P.admin,
        userInfo: { openId: P.admin },
        roles: ['street_admin'],
      },
      P.zhou,
    )
    expect(env.ok && env.data.openid).toBe(P.zhou)
    expect(env.ok && env.data.roles).toEqual([])
  })

  it('refuses a caller without any of the action roles with FORBIDDEN', async () => {
    await h.expectRefused('org', 'binding.listPending', { communityId: 'c-hx' }, P.liu, 'FORBIDDEN')
  })

  it('returns INTERNAL without internals when a handler breaks, and logs the action', async () => {
    const contract = {
      boom: action({ summary: 'x', roles: ['authenticated'], input: z.object({}), output: z.object({}) }),
    }
    const main = createMain('test', contract, {
      boom: {
        run: async () => {
          throw new Error('secret table name')
        },
      },
    })
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const env = (await h.rawMain(main, { action: 'boom', input: {} }, P.admin)) as {
      ok: boolean
      error: { code: string; message: string }
    }
    expect(env.error.code).toBe('INTERNAL')
    expect(env.error.message).not.toContain('secret')
    expect(spy.mock.calls.map((c) => String(c[0])).join('\n')).toContain('"action":"boom"')
    spy.mockRestore()
  })

  it('strips fields a handler returns that the output contract does not name', async () => {
    const contract = {
      leak: action({
        summary: 'x',
        roles: ['authenticated'],
        input: z.object({}),
        output: z.object({ name: z.string() }),
      }),
    }
    const main = createMain('test', contract, {
      leak: { run: async () => ({ name: 'a', openid: 'secret' }) as { name: string } },
    })
    const env = (await h.rawMain(main, { action: 'leak', input: {} }, P.admin)) as {
      ok: true
      data: Record<string, unknown>
    }
    expect(env.data).toEqual({ name: 'a' })
  })
})
