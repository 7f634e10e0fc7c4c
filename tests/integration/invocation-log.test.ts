import { z } from 'zod'
import { action } from '../../types/action'
import { createMain, type InvocationLog } from '../../cloudfunctions/shared/dispatch'
import { openCloud, P, type Cloud } from './harness'

/** Issue 16 §9: each invocation logs exactly one JSON line; an unexpected error's stack goes there, never to the caller. */

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

/** Every line written to stdout and stderr while `run` runs, with TX_QUIET as given. */
async function logged<T>(run: () => Promise<T>, quiet = false): Promise<{ result: T; out: string[]; err: string[] }> {
  const was = process.env.TX_QUIET
  process.env.TX_QUIET = quiet ? '1' : ''
  const out = jest.spyOn(console, 'log').mockImplementation(() => undefined)
  const err = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  try {
    const result = await run()
    return {
      result,
      out: out.mock.calls.map((c) => c.map(String).join(' ')),
      err: err.mock.calls.map((c) => c.map(String).join(' ')),
    }
  } finally {
    out.mockRestore()
    err.mockRestore()
    process.env.TX_QUIET = was
  }
}

const parse = (line: string) => JSON.parse(line) as InvocationLog

describe('the invocation log line', () => {
  it('a successful call logs one line: function, action, request id, duration, database requests (as counted under the SDK), code', async () => {
    const { result, out, err } = await logged(() => h.call('org', 'me', {}, P.liu))
    expect(result.env.ok).toBe(true)
    expect(err).toEqual([])
    expect(out).toHaveLength(1)
    const line = parse(out[0])
    expect(line).toEqual({
      fn: 'org',
      action: 'me',
      requestId: expect.stringMatching(/^local-/),
      ms: expect.any(Number),
      dbRequests: result.dbRequests,
      code: 'OK',
    })
    expect(line.dbRequests).toBeGreaterThan(0)
  })

  it('a create carries its own requestId beside the invocation id, and the count includes its transaction', async () => {
    const rid = 'log-test-propose-1'
    const input = {
      requestId: rid,
      communityId: 'c-hx',
      estateId: 'e-hx-1',
      title: '楼道灯坏了请修理',
      body: '三号楼二单元楼道灯不亮，晚上上下楼不方便。',
      photos: [],
    }
    const { result, out } = await logged(() => h.call('council', 'topic.propose', input, P.liu))
    expect(result.env.ok).toBe(true)
    expect(out).toHaveLength(1)
    expect(parse(out[0])).toMatchObject({
      fn: 'council',
      action: 'topic.propose',
      clientRequestId: rid,
      code: 'OK',
      dbRequests: result.dbRequests,
    })
    // the same call again reads the done mark: fewer requests, still counted
    const again = await logged(() => h.call('council', 'topic.propose', input, P.liu))
    expect(parse(again.out[0]).dbRequests).toBe(again.result.dbRequests)
    expect(again.result.dbRequests).toBeLessThan(result.dbRequests)
  })

  it('a refusal logs one line with its code and no error', async () => {
    const { out, err } = await logged(() => h.call('org', 'binding.listPending', { communityId: 'c-hx' }, P.liu))
    expect(err).toEqual([])
    expect(out.map(parse)).toEqual([
      expect.objectContaining({ fn: 'org', action: 'binding.listPending', code: 'FORBIDDEN' }),
    ])
    expect(parse(out[0])).not.toHaveProperty('stack')
    const unknown = await logged(() => h.call('org', 'no.such', {}, P.liu))
    expect(unknown.out.map(parse)).toEqual([
      expect.objectContaining({ action: 'no.such', code: 'UNKNOWN_ACTION', dbRequests: 0 }),
    ])
  })

  it('an unexpected error: one line on stderr with the stack; the caller gets INTERNAL and nothing of it', async () => {
    const contract = {
      boom: action({ summary: 'x', roles: ['authenticated'], input: z.object({}), output: z.object({}) }),
    }
    function failDeepInside(): never {
      throw new Error('users table index broken for o-res-liu')
    }
    const main = createMain('test', contract, { boom: { run: async () => failDeepInside() } })
    const { result, out, err } = await logged(() => h.rawMain(main, { action: 'boom', input: {} }, P.liu))
    expect(out).toEqual([])
    expect(err).toHaveLength(1)
    const line = parse(err[0])
    expect(line).toMatchObject({
      fn: 'test',
      action: 'boom',
      code: 'INTERNAL',
      error: 'users table index broken for o-res-liu',
    })
    expect(line.stack).toContain('failDeepInside')
    expect(line.dbRequests).toBeGreaterThan(0)
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } })
    const sent = JSON.stringify(result)
    for (const leak of ['failDeepInside', 'stack', 'users table', 'o-res-liu', '.ts:']) expect(sent).not.toContain(leak)
  })

  it('a timer run logs one line with its counts', async () => {
    const { result, out } = await logged(() => h.raw('council', { Type: 'Timer', TriggerName: 'tick' }, null))
    expect(result.env.ok).toBe(true)
    expect(out.map(parse)).toEqual([
      expect.objectContaining({
        fn: 'council',
        timer: 'tick',
        code: 'OK',
        counts: expect.any(Object),
        dbRequests: result.dbRequests,
      }),
    ])
  })

  it('under TX_QUIET=1 a successful call logs nothing; an unexpected error is still logged', async () => {
    const quiet = await logged(() => h.call('org', 'me', {}, P.liu), true)
    expect([quiet.out, quiet.err]).toEqual([[], []])
    const contract = {
      boom: action({ summary: 'x', roles: ['authenticated'], input: z.object({}), output: z.object({}) }),
    }
    const main = createMain('test', contract, {
      boom: {
        run: async () => {
          throw new Error('broken')
        },
      },
    })
    const broken = await logged(() => h.rawMain(main, { action: 'boom', input: {} }, P.liu), true)
    expect(broken.err.map(parse)).toEqual([expect.objectContaining({ code: 'INTERNAL', error: 'broken' })])
  })
})
