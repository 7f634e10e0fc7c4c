// The harness first: it loads local/seed/seed.ts, which local/seed/property.ts imports back.
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { GRID_PEOPLE } from '../../../local/seed/grid'
import { OPEN_PERIOD } from '../../../local/seed/property'

/**
 * The export function decides for itself (issue 16 §1): each kind loads the caller from the platform's
 * identity and applies its module's scope rule, whatever the event claims. Every refusal leaves no
 * document and no file behind (expectRefused compares the whole store and the uploads).
 */

const OTHER_ADMIN = 'o-admin-elsewhere'
const XU = GRID_PEOPLE.liaisonXu
const PUB = 'pub:per:st-jinxiu:2026-10:1'
const BAD_IDS = ['../x', 'a b', 'x'.repeat(65), '', 42]

let h: Cloud
let letterId = ''
beforeAll(async () => {
  h = await openCloud()
  await h.db.collection('users').add({
    data: {
      _id: OTHER_ADMIN,
      name: '外街管理员',
      createdAt: T0,
      updatedAt: T0,
      roles: [
        {
          role: 'street_admin',
          scopeType: 'street',
          scopeId: 'st-elsewhere',
          scopeName: '别的街道',
          streetId: 'st-elsewhere',
        },
      ],
    },
  })
  letterId = (
    await h.ok<{ id: string }>(
      'service',
      'letter.issue',
      { requestId: rid(), unitId: 'u-hx-2', quarter: '2026Q4' },
      P.secHx,
    )
  ).id
})
afterAll(() => h.close())

/** Every kind with a valid input, who may export it, and the field its input names a target by. */
const KINDS = () => [
  { action: 'council.vote', input: { voteId: 'vote-parking' }, field: 'voteId', allowed: P.secHx },
  { action: 'property.period', input: { periodId: OPEN_PERIOD }, field: 'periodId', allowed: P.admin },
  { action: 'property.inputs', input: { publicationId: PUB }, field: 'publicationId', allowed: P.liu },
  { action: 'service.ledgers', input: { communityId: 'c-hx', year: 2026 }, field: 'communityId', allowed: P.secHx },
  { action: 'service.letter', input: { letterId }, field: 'letterId', allowed: XU },
  { action: 'grid.stats', input: { communityId: 'c-hx' }, field: 'communityId', allowed: P.secHx },
]

describe('every kind', () => {
  it('refuses a caller the platform does not name, and malformed targets, storing nothing', async () => {
    for (const k of KINDS()) {
      await h.expectRefused('export', k.action, k.input, null, 'UNAUTHENTICATED')
      for (const bad of BAD_IDS)
        await h.expectRefused('export', k.action, { ...k.input, [k.field]: bad }, k.allowed, 'INVALID_INPUT')
    }
  })

  it('takes the caller from the platform, not from the event', async () => {
    for (const k of KINDS()) {
      // A stranger's call that names an allowed person in every way an event could.
      const before = await h.snapshot()
      const { env } = await h.raw(
        'export',
        {
          action: k.action,
          input: { ...k.input, openid: k.allowed, actor: k.allowed },
          openid: k.allowed,
          userInfo: { openId: k.allowed },
        },
        P.stranger,
      )
      expect({ action: k.action, code: env.ok ? 'ok' : env.error.code }).toEqual({
        action: k.action,
        code: k.action === 'property.inputs' ? 'ok' : 'FORBIDDEN',
      })
      if (k.action !== 'property.inputs') expect(await h.snapshot()).toBe(before)
    }
  })

  it('answers an unknown action without running anything', async () => {
    await h.expectRefused('export', 'org.everything', {}, P.secHx, 'UNKNOWN_ACTION')
    await h.expectRefused('export', 'vote.export', { voteId: 'vote-parking' }, P.secHx, 'UNKNOWN_ACTION')
  })
})

describe('each module’s scope rule', () => {
  it('council.vote: the secretary of the vote’s community, once it is counted', async () => {
    await h.expectRefused('export', 'council.vote', { voteId: 'vote-parking' }, P.liu, 'FORBIDDEN')
    await h.expectRefused('export', 'council.vote', { voteId: 'vote-parking' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('export', 'council.vote', { voteId: 'vote-nowhere' }, P.secHx, 'NOT_FOUND')
  })

  it('property.period: the admin of the period’s street only', async () => {
    await h.expectRefused('export', 'property.period', { periodId: OPEN_PERIOD }, P.secHx, 'FORBIDDEN')
    await h.expectRefused('export', 'property.period', { periodId: OPEN_PERIOD }, P.prop, 'FORBIDDEN')
    await h.expectRefused('export', 'property.period', { periodId: OPEN_PERIOD }, OTHER_ADMIN, 'FORBIDDEN')
    await h.expectRefused('export', 'property.period', { periodId: 'per:none' }, P.admin, 'NOT_FOUND')
  })

  it('property.inputs: anyone signed in, for a publication that exists', async () => {
    await h.expectRefused('export', 'property.inputs', { publicationId: 'pub:none' }, P.liu, 'NOT_FOUND')
    const f = await h.ok<{ rows: number }>('export', 'property.inputs', { publicationId: PUB }, P.zhou)
    expect(f.rows).toBe(6)
  })

  it('service.ledgers: the secretary of that community only', async () => {
    await h.expectRefused('export', 'service.ledgers', { communityId: 'c-hx', year: 2026 }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('export', 'service.ledgers', { communityId: 'c-hx', year: 2026 }, P.member, 'FORBIDDEN')
    await h.expectRefused('export', 'service.ledgers', { communityId: 'c-hx', year: 2026 }, P.admin, 'FORBIDDEN')
    await h.expectRefused('export', 'service.ledgers', { communityId: 'c-hx', year: 1999 }, P.secHx, 'INVALID_INPUT')
  })

  it('service.letter: the unit’s liaison and the community’s secretary', async () => {
    await h.expectRefused('export', 'service.letter', { letterId }, P.liaison, 'FORBIDDEN')
    await h.expectRefused('export', 'service.letter', { letterId }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('export', 'service.letter', { letterId: 'fl:nowhere:2026Q4:v1' }, P.secHx, 'NOT_FOUND')
    expect((await h.ok<{ rows: number }>('export', 'service.letter', { letterId }, P.secHx)).rows).toBeGreaterThan(0)
  })

  it('grid.stats: the community’s secretary and its street’s admin', async () => {
    await h.expectRefused('export', 'grid.stats', { communityId: 'c-yg' }, P.secHx, 'FORBIDDEN')
    await h.expectRefused('export', 'grid.stats', { communityId: 'c-hx' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('export', 'grid.stats', { communityId: 'c-hx' }, P.prop, 'FORBIDDEN')
    await h.expectRefused('export', 'grid.stats', { communityId: 'c-hx' }, P.grid, 'FORBIDDEN')
    await h.expectRefused('export', 'grid.stats', { communityId: 'c-hx' }, OTHER_ADMIN, 'FORBIDDEN')
    await h.expectRefused('export', 'grid.stats', { communityId: 'c-nowhere' }, P.admin, 'NOT_FOUND')
    expect(
      (await h.ok<{ rows: number }>('export', 'grid.stats', { communityId: 'c-hx' }, P.admin)).rows,
    ).toBeGreaterThan(1)
  })
})
