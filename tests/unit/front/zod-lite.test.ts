import { DEFAULT_RULE } from '../../../cloudfunctions/property/domain/rules'
import * as classic from '../../../types'

/**
 * The mini-program and the cloud functions' bundles build the contract against src/services/zod-lite.ts
 * (config/index.ts and scripts/build-cloud.ts alias `zod`), the tests run it on zod itself. For every action of every function, both builds of
 * its input and output schemas must answer alike for the same values: success, the parsed data, and
 * each issue's code, path and message (what the forms show).
 */

type Contract = typeof classic.CONTRACT
let lite: Contract
beforeAll(() => {
  jest.isolateModules(() => {
    jest.doMock('zod', () => jest.requireActual('../../../src/services/zod-lite'))
    lite = (require('../../../types') as typeof classic).CONTRACT
  })
})

interface Def {
  type: string
  shape?: Record<string, Schema>
  element?: Schema
  innerType?: Schema
  entries?: Record<string, string>
  values?: unknown[]
}
interface Schema {
  _zod: { def: Def }
  safeParse(v: unknown): {
    success: boolean
    data?: unknown
    error?: { issues: { code: string; path: PropertyKey[]; message: string }[] }
  }
}

const STRINGS = [
  '',
  ' ',
  'a',
  '  两边有空格  ',
  'c-hx',
  'vote-parking',
  'per:st-jinxiu:2026-11',
  '../x',
  'a b',
  'req-0123456789',
  'x'.repeat(65),
  '13800000000',
  '1380000',
  '2026Q4',
  '2026Q5',
  '2026-11',
  '2026-11-23',
  '2026-13-45',
  '2026-11-23T02:00:00.000Z',
  '2026-11-23T10:00:00+08:00',
  '城市基层党建',
  '评'.repeat(301),
  'x'.repeat(5001),
  'txinvite:ABCD2345',
  'cloud://local/photos/a.jpg',
  'jpg',
]
const NUMBERS = [0, 1, 2, 3, 5, 20, 50, 51, 100, 101, 1.5, -1, 2020, 2026, 2101, 10_000, 10_001, 1e9, Number.NaN]
const WRONG = [undefined, null, true, 'text', 7, [], {}]

/** Values of the kind a schema expects, valid and not (from its definition, so every branch is reached). */
function candidates(s: Schema, depth = 0): unknown[] {
  const d = s._zod.def
  switch (d.type) {
    case 'string':
      return STRINGS
    case 'number':
      return NUMBERS
    case 'boolean':
      return [true, false]
    case 'enum':
      return [...Object.values(d.entries ?? {}), 'not-an-option']
    case 'literal':
      return [...(d.values ?? []), 'other']
    case 'optional':
    case 'nullable':
    case 'default':
      return [undefined, null, ...candidates(d.innerType!, depth)]
    case 'array': {
      const items = candidates(d.element!, depth + 1)
      return [
        [],
        [items[0]],
        items.slice(0, 3),
        items.slice(0, 12),
        Array.from({ length: 60 }, () => items[1] ?? items[0]),
      ]
    }
    case 'object':
      return depth > 2 ? [{}] : [base(s, depth + 1), {}]
    default:
      return [undefined]
  }
}

/** An object whose every field takes a value the classic schema accepts when one exists among the candidates. */
function base(s: Schema, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, field] of Object.entries(s._zod.def.shape ?? {})) {
    const pool = candidates(field, depth)
    out[k] = pool.find((v) => field.safeParse(v).success) ?? pool[0]
  }
  return out
}

/** The whole object, then each field in turn set to each of its candidates and to values of the wrong kind. */
function samples(s: Schema): unknown[] {
  if (s._zod.def.type !== 'object') return [...candidates(s), ...WRONG]
  const b = base(s)
  const out: unknown[] = [b, ...WRONG]
  for (const [k, field] of Object.entries(s._zod.def.shape ?? {})) {
    for (const v of [...candidates(field), ...WRONG]) out.push({ ...b, [k]: v })
  }
  return out
}

const answer = (s: Schema, v: unknown) => {
  const r = s.safeParse(v)
  return r.success
    ? { ok: true, data: JSON.stringify(r.data) }
    : {
        ok: false,
        issues: r.error!.issues.map((i) => ({ code: i.code, path: i.path.map(String), message: i.message })),
      }
}

