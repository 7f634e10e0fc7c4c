/**
 * Idempotent creates survive a crash. The local server (a real child process) is SIGKILLed while
 * many creates are in flight — topics, estates, 480-household buildings, ratings, grid events —
 * then restarted on the same data dir, and every request is retried with its own requestId. Each
 * either returns its first result or completes; none stays stuck on "仍在处理" past the function
 * timeout (20 s); none is duplicated (the records are counted in the store afterwards).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FUNCTION_TIMEOUT_MS } from '../../cloudfunctions/shared/idempotency'
import Database from 'better-sqlite3'
import { DocStore } from '../../local/store/doc-store'
import type { Envelope } from '../../types/envelope'
import { P } from './harness'
import { startServer, type ServerProcess } from './server-process'

interface Req {
  stream: string
  fn: string
  action: string
  openid: string
  input: Record<string, unknown> & { requestId: string }
  /** The answer before the crash; undefined while in flight when the server died. */
  first?: Envelope<Record<string, unknown>>
}

/** The demo street's open rating period (local/seed/property.ts OPEN_PERIOD). */
const OPEN_PERIOD = 'per:st-jinxiu:2026-11'
const stars = (n: number) => ({ cleaning: n, order: n, repairs: n, greening: n, attitude: n, fees: n })
const FLOORS = 40
const ROOMS = 12

/** Each stream sends its requests one after another (a person does not race themself). */
const STREAMS: Record<
  string,
  { fn: string; action: string; openid: string; input: (i: number) => Record<string, unknown> }
> = {
  topicLiu: {
    fn: 'council',
    action: 'topic.propose',
    openid: P.liu,
    input: (i) => ({ communityId: 'c-hx', title: `断电议题甲${i}`, body: '楼道灯坏了，希望更换。', photos: [] }),
  },
  topicZhang: {
    fn: 'council',
    action: 'topic.propose',
    openid: P.zhang,
    input: (i) => ({ communityId: 'c-hx', title: `断电议题乙${i}`, body: '车棚漏雨，希望修缮。', photos: [] }),
  },
  estate: {
    fn: 'org',
    action: 'estate.create',
    openid: P.admin,
    input: (i) => ({ communityId: 'c-yg', name: `断电小区${i}` }),
  },
  building: {
    fn: 'org',
    action: 'building.create',
    openid: P.secHx,
    input: (i) => ({
      estateId: 'e-hx-2',
      gridId: 'g-hx-4',
      name: `断电${i}号楼`,
      floors: FLOORS,
      roomsPerFloor: ROOMS,
      floorAreaDm2: 9000,
    }),
  },
  ratingLiu: {
    fn: 'property',
    action: 'rating.submit',
    openid: P.liu,
    input: (i) => ({ periodId: OPEN_PERIOD, householdId: 'h-hx-1-1-101', stars: stars(1 + (i % 5)) }),
  },
  ratingZhang: {
    fn: 'property',
    action: 'rating.submit',
    openid: P.zhang,
    input: (i) => ({ periodId: OPEN_PERIOD, householdId: 'h-hx-1-1-202', stars: stars(5 - (i % 5)) }),
  },
  event: {
    fn: 'grid',
    action: 'event.report',
    openid: P.grid,
    input: (i) => ({
      gridId: 'g-hx-1',
      place: '1号楼门口',
      category: 'facility',
      description: `断电事件${i}`,
      photos: [],
      urgency: 'normal',
    }),
  },
}

