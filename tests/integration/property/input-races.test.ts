import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { repo } from '../../../cloudfunctions/property/repo'
import { reviewHeld } from './held'

/**
 * A list is frozen from its inputs, so nothing may land in a period after its inputs were gathered:
 * a rating or assessment that passed its status check before the list was published is refused in
 * its own transaction (the period is re-read there), and a publication whose inputs changed after
 * they were gathered is refused (the period's input version moved) — never a publication that
 * silently leaves a committed input out.
 *
 * The interleavings are made exact by pausing an action at a repo read (a spy that runs the rival
 * action before letting the read return), then checked once more under plain concurrency.
 */

const PERIOD = 'per:st-jinxiu:2026-11'
const DAY = 86_400_000
const CHEN = 'o-res-chen'
const good = { cleaning: 5, order: 5, repairs: 5, greening: 5, attitude: 5, fees: 5 }
type Inputs = {
  companyId: string
  households: number
  communityScore: number | null
  rectTotal: number
  rectResolved: number
}
type Pub = { id: string; entries: { companyId: string; households: number; communityScore: number | null }[] }

let h: Cloud
beforeEach(async () => {
  h = await openCloud()
})
afterEach(() => {
  jest.restoreAllMocks()
  h.close()
})

/** Close the demo month, decide its held ratings and let the objection window pass. */
async function readyToPublish() {
  await h.ok('property', 'period.close', { periodId: PERIOD }, P.admin)
  await reviewHeld(h, PERIOD)
  h.setNow(new Date(T0.getTime() + 4 * DAY))
}

const frozen = async (pubId: string, companyId: string) => {
  const { data } = await h.db.collection('property_publications').where({ _id: pubId }).get()
  return (data[0] as { inputs: Inputs[] }).inputs.find((i) => i.companyId === companyId)!
}
const count = async (collection: string, filter: Record<string, unknown>) =>
  (await h.db.collection(collection).where(filter).count()).total

/** Runs `rival` the next time `read` is called (after the real read), then lets the read return. */
function pauseAt<K extends 'currentRule' | 'company' | 'listInputs'>(read: K, rival: () => Promise<unknown>) {
  const real = repo[read] as (...a: unknown[]) => Promise<unknown>
  jest.spyOn(repo, read).mockImplementationOnce((async (...args: unknown[]) => {
    const out = await real.apply(repo, args)
    await rival()
    return out
  }) as never)
}

