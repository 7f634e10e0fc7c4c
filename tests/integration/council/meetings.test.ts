import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'
import { DAY, iso, revOf } from './fixtures'

type Meeting = {
  id: string
  status: string
  agendaLocked: boolean
  attendeeCount: number
  agenda: { itemId: string; order: number; title: string; topicIds: string[] }[]
  minutes?: string
}
type Page<T> = { items: T[]; total: number }

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

const startsAt = iso(new Date(T0.getTime() + 2 * DAY))
const fields = (over: Record<string, unknown> = {}) => ({
  title: '和谐社区红色议事会（停车专题）',
  startsAt,
  place: '党群服务中心',
  online: false,
  agenda: [{ title: '停车位规划方案', topicIds: ['topic-parking'] }, { title: '其他事项' }],
  participants: [
    { kind: 'party', name: '和谐社区党委' },
    { kind: 'property', ref: { type: 'company', id: 'co-1' } },
    { kind: 'resident_rep', name: '居民代表' },
  ],
  ...over,
})

describe('a meeting from draft to minutes', () => {
  let m: Meeting

  it('creates a draft with ordered agenda items linked to accepted topics', async () => {
    m = await h.ok<Meeting>(
      'council',
      'meeting.create',
      { requestId: rid(), communityId: 'c-hx', ...fields() },
      P.secHx,
    )
    expect(m.status).toBe('draft')
    expect(m.agenda.map((a) => [a.itemId, a.order, a.title])).toEqual([
      ['item-1', 1, '停车位规划方案'],
      ['item-2', 2, '其他事项'],
    ])
    expect(m.agenda[0].topicIds).toEqual(['topic-parking'])
  })

  it("refuses a meeting by a resident or another community's secretary, changing nothing", async () => {
    await h.expectRefused(
      'council',
      'meeting.create',
      { requestId: rid(), communityId: 'c-hx', ...fields() },
      P.liu,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'council',
      'meeting.create',
      { requestId: rid(), communityId: 'c-hx', ...fields() },
      P.secYg,
      'FORBIDDEN',
    )
  })

  it('refuses agenda topics that are not accepted topics of the community', async () => {
    await h.expectRefused(
      'council',
      'meeting.create',
      {
        requestId: rid(),
        communityId: 'c-hx',
        ...fields({ agenda: [{ title: '电梯', topicIds: ['topic-elevator'] }] }),
      },
      P.secHx,
      'INVALID_INPUT',
    )
  })

  it('refuses an empty agenda and a start in the past', async () => {
    await h.expectRefused(
      'council',
      'meeting.create',
      { requestId: rid(), communityId: 'c-hx', ...fields({ agenda: [] }) },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'council',
      'meeting.create',
      { requestId: rid(), communityId: 'c-hx', ...fields({ startsAt: iso(new Date(T0.getTime() - DAY)) }) },
      P.secHx,
      'INVALID_INPUT',
    )
  })

  it('hides drafts from residents', async () => {
    await h.expectRefused('council', 'meeting.get', { meetingId: m.id }, P.liu, 'NOT_FOUND')
    const page = await h.ok<Page<Meeting>>('council', 'meeting.list', { communityId: 'c-hx' }, P.liu)
    expect(page.items.map((x) => x.id)).not.toContain(m.id)
  })

  it('edits the agenda before the start, keeping item ids and reordering', async () => {
    const e = await h.ok<Meeting>(
      'council',
      'meeting.update',
      {
        meetingId: m.id,
        rev: await revOf(h, m.id),
        ...fields({
          agenda: [
            { itemId: 'item-2', title: '其他事项' },
            { itemId: 'item-1', title: '停车位规划方案', topicIds: ['topic-parking'] },
            { title: '新增议程' },
          ],
        }),
      },
      P.secHx,
    )
    expect(e.agenda.map((a) => [a.itemId, a.order])).toEqual([
      ['item-2', 1],
      ['item-1', 2],
      ['item-3', 3],
    ])
  })

  it('publishes, notifies subscribers, and residents read the agenda', async () => {
    await h.ok('council', 'notice.subscribe', { communityId: 'c-hx', on: true }, P.liu)
    const p = await h.ok<Meeting>('council', 'meeting.publish', { meetingId: m.id }, P.secHx)
    expect(p.status).toBe('published')
    const { data } = await h.db.collection('outbox').where({ toOpenid: P.liu, templateId: 'tpl-council-meeting' }).get()
    expect(data).toHaveLength(1)
    const seen = await h.ok<Meeting>('council', 'meeting.get', { meetingId: m.id }, P.liu)
    expect(seen.agenda).toHaveLength(3)
    await h.expectRefused('council', 'meeting.publish', { meetingId: m.id }, P.secHx, 'CONFLICT')
  })

  it('refuses sign-in long before the start', async () => {
    await h.expectRefused('council', 'meeting.checkIn', { meetingId: m.id }, P.liu, 'CONFLICT')
  })

  it('starts the meeting and locks the agenda', async () => {
    await h.expectRefused('council', 'meeting.start', { meetingId: m.id }, P.secYg, 'FORBIDDEN')
    const s = await h.ok<Meeting>('council', 'meeting.start', { meetingId: m.id }, P.secHx)
    expect(s).toMatchObject({ status: 'started', agendaLocked: true })
    await h.expectRefused(
      'council',
      'meeting.update',
      { meetingId: m.id, rev: await revOf(h, m.id), ...fields() },
      P.secHx,
      'CONFLICT',
    )
  })

  it('signs people in once each, as their roles and profiles say, and lists them for the secretary', async () => {
    const a = await h.ok<Meeting>('council', 'meeting.checkIn', { meetingId: m.id }, P.liu)
    expect(a.attendeeCount).toBe(1)
    const again = await h.ok<Meeting>('council', 'meeting.checkIn', { meetingId: m.id }, P.liu)
    expect(again.attendeeCount).toBe(1)
    await h.ok('council', 'meeting.checkIn', { meetingId: m.id }, P.member)
    await h.ok('council', 'meeting.checkIn', { meetingId: m.id }, P.liaison)
    await h.ok('council', 'meeting.checkIn', { meetingId: m.id }, P.secHx)
    const list = await h.ok<Page<{ name: string; kind: string; org?: string }>>(
      'council',
      'meeting.attendance',
      { meetingId: m.id },
      P.secHx,
    )
    expect(list.items.map((x) => [x.name, x.kind, x.org ?? null])).toEqual([
      ['刘芳', 'resident', null],
      ['孙伟', 'member', null],
      ['吴敏', 'unit', '锦绣区人民医院'],
      ['王秀英', 'secretary', null],
    ])
    await h.expectRefused('council', 'meeting.attendance', { meetingId: m.id }, P.liu, 'FORBIDDEN')
    await h.expectRefused('council', 'meeting.checkIn', { meetingId: m.id }, P.secYg, 'FORBIDDEN')
  })

  it('takes no self-declared kind or name: what the client sends is not in the record', async () => {
    const { env } = await h.call<Meeting>(
      'council',
      'meeting.checkIn',
      { meetingId: m.id, kind: 'party', name: '街道书记' },
      P.zhang,
    )
    expect(env.ok).toBe(true)
    const { data } = await h.db
      .collection('council_attendance')
      .where({ _id: `att:${m.id}:${P.zhang}` })
      .get()
    expect(data[0]).toMatchObject({ name: '张德福', kind: 'resident' })
    expect(JSON.stringify(data)).not.toContain('街道书记')
  })

  it('refuses a person without a name on their profile, changing nothing', async () => {
    await h.db.collection('users').add({
      data: {
        _id: 'o-t-noname',
        name: '',
        roles: [
          {
            role: 'resident',
            scopeType: 'household',
            scopeId: 'h-hx-1-1-601',
            scopeName: '和谐家园 1号楼 601',
            communityId: 'c-hx',
            streetId: 'st-jinxiu',
          },
        ],
        createdAt: T0,
        updatedAt: T0,
      },
    })
    const err = await h.expectRefused('council', 'meeting.checkIn', { meetingId: m.id }, 'o-t-noname', 'CONFLICT')
    expect(err?.message).toContain('姓名')
  })

  it('records the minutes and ends the meeting', async () => {
    await h.expectRefused('council', 'meeting.minutes', { meetingId: m.id, minutes: '纪要' }, P.liu, 'FORBIDDEN')
    const e = await h.ok<Meeting>(
      'council',
      'meeting.minutes',
      { meetingId: m.id, minutes: '会议同意将停车位规划方案提交业主表决。' },
      P.secHx,
    )
    expect(e).toMatchObject({ status: 'ended', minutes: '会议同意将停车位规划方案提交业主表决。' })
    await h.expectRefused('council', 'meeting.minutes', { meetingId: m.id, minutes: '再次' }, P.secHx, 'CONFLICT')
    const { total } = await h.db
      .collection('audit')
      .where({ target: `council_meetings/${m.id}` })
      .count()
    expect(total).toBeGreaterThanOrEqual(6)
  })

  it('locks the agenda once the start time has passed, even if nobody pressed start', async () => {
    const late = await h.ok<Meeting>(
      'council',
      'meeting.create',
      { requestId: rid(), communityId: 'c-hx', ...fields() },
      P.secHx,
    )
    h.setNow(new Date(T0.getTime() + 3 * DAY))
    try {
      await h.expectRefused(
        'council',
        'meeting.update',
        {
          meetingId: late.id,
          rev: await revOf(h, late.id),
          ...fields({ startsAt: iso(new Date(T0.getTime() + 5 * DAY)) }),
        },
        P.secHx,
        'CONFLICT',
      )
    } finally {
      h.setNow(T0)
    }
  })

  it("lists the community's meetings; residents see published ones only", async () => {
    const sec = await h.ok<Page<Meeting>>('council', 'meeting.list', { communityId: 'c-hx' }, P.secHx)
    const res = await h.ok<Page<Meeting>>('council', 'meeting.list', { communityId: 'c-hx' }, P.zhang)
    expect(sec.total).toBeGreaterThan(res.total)
    expect(res.items.every((x) => x.status !== 'draft')).toBe(true)
    await h.expectRefused('council', 'meeting.list', { communityId: 'c-hx' }, P.zhou, 'FORBIDDEN')
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
