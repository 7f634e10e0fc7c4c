import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'
import { addResidents, DAY, householdsOf, iso, publishedMeeting } from './fixtures'

type Vote = {
  id: string
  status: string
  options: { key: string; label: string }[]
  turnout: {
    households: number
    areaPercent: number | null
    eligibleHouseholds: number
    eligibleAreaDm2: number
    asOf: string
    refreshMinutes: number
    gap: { households: number; areaPercent: number | null } | null
    participationMet: boolean | null
  }
  rule: { preset: string; text: string }
  result?: {
    passed: boolean
    adoptedOptionKey: string | null
    ballots: number
    summary: string
    rule: { preset: string }
    participation: {
      households: { count: number; total: number; met: boolean }
      area: { met: boolean; percent: number | null } | null
      met: boolean
    }
    options: { key: string; households: number; approvalMet: boolean }[]
  }
}
type Ballot = {
  householdId: string | null
  choice: string | null
  eligible: boolean
  canChange: boolean
  byMe: boolean
}

const MIN = 60_000
let h: Cloud
/** Agenda items of a published meeting, one per vote (an item takes one vote at a time). */
let items: string[]
let meetingId: string
beforeAll(async () => {
  h = await openCloud()
  const m = await publishedMeeting(h, 20)
  meetingId = m.id
  items = m.itemIds
})
afterAll(() => h.close())
afterEach(() => h.setNow(T0))

const yesNo = [
  { label: '同意', kind: 'for' },
  { label: '反对', kind: 'against' },
  { label: '弃权', kind: 'abstain' },
]
const openInput = (over: Record<string, unknown> = {}) => ({
  requestId: rid(),
  meetingId,
  itemId: items.shift(),
  title: '冬季电动车集中充电点设置方案',
  options: yesNo,
  buildingIds: ['b-hx-1-1'],
  opensAt: iso(T0),
  closesAt: iso(new Date(T0.getTime() + 7 * DAY)),
  preset: 'civil_code_ordinary',
  ...over,
})
const box = async (voteId: string) => {
  const { data } = await h.db.collection('council_ballot_boxes').where({ voteId }).limit(16).get()
  const boxes = data as { households: number; areaDm2: number; sealed: boolean }[]
  return {
    boxes: boxes.length,
    households: boxes.reduce((s, b) => s + b.households, 0),
    areaDm2: boxes.reduce((s, b) => s + b.areaDm2, 0),
    sealed: boxes.filter((b) => b.sealed).length,
  }
}

