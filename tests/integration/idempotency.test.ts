/**
 * Idempotent creates (cloudfunctions/shared/idempotency.ts) at the edges a crash or a lost write
 * leaves: the done mark not written after the work, a claim left `running` by a dead attempt, two
 * retries taking it over at once, concurrent repeats. The kill -9 run over HTTP is
 * local-cloud.crash-retry.test.ts.
 */
import type { Mutation } from '../../local/store/ops'
import { FUNCTION_TIMEOUT_MS, once, onceTx, type TxRunner } from '../../cloudfunctions/shared/idempotency'
import { openCloud, P, rid, T0, type Cloud } from './harness'

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())
afterEach(() => h.setNow(T0))

const count = async (collection: string, where: Record<string, unknown>) =>
  (await h.db.collection(collection).where(where).count()).total

/** The next commit that writes a request's done mark fails (as a write that never reached the disk). */
function failNextDoneMark() {
  const apply = h.store.apply.bind(h.store)
  h.store.apply = (mutations: readonly Mutation[]) => {
    if (mutations.some((m) => m.coll === 'requests' && (m.after as { state?: string } | null)?.state === 'done')) {
      h.store.apply = apply
      throw new Error('disk I/O error')
    }
    apply(mutations)
  }
}

const topic = (title: string) => ({
  requestId: rid(),
  communityId: 'c-hx',
  title,
  body: '希望在小区里加装几张休息座椅。',
  photos: [],
})
const building = (name: string) => ({
  requestId: rid(),
  estateId: 'e-hx-1',
  gridId: 'g-hx-2',
  name,
  floors: 3,
  roomsPerFloor: 4,
  floorAreaDm2: 9000,
})
const householdCount = async () =>
  ((await h.db.collection('communities').doc('c-hx').get()).data as { householdCount: number }).householdCount

describe('the done mark commits with the work', () => {
  it('a topic whose done mark failed to be written is not there, and the retry makes it once', async () => {
    const input = topic('加装休息座椅')
    failNextDoneMark()
    const first = await h.call('council', 'topic.propose', input, P.liu)
    expect(first.env.ok ? 'ok' : first.env.error.code).toBe('INTERNAL')
    expect(await count('council_topics', { title: '加装休息座椅' })).toBe(0)
    const again = await h.ok<{ id: string }>('council', 'topic.propose', input, P.liu)
    expect(await h.ok('council', 'topic.propose', input, P.liu)).toEqual(again)
    expect(await count('council_topics', { title: '加装休息座椅' })).toBe(1)
    expect(await count('audit', { requestId: input.requestId })).toBe(1)
  })

  it('a building whose last step failed is completed by the retry: one building, its households and the counter once', async () => {
    const input = building('重试楼')
    const before = await householdCount()
    failNextDoneMark()
    const first = await h.call('org', 'building.create', input, P.secHx)
    expect(first.env.ok ? 'ok' : first.env.error.code).toBe('INTERNAL')
    // The households were written, but no building lists them and the counter has not moved.
    expect(await count('buildings', { name: '重试楼' })).toBe(0)
    expect(await householdCount()).toBe(before)
    const b = await h.ok<{ id: string; householdCount: number }>('org', 'building.create', input, P.secHx)
    expect(b.householdCount).toBe(12)
    expect(await count('buildings', { name: '重试楼' })).toBe(1)
    expect(await count('households', { buildingId: b.id })).toBe(12)
    expect(await count('households', { estateId: 'e-hx-1', room: '101', address: '和谐家园 重试楼 101' })).toBe(1)
    expect(await householdCount()).toBe(before + 12)
    expect(await count('audit', { requestId: input.requestId })).toBe(1)
  })
})