const call = async (base: string, r: Req): Promise<Envelope<Record<string, unknown>>> => {
  const res = await fetch(`${base}/cloud/${r.fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': r.openid },
    body: JSON.stringify({ action: r.action, input: r.input }),
  })
  return (await res.json()) as Envelope<Record<string, unknown>>
}

/**
 * Runs every stream until the server is killed: after `killAfter` answers, at a moment when a building
 * has been in flight for a while (its households half written) and its request is claimed — seen in the
 * store itself (a read-only connection beside the server's), not guessed from a delay, so a slow machine
 * cannot kill it before the claim.
 */
async function loadUntilKilled(server: ServerProcess, killAfter: number, dbFile: string): Promise<Req[]> {
  const sent: Req[] = []
  let answered = 0
  let buildingSince = 0
  let buildingMark = ''
  let killing: Promise<void> | undefined
  const store = new Database(dbFile, { readonly: true, fileMustExist: true })
  const claimed = store.prepare("SELECT 1 FROM docs WHERE coll = 'requests' AND id = ? AND doc LIKE '%running%'")
  const watch = setInterval(() => {
    if (
      !killing &&
      answered >= killAfter &&
      buildingSince &&
      Date.now() - buildingSince > 300 &&
      claimed.get(buildingMark)
    )
      killing = server.kill()
  }, 10)
  // Each stream keeps sending until its connection dies with the server, so every stream has exactly
  // one request unanswered at the kill, however slowly the machine runs.
  await Promise.all(
    Object.entries(STREAMS).map(async ([stream, s]) => {
      for (let i = 0; ; i++) {
        const r: Req = {
          stream,
          fn: s.fn,
          action: s.action,
          openid: s.openid,
          input: { requestId: `crash-${stream}-${i}`, ...s.input(i) },
        }
        sent.push(r)
        if (stream === 'building') {
          buildingSince = Date.now()
          buildingMark = `${s.fn}:${s.action}:${s.openid}:${r.input.requestId}`
        }
        try {
          r.first = await call(server.base, r)
        } catch {
          return // the connection died with the server: in flight
        }
        if (stream === 'building') buildingSince = 0
        answered++
      }
    }),
  )
  clearInterval(watch)
  await killing
  store.close()
  return sent
}

test('after kill -9 every request retried with its requestId returns its first result or completes, once', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-crash-'))
  let server: ServerProcess | undefined
  try {
    server = await startServer(dir)
    const sent = await loadUntilKilled(server, 60, path.join(dir, 'db.sqlite'))
    const killedAt = Date.now()
    const inFlight = sent.filter((r) => !r.first)
    // The run crashed with writes in flight, of several kinds, a building among them.
    expect(inFlight.map((r) => r.stream).sort()).toEqual(Object.keys(STREAMS).sort())
    expect(inFlight.map((r) => r.stream)).toContain('building')
    for (const r of sent.filter((x) => x.first))
      expect({ req: r.input.requestId, ok: r.first?.ok }).toEqual({ req: r.input.requestId, ok: true })

    // What the dead attempt left: households of a building that no building lists yet.
    const dead = DocStore.open({ file: path.join(dir, 'db.sqlite') })
    const listed = new Set(dead.find('buildings', { estateId: 'e-hx-2' }).map((b) => (b as { _id: string })._id))
    const orphans = dead
      .find('households', { estateId: 'e-hx-2' })
      .filter((x) => !listed.has((x as { buildingId: string }).buildingId)).length
    dead.close()

    server = await startServer(dir)
    // Right after the restart: what was answered answers the same; what was in flight completes, or —
    // while its first attempt may still be running (under the function timeout) — says so.
    const early = new Map<Req, Envelope<Record<string, unknown>>>()
    await Promise.all(
      Object.keys(STREAMS).map(async (stream) => {
        for (const r of sent.filter((x) => x.stream === stream)) early.set(r, await call(server!.base, r))
      }),
    )
    for (const r of sent.filter((x) => x.first))
      expect({ req: r.input.requestId, env: early.get(r) }).toEqual({ req: r.input.requestId, env: r.first })
    for (const r of inFlight) {
      const env = early.get(r)!
      expect({ req: r.input.requestId, outcome: env.ok ? 'ok' : `${env.error.code} ${env.error.message}` }).toEqual({
        req: r.input.requestId,
        outcome: expect.stringMatching(/^(ok|CONFLICT 上一次提交仍在处理，请稍后刷新)$/),
      })
    }

    // Past the function timeout nothing is stuck: every in-flight request completes (or had already).
    await new Promise((r) => setTimeout(r, Math.max(0, killedAt + FUNCTION_TIMEOUT_MS + 1000 - Date.now())))
    const late = new Map<Req, Envelope<Record<string, unknown>>>()
    for (const r of inFlight) late.set(r, await call(server.base, r))
    for (const r of inFlight) {
      const env = late.get(r)!
      expect({ req: r.input.requestId, outcome: env.ok ? 'ok' : `${env.error.code} ${env.error.message}` }).toEqual({
        req: r.input.requestId,
        outcome: 'ok',
      })
      const earlyEnv = early.get(r)!
      if (earlyEnv.ok) expect(env).toEqual(earlyEnv)
    }
    const waited = inFlight.filter((r) => !early.get(r)!.ok).map((r) => r.stream)
    console.log(
      `crash: ${sent.length} requests, in flight at the kill: ${inFlight.map((r) => r.stream).join(', ')} (${orphans} households of the unfinished building); still running right after the restart: ${waited.join(', ') || 'none'}`,
    )
    // The building's attempt had claimed its request when it died: the retry waited for the timeout, then took over.
    expect(waited).toContain('building')
    // And a third try answers exactly what the completing one did.
    for (const r of inFlight) expect(await call(server.base, r)).toEqual(late.get(r))
    await server.stop()
    server = undefined

    const store = DocStore.open({ file: path.join(dir, 'db.sqlite') })
    try {
      const of = (stream: string) => sent.filter((r) => r.stream === stream)
      // Every request left exactly one audit record: no work ran twice. A rating is audited anonymously
      // (no requestId that could lead back to the rater): it is counted per rating below.
      const named = sent.filter((r) => !r.stream.startsWith('rating'))
      const auditsPer = named.map((r) => ({
        req: r.input.requestId,
        audits: store.count('audit', { requestId: r.input.requestId }),
      }))
      expect(auditsPer).toEqual(named.map((r) => ({ req: r.input.requestId, audits: 1 })))
      for (const r of [...of('topicLiu'), ...of('topicZhang')])
        expect({ t: r.input.title, n: store.count('council_topics', { title: r.input.title }) }).toEqual({
          t: r.input.title,
          n: 1,
        })
      for (const r of of('event'))
        expect({ d: r.input.description, n: store.count('grid_events', { description: r.input.description }) }).toEqual(
          { d: r.input.description, n: 1 },
        )
      for (const r of of('estate'))
        expect({ e: r.input.name, n: store.count('estates', { name: r.input.name }) }).toEqual({
          e: r.input.name,
          n: 1,
        })
      for (const r of of('building')) {
        const [b, ...more] = store.find('buildings', { estateId: 'e-hx-2', name: r.input.name })
        expect({
          name: r.input.name,
          more: more.length,
          households: store.count('households', { buildingId: (b as { _id: string })._id }),
        }).toEqual({ name: r.input.name, more: 0, households: FLOORS * ROOMS })
      }
      // The counters moved once per record.
      const hx = store.get('communities', 'c-hx') as { householdCount: number }
      expect(hx.householdCount).toBe(store.count('households', { communityId: 'c-hx' }))
      const yg = store.get('communities', 'c-yg') as { estateCount: number }
      expect(yg.estateCount).toBe(store.count('estates', { communityId: 'c-yg' }))
      // A rating edited n times carries n - 1 edits after its first answer, and one revision per edit.
      for (const stream of ['ratingLiu', 'ratingZhang']) {
        const reqs = of(stream)
        const firstEdits = (reqs[0].first ?? late.get(reqs[0]))!
        expect(firstEdits.ok).toBe(true)
        const e0 = (firstEdits as unknown as { data: { edits: number } }).data.edits
        const household = reqs[0].input.householdId as string
        const [rating] = store.find('property_ratings', { householdId: household, periodId: OPEN_PERIOD }) as {
          _id: string
          publicId: string
          edits: number
        }[]
        expect(rating.edits).toBe(e0 + reqs.length - 1)
        expect(store.count('property_revisions', { targetId: rating._id })).toBe(rating.edits)
        // One anonymous audit entry per request (the seeded rating wrote none).
        expect(store.count('audit', { action: 'rating.submit', target: `property_ratings/${rating.publicId}` })).toBe(
          reqs.length,
        )
      }
    } finally {
      store.close()
    }
  } finally {
    if (server) await server.kill()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}, 180_000)
