/**
 * Contract of the local cloud: the REAL wx-server-sdk (query building, EJSON, error wrapping,
 * transaction retry logic) against the local backend. If an SDK upgrade changes the wire, or the
 * backend drifts from what the SDK expects, this file fails.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createLocalCloud, currentInvocation, type LocalCloud } from '../../local/runtime'
import { installLocalCloud } from '../../local/seam'

// A plain require: the module object itself, the one the seam patched.

const cloud: typeof import('wx-server-sdk') = require('wx-server-sdk')

/** The SDK's rejections carry these (CloudSDKError). */
interface SdkError {
  errCode: number
  errMsg: string
}

type Row = Record<string, unknown>
type Filter = Record<string, unknown>

/*
 * Promise-only typing facade over the SDK's own database objects (its .d.ts is callback-style,
 * `void | Promise`); the runtime objects are the SDK's, untouched.
 */
interface Cmd {
  and(...c: unknown[]): Cmd
  or(...c: unknown[]): Cmd
}
interface Command {
  eq(v: unknown): Cmd
  neq(v: unknown): Cmd
  gt(v: unknown): Cmd
  gte(v: unknown): Cmd
  lt(v: unknown): Cmd
  lte(v: unknown): Cmd
  in(v: unknown[]): Cmd
  nin(v: unknown[]): Cmd
  exists(b: boolean): Cmd
  or(...c: unknown[]): Cmd
  and(...c: unknown[]): Cmd
  inc(n: number): unknown
  mul(n: number): unknown
  push(v: unknown): unknown
  pull(v: unknown): unknown
  remove(): unknown
  aggregate: { sum(v: unknown): unknown; size(v: unknown): unknown }
}
interface Query {
  where(f: Filter | Cmd): Query
  orderBy(field: string, dir: 'asc' | 'desc'): Query
  skip(n: number): Query
  limit(n: number): Query
  field(p: Record<string, boolean>): Query
  get(): Promise<{ data: Row[] }>
  count(): Promise<{ total: number }>
  update(a: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}
interface DocRef {
  get(): Promise<{ data: Row }>
  set(a: { data: object }): Promise<{ _id: string; stats: { updated: number; created: number } }>
  update(a: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}
interface Aggregate {
  match(v: Filter): Aggregate
  group(v: object): Aggregate
  sort(v: Record<string, 1 | -1>): Aggregate
  limit(n: number): Aggregate
  skip(n: number): Aggregate
  project(v: object): Aggregate
  lookup(v: object): Aggregate
  unwind(v: string): Aggregate
  count(v: string): Aggregate
  end(): Promise<{ list: Row[] }>
}
interface Collection extends Query {
  doc(id: string): DocRef
  add(a: { data: object }): Promise<{ _id: string; _ids?: string[] }>
  aggregate(): Aggregate
}
interface Tx {
  collection(name: string): Collection
  rollback(reason?: unknown): Promise<void>
}
interface Db {
  collection(name: string): Collection
  command: Command
  serverDate(o?: { offset: number }): unknown
  RegExp(o: { regexp: string; options?: string }): unknown
  runTransaction<T>(fn: (t: Tx) => Promise<T>): Promise<T>
  createCollection(name: string): Promise<unknown>
}

const COLLECTIONS = ['q', 'todos', 'acct', 'log', 'users', 'orders', 'outbox']
const T0 = new Date('2026-01-02T03:04:05.678Z')

let dir: string
let lc: LocalCloud
let clock = T0

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-contract-'))
  lc = createLocalCloud({ dataDir: dir, synchronous: 'NORMAL', collections: COLLECTIONS, now: () => clock })
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
})