const actions = () =>
  Object.entries(classic.CONTRACT).flatMap(([fn, reg]) =>
    Object.keys(reg).map((a) => [fn, a] as [keyof Contract, string]),
  )

describe('the contract built on zod-lite', () => {
  it('is really another build (the forms do not ship zod itself)', () => {
    const real = classic.CONTRACT.org['profile.update'].input as unknown as Record<string, unknown>
    const small = lite.org['profile.update'].input as unknown as Record<string, unknown>
    expect(typeof real.toJSONSchema).toBe('function')
    expect(small.toJSONSchema).toBeUndefined()
  })

  it.each(actions())('%s.%s: input and output answer exactly as zod does', (fn, action) => {
    const pairs = [
      [
        (classic.CONTRACT[fn] as Record<string, { input: unknown; output: unknown }>)[action],
        (lite[fn] as Record<string, { input: unknown; output: unknown }>)[action],
      ],
    ] as const
    let compared = 0
    for (const [c, l] of pairs) {
      for (const key of ['input', 'output'] as const) {
        const cs = c[key] as Schema
        const ls = l[key] as Schema
        for (const v of samples(cs)) {
          expect({ fn, action, key, value: v, answer: answer(ls, v) }).toEqual({
            fn,
            action,
            key,
            value: v,
            answer: answer(cs, v),
          })
          compared++
        }
      }
    }
    expect(compared).toBeGreaterThan(10)
  })

  it.each([
    // Inputs whose valid form the generated samples do not reach (codes, refinements across fields, nested rules).
    ['org', 'invitation.redeem', { code: 'ABCD2345', name: '陈志强' }],
    [
      'service',
      'unit.checkin',
      {
        requestId: 'req-0123456789',
        unitId: 'u-hx-1',
        contactName: '吴敏',
        contactPhone: '13800000008',
        resources: ['医护志愿者'],
        commitments: ['每月义诊'],
      },
    ],
    [
      'service',
      'activity.create',
      {
        requestId: 'req-0123456789',
        communityId: 'c-hx',
        title: '义诊',
        kind: 'volunteer',
        place: { name: '和谐家园东门', lat: 30.59, lng: 114.3 },
        startAt: '2026-11-23T02:00:00.000Z',
        endAt: '2026-11-23T05:00:00.000Z',
        capacity: 50,
      },
    ],
    [
      'council',
      'vote.open',
      {
        requestId: 'req-0123456789',
        meetingId: 'meet-winter',
        itemId: 'item-1',
        title: '表决',
        estateIds: ['e-hx-1'],
        preset: 'civil_code_ordinary',
        options: [
          { label: '同意', kind: 'for' },
          { label: '反对', kind: 'against' },
          { label: '弃权', kind: 'abstain' },
        ],
        opensAt: '2026-11-23T02:00:00.000Z',
        closesAt: '2026-11-24T02:00:00.000Z',
      },
    ],
    ['property', 'rule.publish', { requestId: 'req-0123456789', streetId: 'st-jinxiu', rule: DEFAULT_RULE }],
  ] as [keyof Contract, string, Record<string, unknown>][])(
    '%s.%s: a valid input and each field of it changed answer alike',
    (fn, action, valid) => {
      const c = (classic.CONTRACT[fn] as Record<string, { input: unknown }>)[action].input as Schema
      const l = (lite[fn] as Record<string, { input: unknown }>)[action].input as Schema
      expect(answer(c, valid).ok).toBe(true)
      const values: unknown[] = [valid]
      for (const [k, field] of Object.entries(c._zod.def.shape ?? {}))
        for (const v of [...candidates(field), ...WRONG]) values.push({ ...valid, [k]: v })
      for (const v of values) expect({ value: v, answer: answer(l, v) }).toEqual({ value: v, answer: answer(c, v) })
    },
  )

  it('accepts and refuses a form as the function does, with the same Chinese message', () => {
    const c = classic.CONTRACT.org['profile.update'].input as unknown as Schema
    const l = lite.org['profile.update'].input as unknown as Schema
    const bad = { name: '', phone: '123' }
    expect(answer(l, bad)).toEqual(answer(c, bad))
    expect(
      answer(l, bad)
        .issues?.map((i) => i.message)
        .join(' '),
    ).toMatch(/[\u4e00-\u9fff]/)
  })
})
