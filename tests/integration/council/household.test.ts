import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'
import { addResidents, dateIn, DAY, iso, publishedMeeting } from './fixtures'

/**
 * One household, one voice (SPEC §3, issue 10 §2): whoever in the household acts first casts its
 * ballot (or gives its rating); only that member may change it; a later member sees what the
 * household did and is refused with nothing changed. Ballots and ratings hold no person, only an
 * owner token (HMAC of the openid under OWNER_TOKEN_SECRET), and nothing is recorded without the secret.
 */

type Ballot = { householdId: string | null; choice: string | null; canChange: boolean; byMe: boolean }
type Resolution = {
  id: string
  rating: { count: number; average: number | null }
  myRating: { stars: number | null; comment?: string; byMe: boolean } | null
}

let h: Cloud
/** 刘芳's husband and 张德福's daughter: verified members of the same households. */
let liuSpouse: string
let zhangDaughter: string
beforeAll(async () => {
  h = await openCloud()
  ;[liuSpouse] = await addResidents(h, ['h-hx-1-1-101'], 'spouse')
  ;[zhangDaughter] = await addResidents(h, ['h-hx-1-1-202'], 'daughter')
})
afterAll(() => h.close())

async function openVote(): Promise<string> {
  const m = await publishedMeeting(h)
  const v = await h.ok<{ id: string }>(
    'council',
    'vote.open',
    {
      requestId: rid(),
      meetingId: m.id,
      itemId: m.itemIds[0],
      title: '楼顶光伏板安装方案',
      options: [
        { label: '同意', kind: 'for' },
        { label: '反对', kind: 'against' },
      ],
      buildingIds: ['b-hx-1-1'],
      opensAt: iso(T0),
      closesAt: iso(new Date(T0.getTime() + 7 * DAY)),
      preset: 'simple',
    },
    P.secHx,
  )
  return v.id
}
const ballots = async (voteId: string) =>
  (await h.db.collection('council_ballots').where({ voteId }).get()).data as {
    householdId: string
    choice: string
    owner: string
  }[]

describe("a household's ballot", () => {
  let voteId: string
  beforeAll(async () => {
    voteId = await openVote()
  })

  it('is cast by the first member; a later member is refused, changing nothing', async () => {
    await h.ok('council', 'vote.cast', { voteId, optionKey: 'o1' }, P.liu)
    const err = await h.expectRefused('council', 'vote.cast', { voteId, optionKey: 'o2' }, liuSpouse, 'CONFLICT')
    expect(err?.message).toContain('本户已由家人投票')
  })

  it("is shown to the later member as the household's choice, which they cannot change", async () => {
    expect(await h.ok<Ballot>('council', 'vote.myBallot', { voteId }, liuSpouse)).toMatchObject({
      householdId: 'h-hx-1-1-101',
      choice: 'o1',
      byMe: false,
      canChange: false,
    })
    expect(await h.ok<Ballot>('council', 'vote.myBallot', { voteId }, P.liu)).toMatchObject({
      choice: 'o1',
      byMe: true,
      canChange: true,
    })
  })

  it('may be changed by the member who cast it, until the close', async () => {
    await h.ok('council', 'vote.cast', { voteId, optionKey: 'o2' }, P.liu)
    expect(await h.ok<Ballot>('council', 'vote.myBallot', { voteId }, liuSpouse)).toMatchObject({
      choice: 'o2',
      byMe: false,
    })
    expect(await ballots(voteId)).toHaveLength(1)
  })

  it('belongs to whoever acts first, whichever member that is', async () => {
    await h.ok('council', 'vote.cast', { voteId, optionKey: 'o1' }, zhangDaughter)
    await h.expectRefused('council', 'vote.cast', { voteId, optionKey: 'o2' }, P.zhang, 'CONFLICT')
    expect(await h.ok<Ballot>('council', 'vote.myBallot', { voteId }, P.zhang)).toMatchObject({
      choice: 'o1',
      byMe: false,
      canChange: false,
    })
  })

  it('is one ballot when two members cast at the same moment: the other is refused', async () => {
    const fresh = await openVote()
    for (let round = 0; round < 5; round++) {
      const v = round === 0 ? fresh : await openVote()
      const [a, b] = await Promise.all([
        h.call<Ballot>('council', 'vote.cast', { voteId: v, optionKey: 'o1' }, P.liu),
        h.call<Ballot>('council', 'vote.cast', { voteId: v, optionKey: 'o2' }, liuSpouse),
      ])
      const codes = [a, b].map((r) => (r.env.ok ? 'OK' : r.env.error.code)).sort()
      expect(codes).toEqual(['CONFLICT', 'OK'])
      const stored = await ballots(v)
      expect(stored).toHaveLength(1)
      const winner = a.env.ok ? a.env.data : b.env.ok ? b.env.data : null
      expect(stored[0].choice).toBe(winner?.choice)
      const { data } = await h.db.collection('council_ballot_boxes').where({ voteId: v }).limit(16).get()
      expect((data as { households: number }[]).reduce((s, x) => s + x.households, 0)).toBe(1)
    }
  })
})

