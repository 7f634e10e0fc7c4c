import { personKey } from '../../../cloudfunctions/shared/pseudonym'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { interleave } from '../interleave'
import { DAY, iso, revOf } from './fixtures'

/**
 * Meetings as held (issue 14 §7): online or in person, several topics per item, participants picked
 * from the community's records and told, the secretary's attendance screen, and an accepted topic put
 * on an agenda from its page — without loosening the agenda and vote locks.
 */

type Participant = { kind: string; name: string; ref?: { type: string; id: string } }
type Meeting = {
  id: string
  status: string
  place: string
  online: boolean
  link?: string
  agenda: { itemId: string; title: string; topicIds: string[]; openVoteId?: string }[]
  participants: Participant[]
}
type Party = { type: string; id: string; name: string; detail?: string }
type Page<T> = { items: T[]; total: number }
type Home = {
  sections: { role: string; groups: { kind: string; count: number; items: { id: string; route: string }[] }[] }[]
}
type Roll = { invited: (Participant & { attended: boolean; attendees: string[] })[]; attendeeCount: number }

const XU = 'o-liaison-xu'
/** 黄丽's post on 第一网格 (the seed's grid staff record), and 刘芳's verified binding. */
const HUANG_POST = `gs:g-hx-1:${personKey(P.grid)}:leader`

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())
afterEach(() => h.setNow(T0))

const startsAt = iso(new Date(T0.getTime() + 2 * DAY))
const invited = [
  { kind: 'party', name: '和谐社区党委' },
  { kind: 'property', ref: { type: 'company', id: 'co-1' } },
  { kind: 'unit', ref: { type: 'unit', id: 'u-hx-2' } },
  { kind: 'grid', ref: { type: 'gridStaff', id: HUANG_POST } },
  { kind: 'resident_rep', ref: { type: 'resident', id: 'bind-liu' } },
]
const fields = (over: Record<string, unknown> = {}) => ({
  title: '和谐社区红色议事会（线上专题）',
  startsAt,
  online: true,
  link: '腾讯会议 123-456-789',
  agenda: [{ title: '楼道堆物清理办法', topicIds: ['topic-parking'] }],
  participants: invited,
  ...over,
})
const sent = async (openid: string) =>
  (await h.db.collection('outbox').where({ toOpenid: openid, templateId: 'tpl-council-meeting' }).count()).total
const kindsOf = (home: Home) => home.sections.flatMap((s) => s.groups.filter((g) => g.count > 0).map((g) => g.kind))

