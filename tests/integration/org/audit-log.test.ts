/**
 * The street's audit log as its admin reads it (issue 12 §7): who by name (never an openid), what,
 * when, before → after, filtered by action, person and date, paged — and no ballot choice, no rater and
 * no household of a rating, ever. Photo uploads are in no street's log.
 */
import type { AuditEntryView } from '../../../types/audit'
import { DAY, iso, publishedMeeting } from '../council/fixtures'
import { collectTraces, leaksIn, type Traces } from '../exposure'
import { personKey } from '../../../cloudfunctions/shared/pseudonym'
import { openCloud, P, rid, T0, type Cloud } from '../harness'

type Page = { items: AuditEntryView[]; total: number; page: number; pageSize: number }

let h: Cloud
let traces: Traces
let topicId: string
let voteId: string
const NEXT_DAY = new Date(T0.getTime() + DAY)

beforeAll(async () => {
  h = await openCloud()
  const photo = await h.photo('council', P.liu)
  topicId = (
    await h.ok<{ id: string }>(
      'council',
      'topic.propose',
      { requestId: rid(), communityId: 'c-hx', title: '东门路灯不亮', body: '东门两盏路灯坏了', photos: [photo] },
      P.liu,
    )
  ).id
  await h.ok('council', 'topic.triage', { topicId, decision: 'accept', tier: 'major' }, P.secHx)
  const b = await h.ok<{ id: string }>(
    'org',
    'binding.request',
    { requestId: rid(), householdId: 'h-hx-1-3-402', name: '周小雨', phone: '13800000006' },
    P.zhou,
  )
  await h.ok('org', 'binding.decide', { bindingId: b.id, approve: true }, P.secHx)
  const m = await publishedMeeting(h)
  voteId = (
    await h.ok<{ id: string }>(
      'council',
      'vote.open',
      {
        requestId: rid(),
        meetingId: m.id,
        itemId: m.itemIds[0],
        title: '路灯更换方案',
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
  ).id
  await h.ok('council', 'vote.cast', { voteId, optionKey: 'o2' }, P.liu)
  await h.ok(
    'property',
    'rating.submit',
    {
      requestId: rid(),
      periodId: 'per:st-jinxiu:2026-11',
      householdId: 'h-hx-1-1-202',
      stars: { cleaning: 1, order: 2, repairs: 3, greening: 4, attitude: 5, fees: 2 },
      comment: '保洁不及时',
    },
    P.zhang,
  )
  h.setNow(NEXT_DAY)
  await h.ok('org', 'profile.update', { name: '王秀英', phone: '13800000002' }, P.secHx)
  traces = await collectTraces(h)
})
afterAll(() => h.close())

const list = (input: Record<string, unknown> = {}, by: string = P.admin) =>
  h.ok<Page>('org', 'audit.list', { streetId: 'st-jinxiu', pageSize: 50, ...input }, by)

describe("the street's audit log", () => {
  it('names people, never shows an openid or a phone, and shows before → after', async () => {
    const { env } = await h.call<Page>('org', 'audit.list', { streetId: 'st-jinxiu', pageSize: 50 }, P.admin)
    expect(leaksIn(JSON.stringify(env), P.admin, traces)).toEqual([])
    if (!env.ok) throw new Error(env.error.message)
    const triage = env.data.items.find((e) => e.action === 'topic.triage')!
    expect(triage).toMatchObject({
      fn: 'council',
      actorName: '王秀英',
      anonymous: false,
      dayOnly: false,
      target: `council_topics/${topicId}`,
      before: { status: 'open' },
    })
    expect(triage.after).toMatchObject({ status: 'accepted', tier: 'major' })
    const propose = env.data.items.find((e) => e.action === 'topic.propose')!
    expect(propose).toMatchObject({ actorName: '刘芳', communityId: 'c-hx' })
    // A role granted to a person: the record is shown by the person's name.
    const granted = env.data.items.find((e) => e.action === 'binding.decide' && e.target.startsWith('users/'))!
    expect(granted.target).toBe('users/周小雨')
  })

  it('shows a ballot and a rating anonymously and by the day: no choice, no rater, no household', async () => {
    const items = (await list()).items
    const ballot = items.find((e) => e.action === 'vote.cast')!
    expect(ballot).toMatchObject({
      actorName: '匿名表决',
      anonymous: true,
      dayOnly: true,
      target: `council_votes/${voteId}`,
      after: { ballot: 'cast' },
    })
    expect(ballot.actorKey).toBeUndefined()
    expect(JSON.stringify(ballot)).not.toMatch(/o2|反对|h-hx/)
    const rating = items.find((e) => e.action === 'rating.submit')!
    expect(rating).toMatchObject({ actorName: '匿名评价', anonymous: true, dayOnly: true })
    expect(JSON.stringify(rating)).not.toMatch(/h-hx-1-1-202|张德福|o-res-zhang|stars/)
    expect(items.some((e) => e.target.startsWith('photos/'))).toBe(false)
  })

  it("hides the rater of an entry that recorded the rater's openid (written by an older build), and the time", async () => {
    // Entries written before ratings were audited anonymously carry the rater as actor, with the exact time.
    const at = new Date(T0.getTime() + 9 * 3600_000 + 17 * 60_000)
    const legacy = [
      {
        fn: 'property',
        action: 'rating.submit',
        actor: P.zhang,
        actorKey: personKey(P.zhang),
        target: 'property_ratings/rt:per:st-jinxiu:2026-11:co-1:h-hx-1-1-202',
        before: null,
        after: { stars: { cleaning: 1 }, rater: P.zhang },
      },
      {
        fn: 'council',
        action: 'resolution.rate',
        actor: P.liu,
        actorKey: personKey(P.liu),
        target: 'council_resolutions/res-legacy',
        before: null,
        after: { stars: 2, by: P.liu },
      },
      {
        fn: 'council',
        action: 'vote.cast',
        actor: P.liu,
        actorKey: personKey(P.liu),
        target: 'council_votes/v-legacy',
        before: null,
        after: { optionKey: 'o2' },
      },
    ]
    for (const e of legacy)
      await h.db
        .collection('audit')
        .add({ data: { ...e, at, requestId: rid(), streetId: 'st-jinxiu', communityId: 'c-hx' } })
    const items = (await list({ from: '2026-11-23', to: '2026-11-23' })).items
    const shownAs = ['property_ratings/（匿名）', 'council_resolutions/res-legacy', 'council_votes/v-legacy']
    legacy.forEach((e, i) =>
      expect(items.filter((x) => x.action === e.action && x.target === shownAs[i]).length).toBeGreaterThan(0),
    )
    const anonymousActions = items.filter((x) => ['rating.submit', 'resolution.rate', 'vote.cast'].includes(x.action))
    expect(anonymousActions.length).toBeGreaterThanOrEqual(legacy.length)
    for (const x of anonymousActions) {
      expect(x).toMatchObject({ anonymous: true, dayOnly: true, at: '2026-11-22T16:00:00.000Z' })
      expect(x.actorKey).toBeUndefined()
      expect(['匿名评价', '匿名表决']).toContain(x.actorName)
    }
    const text = JSON.stringify(
      items.filter((x) => ['rating.submit', 'resolution.rate', 'vote.cast'].includes(x.action)),
    )
    expect(text).not.toMatch(/张德福|刘芳|o-res|h-hx|o2|T11:17/)
    // Nor can the person filter find them.
    for (const who of [P.zhang, P.liu]) {
      const theirs = (await list({ actorKey: personKey(who) })).items
      expect(theirs.filter((x) => ['rating.submit', 'resolution.rate', 'vote.cast'].includes(x.action))).toEqual([])
    }
  })

  it('filters by action, by person and by date, and pages', async () => {
    const triage = await list({ fn: 'council', action: 'topic.triage' })
    expect(triage.items.length).toBeGreaterThan(0)
    expect(triage.items.every((e) => e.fn === 'council' && e.action === 'topic.triage')).toBe(true)

    const key = (await list()).items.find((e) => e.actorName === '王秀英')!.actorKey!
    const hers = await list({ actorKey: key })
    expect(hers.total).toBeGreaterThan(1)
    expect(hers.items.every((e) => e.actorName === '王秀英')).toBe(true)

    const day2 = await list({ from: '2026-11-24', to: '2026-11-24' })
    expect(day2.items.map((e) => e.action).sort()).toEqual(expect.arrayContaining(['profile.update']))
    expect(day2.items.every((e) => e.at >= '2026-11-23T16:00:00.000Z' && e.at < '2026-11-24T16:00:00.000Z')).toBe(true)
    const day1 = await list({ to: '2026-11-23' })
    expect(day1.items.some((e) => e.action === 'profile.update')).toBe(false)

    const all = await list()
    const first = await list({ pageSize: 2, page: 1 })
    const second = await list({ pageSize: 2, page: 2 })
    expect(first.total).toBe(all.total)
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(all.items.slice(0, 4).map((e) => e.id))
  })

  it('reads the same number of requests however long the log is', async () => {
    const before = (await h.call('org', 'audit.list', { streetId: 'st-jinxiu', pageSize: 20 }, P.admin)).dbRequests
    for (let i = 0; i < 30; i++)
      await h.ok(
        'council',
        'topic.propose',
        { requestId: rid(), communityId: 'c-hx', title: `议题${i}`, body: '内容', photos: [] },
        P.zhang,
      )
    const after = (await h.call('org', 'audit.list', { streetId: 'st-jinxiu', pageSize: 20 }, P.admin)).dbRequests
    expect(after).toBe(before)
  })

  it('refuses anyone but the street admin, and bad filters, changing nothing', async () => {
    await h.expectRefused('org', 'audit.list', { streetId: 'st-jinxiu' }, P.secHx, 'FORBIDDEN')
    await h.expectRefused('org', 'audit.list', { streetId: 'st-jinxiu' }, P.liu, 'FORBIDDEN')
    await h.expectRefused('org', 'audit.list', { streetId: 'st-other' }, P.admin, 'FORBIDDEN')
    await h.expectRefused(
      'org',
      'audit.list',
      { streetId: 'st-jinxiu', action: 'topic.triage' },
      P.admin,
      'INVALID_INPUT',
    )
    await h.expectRefused('org', 'audit.list', { streetId: 'st-jinxiu', from: '2026/11/23' }, P.admin, 'INVALID_INPUT')
    await h.expectRefused(
      'org',
      'audit.list',
      { streetId: 'st-jinxiu', from: '2026-11-25', to: '2026-11-24' },
      P.admin,
      'INVALID_INPUT',
    )
  })
})

describe('the scope of new entries', () => {
  it("puts an entry in the record's street when the caller's grants span two streets", async () => {
    await h.db.collection('users').add({
      data: {
        _id: 'o-two-streets',
        name: '两街道居民',
        createdAt: T0,
        updatedAt: T0,
        roles: [
          {
            role: 'resident',
            scopeType: 'household',
            scopeId: 'h-hx-1-1-501',
            scopeName: '和谐家园 1号楼 501',
            communityId: 'c-hx',
            streetId: 'st-jinxiu',
          },
          {
            role: 'resident',
            scopeType: 'household',
            scopeId: 'h-far-1',
            scopeName: '远方小区 1号楼 101',
            communityId: 'c-far',
            streetId: 'st-far',
          },
        ],
      },
    })
    const t = await h.ok<{ id: string }>(
      'council',
      'topic.propose',
      { requestId: rid(), communityId: 'c-hx', title: '两地居民的议题', body: '内容', photos: [] },
      'o-two-streets',
    )
    await h.ok(
      'council',
      'topic.update',
      { topicId: t.id, title: '两地居民的议题（改）', body: '内容', photos: [] },
      'o-two-streets',
    )
    const { data } = await h.db
      .collection('audit')
      .where({ target: `council_topics/${t.id}` })
      .get()
    const byAction = Object.fromEntries(
      (data as { action: string; streetId?: string }[]).map((e) => [e.action, e.streetId]),
    )
    // Each handler says which record it acts on (the community proposed in, the topic updated).
    expect(byAction).toEqual({ 'topic.propose': 'st-jinxiu', 'topic.update': 'st-jinxiu' })
  })

  it("keeps a photo upload out of every street's log (it belongs to no record yet)", async () => {
    const photo = await h.photo('council', 'o-two-streets')
    const { data } = await h.db.collection('audit').where({ action: 'photo.upload', actor: 'o-two-streets' }).get()
    expect(data).toHaveLength(1)
    expect(data[0]).not.toHaveProperty('streetId')
    expect(photo).toMatch(/^cloud:/)
  })
})
