import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { dateIn, DAY, iso, publishedMeeting, revOf } from './fixtures'

/**
 * No cherry-picked results (issue 10 §3): no second vote on an agenda item or topic while one is not
 * yet counted; a re-vote after a counted one needs a public reason and shows both results; a
 * resolution cites the latest counted vote; an item under a vote can be neither edited nor removed.
 */

type Vote = {
  id: string
  status: string
  supersededBy?: string
  revote?: { reason: string; previous: { id: string; title: string; result: { passed: boolean; summary: string } } }
  result?: { passed: boolean }
}
type Meeting = {
  id: string
  agenda: { itemId: string; title: string; topicIds: string[]; openVoteId?: string; lastClosedVoteId?: string }[]
}

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())
afterEach(() => h.setNow(T0))

const closesAt = new Date(T0.getTime() + 2 * DAY)
const input = (meetingId: string, itemId: string, over: Record<string, unknown> = {}) => ({
  requestId: rid(),
  meetingId,
  itemId,
  title: '小区东门改造方案',
  options: [
    { label: '同意', kind: 'for' },
    { label: '反对', kind: 'against' },
  ],
  buildingIds: ['b-hx-1-1'],
  opensAt: iso(T0),
  closesAt: iso(closesAt),
  preset: 'civil_code_ordinary',
  ...over,
})
const agendaFields = (agenda: unknown[]) => ({
  title: '和谐社区红色议事会（测试）',
  startsAt: iso(new Date(T0.getTime() + 2 * DAY)),
  place: '党群服务中心',
  online: false,
  agenda,
  participants: [{ kind: 'party', name: '和谐社区党委' }],
})
async function closeAfter(voteId: string) {
  h.setNow(new Date(closesAt.getTime() + 60_000))
  const v = await h.ok<Vote>('council', 'vote.close', { voteId }, P.secHx)
  h.setNow(T0)
  return v
}
async function acceptedTopic(title: string, tier: 'major' | 'minor' = 'major'): Promise<string> {
  const t = await h.ok<{ id: string }>(
    'council',
    'topic.propose',
    { requestId: rid(), communityId: 'c-hx', title, body: `${title}，请议事会讨论。` },
    P.liu,
  )
  await h.ok('council', 'topic.triage', { topicId: t.id, decision: 'accept', tier }, P.secHx)
  return t.id
}

describe('one vote at a time', () => {
  it('refuses a second vote on an agenda item while the first is not counted, changing nothing', async () => {
    const m = await publishedMeeting(h)
    const first = await h.ok<Vote>('council', 'vote.open', input(m.id, m.itemIds[0]), P.secHx)
    const err = await h.expectRefused(
      'council',
      'vote.open',
      input(m.id, m.itemIds[0], { title: '小区东门改造方案（改）' }),
      P.secHx,
      'CONFLICT',
    )
    expect(err?.message).toContain('尚未计票')
    const meeting = await h.ok<Meeting>('council', 'meeting.get', { meetingId: m.id }, P.secHx)
    expect(meeting.agenda[0].openVoteId).toBe(first.id)
  })

  it('refuses a vote on another item that shares a topic with an item under vote', async () => {
    const topic = await acceptedTopic('小区东门改造')
    const m = await h.ok<Meeting>(
      'council',
      'meeting.create',
      {
        requestId: rid(),
        communityId: 'c-hx',
        ...agendaFields([
          { title: '东门改造（一）', topicIds: [topic] },
          { title: '东门改造（二）', topicIds: [topic] },
        ]),
      },
      P.secHx,
    )
    await h.ok('council', 'meeting.publish', { meetingId: m.id }, P.secHx)
    const v = await h.ok<Vote>('council', 'vote.open', input(m.id, 'item-1'), P.secHx)
    await h.expectRefused('council', 'vote.open', input(m.id, 'item-2'), P.secHx, 'CONFLICT')
    expect(
      await h.ok<{ openVoteId?: string; voteId?: string }>('council', 'topic.get', { topicId: topic }, P.liu),
    ).toMatchObject({ openVoteId: v.id, voteId: v.id })
  })

  it('refuses a second vote straight on a 小事 topic while the first is not counted', async () => {
    const topic = await acceptedTopic('2号楼楼道扶手加装', 'minor')
    const on = { meetingId: undefined, itemId: undefined, topicId: topic, preset: 'simple' }
    await h.ok('council', 'vote.open', input('', '', on), P.secHx)
    await h.expectRefused('council', 'vote.open', input('', '', on), P.secHx, 'CONFLICT')
  })

  it('opens one vote when two are opened on the same item at the same moment', async () => {
    for (let round = 0; round < 4; round++) {
      const m = await publishedMeeting(h)
      const boxesBefore = (await h.db.collection('council_ballot_boxes').count()).total
      const results = await Promise.all(
        [0, 1, 2].map(() => h.call<Vote>('council', 'vote.open', input(m.id, m.itemIds[0]), P.secHx)),
      )
      expect(results.map((r) => (r.env.ok ? 'OK' : r.env.error.code)).sort()).toEqual(['CONFLICT', 'CONFLICT', 'OK'])
      const winner = results.find((r) => r.env.ok)!.env as { data: Vote }
      const { data } = await h.db.collection('council_votes').where({ meetingId: m.id }).get()
      expect(data.map((v) => (v as { _id: string })._id)).toEqual([winner.data.id])
      expect((await h.db.collection('council_ballot_boxes').count()).total).toBe(boxesBefore + 16)
      expect((await h.ok<Meeting>('council', 'meeting.get', { meetingId: m.id }, P.secHx)).agenda[0].openVoteId).toBe(
        winner.data.id,
      )
    }
  })
})

