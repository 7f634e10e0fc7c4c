import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { addResidents, DAY, householdsOf, iso } from './fixtures'

type Vote = {
  id: string; status: string; options: { key: string; label: string }[]
  turnout: { households: number; areaDm2: number; eligibleHouseholds: number; eligibleAreaDm2: number; gap: { households: number; areaDm2: number | null } | null; participationMet: boolean | null }
  rule: { preset: string; text: string }
  result?: { passed: boolean; adoptedOptionKey: string | null; ballots: number; summary: string; rule: { preset: string }; participation: { households: { count: number; total: number; met: boolean }; area: { count: number; total: number; met: boolean } | null; met: boolean }; options: { key: string; households: number; areaDm2: number }[] }
}
type Ballot = { householdId: string | null; choice: string | null; eligible: boolean; canChange: boolean }

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

const yesNo = [{ label: '同意', kind: 'for' }, { label: '反对', kind: 'against' }, { label: '弃权', kind: 'abstain' }]
const openInput = (over: Record<string, unknown> = {}) => ({
  requestId: rid(), meetingId: 'meet-winter', itemId: 'item-1', title: '冬季电动车集中充电点设置方案', options: yesNo,
  buildingIds: ['b-hx-1-1'], opensAt: iso(T0), closesAt: iso(new Date(T0.getTime() + 7 * DAY)), preset: 'civil_code_ordinary', ...over,
})