describe('opening a vote', () => {
  it('fixes the eligible households and their floor area, stores the preset rule and sets up 16 empty ballot boxes', async () => {
    const hs = await householdsOf(h, 'b-hx-1-1')
    const v = await h.ok<Vote>('council', 'vote.open', openInput(), P.secHx)
    expect(v.status).toBe('open')
    expect(v.turnout).toMatchObject({
      households: 0,
      areaPercent: null,
      eligibleHouseholds: hs.length,
      eligibleAreaDm2: hs.reduce((s, x) => s + x.floorAreaDm2, 0),
      refreshMinutes: 10,
    })
    expect(v.rule.preset).toBe('civil_code_ordinary')
    expect(v.turnout.gap?.households).toBe(Math.ceil((hs.length * 2) / 3))
    expect(await box(v.id)).toEqual({ boxes: 16, households: 0, areaDm2: 0, sealed: 0 })
    const { total } = await h.db
      .collection('audit')
      .where({ target: `council_votes/${v.id}` })
      .count()
    expect(total).toBe(1)
  })

  it('returns the first vote when the same request is retried', async () => {
    const input = openInput()
    const a = await h.ok<Vote>('council', 'vote.open', input, P.secHx)
    const b = await h.ok<Vote>('council', 'vote.open', input, P.secHx)
    expect(b.id).toBe(a.id)
  })

  it('commits its done mark with the vote, so a retry finds the vote and sends no second notice', async () => {
    await h.ok('council', 'notice.subscribe', { communityId: 'c-hx', on: true }, P.zhang)
    const input = openInput({ title: '重试测试' })
    const a = await h.ok<Vote>('council', 'vote.open', input, P.secHx)
    const notices = (
      await h.db.collection('outbox').where({ templateId: 'tpl-council-vote-open', toOpenid: P.zhang }).count()
    ).total
    expect(notices).toBe(1)
    // The request is done in the same transaction as the vote: no crash can leave the vote without it.
    const { data } = await h.db
      .collection('requests')
      .where({ _id: `council:vote.open:${P.secHx}:${input.requestId}` })
      .get()
    expect(data).toEqual([expect.objectContaining({ state: 'done' })])
    const b = await h.ok<Vote>('council', 'vote.open', input, P.secHx)
    expect(b.id).toBe(a.id)
    expect((await h.db.collection('council_votes').where({ meetingId, itemId: input.itemId }).count()).total).toBe(1)
    expect(
      (await h.db.collection('outbox').where({ templateId: 'tpl-council-vote-open', toOpenid: P.zhang }).count()).total,
    ).toBe(notices)
  })

  it('refuses a resident and changes nothing', async () => {
    await h.expectRefused('council', 'vote.open', openInput(), P.liu, 'FORBIDDEN')
  })

  it('refuses the secretary of another community and changes nothing', async () => {
    await h.expectRefused('council', 'vote.open', openInput(), P.secYg, 'FORBIDDEN')
  })

  it('refuses buildings of another community and changes nothing', async () => {
    await h.expectRefused('council', 'vote.open', openInput({ buildingIds: ['b-yg-1-1'] }), P.secHx, 'INVALID_INPUT')
  })

  it('refuses a closing time before the opening time', async () => {
    const err = await h.expectRefused(
      'council',
      'vote.open',
      openInput({ closesAt: iso(new Date(T0.getTime() - DAY)) }),
      P.secHx,
      'INVALID_INPUT',
    )
    expect(err?.issues?.[0]?.path).toEqual(['closesAt'])
  })

  it('refuses a custom preset without its ratios', async () => {
    await h.expectRefused('council', 'vote.open', openInput({ preset: 'custom' }), P.secHx, 'INVALID_INPUT')
  })
})

