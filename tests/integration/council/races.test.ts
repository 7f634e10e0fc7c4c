import { fireTimers } from '../../../local/timers'
import { setClock } from '../../../cloudfunctions/shared/clock'
import { sdk } from '../../../cloudfunctions/shared/cloud'
import type { Database } from '../../../cloudfunctions/shared/db-types'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { addResidents, DAY, householdsOf, iso, publishedMeeting } from './fixtures'

/**
 * A ballot racing the count (issue 10 §3): every ballot is either in the stored result or refused,
 * never silently left out. The clock tells each caller what it would see at that instant: the voters
 * are a moment before the close (their pre-checks pass), the secretary and the timer a moment after
 * (the close may run), so only the transactions decide who wins.
 */

type Vote = { id: string; result?: { ballots: number; options: { key: string; households: number }[] } }

let h: Cloud
let voters: string[]
beforeAll(async () => {
  h = await openCloud()
  const hs = (await householdsOf(h, 'b-hx-1-4')).map((x) => x._id)
  voters = await addResidents(h, hs)
})
afterAll(() => h.close())

/** Voters see `closesAt − 1 ms`; callers without a household role (the secretary, the timer) see `closesAt + 1 s`. */
function straddle(closesAt: Date) {
  setClock(() => {
    const openid = sdk().getWXContext().OPENID ?? ''
    return voters.includes(openid) ? new Date(closesAt.getTime() - 1) : new Date(closesAt.getTime() + 1000)
  })
}

async function stored(voteId: string) {
  const { data } = await h.db.collection('council_ballots').where({ voteId }).limit(100).get()
  return data as { householdId: string; choice: string }[]
}

async function raceOnce(close: (voteId: string) => Promise<unknown>, round: number) {
  setClock(() => T0)
  const m = await publishedMeeting(h)
  const closesAt = new Date(T0.getTime() + DAY)
  const v = await h.ok<Vote>(
    'council',
    'vote.open',
    {
      requestId: rid(),
      meetingId: m.id,
      itemId: m.itemIds[0],
      title: `充电桩选址（第 ${round} 轮）`,
      options: [
        { label: '同意', kind: 'for' },
        { label: '反对', kind: 'against' },
      ],
      buildingIds: ['b-hx-1-4'],
      opensAt: iso(T0),
      closesAt: iso(closesAt),
      preset: 'simple',
    },
    P.secHx,
  )
  // A few ballots well before the close, then the rest racing it.
  for (const p of voters.slice(0, 3)) await h.ok('council', 'vote.cast', { voteId: v.id, optionKey: 'o1' }, p)
  straddle(closesAt)
  // The ballots come a millisecond apart and the close starts among them, at a different point each round.
  const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
  const racing = voters
    .slice(3)
    .map((p, i) =>
      after(i).then(() => h.call('council', 'vote.cast', { voteId: v.id, optionKey: i % 2 ? 'o1' : 'o2' }, p)),
    )
  const closing = after(1 + (round % 3) * 2).then(() => close(v.id))
  const [, ...casts] = await Promise.all([closing, ...racing])
  setClock(() => T0)
  const closed = await h.ok<Vote>('council', 'vote.get', { voteId: v.id }, P.secHx)
  const ballots = await stored(v.id)
  const codes = casts.map((c) => (c.env.ok ? 'OK' : c.env.error.code))
  expect(codes.every((c) => c === 'OK' || c === 'CONFLICT')).toBe(true)
  // Every accepted ballot is counted, every refused one left nothing behind, and the result is the ballots'.
  expect(ballots).toHaveLength(3 + codes.filter((c) => c === 'OK').length)
  expect(closed.result!.ballots).toBe(ballots.length)
  for (const key of ['o1', 'o2'])
    expect(closed.result!.options.find((o) => o.key === key)!.households).toBe(
      ballots.filter((b) => b.choice === key).length,
    )
  const { data } = await h.db.collection('council_votes').where({ _id: v.id }).get()
  expect((data[0] as { result: { counterHouseholds: number } }).result.counterHouseholds).toBe(ballots.length)
  return codes
}

/**
 * Holds one voter's ballot transaction at a chosen point, once: just before it writes its ballot box
 * (it has read the vote and the box), or just after (it holds the box). The functions' database is
 * wrapped for the length of one test; everything else passes straight through.
 */