describe('opening a vote', () => {
  it('fixes the eligible households and their floor area and stores the preset rule', async () => {
    const hs = await householdsOf(h, 'b-hx-1-1')
    const v = await h.ok<Vote>('council', 'vote.open', openInput(), P.secHx)
    expect(v.status).toBe('open')
    expect(v.turnout).toMatchObject({ households: 0, areaDm2: 0, eligibleHouseholds: hs.length, eligibleAreaDm2: hs.reduce((s, x) => s + x.floorAreaDm2, 0) })
    expect(v.rule.preset).toBe('civil_code_ordinary')
    expect(v.turnout.gap?.households).toBe(Math.ceil((hs.length * 2) / 3))
    const { total } = await h.db.collection('audit').where({ target: `council_votes/${v.id}` }).count()
    expect(total).toBe(1)
  })

  it('returns the first vote when the same request is retried', async () => {
    const input = openInput()
    const a = await h.ok<Vote>('council', 'vote.open', input, P.secHx)
    const b = await h.ok<Vote>('council', 'vote.open', input, P.secHx)
    expect(b.id).toBe(a.id)
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
    const err = await h.expectRefused('council', 'vote.open', openInput({ closesAt: iso(new Date(T0.getTime() - DAY)) }), P.secHx, 'INVALID_INPUT')
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

  it('records one ballot for the household and moves the turnout counters', async () => {
    const b = await h.ok<Ballot>('council', 'vote.cast', { voteId: vote.id, optionKey: 'o1' }, P.liu)
    expect(b).toMatchObject({ householdId: 'h-hx-1-1-101', choice: 'o1', canChange: true })
    const v = await h.ok<Vote>('council', 'vote.get', { voteId: vote.id }, P.zhang)
    const { data } = await h.db.collection('households').where({ _id: 'h-hx-1-1-101' }).get()
    expect(v.turnout).toMatchObject({ households: 1, areaDm2: (data[0] as { floorAreaDm2: number }).floorAreaDm2 })
  })

  it('lets the household change its ballot without counting it twice', async () => {
    const b = await h.ok<Ballot>('council', 'vote.cast', { voteId: vote.id, optionKey: 'o2' }, P.liu)
    expect(b.choice).toBe('o2')
    const v = await h.ok<Vote>('council', 'vote.get', { voteId: vote.id }, P.secHx)
    expect(v.turnout.households).toBe(1)
    const { total } = await h.db.collection('council_ballots').where({ voteId: vote.id }).count()
    expect(total).toBe(1)
  })

  it('leaves one ballot and one counted household after fifty concurrent submissions from one household', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => h.call<Ballot>('council', 'vote.cast', { voteId: vote.id, optionKey: i % 2 ? 'o1' : 'o3' }, P.zhang)))
    const codes = new Set(results.map((r) => (r.env.ok ? 'OK' : r.env.error.code)))
    expect([...codes].every((c) => c === 'OK' || c === 'CONFLICT')).toBe(true)
    expect(results.some((r) => r.env.ok)).toBe(true)
    const { data } = await h.db.collection('council_ballots').where({ voteId: vote.id, householdId: 'h-hx-1-1-202' }).get()
    expect(data).toHaveLength(1)
    const v = await h.ok<Vote>('council', 'vote.get', { voteId: vote.id }, P.secHx)
    expect(v.turnout.households).toBe(2)
  })

  it('reads live turnout with the same number of requests however many ballots there are', async () => {
    const few = await h.call('council', 'vote.get', { voteId: vote.id }, P.secHx)
    const hs = (await householdsOf(h, 'b-hx-1-1')).map((x) => x._id).filter((id) => !id.endsWith('-101') && !id.endsWith('-202'))
    const people = await addResidents(h, hs.slice(0, 6))
    for (const p of people) await h.ok('council', 'vote.cast', { voteId: vote.id, optionKey: 'o1' }, p)
    const many = await h.call<Vote>('council', 'vote.get', { voteId: vote.id }, P.secHx)
    expect(many.env.ok && many.env.data.turnout.households).toBe(8)
    expect(many.dbRequests).toBe(few.dbRequests)
  })

  it('casts with a constant number of requests', async () => {
    const a = await h.call('council', 'vote.cast', { voteId: vote.id, optionKey: 'o1' }, P.liu)
    const b = await h.call('council', 'vote.cast', { voteId: vote.id, optionKey: 'o2' }, P.liu)
    expect(a.dbRequests).toBe(b.dbRequests)
  })

  it('refuses a household outside the vote\'s buildings and changes nothing', async () => {
    const [outsider] = await addResidents(h, ['h-hx-1-2-101'])
    await h.expectRefused('council', 'vote.cast', { voteId: vote.id, optionKey: 'o1' }, outsider, 'FORBIDDEN')
  })

  it('refuses a person who is not a verified resident and changes nothing', async () => {
    await h.expectRefused('council', 'vote.cast', { voteId: vote.id, optionKey: 'o1' }, P.member, 'FORBIDDEN')
    await h.expectRefused('council', 'vote.cast', { voteId: vote.id, optionKey: 'o1' }, P.zhou, 'FORBIDDEN')
  })

  it('refuses voting for another household and changes nothing', async () => {
    await h.expectRefused('council', 'vote.cast', { voteId: vote.id, optionKey: 'o1', householdId: 'h-hx-1-1-202' }, P.liu, 'FORBIDDEN')
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
    await h.ok('council', 'vote.cast', { voteId: vote.id, optionKey: 'o2' }, P.liu)
    await h.ok('council', 'vote.cast', { voteId: vote.id, optionKey: 'o1' }, P.zhang)
  })

  it('shows a resident only their own household\'s ballot', async () => {
    expect(await h.ok<Ballot>('council', 'vote.myBallot', { voteId: vote.id }, P.liu)).toMatchObject({ householdId: 'h-hx-1-1-101', choice: 'o2' })
    expect(await h.ok<Ballot>('council', 'vote.myBallot', { voteId: vote.id }, P.zhang)).toMatchObject({ householdId: 'h-hx-1-1-202', choice: 'o1' })
    await h.expectRefused('council', 'vote.myBallot', { voteId: vote.id, householdId: 'h-hx-1-1-202' }, P.liu, 'FORBIDDEN')
  })

  it('refuses the secretary any ballot', async () => {
    await h.expectRefused('council', 'vote.myBallot', { voteId: vote.id, householdId: 'h-hx-1-1-101' }, P.secHx, 'FORBIDDEN')
  })

  it('gives the secretary turnout but neither households nor choices while the vote runs', async () => {
    const v = await h.ok<Vote>('council', 'vote.get', { voteId: vote.id }, P.secHx)
    const text = JSON.stringify(v)
    expect(v.turnout.households).toBe(2)
    expect(v.result).toBeUndefined()
    expect(text).not.toContain('h-hx-1-1-101')
    expect(text).not.toContain('o-res-liu')
  })

  it('keeps choices out of the audit log', async () => {
    const { data: all } = await h.db.collection('audit').where({ fn: 'council', action: 'vote.cast' }).limit(1000).get()
    const ofThisVote = (all as { target: string; before: unknown; after: unknown }[]).filter((a) => a.target.startsWith(`council_ballots/ballot:${vote.id}:`))
    // The log records that a household voted (or changed), never what it chose.
    expect(ofThisVote.length).toBeGreaterThan(0)
    expect(ofThisVote.every((a) => JSON.stringify([a.before, a.after]) === JSON.stringify([{ cast: true }, { changed: true }]) || JSON.stringify([a.before, a.after]) === JSON.stringify([null, { cast: true }]))).toBe(true)
    expect(JSON.stringify(all)).not.toMatch(/"o[123]"/)
  })

  it('shows counts per option but no household or person after the close', async () => {
    h.setNow(new Date(T0.getTime() + 8 * DAY))
    try {
      const v = await h.ok<Vote>('council', 'vote.close', { voteId: vote.id }, P.secHx)
      const text = JSON.stringify(v)
      expect(v.result?.options.find((o) => o.key === 'o2')?.households).toBe(1)
      expect(text).not.toContain('h-hx-1-1-101')
      expect(text).not.toContain('o-res-liu')
    } finally {
      h.setNow(T0)
    }
  })
})