describe('casting ballots', () => {
  let vote: Vote

  beforeAll(async () => {
    vote = await h.ok<Vote>('council', 'vote.open', openInput({ title: '楼道堆物清理方案' }), P.secHx)
  })

  it("records one ballot in the household's box; the vote itself does not change, and turnout moves only with the next snapshot", async () => {
    const before = (await h.db.collection('council_votes').where({ _id: vote.id }).get()).data[0]
    const b = await h.ok<Ballot>('council', 'vote.cast', { voteId: vote.id, optionKey: 'o1' }, P.liu)
    expect(b).toMatchObject({ householdId: 'h-hx-1-1-101', choice: 'o1', canChange: true, byMe: true })
    expect((await h.db.collection('council_votes').where({ _id: vote.id }).get()).data[0]).toEqual(before)
    expect(await box(vote.id)).toMatchObject({ households: 1, areaDm2: 13919 })
    // Same 10-minute window: the snapshot taken at the opening still stands.
    expect((await h.ok<Vote>('council', 'vote.get', { voteId: vote.id }, P.zhang)).turnout.households).toBe(0)
    h.setNow(new Date(T0.getTime() + 10 * MIN))
    const v = await h.ok<Vote>('council', 'vote.get', { voteId: vote.id }, P.zhang)
    // A building of 12 households is a small electorate: the area waits for the count.
    expect(v.turnout).toMatchObject({
      households: 1,
      areaPercent: null,
      asOf: iso(new Date(T0.getTime() + 10 * MIN)),
      participationMet: false,
    })
  })

  it('lets the household change its ballot without counting it twice', async () => {
    const b = await h.ok<Ballot>('council', 'vote.cast', { voteId: vote.id, optionKey: 'o2' }, P.liu)
    expect(b.choice).toBe('o2')
    const { total } = await h.db.collection('council_ballots').where({ voteId: vote.id }).count()
    expect(total).toBe(1)
    expect(await box(vote.id)).toMatchObject({ households: 1, areaDm2: 13919 })
  })

  it('leaves one ballot and one counted household after fifty concurrent submissions from one household', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        h.call<Ballot>('council', 'vote.cast', { voteId: vote.id, optionKey: i % 2 ? 'o1' : 'o3' }, P.zhang),
      ),
    )
    const codes = new Set(results.map((r) => (r.env.ok ? 'OK' : r.env.error.code)))
    expect([...codes].every((c) => c === 'OK' || c === 'CONFLICT')).toBe(true)
    expect(results.some((r) => r.env.ok)).toBe(true)
    const { data } = await h.db
      .collection('council_ballots')
      .where({ voteId: vote.id, householdId: 'h-hx-1-1-202' })
      .get()
    expect(data).toHaveLength(1)
    expect((await box(vote.id)).households).toBe(2)
  })

  it('reads live turnout with the same number of requests however many ballots there are, refreshing or not', async () => {
    h.setNow(new Date(T0.getTime() + 20 * MIN))
    const fewFresh = await h.call('council', 'vote.get', { voteId: vote.id }, P.secHx)
    const fewCached = await h.call('council', 'vote.get', { voteId: vote.id }, P.secHx)
    const hs = (await householdsOf(h, 'b-hx-1-1'))
      .map((x) => x._id)
      .filter((id) => !id.endsWith('-101') && !id.endsWith('-202'))
    const people = await addResidents(h, hs.slice(0, 6))
    for (const p of people) await h.ok('council', 'vote.cast', { voteId: vote.id, optionKey: 'o1' }, p)
    h.setNow(new Date(T0.getTime() + 30 * MIN))
    const manyFresh = await h.call<Vote>('council', 'vote.get', { voteId: vote.id }, P.secHx)
    const manyCached = await h.call<Vote>('council', 'vote.get', { voteId: vote.id }, P.secHx)
    expect(manyFresh.env.ok && manyFresh.env.data.turnout.households).toBe(8)
    expect(manyCached.env.ok && manyCached.env.data.turnout.households).toBe(8)
    expect(manyFresh.dbRequests).toBe(fewFresh.dbRequests)
    expect(manyCached.dbRequests).toBe(fewCached.dbRequests)
    // The refresh is one read of the 16 boxes and one conditional update.
    expect(fewFresh.dbRequests - fewCached.dbRequests).toBe(2)
  })

  it('casts with a constant number of requests', async () => {
    const a = await h.call('council', 'vote.cast', { voteId: vote.id, optionKey: 'o1' }, P.liu)
    const b = await h.call('council', 'vote.cast', { voteId: vote.id, optionKey: 'o2' }, P.liu)
    expect(a.dbRequests).toBe(b.dbRequests)
  })

  it("refuses a household outside the vote's buildings and changes nothing", async () => {
    const [outsider] = await addResidents(h, ['h-hx-1-2-101'])
    await h.expectRefused('council', 'vote.cast', { voteId: vote.id, optionKey: 'o1' }, outsider, 'FORBIDDEN')
  })

  it('refuses a person who is not a verified resident and changes nothing', async () => {
    await h.expectRefused('council', 'vote.cast', { voteId: vote.id, optionKey: 'o1' }, P.member, 'FORBIDDEN')
    await h.expectRefused('council', 'vote.cast', { voteId: vote.id, optionKey: 'o1' }, P.zhou, 'FORBIDDEN')
  })

  it('refuses voting for another household and changes nothing', async () => {
    await h.expectRefused(
      'council',
      'vote.cast',
      { voteId: vote.id, optionKey: 'o1', householdId: 'h-hx-1-1-202' },
      P.liu,
      'FORBIDDEN',
    )
  })

  it('refuses an option the vote does not have and changes nothing', async () => {
    await h.expectRefused('council', 'vote.cast', { voteId: vote.id, optionKey: 'o9' }, P.liu, 'INVALID_INPUT')
  })

  it('refuses a resident of another community', async () => {
    const [other] = await addResidents(h, ['h-yg-1-1-101'])
    await h.expectRefused('council', 'vote.cast', { voteId: vote.id, optionKey: 'o1' }, other, 'FORBIDDEN')
    await h.expectRefused('council', 'vote.get', { voteId: vote.id }, other, 'FORBIDDEN')
  })
})