describe('a claim left running by an attempt that died', () => {
  /** What a killed building.create leaves: its request claimed at `at`, nothing committed. */
  const deadClaim = (requestId: string, at: Date) =>
    h.db
      .collection('requests')
      .add({ data: { _id: `org:building.create:${P.secHx}:${requestId}`, state: 'running', at, attempt: 'dead' } })

  it('answers 仍在处理 within the function timeout and is taken over after it', async () => {
    const input = building('接管楼')
    await deadClaim(input.requestId, T0)
    h.setNow(new Date(T0.getTime() + FUNCTION_TIMEOUT_MS))
    const early = await h.expectRefused('org', 'building.create', input, P.secHx, 'CONFLICT')
    expect(early?.message).toBe('上一次提交仍在处理，请稍后刷新')
    h.setNow(new Date(T0.getTime() + FUNCTION_TIMEOUT_MS + 1))
    const b = await h.ok<{ id: string }>('org', 'building.create', input, P.secHx)
    expect(await count('households', { buildingId: b.id })).toBe(12)
    expect(await h.ok('org', 'building.create', input, P.secHx)).toEqual(b)
  })

  it('two retries at once: the building is made once, and each answers it or that it is still running', async () => {
    const input = building('并发接管楼')
    const before = await householdCount()
    await deadClaim(input.requestId, T0)
    h.setNow(new Date(T0.getTime() + 60_000))
    const both = await Promise.all([
      h.call('org', 'building.create', input, P.secHx),
      h.call('org', 'building.create', input, P.secHx),
    ])
    const answers = new Set(both.map(({ env }) => (env.ok ? 'ok' : `${env.error.code} ${env.error.message}`)))
    expect([...answers].filter((a) => a !== 'CONFLICT 上一次提交仍在处理，请稍后刷新')).toEqual(['ok'])
    const built = both.flatMap(({ env }) => (env.ok ? [JSON.stringify(env.data)] : []))
    expect(new Set(built).size).toBe(1)
    expect(await count('buildings', { name: '并发接管楼' })).toBe(1)
    expect(await householdCount()).toBe(before + 12)
    expect(await count('audit', { requestId: input.requestId })).toBe(1)
  })
})

describe('taking over', () => {
  const key = (requestId: string) => ({ fn: 'test', action: 'work', openid: P.secHx, requestId })
  const tx: TxRunner = (fn) => h.db.runTransaction(fn)

  it('of two retries that find the same dead claim, only one runs the work', async () => {
    const k = key(rid())
    await h.db
      .collection('requests')
      .add({ data: { _id: `test:work:${P.secHx}:${k.requestId}`, state: 'running', at: T0, attempt: 'dead' } })
    const later = new Date(T0.getTime() + FUNCTION_TIMEOUT_MS + 1)
    let runs = 0
    const work = async () => {
      runs++
      return { n: runs }
    }
    const outcomes = await Promise.allSettled([once(h.db, tx, k, later, work), once(h.db, tx, k, later, work)])
    expect(runs).toBe(1)
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? 'ok' : (o.reason as Error).message)).sort()).toEqual([
      'ok',
      '上一次提交仍在处理，请稍后刷新',
    ])
    expect(await once(h.db, tx, k, new Date(later.getTime() + 1000), work)).toEqual({ n: 1 })
  })
})

describe('after the commit', () => {
  it('runs only in the call that committed, not in a repeat', async () => {
    const k = { fn: 'test', action: 'notify', openid: P.secHx, requestId: rid() }
    const sent: number[] = []
    const tx: TxRunner = (fn) => h.db.runTransaction(fn)
    const work = async () => ({ n: 1 })
    const after = async (r: { n: number }) => {
      sent.push(r.n)
    }
    expect(await onceTx(h.db, tx, k, T0, work, after)).toEqual({ n: 1 })
    expect(await onceTx(h.db, tx, k, T0, work, after)).toEqual({ n: 1 })
    expect(sent).toEqual([1])
  })
})

describe('repeats', () => {
  it('a repeat of a committed create answers its first result and changes nothing', async () => {
    const input = topic('楼下加装快递柜')
    const first = await h.ok('council', 'topic.propose', input, P.liu)
    h.setNow(new Date(T0.getTime() + 3600_000))
    const before = await h.snapshot()
    expect(await h.ok('council', 'topic.propose', input, P.liu)).toEqual(first)
    expect(await h.snapshot()).toBe(before)
  })

  it('concurrent repeats of a transactional create commit once and all answer the same', async () => {
    const input = topic('修缮自行车棚')
    const answers = await Promise.all(
      [1, 2, 3].map(() => h.call<{ id: string }>('council', 'topic.propose', input, P.liu)),
    )
    const ids = answers.map(({ env }) => (env.ok ? env.data.id : env.error.code))
    expect(new Set(ids).size).toBe(1)
    expect(ids[0]).toMatch(/^topic_/)
    expect(await count('council_topics', { title: '修缮自行车棚' })).toBe(1)
  })

  it('the same requestId from another person is another request', async () => {
    const input = topic('增设垃圾分类指导员')
    const a = await h.ok<{ id: string }>('council', 'topic.propose', input, P.liu)
    const b = await h.ok<{ id: string }>('council', 'topic.propose', input, P.zhang)
    expect(a.id).not.toBe(b.id)
  })
})
