import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { DAY, iso } from './fixtures'

/**
 * The tier decides the rule (SPEC §5, issue 13 §2): the vote form offers only the presets the topic's
 * tier allows, and vote.open refuses any other, changing nothing.
 */

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

const base = (over: Record<string, unknown>) => ({
  requestId: rid(),
  title: '楼道扶手加装',
  options: [
    { label: '同意', kind: 'for' },
    { label: '反对', kind: 'against' },
  ],
  buildingIds: ['b-hx-1-1'],
  opensAt: iso(T0),
  closesAt: iso(new Date(T0.getTime() + 2 * DAY)),
  ...over,
})
async function accepted(title: string, tier: 'major' | 'minor'): Promise<string> {
  const t = await h.ok<{ id: string }>(
    'council',
    'topic.propose',
    { requestId: rid(), communityId: 'c-hx', title, body: `${title}，请议事会讨论。` },
    P.liu,
  )
  await h.ok('council', 'topic.triage', { topicId: t.id, decision: 'accept', tier }, P.secHx)
  return t.id
}
async function meetingOn(topicId: string): Promise<string> {
  const m = await h.ok<{ id: string }>(
    'council',
    'meeting.create',
    {
      requestId: rid(),
      communityId: 'c-hx',
      title: '议事会（门槛）',
      startsAt: iso(new Date(T0.getTime() + 2 * DAY)),
      place: '党群服务中心',
      online: false,
      agenda: [{ title: '议程一', topicIds: [topicId] }],
      participants: [{ kind: 'party', name: '和谐社区党委' }],
    },
    P.secHx,
  )
  await h.ok('council', 'meeting.publish', { meetingId: m.id }, P.secHx)
  return m.id
}

describe('the tier decides the preset', () => {
  it('refuses a civil-code rule for a 小事 decided directly', async () => {
    const topicId = await accepted('2号楼楼道扶手加装', 'minor')
    const err = await h.expectRefused(
      'council',
      'vote.open',
      base({ topicId, preset: 'civil_code_ordinary' }),
      P.secHx,
      'INVALID_INPUT',
    )
    expect(err?.message).toBe('小事按简单多数表决')
    await h.ok('council', 'vote.open', base({ topicId, preset: 'simple' }), P.secHx)
  })

  it('refuses a simple majority on an agenda item about a 大事', async () => {
    const meetingId = await meetingOn(await accepted('小区停车位重新划分', 'major'))
    const err = await h.expectRefused(
      'council',
      'vote.open',
      base({ meetingId, itemId: 'item-1', preset: 'simple' }),
      P.secHx,
      'INVALID_INPUT',
    )
    expect(err?.message).toBe('大事须使用民法典或自定义门槛')
    await h.ok('council', 'vote.open', base({ meetingId, itemId: 'item-1', preset: 'civil_code_major' }), P.secHx)
  })

  it('allows a simple majority on an agenda item about a 小事', async () => {
    const meetingId = await meetingOn(await accepted('3号楼门口增设座椅', 'minor'))
    await h.ok('council', 'vote.open', base({ meetingId, itemId: 'item-1', preset: 'simple' }), P.secHx)
  })
})