describe('an item under a vote', () => {
  it('can be neither edited nor removed, while the other items can', async () => {
    const m = await h.ok<Meeting>(
      'council',
      'meeting.create',
      { requestId: rid(), communityId: 'c-hx', ...agendaFields([{ title: '东门改造' }, { title: '其他事项' }]) },
      P.secHx,
    )
    await h.ok('council', 'meeting.publish', { meetingId: m.id }, P.secHx)
    const v = await h.ok<Vote>('council', 'vote.open', input(m.id, 'item-1'), P.secHx)
    const renamed = await h.expectRefused(
      'council',
      'meeting.update',
      {
        meetingId: m.id,
        rev: await revOf(h, m.id),
        ...agendaFields([
          { itemId: 'item-1', title: '东门改造（扩大范围）' },
          { itemId: 'item-2', title: '其他事项' },
        ]),
      },
      P.secHx,
      'CONFLICT',
    )
    expect(renamed?.message).toContain('正在表决')
    await h.expectRefused(
      'council',
      'meeting.update',
      { meetingId: m.id, rev: await revOf(h, m.id), ...agendaFields([{ itemId: 'item-2', title: '其他事项' }]) },
      P.secHx,
      'CONFLICT',
    )
    const edited = await h.ok<Meeting>(
      'council',
      'meeting.update',
      {
        meetingId: m.id,
        rev: await revOf(h, m.id),
        ...agendaFields([
          { itemId: 'item-2', title: '其他事项（补充）' },
          { itemId: 'item-1', title: '东门改造' },
        ]),
      },
      P.secHx,
    )
    expect(edited.agenda.map((a) => [a.itemId, a.title, a.openVoteId ?? null])).toEqual([
      ['item-2', '其他事项（补充）', null],
      ['item-1', '东门改造', v.id],
    ])
    // Counted, it may be renamed but not removed: the vote (and a resolution) point to it.
    await closeAfter(v.id)
    await h.expectRefused(
      'council',
      'meeting.update',
      { meetingId: m.id, rev: await revOf(h, m.id), ...agendaFields([{ itemId: 'item-2', title: '其他事项' }]) },
      P.secHx,
      'CONFLICT',
    )
    const again = await h.ok<Meeting>(
      'council',
      'meeting.update',
      {
        meetingId: m.id,
        rev: await revOf(h, m.id),
        ...agendaFields([
          { itemId: 'item-1', title: '东门改造方案' },
          { itemId: 'item-2', title: '其他事项' },
        ]),
      },
      P.secHx,
    )
    expect(again.agenda[0]).toMatchObject({ itemId: 'item-1', title: '东门改造方案', lastClosedVoteId: v.id })
  })
})