describe('closing and the result', () => {
  let hs: { _id: string; floorAreaDm2: number }[]
  beforeAll(async () => {
    hs = (await householdsOf(h, 'b-hx-1-3')).sort((a, b) => b.floorAreaDm2 - a.floorAreaDm2)
  })

  async function runVote(voterCount: number, forCount: number) {
    const v = await h.ok<Vote>('council', 'vote.open', openInput({ title: `停车方案表决${voterCount}-${forCount}`, buildingIds: ['b-hx-1-3'] }), P.secHx)
    const voters = hs.slice(0, voterCount)
    const people = await addResidents(h, voters.map((x) => x._id).filter((id) => !openedFor.has(id)))
    voters.forEach((x) => openedFor.add(x._id))
    void people
    for (let i = 0; i < voters.length; i++) await h.ok('council', 'vote.cast', { voteId: v.id, optionKey: i < forCount ? 'o1' : 'o2' }, `o-t-${voters[i]._id}`)
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
    const forArea = hs.slice(0, 7).reduce((s, x) => s + x.floorAreaDm2, 0)
    expect(voted * 3 >= total * 2).toBe(true) // the largest 9 of 12 hold at least 2/3 of the area
    h.setNow(new Date(T0.getTime() + 8 * DAY))
    try {
      await h.expectRefused('council', 'vote.close', { voteId: v.id }, P.secYg, 'FORBIDDEN')
      await h.expectRefused('council', 'vote.close', { voteId: v.id }, P.liu, 'FORBIDDEN')
      const closed = await h.ok<Vote>('council', 'vote.close', { voteId: v.id }, P.secHx)
      expect(closed.status).toBe('closed')
      expect(closed.result).toMatchObject({ passed: true, adoptedOptionKey: 'o1', ballots: 9, rule: { preset: 'civil_code_ordinary' } })
      expect(closed.result?.participation.households).toEqual({ count: 9, total: 12, met: true })
      expect(closed.result?.participation.area).toEqual({ count: voted, total, met: true })
      expect(closed.result?.options.find((o) => o.key === 'o1')).toMatchObject({ households: 7, areaDm2: forArea })
      await h.expectRefused('council', 'vote.close', { voteId: v.id }, P.secHx, 'CONFLICT')
      await h.expectRefused('council', 'vote.cast', { voteId: v.id, optionKey: 'o2' }, `o-t-${hs[0]._id}`, 'CONFLICT')
    } finally {
      h.setNow(T0)
    }
  })

  it('fails when fewer than 2/3 of the households take part, however many approve', async () => {
    const v = await runVote(7, 7)
    h.setNow(new Date(T0.getTime() + 8 * DAY))
    try {
      const closed = await h.ok<Vote>('council', 'vote.close', { voteId: v.id }, P.secHx)
      expect(closed.result).toMatchObject({ passed: false, adoptedOptionKey: null })
      expect(closed.result?.participation.households).toEqual({ count: 7, total: 12, met: false })
    } finally {
      h.setNow(T0)
    }
  })
})