describe('picking participants from the community (party.search)', () => {
  it('lists only checked-in units, the companies serving the community, grid staff, members and residents, found by name', async () => {
    const units = await h.ok<Page<Party>>('council', 'party.search', { communityId: 'c-hx', type: 'unit' }, P.secHx)
    expect(units.items.map((u) => u.id).sort()).toEqual(['u-hx-2', 'u-hx-3'])
    const companies = await h.ok<Page<Party>>(
      'council',
      'party.search',
      { communityId: 'c-hx', type: 'company' },
      P.secHx,
    )
    expect(companies.items.map((c) => c.id)).toContain('co-1')
    expect(companies.items.find((c) => c.id === 'co-1')?.detail).toContain('服务')
    const staff = await h.ok<Page<Party>>(
      'council',
      'party.search',
      { communityId: 'c-hx', type: 'gridStaff', q: '黄丽' },
      P.secHx,
    )
    expect(staff.items).toEqual([expect.objectContaining({ id: HUANG_POST, name: '黄丽' })])
    const residents = await h.ok<Page<Party>>(
      'council',
      'party.search',
      { communityId: 'c-hx', type: 'resident', q: '刘' },
      P.secHx,
    )
    expect(residents.items.map((r) => [r.id, r.name])).toEqual([['bind-liu', '刘芳']])
    const members = await h.ok<Page<Party>>(
      'council',
      'party.search',
      { communityId: 'c-hx', type: 'member', q: '孙伟' },
      P.secHx,
    )
    expect(members.items.map((m) => m.name)).toEqual(['孙伟'])
    const grids = await h.ok<Page<Party>>('council', 'party.search', { communityId: 'c-hx', type: 'grid' }, P.secHx)
    expect(grids.total).toBe(6)
    // No openid in any of it.
    expect(JSON.stringify([units, companies, staff, residents, members, grids])).not.toMatch(
      /o-(grid|res|member|liaison|prop)-/,
    )
  })

  it("refuses a resident, another community's secretary and a type it does not know, changing nothing", async () => {
    await h.expectRefused('council', 'party.search', { communityId: 'c-hx', type: 'unit' }, P.liu, 'FORBIDDEN')
    await h.expectRefused('council', 'party.search', { communityId: 'c-hx', type: 'unit' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused(
      'council',
      'party.search',
      { communityId: 'c-hx', type: 'household' },
      P.secHx,
      'INVALID_INPUT',
    )
  })
})

describe('a meeting held online with invited parties', () => {
  let m: Meeting

  it('refuses an online meeting without its link, an in-person one without its place, and a party typed instead of picked', async () => {
    await h.expectRefused(
      'council',
      'meeting.create',
      { requestId: rid(), communityId: 'c-hx', ...fields({ link: undefined }) },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'council',
      'meeting.create',
      { requestId: rid(), communityId: 'c-hx', ...fields({ online: false, link: undefined }) },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'council',
      'meeting.create',
      {
        requestId: rid(),
        communityId: 'c-hx',
        ...fields({ participants: [{ kind: 'property', name: '安居物业服务有限公司' }] }),
      },
      P.secHx,
      'INVALID_INPUT',
    )
    // A ref of the wrong kind, another community's unit, a resident not of the community, the same party twice.
    await h.expectRefused(
      'council',
      'meeting.create',
      {
        requestId: rid(),
        communityId: 'c-hx',
        ...fields({ participants: [{ kind: 'unit', ref: { type: 'company', id: 'co-1' } }] }),
      },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'council',
      'meeting.create',
      {
        requestId: rid(),
        communityId: 'c-hx',
        ...fields({ participants: [{ kind: 'unit', ref: { type: 'unit', id: 'u-yg-2' } }] }),
      },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'council',
      'meeting.create',
      {
        requestId: rid(),
        communityId: 'c-hx',
        ...fields({ participants: [{ kind: 'resident_rep', ref: { type: 'resident', id: 'bind-pending-hx' } }] }),
      },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'council',
      'meeting.create',
      { requestId: rid(), communityId: 'c-hx', ...fields({ participants: [invited[1], invited[1]] }) },
      P.secHx,
      'INVALID_INPUT',
    )
  })

  it('creates it with the link, several topics on one item, and the parties named from their records', async () => {
    await h.ok('council', 'topic.triage', { topicId: 'topic-elevator', decision: 'accept', tier: 'major' }, P.secHx)
    m = await h.ok<Meeting>(
      'council',
      'meeting.create',
      {
        requestId: rid(),
        communityId: 'c-hx',
        ...fields({ agenda: [{ title: '停车与加装电梯', topicIds: ['topic-parking', 'topic-elevator'] }] }),
      },
      P.secHx,
    )
    expect(m).toMatchObject({ online: true, link: '腾讯会议 123-456-789', place: '' })
    expect(m.agenda[0].topicIds).toEqual(['topic-parking', 'topic-elevator'])
    expect(m.participants.map((p) => p.name)).toEqual([
      '和谐社区党委',
      '安居物业服务有限公司',
      '锦绣区第一中学',
      '黄丽',
      '刘芳',
    ])
    expect(JSON.stringify(m)).not.toMatch(/o-(grid|res|liaison|prop)-|person:/)
    // A draft tells nobody yet.
    expect(await sent(P.prop)).toBe(0)
  })

  it('tells every invited party when it is published, and they see it on home and in their invitations', async () => {
    const before = {
      prop: await sent(P.prop),
      xu: await sent(XU),
      grid: await sent(P.grid),
      liu: await sent(P.liu),
      zhang: await sent(P.zhang),
    }
    await h.ok('council', 'meeting.publish', { meetingId: m.id }, P.secHx)
    expect(await sent(P.prop)).toBe(before.prop + 1)
    expect(await sent(XU)).toBe(before.xu + 1)
    expect(await sent(P.grid)).toBe(before.grid + 1)
    expect(await sent(P.liu)).toBe(before.liu + 1)
    // Not invited, not subscribed: nothing.
    expect(await sent(P.zhang)).toBe(before.zhang)
    for (const who of [P.prop, XU, P.grid, P.liu]) {
      const home = await h.ok<Home>('org', 'home', {}, who)
      expect(kindsOf(home)).toContain('invitations')
      const list = await h.ok<Page<Meeting>>('council', 'meeting.invitations', {}, who)
      expect(list.items.map((x) => x.id)).toContain(m.id)
    }
    expect(
      (await h.ok<Page<Meeting>>('council', 'meeting.invitations', {}, P.zhang)).items.map((x) => x.id),
    ).not.toContain(m.id)
  })

  it('refuses invitations to a caller without an identity and a page out of range, changing nothing', async () => {
    await h.expectRefused('council', 'meeting.invitations', {}, null, 'UNAUTHENTICATED')
    await h.expectRefused('council', 'meeting.invitations', { pageSize: 10_000 }, P.prop, 'INVALID_INPUT')
    await h.expectRefused('council', 'meeting.invitations', { page: 0 }, P.prop, 'INVALID_INPUT')
  })

  it('lets the invited company, which is not of the community, read the meeting; another company is refused', async () => {
    expect((await h.ok<Meeting>('council', 'meeting.get', { meetingId: m.id }, P.prop)).link).toBe(
      '腾讯会议 123-456-789',
    )
    // 钱进, staff of another company.
    await h.expectRefused('council', 'meeting.get', { meetingId: m.id }, 'o-prop-qian', 'FORBIDDEN')
    await h.expectRefused('council', 'meeting.checkIn', { meetingId: m.id }, 'o-prop-qian', 'FORBIDDEN')
  })

  it('tells only the newly invited when a published meeting invites one more party', async () => {
    const before = { prop: await sent(P.prop), member: await sent(P.member) }
    const memberRef = (
      await h.ok<Page<Party>>('council', 'party.search', { communityId: 'c-hx', type: 'resident', q: '张' }, P.secHx)
    ).items[0]
    await h.ok(
      'council',
      'meeting.update',
      {
        meetingId: m.id,
        rev: await revOf(h, m.id),
        ...fields({
          participants: [...invited, { kind: 'resident_rep', ref: { type: 'resident', id: memberRef.id } }],
        }),
      },
      P.secHx,
    )
    expect(await sent(P.prop)).toBe(before.prop)
    expect(await sent(P.zhang)).toBe(1)
  })

  it('signs the invited company in as itself, and the attendance screen shows who of each party came', async () => {
    h.setNow(new Date(new Date(startsAt).getTime() - 10 * 60_000))
    await h.ok('council', 'meeting.checkIn', { meetingId: m.id }, P.prop)
    await h.ok('council', 'meeting.checkIn', { meetingId: m.id }, P.grid)
    await h.ok('council', 'meeting.checkIn', { meetingId: m.id }, P.member)
    const list = await h.ok<Page<{ name: string; kind: string; org?: string }>>(
      'council',
      'meeting.attendance',
      { meetingId: m.id },
      P.secHx,
    )
    expect(list.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: '郑凯', kind: 'company', org: '安居物业服务有限公司' })]),
    )
    const roll = await h.ok<Roll>('council', 'meeting.roll', { meetingId: m.id }, P.secHx)
    expect(roll.attendeeCount).toBe(3)
    expect(roll.invited.map((p) => [p.name, p.attended, p.attendees])).toEqual([
      ['安居物业服务有限公司', true, ['郑凯']],
      ['锦绣区第一中学', false, []],
      ['黄丽', true, ['黄丽']],
      ['刘芳', false, []],
      ['张德福', false, []],
    ])
    expect(JSON.stringify(roll)).not.toMatch(/o-(grid|res|prop|liaison)-|person:|company:/)
  })

  it("refuses the attendance screen to anyone but the community's secretary", async () => {
    await h.expectRefused('council', 'meeting.roll', { meetingId: m.id }, P.prop, 'FORBIDDEN')
    await h.expectRefused('council', 'meeting.roll', { meetingId: m.id }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('council', 'meeting.roll', { meetingId: m.id }, P.liu, 'FORBIDDEN')
    await h.expectRefused('council', 'meeting.roll', { meetingId: 'meet-nope' }, P.secHx, 'NOT_FOUND')
  })
})