describe('ballot secrecy', () => {
  let vote: Vote
  beforeAll(async () => {
    vote = await h.ok<Vote>('council', 'vote.open', openInput({ title: '保密测试' }), P.secHx)
    h.setNow(new Date(T0.getTime() + 3 * 3600_000 + 17 * MIN))
    await h.ok('council', 'vote.cast', { voteId: vote.id, optionKey: 'o2' }, P.liu)
    await h.ok('council', 'vote.cast', { voteId: vote.id, optionKey: 'o1' }, P.zhang)
    await h.ok('council', 'vote.cast', { voteId: vote.id, optionKey: 'o3' }, P.zhang)
    h.setNow(T0)
  })

  it("shows a resident only their own household's ballot", async () => {
    expect(await h.ok<Ballot>('council', 'vote.myBallot', { voteId: vote.id }, P.liu)).toMatchObject({
      householdId: 'h-hx-1-1-101',
      choice: 'o2',
      byMe: true,
    })
    expect(await h.ok<Ballot>('council', 'vote.myBallot', { voteId: vote.id }, P.zhang)).toMatchObject({
      householdId: 'h-hx-1-1-202',
      choice: 'o3',
      byMe: true,
    })
    await h.expectRefused(
      'council',
      'vote.myBallot',
      { voteId: vote.id, householdId: 'h-hx-1-1-202' },
      P.liu,
      'FORBIDDEN',
    )
  })

  it('refuses the secretary any ballot', async () => {
    await h.expectRefused(
      'council',
      'vote.myBallot',
      { voteId: vote.id, householdId: 'h-hx-1-1-101' },
      P.secHx,
      'FORBIDDEN',
    )
  })

  it('gives the secretary turnout but neither households nor choices while the vote runs', async () => {
    h.setNow(new Date(T0.getTime() + 4 * 3600_000))
    const v = await h.ok<Vote>('council', 'vote.get', { voteId: vote.id }, P.secHx)
    const text = JSON.stringify(v)
    expect(v.turnout.households).toBe(2)
    expect(v.result).toBeUndefined()
    expect(text).not.toContain('h-hx-1-1-101')
    expect(text).not.toContain('o-res-liu')
    expect(text).not.toMatch(/13919|13673|27592/)
  })

  it('stores no person in a ballot, only an opaque owner token', async () => {
    const { data } = await h.db.collection('council_ballots').where({ voteId: vote.id }).get()
    expect(data).toHaveLength(2)
    expect(JSON.stringify(data)).not.toMatch(/o-res-/)
    expect((data as { owner: string }[]).every((b) => /^[A-Za-z0-9_-]{43}$/.test(b.owner))).toBe(true)
  })

  it('keeps who, which household, what and when out of the audit log: a ballot entry names the vote and the day only', async () => {
    const { data } = await h.db
      .collection('audit')
      .where({ fn: 'council', action: 'vote.cast', target: `council_votes/${vote.id}` })
      .limit(100)
      .get()
    const entries = data as {
      actor: string
      target: string
      before: unknown
      after: unknown
      at: Date
      requestId?: string
    }[]
    expect(entries.map((a) => a.after)).toEqual([{ ballot: 'cast' }, { ballot: 'cast' }, { ballot: 'changed' }])
    // The ballots were cast at 13:17 Beijing time; the log keeps the day (midnight, Beijing time).
    expect(
      entries.every(
        (a) =>
          a.actor === 'ballot' &&
          new Date(a.at).toISOString() === '2026-11-22T16:00:00.000Z' &&
          a.requestId === undefined,
      ),
    ).toBe(true)
    const all = JSON.stringify(
      (await h.db.collection('audit').where({ fn: 'council', action: 'vote.cast' }).limit(1000).get()).data,
    )
    expect(all).not.toMatch(/o-res-|h-hx-|"o[123]"|council_ballots/)
  })

  it('shows counts per option but no household, person or area sum after the close, and keeps the exact sums stored', async () => {
    h.setNow(new Date(T0.getTime() + 8 * DAY))
    const v = await h.ok<Vote>('council', 'vote.close', { voteId: vote.id }, P.secHx)
    const text = JSON.stringify(v)
    expect(v.result?.options.find((o) => o.key === 'o2')?.households).toBe(1)
    expect(v.result?.participation.area).toEqual({ met: false, percent: null })
    expect(text).not.toContain('h-hx-1-1-101')
    expect(text).not.toContain('o-res-liu')
    expect(text).not.toMatch(/13919|13673|27592|"areaDm2"/)
    const stored = (await h.db.collection('council_votes').where({ _id: vote.id }).get()).data[0] as {
      result: { options: { key: string; areaDm2: number }[] }
    }
    expect(stored.result.options.find((o) => o.key === 'o2')?.areaDm2).toBe(13919)
  })
})