describe('without the owner-token secret', () => {
  const saved = process.env.OWNER_TOKEN_SECRET
  afterEach(() => {
    process.env.OWNER_TOKEN_SECRET = saved
    jest.restoreAllMocks()
  })

  it('records no ballot: vote.cast answers INTERNAL, changes nothing, and tells the operator why', async () => {
    const voteId = await openVote()
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    delete process.env.OWNER_TOKEN_SECRET
    await h.expectRefused('council', 'vote.cast', { voteId, optionKey: 'o1' }, P.liu, 'INTERNAL')
    expect(log.mock.calls.map((c) => String(c[0])).join('\n')).toContain('OWNER_TOKEN_SECRET is not set')
    process.env.OWNER_TOKEN_SECRET = saved
    await h.ok('council', 'vote.cast', { voteId, optionKey: 'o1' }, P.liu)
    delete process.env.OWNER_TOKEN_SECRET
    await h.expectRefused('council', 'vote.myBallot', { voteId }, P.liu, 'INTERNAL')
  })
})

describe("a household's rating of a resolution", () => {
  let res: string
  beforeAll(async () => {
    const m = await publishedMeeting(h)
    await h.ok('council', 'meeting.start', { meetingId: m.id }, P.secHx)
    const r = await h.ok<{ id: string }>(
      'council',
      'resolution.record',
      {
        meetingId: m.id,
        itemId: m.itemIds[0],
        decision: '楼顶防水层翻新',
        responsible: { type: 'company', id: 'co-1' },
        deadline: dateIn(10),
      },
      P.secHx,
    )
    await h.ok('council', 'resolution.progress', { resolutionId: r.id, note: '已完工', status: 'done' }, P.secHx)
    res = r.id
  })

  it('is given by the first member; a later member is refused, changing nothing, and sees it', async () => {
    await h.ok('council', 'resolution.rate', { resolutionId: res, stars: 4, comment: '施工及时' }, P.liu)
    const err = await h.expectRefused(
      'council',
      'resolution.rate',
      { resolutionId: res, stars: 1 },
      liuSpouse,
      'CONFLICT',
    )
    expect(err?.message).toContain('本户已由家人评价')
    const seen = await h.ok<Resolution>('council', 'resolution.get', { resolutionId: res }, liuSpouse)
    expect(seen.myRating).toEqual({ resolutionId: res, stars: 4, comment: '施工及时', byMe: false })
    expect(seen.rating).toEqual({ count: 1, average: 4 })
  })

  it('keeps the earlier rating as a revision when its giver changes it', async () => {
    const changed = await h.ok<Resolution>(
      'council',
      'resolution.rate',
      { resolutionId: res, stars: 2, comment: '一周后又漏水' },
      P.liu,
    )
    expect(changed.rating).toEqual({ count: 1, average: 2 })
    expect(changed.myRating).toMatchObject({ stars: 2, byMe: true })
    const { data } = await h.db.collection('council_rating_revisions').where({ resolutionId: res }).get()
    expect(data).toEqual([
      expect.objectContaining({ ratingId: `rating:${res}:h-hx-1-1-101`, stars: 4, comment: '施工及时' }),
    ])
    const { data: rating } = await h.db
      .collection('council_ratings')
      .where({ _id: `rating:${res}:h-hx-1-1-101` })
      .get()
    expect(rating[0]).toMatchObject({ stars: 2, edits: 1 })
    expect(JSON.stringify(rating)).not.toMatch(/o-res-|o-t-/)
  })

  it('is one rating when two members rate at the same moment: the other is refused and the count moves once', async () => {
    const [a, b] = await Promise.all([
      h.call('council', 'resolution.rate', { resolutionId: res, stars: 5 }, P.zhang),
      h.call('council', 'resolution.rate', { resolutionId: res, stars: 1 }, zhangDaughter),
    ])
    expect([a, b].map((r) => (r.env.ok ? 'OK' : r.env.error.code)).sort()).toEqual(['CONFLICT', 'OK'])
    const stars = a.env.ok ? 5 : 1
    const r = await h.ok<Resolution>('council', 'resolution.get', { resolutionId: res }, P.zhang)
    expect(r.rating).toEqual({ count: 2, average: (2 + stars) / 2 })
    const { total } = await h.db.collection('council_ratings').where({ resolutionId: res }).count()
    expect(total).toBe(2)
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