describe('an item removed while a vote opens on it', () => {
  it('never ends with both: either the vote opened and the edit is refused, or the item went and the vote is refused', async () => {
    for (let round = 0; round < 6; round++) {
      const m = await h.ok<Meeting>(
        'council',
        'meeting.create',
        { requestId: rid(), communityId: 'c-hx', ...agendaFields([{ title: '东门改造' }, { title: '其他事项' }]) },
        P.secHx,
      )
      await h.ok('council', 'meeting.publish', { meetingId: m.id }, P.secHx)
      const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
      const rev = await revOf(h, m.id)
      const [edit, open] = await Promise.all([
        after(round % 2).then(() =>
          h.call(
            'council',
            'meeting.update',
            { meetingId: m.id, rev, ...agendaFields([{ itemId: 'item-2', title: '其他事项' }]) },
            P.secHx,
          ),
        ),
        after((round + 1) % 2).then(() => h.call<Vote>('council', 'vote.open', input(m.id, 'item-1'), P.secHx)),
      ])
      const codes = [edit, open].map((r) => (r.env.ok ? 'OK' : r.env.error.code))
      expect(codes.filter((c) => c === 'OK')).toHaveLength(1)
      const meeting = await h.ok<Meeting>('council', 'meeting.get', { meetingId: m.id }, P.secHx)
      const { total } = await h.db.collection('council_votes').where({ meetingId: m.id }).count()
      const voteId = open.env.ok ? open.env.data.id : null
      const seen = {
        items: meeting.agenda.map((a) => a.itemId),
        votes: total,
        lock: meeting.agenda.find((a) => a.itemId === 'item-1')?.openVoteId ?? null,
      }
      expect(seen).toEqual(
        voteId ? { items: ['item-1', 'item-2'], votes: 1, lock: voteId } : { items: ['item-2'], votes: 0, lock: null },
      )
    }
  })
})

describe('a re-vote', () => {
  let meetingId: string
  let itemId: string
  let first: Vote
  beforeAll(async () => {
    const m = await publishedMeeting(h)
    meetingId = m.id
    itemId = m.itemIds[0]
    first = await h.ok<Vote>(
      'council',
      'vote.open',
      input(meetingId, itemId, { title: '东门改造方案（第一稿）' }),
      P.secHx,
    )
    await h.ok('council', 'vote.cast', { voteId: first.id, optionKey: 'o2' }, P.liu)
    first = await closeAfter(first.id)
  })

  it('needs a public reason once the item has a counted vote, and changes nothing without one', async () => {
    const err = await h.expectRefused('council', 'vote.open', input(meetingId, itemId), P.secHx, 'INVALID_INPUT')
    expect(err?.issues?.[0]?.path).toEqual(['revoteReason'])
  })

  it('shows the reason and the earlier result with its own, and the earlier vote points to it', async () => {
    const reason = '第一稿参与户数不足，方案已按居民意见修改（增加非机动车道）'
    const second = await h.ok<Vote>(
      'council',
      'vote.open',
      input(meetingId, itemId, { title: '东门改造方案（第二稿）', revoteReason: reason }),
      P.secHx,
    )
    const seen = await h.ok<Vote>('council', 'vote.get', { voteId: second.id }, P.zhang)
    expect(seen.revote).toEqual({
      reason,
      previous: {
        id: first.id,
        title: '东门改造方案（第一稿）',
        result: expect.objectContaining({ passed: false, summary: expect.stringContaining('未达到参与门槛') }),
      },
    })
    expect((await h.ok<Vote>('council', 'vote.get', { voteId: first.id }, P.zhang)).supersededBy).toBe(second.id)
    const { data } = await h.db
      .collection('audit')
      .where({ target: `council_votes/${second.id}` })
      .get()
    expect(data[0]).toMatchObject({ after: expect.objectContaining({ revoteOf: first.id, reason }) })
  })
})

describe('a resolution', () => {
  it("cites the item's latest counted vote, refuses an earlier one, and waits while a vote is not counted", async () => {
    const m = await publishedMeeting(h)
    const item = m.itemIds[0]
    const v1 = await h.ok<Vote>('council', 'vote.open', input(m.id, item, { title: '东门改造（一）' }), P.secHx)
    await closeAfter(v1.id)
    const v2 = await h.ok<Vote>(
      'council',
      'vote.open',
      input(m.id, item, { title: '东门改造（二）', revoteReason: '方案修改后重新征求意见' }),
      P.secHx,
    )
    await h.ok('council', 'meeting.start', { meetingId: m.id }, P.secHx)
    const record = (over: Record<string, unknown> = {}) => ({
      meetingId: m.id,
      itemId: item,
      decision: '东门改造方案按第二稿实施',
      responsible: { type: 'community', id: 'c-hx' },
      deadline: dateIn(30),
      ...over,
    })
    const open = await h.expectRefused('council', 'resolution.record', record(), P.secHx, 'CONFLICT')
    expect(open?.message).toContain('尚未计票')
    await closeAfter(v2.id)
    const old = await h.expectRefused('council', 'resolution.record', record({ voteId: v1.id }), P.secHx, 'CONFLICT')
    expect(old?.message).toContain('最近一次')
    const r = await h.ok<{ voteId?: string }>('council', 'resolution.record', record(), P.secHx)
    expect(r.voteId).toBe(v2.id)
  })
})