describe('closing and the result', () => {
  let hs: { _id: string; floorAreaDm2: number }[]
  beforeAll(async () => {
    hs = (await householdsOf(h, 'b-hx-1-3')).sort((a, b) => b.floorAreaDm2 - a.floorAreaDm2)
  })

  async function runVote(voterCount: number, forCount: number) {
    const v = await h.ok<Vote>(
      'council',
      'vote.open',
      openInput({ title: `停车方案表决${voterCount}-${forCount}`, buildingIds: ['b-hx-1-3'] }),
      P.secHx,
    )
    const voters = hs.slice(0, voterCount)
    await addResidents(
      h,
      voters.map((x) => x._id).filter((id) => !openedFor.has(id)),
    )
    voters.forEach((x) => openedFor.add(x._id))
    for (let i = 0; i < voters.length; i++)
      await h.ok(
        'council',
        'vote.cast',
        { voteId: v.id, optionKey: i < forCount ? 'o1' : 'o2' },
        `o-t-${voters[i]._id}`,
      )
    return v
  }
  const openedFor = new Set<string>()

  it('refuses to close before the closing time and changes nothing', async () => {
    const v = await h.ok<Vote>('council', 'vote.open', openInput({ title: '未到期' }), P.secHx)
    await h.expectRefused('council', 'vote.close', { voteId: v.id }, P.secHx, 'CONFLICT')
  })

  it('passes under the civil code when 2/3 take part by households and area and a majority of both approve', async () => {
    const v = await runVote(9, 7)
    const total = hs.reduce((s, x) => s + x.floorAreaDm2, 0)
    const voted = hs.slice(0, 9).reduce((s, x) => s + x.floorAreaDm2, 0)
    expect(voted * 3 >= total * 2).toBe(true) // the largest 9 of 12 hold at least 2/3 of the area
    h.setNow(new Date(T0.getTime() + 8 * DAY))
    await h.expectRefused('council', 'vote.close', { voteId: v.id }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('council', 'vote.close', { voteId: v.id }, P.liu, 'FORBIDDEN')
    const closed = await h.ok<Vote>('council', 'vote.close', { voteId: v.id }, P.secHx)
    expect(closed.status).toBe('closed')
    expect(closed.result).toMatchObject({
      passed: true,
      adoptedOptionKey: 'o1',
      ballots: 9,
      rule: { preset: 'civil_code_ordinary' },
    })
    expect(closed.result?.participation.households).toEqual({ count: 9, total: 12, met: true })
    // 12 households are a small electorate: area participation only as met, never as a figure.
    expect(closed.result?.participation.area).toEqual({ met: true, percent: null })
    expect(closed.result?.options.find((o) => o.key === 'o1')).toEqual({
      key: 'o1',
      label: '同意',
      kind: 'for',
      households: 7,
      approvalMet: true,
    })
    expect(closed.result?.summary).toBe('「同意」获 7/9 户，面积也达到同意门槛，表决通过')
    expect(closed.turnout).toMatchObject({ households: 9, participationMet: true })
    expect(await box(v.id)).toMatchObject({ households: 9, sealed: 16 })
    await h.expectRefused('council', 'vote.close', { voteId: v.id }, P.secHx, 'CONFLICT')
    await h.expectRefused('council', 'vote.cast', { voteId: v.id, optionKey: 'o2' }, `o-t-${hs[0]._id}`, 'CONFLICT')
  })

  it('fails when fewer than 2/3 of the households take part, however many approve', async () => {
    const v = await runVote(7, 7)
    h.setNow(new Date(T0.getTime() + 8 * DAY))
    const closed = await h.ok<Vote>('council', 'vote.close', { voteId: v.id }, P.secHx)
    expect(closed.result).toMatchObject({ passed: false, adoptedOptionKey: null })
    expect(closed.result?.participation.households).toEqual({ count: 7, total: 12, met: false })
  })

  it('closes with the same number of requests however many ballots there are', async () => {
    const few = await h.ok<Vote>(
      'council',
      'vote.open',
      openInput({ title: '少量选票', buildingIds: ['b-hx-1-3'] }),
      P.secHx,
    )
    await h.ok('council', 'vote.cast', { voteId: few.id, optionKey: 'o1' }, `o-t-${hs[0]._id}`)
    const many = await runVote(9, 5)
    h.setNow(new Date(T0.getTime() + 8 * DAY))
    const a = await h.call('council', 'vote.close', { voteId: few.id }, P.secHx)
    const b = await h.call('council', 'vote.close', { voteId: many.id }, P.secHx)
    expect(a.env.ok && b.env.ok).toBe(true)
    expect(b.dbRequests).toBe(a.dbRequests)
  })
})

describe('votes on a 小事 topic and reminders', () => {
  it('opens a simple-majority vote straight on an accepted minor topic and refuses other presets', async () => {
    const t = await h.ok<{ id: string }>(
      'council',
      'topic.propose',
      {
        requestId: rid(),
        communityId: 'c-hx',
        title: '1号楼楼道灯更换',
        body: '1号楼楼道灯坏了三盏，希望更换为声控灯。',
      },
      P.liu,
    )
    await h.ok('council', 'topic.triage', { topicId: t.id, decision: 'accept', tier: 'minor' }, P.secHx)
    await h.expectRefused(
      'council',
      'vote.open',
      openInput({ meetingId: undefined, itemId: undefined, topicId: t.id }),
      P.secHx,
      'INVALID_INPUT',
    )
    const v = await h.ok<Vote>(
      'council',
      'vote.open',
      openInput({ meetingId: undefined, itemId: undefined, topicId: t.id, preset: 'simple' }),
      P.secHx,
    )
    expect(v.rule.preset).toBe('simple')
    expect(v.turnout.gap).toBeNull()
    const topic = await h.ok<{ locked: boolean; canEdit: boolean; voteId?: string; openVoteId?: string }>(
      'council',
      'topic.get',
      { topicId: t.id },
      P.liu,
    )
    expect(topic).toMatchObject({ locked: true, canEdit: false, voteId: v.id, openVoteId: v.id })
  })

  it('sends the closing-soon notice once, within 24 hours of the close, to subscribers', async () => {
    await h.ok('council', 'notice.subscribe', { communityId: 'c-hx', on: true }, P.zhang)
    const v = await h.ok<Vote>(
      'council',
      'vote.open',
      openInput({ title: '提醒测试', closesAt: iso(new Date(T0.getTime() + 2 * DAY)) }),
      P.secHx,
    )
    await h.expectRefused('council', 'vote.remind', { voteId: v.id }, P.secHx, 'CONFLICT')
    h.setNow(new Date(T0.getTime() + 1.5 * DAY))
    await h.expectRefused('council', 'vote.remind', { voteId: v.id }, P.secYg, 'FORBIDDEN')
    const r = await h.ok<{ sent: number }>('council', 'vote.remind', { voteId: v.id }, P.secHx)
    expect(r.sent).toBe(1)
    const { data } = await h.db
      .collection('outbox')
      .where({ toOpenid: P.zhang, templateId: 'tpl-council-vote-closing' })
      .get()
    expect(data).toHaveLength(1)
    await h.expectRefused('council', 'vote.remind', { voteId: v.id }, P.secHx, 'CONFLICT')
  })
})

describe('listing votes', () => {
  it("pages the community's votes for its people and refuses outsiders", async () => {
    const page = await h.ok<{ items: Vote[]; total: number }>(
      'council',
      'vote.list',
      { communityId: 'c-hx', pageSize: 5 },
      P.zhang,
    )
    expect(page.items.length).toBe(5)
    expect(page.total).toBeGreaterThan(5)
    await h.expectRefused('council', 'vote.list', { communityId: 'c-hx' }, P.secYg, 'FORBIDDEN')
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