describe('votes on a 小事 topic and reminders', () => {
  it('opens a simple-majority vote straight on an accepted minor topic and refuses other presets', async () => {
    const t = await h.ok<{ id: string }>('council', 'topic.propose', { requestId: rid(), communityId: 'c-hx', title: '1号楼楼道灯更换', body: '1号楼楼道灯坏了三盏，希望更换为声控灯。' }, P.liu)
    await h.ok('council', 'topic.triage', { topicId: t.id, decision: 'accept', tier: 'minor' }, P.secHx)
    await h.expectRefused('council', 'vote.open', openInput({ meetingId: undefined, itemId: undefined, topicId: t.id }), P.secHx, 'INVALID_INPUT')
    const v = await h.ok<Vote>('council', 'vote.open', openInput({ meetingId: undefined, itemId: undefined, topicId: t.id, preset: 'simple' }), P.secHx)
    expect(v.rule.preset).toBe('simple')
    expect(v.turnout.gap).toBeNull()
    const topic = await h.ok<{ locked: boolean; canEdit: boolean; voteId?: string }>('council', 'topic.get', { topicId: t.id }, P.liu)
    expect(topic).toMatchObject({ locked: true, canEdit: false, voteId: v.id })
  })

  it('sends the closing-soon notice once, within 24 hours of the close, to subscribers', async () => {
    await h.ok('council', 'notice.subscribe', { communityId: 'c-hx', on: true }, P.zhang)
    const v = await h.ok<Vote>('council', 'vote.open', openInput({ title: '提醒测试', closesAt: iso(new Date(T0.getTime() + 2 * DAY)) }), P.secHx)
    await h.expectRefused('council', 'vote.remind', { voteId: v.id }, P.secHx, 'CONFLICT')
    h.setNow(new Date(T0.getTime() + 1.5 * DAY))
    try {
      await h.expectRefused('council', 'vote.remind', { voteId: v.id }, P.secYg, 'FORBIDDEN')
      const r = await h.ok<{ sent: number }>('council', 'vote.remind', { voteId: v.id }, P.secHx)
      expect(r.sent).toBe(1)
      const { data } = await h.db.collection('outbox').where({ toOpenid: P.zhang, templateId: 'tpl-council-vote-closing' }).get()
      expect(data).toHaveLength(1)
      await h.expectRefused('council', 'vote.remind', { voteId: v.id }, P.secHx, 'CONFLICT')
    } finally {
      h.setNow(T0)
    }
  })
})

describe('listing votes', () => {
  it('pages the community\'s votes for its people and refuses outsiders', async () => {
    const page = await h.ok<{ items: Vote[]; total: number }>('council', 'vote.list', { communityId: 'c-hx', pageSize: 5 }, P.zhang)
    expect(page.items.length).toBe(5)
    expect(page.total).toBeGreaterThan(5)
    await h.expectRefused('council', 'vote.list', { communityId: 'c-hx' }, P.secYg, 'FORBIDDEN')
  })
})