function holdBallot(openid: string, at: 'beforeBoxWrite' | 'afterBoxWrite') {
  let reached!: () => void
  let release!: () => void
  const reachedP = new Promise<void>((r) => (reached = r))
  const releaseP = new Promise<void>((r) => (release = r))
  let used = false
  const cloud = sdk() as unknown as { database: (...a: unknown[]) => Database }
  const original = cloud.database
  type Ref = { update(a: unknown): Promise<unknown> }
  type Tx = { collection(name: string): { doc(id: string): Ref } }
  cloud.database = (...args: unknown[]) => {
    const db = original.apply(cloud, args)
    const runTransaction = db.runTransaction.bind(db)
    db.runTransaction = (<T>(run: (tx: Tx) => Promise<T>, ...rest: unknown[]) => {
      if (used || sdk().getWXContext().OPENID !== openid)
        return runTransaction(run as never, ...(rest as [])) as Promise<T>
      used = true
      return runTransaction(
        (async (tx: Tx) => {
          const held: Tx = {
            collection(name: string) {
              const c = tx.collection(name)
              if (name !== 'council_ballot_boxes') return c
              return Object.assign(Object.create(c) as object, {
                doc: (id: string) => {
                  const ref = c.doc(id)
                  return Object.assign(Object.create(ref) as object, {
                    update: async (a: unknown) => {
                      if (at === 'beforeBoxWrite') {
                        reached()
                        await releaseP
                      }
                      const out = await ref.update(a)
                      if (at === 'afterBoxWrite') {
                        reached()
                        await releaseP
                      }
                      return out
                    },
                  }) as Ref
                },
              }) as ReturnType<Tx['collection']>
            },
          }
          return run(Object.assign(Object.create(tx as object) as object, held) as Tx)
        }) as never,
        ...(rest as []),
      ) as Promise<T>
    }) as Database['runTransaction']
    return db
  }
  return {
    reached: reachedP,
    release: () => release(),
    restore: () => {
      cloud.database = original
    },
  }
}

async function openRacingVote(title: string) {
  setClock(() => T0)
  const m = await publishedMeeting(h)
  const closesAt = new Date(T0.getTime() + DAY)
  const v = await h.ok<Vote>(
    'council',
    'vote.open',
    {
      requestId: rid(),
      meetingId: m.id,
      itemId: m.itemIds[0],
      title,
      options: [
        { label: '同意', kind: 'for' },
        { label: '反对', kind: 'against' },
      ],
      buildingIds: ['b-hx-1-4'],
      opensAt: iso(T0),
      closesAt: iso(closesAt),
      preset: 'simple',
    },
    P.secHx,
  )
  for (const p of voters.slice(0, 2)) await h.ok('council', 'vote.cast', { voteId: v.id, optionKey: 'o1' }, p)
  straddle(closesAt)
  return v
}

async function resultMatchesBallots(voteId: string) {
  const closed = await h.ok<Vote>('council', 'vote.get', { voteId }, P.secHx)
  const ballots = await stored(voteId)
  expect(closed.result!.ballots).toBe(ballots.length)
  return ballots
}

describe('a ballot caught in the middle of the close', () => {
  it('read the box before the seal and writes it after: it is refused, and nothing of it is stored', async () => {
    const v = await openRacingVote('充电桩选址（封箱前读取）')
    const hold = holdBallot(voters[5], 'beforeBoxWrite')
    try {
      const cast = h.call('council', 'vote.cast', { voteId: v.id, optionKey: 'o2' }, voters[5])
      await hold.reached
      const closed = await h.call<Vote>('council', 'vote.close', { voteId: v.id }, P.secHx)
      expect(closed.env.ok && closed.env.data.result!.ballots).toBe(2)
      hold.release()
      const r = await cast
      expect(r.env.ok ? 'OK' : r.env.error.code).toBe('CONFLICT')
      const ballots = await resultMatchesBallots(v.id)
      expect(ballots.map((b) => b.householdId)).not.toContain(voters[5].replace(/^o-t-/, ''))
    } finally {
      hold.restore()
      setClock(() => T0)
    }
  })

  it('holds its box while the close tries to seal: the close waits (CONFLICT, nothing stored), the ballot lands, the next close counts it', async () => {
    const v = await openRacingVote('充电桩选址（封箱时占用）')
    const hold = holdBallot(voters[5], 'afterBoxWrite')
    try {
      const cast = h.call('council', 'vote.cast', { voteId: v.id, optionKey: 'o2' }, voters[5])
      await hold.reached
      const early = await h.call('council', 'vote.close', { voteId: v.id }, P.secHx)
      expect(early.env.ok ? 'OK' : early.env.error.code).toBe('CONFLICT')
      expect((await h.db.collection('council_votes').where({ _id: v.id }).get()).data[0]).not.toHaveProperty('result')
      hold.release()
      expect((await cast).env.ok).toBe(true)
      await h.ok('council', 'vote.close', { voteId: v.id }, P.secHx)
      const ballots = await resultMatchesBallots(v.id)
      expect(ballots).toHaveLength(3)
    } finally {
      hold.restore()
      setClock(() => T0)
    }
  })
})

describe('a ballot racing the close', () => {
  it('is in the stored result or refused, when the secretary counts', async () => {
    const seen = new Set<string>()
    for (let round = 1; round <= 6; round++) {
      const codes = await raceOnce(async (voteId) => {
        const r = await h.call('council', 'vote.close', { voteId }, P.secHx)
        if (!r.env.ok) throw new Error(`close failed: ${r.env.error.code} ${r.env.error.message}`)
      }, round)
      codes.forEach((c) => seen.add(c))
    }
    // Across the rounds both outcomes happen: the race is real, and each side wins sometimes.
    expect([...seen].sort()).toEqual(['CONFLICT', 'OK'])
  })

  it('is in the stored result or refused, when the timer counts at the close', async () => {
    for (let round = 7; round <= 9; round++) {
      await raceOnce(async () => {
        const runs = await fireTimers((main, event, { openid }) =>
          h.rawMain(main, event, openid).then((result) => ({ result })),
        )
        expect(runs['council.tick']).toMatchObject({ ok: true })
      }, round)
    }
  })
})
