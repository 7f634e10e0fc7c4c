import { JPEG, openCloud, P, RISKY_PNG, rid, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'
import { DAY } from './fixtures'

type Topic = {
  id: string
  status: string
  tier?: string
  seconds: number
  locked: boolean
  authorName: string
  mine: boolean
  mergedInto?: string
  declineReason?: string
  title: string
  body: string
  urgent?: { decision: string; ratifyBy: string; publicBy: string; ratifiedAt?: string; overdue: boolean }
  secondedByMe?: boolean
  canSecond?: boolean
  canEdit?: boolean
}
type Page<T> = { items: T[]; total: number }

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

const propose = (over: Record<string, unknown> = {}) => ({
  requestId: rid(),
  communityId: 'c-hx',
  estateId: 'e-hx-1',
  title: '小区东门增设无障碍坡道',
  body: '东门台阶较高，轮椅和婴儿车进出困难。',
  ...over,
})

describe('proposing and editing a topic', () => {
  let topic: Topic

  it('lets a verified resident propose a topic, recorded and audited', async () => {
    topic = await h.ok<Topic>('council', 'topic.propose', propose(), P.liu)
    expect(topic).toMatchObject({ status: 'open', seconds: 0, locked: false, mine: true, authorName: '刘芳' })
    const { total } = await h.db
      .collection('audit')
      .where({ target: `council_topics/${topic.id}` })
      .count()
    expect(total).toBe(1)
  })

  it('lets a member of the community propose too', async () => {
    const t = await h.ok<Topic>('council', 'topic.propose', propose({ title: '党员志愿服务岗' }), P.member)
    expect(t.status).toBe('open')
  })

  it('returns the first topic when a proposal is retried', async () => {
    const input = propose({ title: '重复提交' })
    const a = await h.ok<Topic>('council', 'topic.propose', input, P.liu)
    const b = await h.ok<Topic>('council', 'topic.propose', input, P.liu)
    expect(b.id).toBe(a.id)
  })

  it("shows other residents the proposer's surname only", async () => {
    const t = await h.ok<Topic>('council', 'topic.get', { topicId: topic.id }, P.zhang)
    expect(t.authorName).toBe('刘*')
    expect(t.mine).toBe(false)
    const s = await h.ok<Topic>('council', 'topic.get', { topicId: topic.id }, P.secHx)
    expect(s.authorName).toBe('刘芳')
  })

  it('refuses an unverified person, a resident of another community and a secretary, changing nothing', async () => {
    await h.expectRefused('council', 'topic.propose', propose(), P.zhou, 'FORBIDDEN')
    await h.expectRefused(
      'council',
      'topic.propose',
      propose({ communityId: 'c-yg', estateId: undefined }),
      P.liu,
      'FORBIDDEN',
    )
    await h.expectRefused('council', 'topic.propose', propose(), P.secHx, 'FORBIDDEN')
  })

  it('refuses blocked text and an estate of another community, changing nothing', async () => {
    const { DEFAULT_BLOCKED_WORDS } = await import('../../../local/blocked-words')
    await h.expectRefused(
      'council',
      'topic.propose',
      propose({ body: `东门问题 ${DEFAULT_BLOCKED_WORDS[0]}` }),
      P.liu,
      'CONTENT_REJECTED',
    )
    await h.expectRefused('council', 'topic.propose', propose({ estateId: 'e-yg-1' }), P.liu, 'INVALID_INPUT')
  })

  it('attaches the proposer’s checked photos, and refuses a risky image, someone else’s photo and an outside link', async () => {
    const photo = await h.photo('council', P.liu)
    const t = await h.ok<Topic & { photos: string[] }>(
      'council',
      'topic.propose',
      propose({ title: '东门照片', photos: [photo] }),
      P.liu,
    )
    expect(t.photos).toEqual([photo])
    expect(
      (await h.ok<Topic & { photos: string[] }>('council', 'topic.get', { topicId: t.id }, P.zhang)).photos,
    ).toEqual([photo])
    await h.expectRefused('council', 'photo.upload', { ext: 'png', data: RISKY_PNG }, P.liu, 'CONTENT_REJECTED')
    await h.expectRefused('council', 'photo.upload', { ext: 'jpg', data: JPEG }, P.zhou, 'FORBIDDEN')
    await h.expectRefused('council', 'topic.propose', propose({ photos: [photo] }), P.zhang, 'INVALID_INPUT')
    await h.expectRefused(
      'council',
      'topic.propose',
      propose({ photos: ['https://example.com/a.jpg'] }),
      P.liu,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'council',
      'topic.update',
      { topicId: t.id, title: t.title, body: t.body, photos: [photo, 'cloud://local/council/photos/x/ph_never.jpg'] },
      P.liu,
      'INVALID_INPUT',
    )
    const kept = await h.ok<Topic & { photos: string[] }>(
      'council',
      'topic.update',
      { topicId: t.id, title: t.title, body: t.body, photos: [] },
      P.liu,
    )
    expect(kept.photos).toEqual([])
  })

  it('refuses an empty title', async () => {
    const err = await h.expectRefused('council', 'topic.propose', propose({ title: '  ' }), P.liu, 'INVALID_INPUT')
    expect(err?.issues?.[0]?.path).toEqual(['title'])
  })

  it('lets the proposer edit before anyone seconds it, and nobody else', async () => {
    const t = await h.ok<Topic>(
      'council',
      'topic.update',
      { topicId: topic.id, title: '东门增设无障碍坡道和扶手', body: topic.body },
      P.liu,
    )
    expect(t.title).toBe('东门增设无障碍坡道和扶手')
    await h.expectRefused(
      'council',
      'topic.update',
      { topicId: topic.id, title: '别人改', body: 'x' },
      P.zhang,
      'FORBIDDEN',
    )
  })

  it('lets another resident second once; the topic is then locked against editing', async () => {
    const t = await h.ok<Topic>('council', 'topic.second', { topicId: topic.id }, P.zhang)
    expect(t).toMatchObject({ seconds: 1, locked: true, secondedByMe: true })
    await h.expectRefused('council', 'topic.second', { topicId: topic.id }, P.zhang, 'CONFLICT')
    await h.expectRefused('council', 'topic.update', { topicId: topic.id, title: '再改', body: 'x' }, P.liu, 'CONFLICT')
    const mine = await h.ok<Topic>('council', 'topic.get', { topicId: topic.id }, P.liu)
    expect(mine).toMatchObject({ canEdit: false, canSecond: false })
  })

  it("refuses seconding one's own topic and seconding by an outsider", async () => {
    await h.expectRefused('council', 'topic.second', { topicId: topic.id }, P.liu, 'CONFLICT')
    await h.expectRefused('council', 'topic.second', { topicId: topic.id }, P.zhou, 'FORBIDDEN')
  })

  it('counts each person once when they second concurrently', async () => {
    const t = await h.ok<Topic>('council', 'topic.propose', propose({ title: '并发附议' }), P.liu)
    const results = await Promise.all(
      Array.from({ length: 10 }, () => h.call('council', 'topic.second', { topicId: t.id }, P.member)),
    )
    expect(results.filter((r) => r.env.ok)).toHaveLength(1)
    const after = await h.ok<Topic>('council', 'topic.get', { topicId: t.id }, P.secHx)
    expect(after.seconds).toBe(1)
  })
})

describe('triage by the secretary', () => {
  it('accepts a topic as 大事', async () => {
    const t = await h.ok<Topic>('council', 'topic.propose', propose({ title: '小区停车收费标准调整' }), P.liu)
    const a = await h.ok<Topic>(
      'council',
      'topic.triage',
      { topicId: t.id, decision: 'accept', tier: 'major' },
      P.secHx,
    )
    expect(a).toMatchObject({ status: 'accepted', tier: 'major' })
    await h.expectRefused(
      'council',
      'topic.triage',
      { topicId: t.id, decision: 'decline', reason: '重复' },
      P.secHx,
      'CONFLICT',
    )
  })

  it('accepts a 急事 with the decision, public within 24 h and due for ratification in 7 days', async () => {
    const t = await h.ok<Topic>('council', 'topic.propose', propose({ title: '井盖破损' }), P.zhang)
    const a = await h.ok<Topic>(
      'council',
      'topic.triage',
      { topicId: t.id, decision: 'accept', tier: 'urgent', urgentDecision: '立即设置警示围挡并更换井盖' },
      P.secHx,
    )
    expect(a.urgent).toMatchObject({
      decision: '立即设置警示围挡并更换井盖',
      publicBy: new Date(T0.getTime() + DAY).toISOString(),
      ratifyBy: new Date(T0.getTime() + 7 * DAY).toISOString(),
      overdue: false,
    })
    const list = await h.ok<Page<Topic>>('council', 'topic.list', { communityId: 'c-hx', tier: 'urgent' }, P.liu)
    expect(list.items.map((x) => x.id)).toContain(t.id)
    h.setNow(new Date(T0.getTime() + 8 * DAY))
    try {
      expect((await h.ok<Topic>('council', 'topic.get', { topicId: t.id }, P.liu)).urgent?.overdue).toBe(true)
    } finally {
      h.setNow(T0)
    }
    await h.expectRefused('council', 'topic.ratify', { topicId: t.id, note: '追认' }, P.secYg, 'FORBIDDEN')
    const r = await h.ok<Topic>('council', 'topic.ratify', { topicId: t.id, note: '议事会一致同意追认' }, P.secHx)
    expect(r.urgent?.ratifiedAt).toBeDefined()
    await h.expectRefused('council', 'topic.ratify', { topicId: t.id, note: '再次' }, P.secHx, 'CONFLICT')
  })

  it('refuses a 急事 without a decision', async () => {
    const t = await h.ok<Topic>('council', 'topic.propose', propose({ title: '急事缺决定' }), P.zhang)
    const err = await h.expectRefused(
      'council',
      'topic.triage',
      { topicId: t.id, decision: 'accept', tier: 'urgent' },
      P.secHx,
      'INVALID_INPUT',
    )
    expect(err?.issues?.[0]?.path).toEqual(['urgentDecision'])
  })

  it('merges a duplicate into another topic', async () => {
    const a = await h.ok<Topic>('council', 'topic.propose', propose({ title: '东门坡道' }), P.zhang)
    const b = await h.ok<Topic>('council', 'topic.propose', propose({ title: '东门坡道（重复）' }), P.member)
    const m = await h.ok<Topic>(
      'council',
      'topic.triage',
      { topicId: b.id, decision: 'merge', mergeInto: a.id },
      P.secHx,
    )
    expect(m).toMatchObject({ status: 'merged', mergedInto: a.id })
    await h.expectRefused(
      'council',
      'topic.triage',
      { topicId: a.id, decision: 'merge', mergeInto: a.id },
      P.secHx,
      'INVALID_INPUT',
    )
  })

  it('declines with a public reason that residents can read', async () => {
    const t = await h.ok<Topic>('council', 'topic.propose', propose({ title: '在绿地建停车场' }), P.zhang)
    await h.expectRefused('council', 'topic.triage', { topicId: t.id, decision: 'decline' }, P.secHx, 'INVALID_INPUT')
    await h.ok(
      'council',
      'topic.triage',
      { topicId: t.id, decision: 'decline', reason: '绿地属公共绿化用地，不得改建停车场' },
      P.secHx,
    )
    const seen = await h.ok<Topic>('council', 'topic.get', { topicId: t.id }, P.liu)
    expect(seen).toMatchObject({ status: 'declined', declineReason: '绿地属公共绿化用地，不得改建停车场' })
  })

  it("refuses triage by a resident or by another community's secretary, changing nothing", async () => {
    const t = await h.ok<Topic>('council', 'topic.propose', propose({ title: '越权测试' }), P.zhang)
    await h.expectRefused(
      'council',
      'topic.triage',
      { topicId: t.id, decision: 'accept', tier: 'minor' },
      P.liu,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'council',
      'topic.triage',
      { topicId: t.id, decision: 'accept', tier: 'minor' },
      P.secYg,
      'FORBIDDEN',
    )
  })
})

describe('reading topics', () => {
  it("pages the community's topics, filtered by status", async () => {
    const open = await h.ok<Page<Topic>>(
      'council',
      'topic.list',
      { communityId: 'c-hx', status: 'open', pageSize: 3 },
      P.zhang,
    )
    expect(open.items).toHaveLength(3)
    expect(open.items.every((t) => t.status === 'open')).toBe(true)
    expect(open.total).toBeGreaterThan(3)
  })

  it('lets the street admin read, and refuses people of other communities', async () => {
    const page = await h.ok<Page<Topic>>('council', 'topic.list', { communityId: 'c-hx' }, P.admin)
    expect(page.total).toBeGreaterThan(0)
    await h.expectRefused('council', 'topic.list', { communityId: 'c-hx' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('council', 'topic.get', { topicId: 'topic-parking' }, P.zhou, 'FORBIDDEN')
  })

  it('answers NOT_FOUND for an unknown topic', async () => {
    await h.expectRefused('council', 'topic.get', { topicId: 'topic-none' }, P.liu, 'NOT_FOUND')
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
