// The harness first: it loads local/seed/seed.ts, which local/seed/property.ts imports back.
import { openCloud, P, rid, type Cloud } from '../harness'
import { GRID_PEOPLE } from '../../../local/seed/grid'
import { OPEN_PERIOD } from '../../../local/seed/property'
import { exportActions } from '../../../types/export'
import { callableBy, collectTraces, sweeper } from '../exposure'

/**
 * Issue 11 §4 for the export function: no exported workbook (nor its envelope) carries another
 * person's openid or whole phone number, whoever asks, and the sweep goes through every kind.
 */
const XU = GRID_PEOPLE.liaisonXu

let h: Cloud
let sweep: ReturnType<typeof sweeper>
beforeAll(async () => {
  h = await openCloud()
  sweep = sweeper(h, 'export', await collectTraces(h))
})
afterAll(() => h.close())

it('every kind, as each person who may export it', async () => {
  const { as } = sweep
  const letter = await h.ok<{ id: string }>(
    'service',
    'letter.issue',
    { requestId: rid(), unitId: 'u-hx-2', quarter: '2026Q4', note: '感谢' },
    P.secHx,
  )
  await as(P.secHx, 'council.vote', { voteId: 'vote-parking' })
  await as(P.admin, 'property.period', { periodId: OPEN_PERIOD })
  for (const who of [P.liu, P.prop, P.zhou])
    await as(who, 'property.inputs', { publicationId: 'pub:per:st-jinxiu:2026-10:1' })
  await as(P.secHx, 'service.ledgers', { communityId: 'c-hx', year: 2026 })
  await as(XU, 'service.letter', { letterId: letter.id })
  await as(P.secHx, 'service.letter', { letterId: letter.id })
  await as(P.secHx, 'grid.stats', { communityId: 'c-hx' })
  await as(P.admin, 'grid.stats', { communityId: 'c-hx' })
  await as(P.admin, 'property.redProperty', { streetId: 'st-jinxiu' })
  for (const who of [P.liu, P.secHx, P.prop]) await as(who, 'org.mydata', {})
  expect([...sweep.swept].sort()).toEqual(
    callableBy(exportActions, ['secretary', 'street_admin', 'unit_liaison', 'resident', 'property_staff']),
  )
})
