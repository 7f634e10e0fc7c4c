import { openCloud, P, rid, T0, type Cloud } from '../harness'

/** A topic knows where it came from (a grid event) and its vote; a 小事 vote can be scheduled ahead. */

const DAY = 86_400_000
let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())
afterEach(() => h.setNow(T0))

type Topic = { id: string; gridEventId?: string; voteId?: string; status: string }
type Vote = { id: string; status: string }

it('a topic made from a grid event carries the event, for the secretary to follow back', async () => {
  const e = await h.ok<{ id: string }>(
    'grid',
    'event.report',
    {
      requestId: rid(),
      gridId: 'g-hx-2',
      buildingId: 'b-hx-1-2',
      place: '2号楼门口',
      category: 'facility',
      description: '2号楼门口路灯不亮，晚上看不清台阶',
      photos: [],
      urgency: 'normal',
    },
    P.liu,
  )
  const { linkId } = await h.ok<{ linkId: string }>(
    'grid',
    'event.convert',
    { requestId: rid(), eventId: e.id, to: 'topic' },
    P.secHx,
  )
  expect(await h.ok<Topic>('council', 'topic.get', { topicId: linkId }, P.liu)).toMatchObject({
    gridEventId: e.id,
    status: 'open',
  })
})

describe('a 小事 vote opened on the topic, scheduled to open tomorrow', () => {
  let topic: Topic
  let vote: Vote
  beforeAll(async () => {
    topic = await h.ok<Topic>(
      'council',
      'topic.propose',
      {
        requestId: rid(),
        communityId: 'c-hx',
        title: '1号楼单车棚加装照明',
        body: '1号楼单车棚晚上太暗，建议加装两盏感应灯。',
      },
      P.liu,
    )
    await h.ok('council', 'topic.triage', { topicId: topic.id, decision: 'accept', tier: 'minor' }, P.secHx)
    vote = await h.ok<Vote>(
      'council',
      'vote.open',
      {
        requestId: rid(),
        topicId: topic.id,
        title: '1号楼单车棚加装照明',
        options: [
          { label: '同意', kind: 'for' },
          { label: '反对', kind: 'against' },
        ],
        buildingIds: ['b-hx-1-1'],
        opensAt: new Date(T0.getTime() + DAY).toISOString(),
        closesAt: new Date(T0.getTime() + 3 * DAY).toISOString(),
        preset: 'simple',
      },
      P.secHx,
    )
  })

  it('is scheduled, and the topic points to it', async () => {
    expect(vote.status).toBe('scheduled')
    expect(await h.ok<Topic>('council', 'topic.get', { topicId: topic.id }, P.liu)).toMatchObject({ voteId: vote.id })
  })

  it('refuses a ballot before it opens, changing nothing, and takes it once open', async () => {
    const err = await h.expectRefused('council', 'vote.cast', { voteId: vote.id, optionKey: 'o1' }, P.liu, 'CONFLICT')
    expect(err?.message).toContain('尚未开始')
    h.setNow(new Date(T0.getTime() + DAY + 60_000))
    expect(await h.ok<Vote>('council', 'vote.get', { voteId: vote.id }, P.liu)).toMatchObject({ status: 'open' })
    await h.ok('council', 'vote.cast', { voteId: vote.id, optionKey: 'o1' }, P.liu)
    expect(await h.ok('council', 'vote.myBallot', { voteId: vote.id }, P.liu)).toMatchObject({ choice: 'o1' })
  })
})

it("lists one meeting's votes alone, however many the community has", async () => {
  await h.ok(
    'council',
    'vote.open',
    {
      requestId: rid(),
      meetingId: 'meet-winter',
      itemId: 'item-1',
      title: '冬季电动车集中充电点设置方案',
      options: [
        { label: '同意', kind: 'for' },
        { label: '反对', kind: 'against' },
      ],
      buildingIds: ['b-hx-1-1'],
      opensAt: T0.toISOString(),
      closesAt: new Date(T0.getTime() + 3 * DAY).toISOString(),
      preset: 'simple',
    },
    P.secHx,
  )
  const all = await h.ok<{ items: { meetingId?: string }[] }>(
    'council',
    'vote.list',
    { communityId: 'c-hx', pageSize: 50 },
    P.liu,
  )
  const one = await h.ok<{ items: { meetingId?: string; title: string }[]; total: number }>(
    'council',
    'vote.list',
    { communityId: 'c-hx', meetingId: 'meet-winter', pageSize: 50 },
    P.liu,
  )
  expect(all.items.some((v) => v.meetingId !== 'meet-winter')).toBe(true)
  expect(one.total).toBe(1)
  expect(one.items.map((v) => v.title)).toEqual(['冬季电动车集中充电点设置方案'])
})