afterAll(() => {
  lc.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const db = (): Db => cloud.database() as unknown as Db
const _ = (): Command => db().command
const serverDate = (offset?: number): unknown => db().serverDate(offset === undefined ? undefined : { offset })

const run = <T>(fn: (t: Tx) => Promise<T>): Promise<T> => db().runTransaction(fn)

async function rejection(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p
  } catch (e) {
    return e as SdkError
  }
  throw new Error('expected a rejection')
}

const ids = (rows: Row[]): string[] => rows.map((r) => r._id as string)

async function qIds(where: Filter | Cmd): Promise<string[]> {
  const { data } = await db().collection('q').where(where).orderBy('_id', 'asc').get()
  return ids(data)
}

describe('queries', () => {
  beforeAll(async () => {
    const q = db().collection('q')
    await q.add({ data: { _id: 'q1', owner: 'o1', n: 1, tag: 'a', done: false, meta: { x: 1, y: 'p' }, title: 'Abc' } })
    await q.add({ data: { _id: 'q2', owner: 'o1', n: 5, tag: 'b', done: true, meta: { x: 2 }, title: 'abd' } })
    await q.add({
      data: { _id: 'q3', owner: 'o2', n: 7, tag: 'c', done: false, meta: { x: 1 }, title: 'xyz', extra: true },
    })
    await q.add({ data: { _id: 'q4', owner: 'o1', n: 10, tag: 'a', done: false, title: 'ABX' } })
    await q.add({ data: { _id: 'q5', owner: 'o3', n: 3, tag: 'b', done: false, title: 'qq', extra: false } })
  })

  test('where with command operators', async () => {
    const c = _()
    expect(await qIds({ owner: c.eq('o1') })).toEqual(['q1', 'q2', 'q4'])
    expect(await qIds({ owner: 'o1', done: false })).toEqual(['q1', 'q4'])
    expect(await qIds({ owner: c.neq('o1') })).toEqual(['q3', 'q5'])
    expect(await qIds({ n: c.gt(1).and(c.lt(10)) })).toEqual(['q2', 'q3', 'q5'])
    expect(await qIds({ n: c.gte(5).and(c.lte(7)) })).toEqual(['q2', 'q3'])
    expect(await qIds({ tag: c.in(['a', 'c']) })).toEqual(['q1', 'q3', 'q4'])
    expect(await qIds({ tag: c.nin(['a']) })).toEqual(['q2', 'q3', 'q5'])
    expect(await qIds(c.or([{ owner: 'o2' }, { n: c.gte(10) }]))).toEqual(['q3', 'q4'])
    expect(await qIds({ owner: 'o1', n: c.or(c.lt(2), c.gt(8)) })).toEqual(['q1', 'q4'])
    expect(await qIds({ extra: c.exists(true) })).toEqual(['q3', 'q5'])
    expect(await qIds({ meta: c.exists(false) })).toEqual(['q4', 'q5'])
  })

  test('an $or of equalities (answered from the equality indexes, unioned) finds each match once', async () => {
    const c = _()
    expect(await qIds(c.or([{ owner: 'o2' }, { tag: 'a' }, { owner: 'nobody' }]))).toEqual(['q1', 'q3', 'q4'])
    expect(await qIds(c.or([{ owner: 'o1' }, { tag: 'a' }]))).toEqual(['q1', 'q2', 'q4'])
    expect(await qIds(c.or([{ owner: 'nobody' }, { tag: 'none' }]))).toEqual([])
    // A branch no index answers (a nested field) reads every document, as before.
    expect(await qIds(c.or([{ owner: 'o3' }, { 'meta.x': 2 }]))).toEqual(['q2', 'q5'])
  })

  test('nested fields and regular expressions', async () => {
    expect(await qIds({ 'meta.x': 1 })).toEqual(['q1', 'q3'])
    expect(await qIds({ meta: { x: 2 } })).toEqual(['q2'])
    expect(await qIds({ 'meta.y': _().eq('p') })).toEqual(['q1'])
    expect(await qIds({ title: db().RegExp({ regexp: '^ab', options: 'i' }) })).toEqual(['q1', 'q2', 'q4'])
    expect(await qIds({ title: /^ab/ })).toEqual(['q2'])
  })

  test('orderBy (multi-key), skip, limit, field, count', async () => {
    const q = db().collection('q')
    const all = await q.orderBy('owner', 'asc').orderBy('n', 'desc').get()
    expect(ids(all.data)).toEqual(['q4', 'q2', 'q1', 'q3', 'q5'])
    const page = await q.orderBy('owner', 'asc').orderBy('n', 'desc').skip(1).limit(3).field({ n: true }).get()
    expect(page.data).toEqual([
      { _id: 'q2', n: 5 },
      { _id: 'q1', n: 1 },
      { _id: 'q3', n: 7 },
    ])
    expect((await q.where({ owner: 'o1' }).count()).total).toBe(3)
    expect((await q.count()).total).toBe(5)
  })

  test('field: top-level inclusions (picked on the page), _id excluded, nested and exclusion projections', async () => {
    const q = db().collection('q')
    const sorted = () => q.where({ owner: 'o1' }).orderBy('n', 'asc')
    expect((await sorted().field({ n: true, owner: true }).get()).data).toEqual([
      { _id: 'q1', n: 1, owner: 'o1' },
      { _id: 'q2', n: 5, owner: 'o1' },
      { _id: 'q4', n: 10, owner: 'o1' },
    ])
    expect((await sorted().field({ _id: false, n: true }).get()).data).toEqual([{ n: 1 }, { n: 5 }, { n: 10 }])
    // A field the document lacks stays absent.
    expect((await sorted().field({ extra: true }).skip(2).limit(1).get()).data).toEqual([{ _id: 'q4' }])
    const nested = (await sorted().field({ 'meta.x': true }).limit(1).get()).data[0] as {
      meta?: Record<string, unknown>
    }
    expect(Object.keys(nested.meta ?? {})).toEqual(['x'])
    const withoutId = (await sorted().field({ _id: false }).limit(1).get()).data[0] as Record<string, unknown>
    expect(withoutId._id).toBeUndefined()
    expect(withoutId.n).toBe(1)
  })

  test('the wire refuses a page above 1000 (the SDK itself clamps to 1000)', async () => {
    const send = lc.seam.requester().send('database.getDocument', { collectionName: 'q', limit: 1001 })
    await expect(send).rejects.toMatchObject({ code: 'INVALID_PARAM' })
    const clamped = await db().collection('q').limit(5000).get()
    expect(clamped.data).toHaveLength(5)
  })

  test('aggregate: match / group / sort / limit', async () => {
    const $ = _().aggregate
    const { list } = await db()
      .collection('q')
      .aggregate()
      .match({ done: false })
      .group({ _id: '$owner', total: $.sum('$n'), docs: $.sum(1) })
      .sort({ total: -1 })
      .limit(2)
      .end()
    expect(list).toEqual([
      { _id: 'o1', total: 11, docs: 2 },
      { _id: 'o2', total: 7, docs: 1 },
    ])
  })

  test('aggregate: lookup, project, unwind, skip, count', async () => {
    const $ = _().aggregate
    await db()
      .collection('users')
      .add({
        data: [
          { _id: 'o1', name: 'A', tags: ['x', 'y'] },
          { _id: 'o3', name: 'C', tags: ['z'] },
        ],
      })
    await db()
      .collection('orders')
      .add({
        data: [
          { _id: 'r1', owner: 'o1' },
          { _id: 'r2', owner: 'o1' },
          { _id: 'r3', owner: 'o3' },
        ],
      })
    const joined = await db()
      .collection('users')
      .aggregate()
      .lookup({ from: 'orders', localField: '_id', foreignField: 'owner', as: 'orders' })
      .project({ name: 1, orders: $.size('$orders') })
      .sort({ _id: 1 })
      .end()
    expect(joined.list).toEqual([
      { _id: 'o1', name: 'A', orders: 2 },
      { _id: 'o3', name: 'C', orders: 1 },
    ])
    const unwound = await db()
      .collection('users')
      .aggregate()
      .unwind('$tags')
      .sort({ tags: 1 })
      .skip(1)
      .project({ _id: 0, tags: 1 })
      .end()
    expect(unwound.list).toEqual([{ tags: 'y' }, { tags: 'z' }])
    const counted = await db().collection('q').aggregate().match({ owner: 'o1' }).count('k').end()
    expect(counted.list).toEqual([{ k: 3 }])
  })
})

describe('writes', () => {
  test('add: generated 32-hex _id, Date and serverDate round-trip, numbers, nesting, batch add', async () => {
    clock = T0
    const added = await db()
      .collection('todos')
      .add({
        data: {
          due: new Date(86_400_000),
          createdAt: serverDate(),
          later: serverDate(1000),
          n: 1.5,
          big: 2 ** 40,
          nested: { a: [1, { b: 2 }] },
        },
      })
    expect(added._id).toMatch(/^[0-9a-f]{32}$/)
    const { data } = await db().collection('todos').doc(added._id).get()
    expect(data).toEqual({
      _id: added._id,
      due: new Date(86_400_000),
      createdAt: T0,
      later: new Date(T0.getTime() + 1000),
      n: 1.5,
      big: 2 ** 40,
      nested: { a: [1, { b: 2 }] },
    })
    expect(data.createdAt).toBeInstanceOf(Date)
    const batch = await db()
      .collection('todos')
      .add({ data: [{ k: 1 }, { k: 2 }] })
    expect(batch._ids).toHaveLength(2)
    expect(
      (
        await db()
          .collection('todos')
          .where({ k: _().in([1, 2]) })
          .count()
      ).total,
    ).toBe(2)
  })

  test('doc.get of a missing doc is the SDK error', async () => {
    const err = await rejection(db().collection('todos').doc('nope').get())
    expect(err.errCode).toBe(-1)
    expect(err.errMsg).toBe('document.get:fail document with _id nope does not exist')
  })

  test('doc.update: inc, push, dotted set, nested merge, remove, serverDate, pull, mul', async () => {
    const c = _()
    await db()
      .collection('todos')
      .add({ data: { _id: 'u1', n: 1, tags: ['a'], meta: { x: 1 }, gone: true } })
    clock = new Date(T0.getTime() + 60_000)
    const r1 = await db()
      .collection('todos')
      .doc('u1')
      .update({
        data: {
          n: c.inc(2),
          tags: c.push(['b', 'c']),
          'meta.y': 2,
          meta2: { z: 3 },
          gone: c.remove(),
          updatedAt: serverDate(),
        },
      })
    expect(r1.stats.updated).toBe(1)
    expect((await db().collection('todos').doc('u1').get()).data).toEqual({
      _id: 'u1',
      n: 3,
      tags: ['a', 'b', 'c'],
      meta: { x: 1, y: 2 },
      meta2: { z: 3 },
      updatedAt: clock,
    })
    await db()
      .collection('todos')
      .doc('u1')
      .update({ data: { tags: c.pull('b'), n: c.mul(10), meta: { w: 0 } } })
    expect((await db().collection('todos').doc('u1').get()).data).toEqual({
      _id: 'u1',
      n: 30,
      tags: ['a', 'c'],
      meta: { x: 1, y: 2, w: 0 },
      meta2: { z: 3 },
      updatedAt: clock,
    })
    const missing = await db()
      .collection('todos')
      .doc('absent')
      .update({ data: { n: 1 } })
    expect(missing.stats.updated).toBe(0)
  })

  test('doc.set replaces an existing doc and upserts a missing one', async () => {
    await db()
      .collection('todos')
      .add({ data: { _id: 's1', title: 'old', n: 9 } })
    const replaced = await db()
      .collection('todos')
      .doc('s1')
      .set({ data: { title: 'replaced' } })
    expect(replaced).toMatchObject({ _id: 's1', stats: { updated: 1, created: 0 } })
    expect((await db().collection('todos').doc('s1').get()).data).toEqual({ _id: 's1', title: 'replaced' })
    const created = await db()
      .collection('todos')
      .doc('s2')
      .set({ data: { x: 1 } })
    expect(created).toMatchObject({ _id: 's2', stats: { updated: 0, created: 1 } })
    expect((await db().collection('todos').doc('s2').get()).data).toEqual({ _id: 's2', x: 1 })
  })

  test('where().update updates every match; where().remove removes every match', async () => {
    const t = db().collection('todos')
    await t.add({
      data: [
        { grp: 'w', v: 1 },
        { grp: 'w', v: 2 },
        { grp: 'other', v: 3 },
      ],
    })
    const up = await t.where({ grp: 'w' }).update({ data: { flag: true } })
    expect(up.stats.updated).toBe(2)
    expect((await t.where({ flag: true }).count()).total).toBe(2)
    const rm = await t.where({ grp: 'w' }).remove()
    expect(rm.stats.removed).toBe(2)
    expect((await t.where({ grp: _().in(['w', 'other']) }).count()).total).toBe(1)
  })

  test('a missing collection fails as in CloudBase (strict collections)', async () => {
    const read = await rejection(db().collection('nope').get())
    expect(read.errCode).toBe(-502005)
    expect(read.errMsg).toContain('database collection not exists')
    expect(
      (
        await rejection(
          db()
            .collection('nope')
            .add({ data: { a: 1 } }),
        )
      ).errCode,
    ).toBe(-502005)
    expect((await rejection(db().collection('nope').where({ a: 1 }).count())).errCode).toBe(-502005)
    expect(lc.store.hasCollection('nope')).toBe(false)
  })

  test('a duplicate _id is refused with E11000', async () => {
    await db()
      .collection('todos')
      .add({ data: { _id: 'dup', v: 1 } })
    const err = await rejection(
      db()
        .collection('todos')
        .add({ data: { _id: 'dup', v: 2 } }),
    )
    expect(err.errCode).toBe(-502001)
    expect(err.errMsg).toContain('E11000 duplicate key')
    expect((await db().collection('todos').doc('dup').get()).data).toEqual({ _id: 'dup', v: 1 })
  })

  test('createCollection creates once', async () => {
    await db().createCollection('made_here')
    expect(lc.store.listCollections()).toContain('made_here')
    await expect(db().createCollection('made_here')).rejects.toMatchObject({
      errMsg: expect.stringContaining('collection already exists'),
    })
  })

  test('an unknown wire action throws', async () => {
    await expect(lc.seam.requester().send('database.queryDocument', { collectionName: 'q' })).rejects.toThrow(
      /unknown database wire action "database.queryDocument"/,
    )
  })
})

describe('transactions', () => {
  const balance = async (id: string): Promise<number> =>
    (await db().collection('acct').doc(id).get()).data.bal as number

  beforeAll(async () => {
    await db()
      .collection('acct')
      .add({
        data: [
          { _id: 'a', bal: 100 },
          { _id: 'b', bal: 0 },
        ],
      })
  })

  test('commit applies every write; reads inside see own writes, outside see committed state', async () => {
    const c = _()
    const seen = await run(async (t) => {
      await t
        .collection('acct')
        .doc('a')
        .update({ data: { bal: c.inc(-30) } })
      await t
        .collection('acct')
        .doc('b')
        .update({ data: { bal: c.inc(30) } })
      await t.collection('log').add({ data: { _id: 'x1', amount: 30 } })
      const inside = (await t.collection('acct').doc('a').get()).data.bal
      const outside = await balance('a')
      return { inside, outside }
    })
    expect(seen).toEqual({ inside: 70, outside: 100 })
    expect([await balance('a'), await balance('b')]).toEqual([70, 30])
    expect((await db().collection('log').doc('x1').get()).data).toEqual({ _id: 'x1', amount: 30 })
  })

  test('rollback discards the writes and rejects with the reason', async () => {
    const attempt = run(async (t) => {
      await t
        .collection('acct')
        .doc('a')
        .update({ data: { bal: _().inc(-1000) } })
      await t.collection('log').add({ data: { _id: 'x-rolled-back' } })
      await t.rollback('insufficient')
    })
    await expect(attempt).rejects.toBe('insufficient')
    expect(await balance('a')).toBe(70)
    expect((await db().collection('log').where({ _id: 'x-rolled-back' }).count()).total).toBe(0)
  })

  test('a thrown error aborts; a missing doc get() inside a transaction throws (throwOnNotFound)', async () => {
    const err = await rejection(
      run(async (t) => {
        await t
          .collection('acct')
          .doc('a')
          .update({ data: { bal: 0 } })
        await t.collection('acct').doc('ghost').get()
      }),
    )
    expect(err.errMsg).toBe('document.get:fail document with _id ghost does not exist')
    expect(await balance('a')).toBe(70)
  })

  test('where() inside a transaction is refused (CloudBase allows single-document operations only)', async () => {
    const err = await rejection(run(async (t) => t.collection('acct').where({ bal: 70 }).get()))
    expect(err.errCode).toBe(-502001)
    expect(err.errMsg).toContain('single-document operations')
  })

  test('two concurrent read-modify-write transactions: exactly one wins, the other gets -501001', async () => {
    const before = await balance('a')
    const logsBefore = (await db().collection('log').count()).total
    let arrived = 0
    let release: () => void = () => undefined
    const bothRead = new Promise<void>((resolve) => {
      release = resolve
    })
    const withdraw = (tag: string) =>
      run(async (t) => {
        const bal = (await t.collection('acct').doc('a').get()).data.bal as number
        arrived += 1
        if (arrived === 2) release()
        await bothRead
        await t
          .collection('acct')
          .doc('a')
          .update({ data: { bal: bal - 10 } })
        await t.collection('log').add({ data: { _id: `w-${tag}`, amount: 10 } })
        return tag
      })
    const outcomes = await Promise.allSettled([withdraw('one'), withdraw('two')])
    const won = outcomes.filter((o) => o.status === 'fulfilled')
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(1)
    expect(lost[0].reason).toMatchObject({ errCode: -501001 })
    expect((lost[0].reason as SdkError).errMsg).toBe(
      'document.update:fail -501001 resource system error. database transaction conflict',
    )
    expect(await balance('a')).toBe(before - 10)
    expect((await db().collection('log').count()).total).toBe(logsBefore + 1)
    expect(lc.seam.transactions.openCount).toBe(0)
  })

  test('a plain write racing an open transaction makes the commit conflict; the SDK retries and the retry wins', async () => {
    let attempts = 0
    await run(async (t) => {
      attempts += 1
      const bal = (await t.collection('acct').doc('b').get()).data.bal as number
      await t
        .collection('acct')
        .doc('b')
        .update({ data: { bal: bal + 1 } })
      if (attempts === 1)
        await db()
          .collection('acct')
          .doc('b')
          .update({ data: { bal: _().inc(100) } })
    })
    expect(attempts).toBe(2)
    expect(await balance('b')).toBe(30 + 100 + 1)
  })
})

describe('runtime and platform stand-ins', () => {
  test('getWXContext is per invocation, also across concurrent invocations', async () => {
    const main = async (event: { delay: number }) => {
      const first = cloud.getWXContext().OPENID
      await new Promise((r) => setTimeout(r, event.delay))
      await db().collection('q').doc('q1').get()
      return { first, second: cloud.getWXContext().OPENID }
    }
    const results = await Promise.all([
      lc.invoke(main, { delay: 30 }, { openid: 'oA' }),
      lc.invoke(main, { delay: 5 }, { openid: 'oB' }),
      lc.invoke(main, { delay: 15 }, { openid: 'oC' }),
    ])
    expect(results.map((r) => r.result)).toEqual([
      { first: 'oA', second: 'oA' },
      { first: 'oB', second: 'oB' },
      { first: 'oC', second: 'oC' },
    ])
    const anonymous = await lc.invoke(async () => cloud.getWXContext(), {}, { openid: null })
    expect(anonymous.result).toEqual({
      OPENID: '',
      APPID: 'wx-local',
      UNIONID: undefined,
      ENV: 'local',
      SOURCE: 'wx_client',
    })
  })

  test('the event carries userInfo as the platform adds it for a mini-program caller', async () => {
    const echo = async (event: Row) => event
    expect((await lc.invoke(echo, { action: 'x' }, { openid: 'oU' })).result).toEqual({
      action: 'x',
      userInfo: { appId: 'wx-local', openId: 'oU' },
    })
    expect((await lc.invoke(echo, { action: 'x' }, { openid: null })).result).toEqual({ action: 'x' })
  })

  test('dbRequests counts the wire requests of one invocation', async () => {
    const three = await lc.invoke(
      async () => {
        expect(currentInvocation()?.dbRequests).toBe(0)
        await db().collection('q').doc('q1').get()
        await db().collection('q').where({ owner: 'o1' }).count()
        await db()
          .collection('todos')
          .add({ data: { counted: true } })
        return 'done'
      },
      {},
      { openid: 'oA' },
    )
    expect(three).toMatchObject({ result: 'done', dbRequests: 3 })
    expect(three.ms).toBeGreaterThan(0)
    // start + get + update + commit
    const tx = await lc.invoke(
      () =>
        run(async (t) => {
          await t.collection('acct').doc('a').get()
          await t
            .collection('acct')
            .doc('a')
            .update({ data: { touched: true } })
        }),
      {},
      { openid: 'oA' },
    )
    expect(tx.dbRequests).toBe(4)
    expect((await lc.invoke(async () => 1, {}, { openid: 'oA' })).dbRequests).toBe(0)
  })

  test('the seam is idempotent and node-sdk cannot reassign the requester', async () => {
    const again = installLocalCloud({ store: lc.store, uploadsDir: lc.uploadsDir, now: () => clock })
    expect(again.transactions).toBe(lc.seam.transactions)
    const { Db } = lc.seam.sdk
    const Installed = Db.reqClass
    Db.reqClass = class NetworkRequester {} // what node-sdk's newDb() does on every cloud.database()
    expect(Db.reqClass).toBe(Installed)
    expect((await db().collection('q').where({ owner: 'o1' }).count()).total).toBe(3)
  })

  test('any other call that would reach Tencent fails at once, without network', async () => {
    const t0 = Date.now()
    const err = await rejection(cloud.callFunction({ name: 'other', data: {} }) as Promise<unknown>)
    expect(err.errMsg).toContain('local cloud: "functions.invokeFunction" would go to Tencent CloudBase')
    expect(Date.now() - t0).toBeLessThan(1000)
  })

  test('msgSecCheck passes clean text and rejects a blocked word with 87014', async () => {
    const ok = await cloud.openapi.security.msgSecCheck({ content: '周六上午社区义诊' })
    expect(ok).toMatchObject({
      errCode: 0,
      errMsg: 'openapi.security.msgSecCheck:ok',
      result: { suggest: 'pass', label: 100 },
    })
    const err = await rejection(cloud.openapi.security.msgSecCheck({ content: '这里有违禁词' }))
    expect(err).toMatchObject({ errCode: 87014, errMsg: 'openapi.security.msgSecCheck:fail risky content' })
  })

  test('imgSecCheck passes a clean image, rejects one carrying a blocked word with 87014 and one over 1 MB', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
    const ok = await cloud.openapi.security.imgSecCheck({ media: { contentType: 'image/png', value: png } })
    expect(ok).toMatchObject({ errCode: 0, errMsg: 'openapi.security.imgSecCheck:ok' })
    const risky = Buffer.concat([png, Buffer.from('tEXtComment\0这里有违禁词', 'utf8')])
    const err = await rejection(
      cloud.openapi.security.imgSecCheck({ media: { contentType: 'image/png', value: risky } }),
    )
    expect(err).toMatchObject({ errCode: 87014, errMsg: 'openapi.security.imgSecCheck:fail risky content' })
    const big = await rejection(
      cloud.openapi.security.imgSecCheck({
        media: { contentType: 'image/png', value: Buffer.concat([png, Buffer.alloc(1024 * 1024)]) },
      }),
    )
    expect(big.errCode).toBe(40006)
  })

  test('subscribeMessage.send writes the outbox', async () => {
    clock = new Date('2026-03-04T05:06:07.000Z')
    const res = await cloud.openapi.subscribeMessage.send({
      touser: 'oTarget',
      templateId: 'TPL-1',
      page: 'pages/home/index',
      data: { thing1: { value: '会议' } },
    })
    expect(res).toMatchObject({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' })
    const outbox = lc.store.find('outbox', { toOpenid: 'oTarget' })
    expect(outbox).toHaveLength(1)
    const { _id: id, ...doc } = outbox[0]
    expect(id).toMatch(/^[0-9a-f]{32}$/)
    expect(doc).toEqual({
      toOpenid: 'oTarget',
      templateId: 'TPL-1',
      page: 'pages/home/index',
      data: { thing1: { value: '会议' } },
      at: clock,
    })
    const unknown = await rejection(cloud.openapi.wxacode.getUnlimited({ scene: 'x' }))
    expect(unknown.errCode).toBe(-604100)
  })

  test('uploadFile writes under uploadsDir; getTempFileURL, downloadFile, deleteFile follow', async () => {
    const up = await cloud.uploadFile({ cloudPath: 'avatars/u 1.png', fileContent: Buffer.from('PNGDATA') })
    expect(up.fileID).toBe('cloud://local/avatars/u 1.png')
    const onDisk = path.join(lc.uploadsDir, 'avatars', 'u 1.png')
    expect(fs.readFileSync(onDisk, 'utf8')).toBe('PNGDATA')
    const urls = (await cloud.getTempFileURL({ fileList: [up.fileID, 'cloud://local/missing.png'] })) as {
      fileList: Array<{ tempFileURL: string; status: number }>
    }
    expect(urls.fileList.map((f) => [f.tempFileURL, f.status])).toEqual([
      ['/local/files/avatars/u%201.png', 0],
      ['', -503003],
    ])
    const down = await cloud.downloadFile({ fileID: up.fileID })
    expect(Buffer.from(down.fileContent as Buffer).toString()).toBe('PNGDATA')
    await cloud.deleteFile({ fileList: [up.fileID] })
    expect(fs.existsSync(onDisk)).toBe(false)
    await expect(cloud.uploadFile({ cloudPath: '../escape.txt', fileContent: Buffer.from('x') })).rejects.toBeTruthy()
    expect(fs.existsSync(path.join(lc.dataDir, 'escape.txt'))).toBe(false)
  })
})