describe('putting an accepted topic on an agenda from its page (meeting.addTopic)', () => {
  let m: Meeting
  let topic: string

  beforeAll(async () => {
    const t = await h.ok<{ id: string }>(
      'council',
      'topic.propose',
      {
        requestId: rid(),
        communityId: 'c-hx',
        title: '楼顶太阳能板安装',
        body: '建议在楼顶安装太阳能板用于公共照明。',
      },
      P.liu,
    )
    topic = t.id
    m = await h.ok<Meeting>(
      'council',
      'meeting.create',
      {
        requestId: rid(),
        communityId: 'c-hx',
        ...fields({ online: false, link: undefined, place: '党群服务中心', agenda: [{ title: '其他事项' }] }),
      },
      P.secHx,
    )
  })

  it("refuses a topic that is not accepted yet, and callers who are not the community's secretary", async () => {
    await h.expectRefused('council', 'meeting.addTopic', { meetingId: m.id, topicId: topic }, P.secHx, 'CONFLICT')
    await h.ok('council', 'topic.triage', { topicId: topic, decision: 'accept', tier: 'major' }, P.secHx)
    await h.expectRefused('council', 'meeting.addTopic', { meetingId: m.id, topicId: topic }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('council', 'meeting.addTopic', { meetingId: m.id, topicId: topic }, P.liu, 'FORBIDDEN')
    await h.expectRefused(
      'council',
      'meeting.addTopic',
      { meetingId: m.id, topicId: topic, itemId: 'item-9' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused('council', 'meeting.addTopic', { meetingId: m.id, topicId: '../x' }, P.secHx, 'INVALID_INPUT')
  })

  it('adds it as a new item titled by the topic, then refuses it twice', async () => {
    const after = await h.ok<Meeting>('council', 'meeting.addTopic', { meetingId: m.id, topicId: topic }, P.secHx)
    expect(after.agenda.map((a) => [a.itemId, a.title, a.topicIds])).toEqual([
      ['item-1', '其他事项', []],
      ['item-2', '楼顶太阳能板安装', [topic]],
    ])
    await h.expectRefused(
      'council',
      'meeting.addTopic',
      { meetingId: m.id, topicId: topic, itemId: 'item-1' },
      P.secHx,
      'CONFLICT',
    )
  })

  it('adds a topic into an existing item, up to five, and not into an item under a vote or a started meeting', async () => {
    const into = await h.ok<Meeting>(
      'council',
      'meeting.addTopic',
      { meetingId: m.id, topicId: 'topic-elevator', itemId: 'item-1' },
      P.secHx,
    )
    expect(into.agenda[0].topicIds).toEqual(['topic-elevator'])
    await h.ok('council', 'meeting.publish', { meetingId: m.id }, P.secHx)
    await h.ok(
      'council',
      'vote.open',
      {
        requestId: rid(),
        meetingId: m.id,
        itemId: 'item-1',
        title: '加装电梯方案',
        options: [
          { label: '同意', kind: 'for' },
          { label: '反对', kind: 'against' },
        ],
        buildingIds: ['b-hx-1-1'],
        opensAt: T0.toISOString(),
        closesAt: new Date(T0.getTime() + DAY).toISOString(),
        preset: 'civil_code_ordinary',
      },
      P.secHx,
    )
    await h.expectRefused(
      'council',
      'meeting.addTopic',
      { meetingId: m.id, topicId: 'topic-parking', itemId: 'item-1' },
      P.secHx,
      'CONFLICT',
    )
    await h.ok('council', 'meeting.start', { meetingId: m.id }, P.secHx)
    await h.expectRefused(
      'council',
      'meeting.addTopic',
      { meetingId: m.id, topicId: 'topic-parking' },
      P.secHx,
      'CONFLICT',
    )
  })

  it('keeps the vote lock when a topic is added to an item while a vote on it opens: the vote is refused, nothing half-locked', async () => {
    const t = await h.ok<{ id: string }>(
      'council',
      'topic.propose',
      { requestId: rid(), communityId: 'c-hx', title: '增设快递柜', body: '建议在3号楼旁增设快递柜。' },
      P.zhang,
    )
    await h.ok('council', 'topic.triage', { topicId: t.id, decision: 'accept', tier: 'major' }, P.secHx)
    const race = await h.ok<Meeting>(
      'council',
      'meeting.create',
      {
        requestId: rid(),
        communityId: 'c-hx',
        ...fields({ online: false, link: undefined, place: '党群服务中心', agenda: [{ title: '便民设施' }] }),
      },
      P.secHx,
    )
    await h.ok('council', 'meeting.publish', { meetingId: race.id }, P.secHx)
    const [opened, added] = await interleave(
      (r) => r.openid === P.secHx && r.inTransaction,
      () =>
        h.call(
          'council',
          'vote.open',
          {
            requestId: rid(),
            meetingId: race.id,
            itemId: 'item-1',
            title: '便民设施方案',
            options: [
              { label: '同意', kind: 'for' },
              { label: '反对', kind: 'against' },
            ],
            buildingIds: ['b-hx-1-1'],
            opensAt: T0.toISOString(),
            closesAt: new Date(T0.getTime() + DAY).toISOString(),
            preset: 'civil_code_ordinary',
          },
          P.secHx,
        ),
      () =>
        h.call<Meeting>(
          'council',
          'meeting.addTopic',
          { meetingId: race.id, topicId: t.id, itemId: 'item-1' },
          P.secHx,
        ),
    )
    expect(added.env.ok).toBe(true)
    expect(opened.env.ok ? 'ok' : opened.env.error.code).toBe('CONFLICT')
    const now = await h.ok<Meeting>('council', 'meeting.get', { meetingId: race.id }, P.secHx)
    expect(now.agenda[0]).toMatchObject({ topicIds: [t.id] })
    expect(now.agenda[0].openVoteId).toBeUndefined()
    // Retried, the vote locks both topics.
    const v = await h.ok<{ id: string }>(
      'council',
      'vote.open',
      {
        requestId: rid(),
        meetingId: race.id,
        itemId: 'item-1',
        title: '便民设施方案',
        options: [
          { label: '同意', kind: 'for' },
          { label: '反对', kind: 'against' },
        ],
        buildingIds: ['b-hx-1-1'],
        opensAt: T0.toISOString(),
        closesAt: new Date(T0.getTime() + DAY).toISOString(),
        preset: 'civil_code_ordinary',
      },
      P.secHx,
    )
    const locked = await h.ok<{ openVoteId?: string }>('council', 'topic.get', { topicId: t.id }, P.secHx)
    expect(locked.openVoteId).toBe(v.id)
  })

  it('refuses an edit made from an older edition: a topic put on the agenda from its page meanwhile is not undone', async () => {
    const t = await h.ok<{ id: string }>(
      'council',
      'topic.propose',
      { requestId: rid(), communityId: 'c-hx', title: '楼道灯改声控', body: '建议把楼道灯改为声控灯。' },
      P.zhang,
    )
    await h.ok('council', 'topic.triage', { topicId: t.id, decision: 'accept', tier: 'minor' }, P.secHx)
    const m = await h.ok<Meeting>(
      'council',
      'meeting.create',
      {
        requestId: rid(),
        communityId: 'c-hx',
        ...fields({ online: false, link: undefined, place: '党群服务中心', agenda: [{ title: '其他事项' }] }),
      },
      P.secHx,
    )
    // The editor page is opened (edition 0), then the topic page adds the topic (edition 1).
    const opened = await h.ok<Meeting & { rev: number }>('council', 'meeting.get', { meetingId: m.id }, P.secHx)
    const added = await h.ok<Meeting & { rev: number }>(
      'council',
      'meeting.addTopic',
      { meetingId: m.id, topicId: t.id },
      P.secHx,
    )
    expect(added.rev).toBe(opened.rev + 1)
    // Saving the editor's stale agenda is refused and changes nothing; the topic stays on the agenda.
    const stale = {
      meetingId: m.id,
      rev: opened.rev,
      ...fields({
        title: '改了名字的议事会',
        online: false,
        link: undefined,
        place: '党群服务中心',
        agenda: [{ itemId: 'item-1', title: '其他事项' }],
      }),
    }
    await h.expectRefused('council', 'meeting.update', stale, P.secHx, 'CONFLICT')
    const now = await h.ok<Meeting & { rev: number }>('council', 'meeting.get', { meetingId: m.id }, P.secHx)
    expect(now.agenda.flatMap((a) => a.topicIds)).toContain(t.id)
    // Read again, the edit goes through and bumps the edition.
    const saved = await h.ok<Meeting & { rev: number }>(
      'council',
      'meeting.update',
      {
        ...stale,
        rev: now.rev,
        agenda: now.agenda.map((a) => ({ itemId: a.itemId, title: a.title, topicIds: a.topicIds })),
      },
      P.secHx,
    )
    expect(saved.rev).toBe(now.rev + 1)
    expect(saved.agenda.flatMap((a) => a.topicIds)).toContain(t.id)
  })

  it('an edit and a topic added at the same moment from the same edition: the topic is on the agenda either way', async () => {
    for (let round = 0; round < 4; round++) {
      const t = await h.ok<{ id: string }>(
        'council',
        'topic.propose',
        { requestId: rid(), communityId: 'c-hx', title: `加装扶手${round}`, body: '建议在单元门口加装扶手。' },
        P.zhang,
      )
      await h.ok('council', 'topic.triage', { topicId: t.id, decision: 'accept', tier: 'minor' }, P.secHx)
      const m = await h.ok<Meeting & { rev: number }>(
        'council',
        'meeting.create',
        {
          requestId: rid(),
          communityId: 'c-hx',
          ...fields({ online: false, link: undefined, place: '党群服务中心', agenda: [{ title: '其他事项' }] }),
        },
        P.secHx,
      )
      const edit = {
        meetingId: m.id,
        rev: m.rev,
        ...fields({
          title: `改期的议事会${round}`,
          online: false,
          link: undefined,
          place: '党群服务中心',
          agenda: [{ itemId: 'item-1', title: '其他事项' }],
        }),
      }
      const update = () => h.call('council', 'meeting.update', edit, P.secHx)
      const add = () => h.call('council', 'meeting.addTopic', { meetingId: m.id, topicId: t.id }, P.secHx)
      const [updated, added] =
        round % 2 ? await Promise.all([update(), add()]) : await Promise.all([add(), update()]).then(([a, u]) => [u, a])
      expect(added.env.ok).toBe(true)
      const now = await h.ok<Meeting & { rev: number; title: string }>(
        'council',
        'meeting.get',
        { meetingId: m.id },
        P.secHx,
      )
      expect(now.agenda.flatMap((a) => a.topicIds)).toContain(t.id)
      // The edit either went first (and the topic was added after it) or was refused as stale.
      const outcome = updated.env.ok ? `saved ${now.title}` : `refused ${updated.env.error.code}`
      expect([`saved 改期的议事会${round}`, 'refused CONFLICT']).toContain(outcome)
    }
  })

  it('keeps both topics when two are put on the same meeting at once: two new items, numbered apart', async () => {
    const topics: string[] = []
    for (const title of ['小区门口增设减速带', '健身器材更新']) {
      const t = await h.ok<{ id: string }>(
        'council',
        'topic.propose',
        { requestId: rid(), communityId: 'c-hx', title, body: `建议：${title}。` },
        P.zhang,
      )
      await h.ok('council', 'topic.triage', { topicId: t.id, decision: 'accept', tier: 'major' }, P.secHx)
      topics.push(t.id)
    }
    const target = await h.ok<Meeting>(
      'council',
      'meeting.create',
      {
        requestId: rid(),
        communityId: 'c-hx',
        ...fields({ online: false, link: undefined, place: '党群服务中心', agenda: [{ title: '其他事项' }] }),
      },
      P.secHx,
    )
    const both = await Promise.all(
      topics.map((topicId) =>
        h.call<Meeting>('council', 'meeting.addTopic', { meetingId: target.id, topicId }, P.secHx),
      ),
    )
    expect(both.map((r) => r.env.ok)).toEqual([true, true])
    const now = await h.ok<Meeting>('council', 'meeting.get', { meetingId: target.id }, P.secHx)
    expect(now.agenda.map((a) => a.itemId)).toEqual(['item-1', 'item-2', 'item-3'])
    expect(
      now.agenda
        .slice(1)
        .flatMap((a) => a.topicIds)
        .sort(),
    ).toEqual([...topics].sort())
  })
})