describe('a rating that passed its check before the list was published', () => {
  it('is refused in its transaction, and the published list is all there is', async () => {
    // 陈桂兰 starts rating while the month is open; before her transaction the street closes and publishes it.
    let pub: Pub | undefined
    pauseAt('currentRule', async () => {
      await readyToPublish()
      pub = await h.ok<Pub>('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin)
    })
    const late = await h.call(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-2-1-101', stars: good },
      CHEN,
    )
    expect(late.env.ok ? 'ok' : late.env.error.code).toBe('CONFLICT')
    expect(pub).toBeDefined()
    expect(await count('property_ratings', { householdId: 'h-hx-2-1-101' })).toBe(0)
    const { data } = await h.db
      .collection('property_aggregates')
      .where({ _id: `agg:${PERIOD}:co-2` })
      .get()
    expect((data[0] as { households: number }).households).toBe((await frozen(pub!.id, 'co-2')).households)
  })
})

describe('an assessment that passed its check before the list was published', () => {
  it('is refused in its transaction (nothing stored)', async () => {
    await readyToPublish()
    let pub: Pub | undefined
    pauseAt('company', async () => {
      pub = await h.ok<Pub>('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin)
    })
    const late = await h.call(
      'property',
      'assessment.submit',
      { periodId: PERIOD, communityId: 'c-hx', companyId: 'co-1', direction: 'of_company', score: 40 },
      P.secHx,
    )
    expect(late.env.ok ? 'ok' : late.env.error.code).toBe('CONFLICT')
    expect(pub).toBeDefined()
    expect(await count('property_assessments', { periodId: PERIOD })).toBe(0)
    expect((await frozen(pub!.id, 'co-1')).communityScore).toBeNull()
  })
})

describe('a publication whose inputs changed after they were gathered', () => {
  it('is refused when an assessment lands between the gathering and the transaction, and the retry includes it', async () => {
    await readyToPublish()
    pauseAt('listInputs', () =>
      h.ok(
        'property',
        'assessment.submit',
        { periodId: PERIOD, communityId: 'c-hx', companyId: 'co-1', direction: 'of_company', score: 40 },
        P.secHx,
      ),
    )
    const first = await h.call('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin)
    expect(first.env.ok ? 'ok' : first.env.error).toEqual({ code: 'CONFLICT', message: '数据刚有变化，请重试' })
    expect(await count('property_publications', { periodId: PERIOD })).toBe(0)
    const { data } = await h.db.collection('property_periods').where({ _id: PERIOD }).get()
    expect(data[0]).toMatchObject({ status: 'closed' })
    const retry = await h.ok<Pub>('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin)
    expect((await frozen(retry.id, 'co-1')).communityScore).toBe(40)
  })

  it('is refused when a resident confirms a fix between the gathering and the transaction, and the retry counts it', async () => {
    // 陈桂兰's low rating opens an item on co-2; 钱进 reports it fixed before the close.
    const r = await h.ok<{ rectificationId: string }>(
      'property',
      'rating.submit',
      {
        requestId: rid(),
        periodId: PERIOD,
        householdId: 'h-hx-2-1-101',
        stars: { ...good, repairs: 1 },
        comment: '单元门禁坏了',
      },
      CHEN,
    )
    await h.ok(
      'property',
      'rectification.report',
      { rectificationId: r.rectificationId, text: '门禁已更换', done: true },
      'o-prop-qian',
    )
    await readyToPublish()
    pauseAt('listInputs', () =>
      h.ok('property', 'rectification.confirm', { rectificationId: r.rectificationId, fixed: true }, CHEN),
    )
    const first = await h.call('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin)
    expect(first.env.ok ? 'ok' : first.env.error.code).toBe('CONFLICT')
    expect(await count('property_publications', { periodId: PERIOD })).toBe(0)
    const retry = await h.ok<Pub>('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin)
    expect(await frozen(retry.id, 'co-2')).toMatchObject({ rectTotal: 5, rectResolved: 1 })
  })
})

describe('under plain concurrency', () => {
  it('every assessment that was stored is in the publication, or there is no publication', async () => {
    await readyToPublish()
    const pairs: [string, string, string][] = [
      [P.secHx, 'c-hx', 'co-1'],
      [P.secHx, 'c-hx', 'co-2'],
      [P.secYg, 'c-yg', 'co-3'],
      [P.secYg, 'c-yg', 'co-4'],
    ]
    const [published, ...assessed] = await Promise.all([
      h.call<Pub>('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin),
      ...pairs.map(([who, communityId, companyId], i) =>
        h.call(
          'property',
          'assessment.submit',
          { periodId: PERIOD, communityId, companyId, direction: 'of_company', score: 50 + i },
          who,
        ),
      ),
    ])
    const stored = await h.db.collection('property_assessments').where({ periodId: PERIOD }).get()
    expect(stored.data.length).toBe(assessed.filter((a) => a.env.ok).length)
    expect(published.env.ok ? 'ok' : published.env.error.code).toMatch(/^(ok|CONFLICT)$/)
    const pubs = await h.db.collection('property_publications').where({ periodId: PERIOD }).get()
    expect(pubs.data.length).toBe(published.env.ok ? 1 : 0)
    const inputs = pubs.data.length ? (pubs.data[0] as { inputs: Inputs[] }).inputs : []
    // With a publication, each stored score is frozen in it; without one there is nothing to leave out.
    const scores = stored.data as { companyId: string; score: number }[]
    const frozenScores = scores.map((a) =>
      published.env.ok ? inputs.find((i) => i.companyId === a.companyId)?.communityScore : a.score,
    )
    expect(frozenScores).toEqual(scores.map((a) => a.score))
  })

  it('ratings of several households at once: each is stored and counted, or refused whole', async () => {
    const households = ['h-hx-1-3-101', 'h-hx-1-3-102', 'h-hx-1-3-201', 'h-hx-1-3-202']
    for (const [i, hh] of households.entries()) {
      await h.db.collection('users').add({
        data: {
          _id: `o-par-${i}`,
          name: `并发${i}`,
          createdAt: T0,
          updatedAt: T0,
          roles: [
            {
              role: 'resident',
              scopeType: 'household',
              scopeId: hh,
              scopeName: hh,
              communityId: 'c-hx',
              streetId: 'st-jinxiu',
            },
          ],
        },
      })
    }
    const agg = async () =>
      (
        (
          await h.db
            .collection('property_aggregates')
            .where({ _id: `agg:${PERIOD}:co-1` })
            .get()
        ).data[0] as { households: number }
      ).households
    const before = await agg()
    const results = await Promise.all(
      households.map((hh, i) =>
        h.call(
          'property',
          'rating.submit',
          { requestId: rid(), periodId: PERIOD, householdId: hh, stars: good },
          `o-par-${i}`,
        ),
      ),
    )
    const ok = results.filter((r) => r.env.ok).length
    expect(ok).toBeGreaterThan(0)
    expect(results.filter((r) => !r.env.ok).map((r) => (r.env.ok ? '' : r.env.error.code))).toEqual(
      Array(households.length - ok).fill('CONFLICT'),
    )
    expect(await count('property_ratings', { householdId: h.db.command.in(households) })).toBe(ok)
    expect(await agg()).toBe(before + ok)
  })
})
