import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { addResidents, dateIn, DAY, iso, revOf } from './fixtures'

/**
 * Refusals the other council tests leave out: malformed input, callers without the role, and callers
 * of another community. Every refusal goes through `expectRefused`, so nothing may change with it; where
 * the target is in a state the rightful caller could act on, a positive control follows the refusals.
 */

type Meeting = { id: string; status: string; agenda: { itemId: string }[] }
type Vote = { id: string; status: string }
type Resolution = { id: string; status: string }

let h: Cloud
/** A verified resident of 阳光社区 (c-yg): the demo world has none, so one is added. */
let ygResident: string

beforeAll(async () => {
  h = await openCloud()
  ;[ygResident] = await addResidents(h, ['h-yg-1-1-101'])
})
afterAll(() => h.close())

const startsAt = iso(new Date(T0.getTime() + 2 * DAY))
const fields = (over: Record<string, unknown> = {}) => ({
  title: '和谐社区红色议事会（拒绝用例）',
  startsAt,
  place: '党群服务中心',
  online: false,
  agenda: [{ title: '停车位规划方案', topicIds: ['topic-parking'] }, { title: '其他事项' }],
  participants: [
    { kind: 'party', name: '和谐社区党委' },
    { kind: 'resident_rep', name: '居民代表' },
  ],
  ...over,
})

async function draftMeeting(): Promise<Meeting> {
  return h.ok<Meeting>('council', 'meeting.create', { requestId: rid(), communityId: 'c-hx', ...fields() }, P.secHx)
}
async function publishedMeeting(): Promise<Meeting> {
  const m = await draftMeeting()
  return h.ok<Meeting>('council', 'meeting.publish', { meetingId: m.id }, P.secHx)
}
async function startedMeeting(): Promise<Meeting> {
  const m = await publishedMeeting()
  return h.ok<Meeting>('council', 'meeting.start', { meetingId: m.id }, P.secHx)
}
/** An open resolution on item-2 of a freshly started meeting. */
async function openResolution(): Promise<Resolution> {
  const m = await startedMeeting()
  return h.ok<Resolution>(
    'council',
    'resolution.record',
    {
      meetingId: m.id,
      itemId: 'item-2',
      decision: '物业在 1 号楼前增设临时停车引导标识。',
      responsible: { type: 'community', id: 'c-hx' },
      deadline: dateIn(10),
    },
    P.secHx,
  )
}

/** Refused as INVALID_INPUT, changing nothing, with an issue at `path` (dot-joined). */
async function invalidAt(action: string, input: unknown, openid: string, path: string) {
  const err = await h.expectRefused('council', action, input, openid, 'INVALID_INPUT')
  expect((err?.issues ?? []).map((i) => i.path.join('.'))).toContain(path)
}

const BAD_IDS = ['../x', 'a b', 'x'.repeat(65), '', '   ']

describe('bad input is refused before anything changes', () => {
  let draft: Meeting
  let started: Meeting
  let resolution: Resolution

  beforeAll(async () => {
    draft = await draftMeeting()
    started = await startedMeeting()
    resolution = await openResolution()
  })

  it('topic.second: a malformed or missing topic id', async () => {
    for (const bad of BAD_IDS) await invalidAt('topic.second', { topicId: bad }, P.zhang, 'topicId')
    await invalidAt('topic.second', {}, P.zhang, 'topicId')
    await invalidAt('topic.second', { topicId: 42 }, P.zhang, 'topicId')
  })

  it('topic.list: page size over 50, page 0, unknown status or tier, malformed community', async () => {
    await invalidAt('topic.list', { communityId: 'c-hx', pageSize: 51 }, P.liu, 'pageSize')
    await invalidAt('topic.list', { communityId: 'c-hx', pageSize: 0 }, P.liu, 'pageSize')
    await invalidAt('topic.list', { communityId: 'c-hx', page: 0 }, P.liu, 'page')
    await invalidAt('topic.list', { communityId: 'c-hx', page: 1.5 }, P.liu, 'page')
    await invalidAt('topic.list', { communityId: 'c-hx', status: 'closed' }, P.liu, 'status')
    await invalidAt('topic.list', { communityId: 'c-hx', tier: 'huge' }, P.liu, 'tier')
    await invalidAt('topic.list', { communityId: '../c-yg' }, P.liu, 'communityId')
    await invalidAt('topic.list', {}, P.liu, 'communityId')
  })

  it('topic.ratify: a missing, blank or overlong note, a malformed topic id', async () => {
    await invalidAt('topic.ratify', { topicId: 'topic-tree' }, P.secHx, 'note')
    await invalidAt('topic.ratify', { topicId: 'topic-tree', note: '   ' }, P.secHx, 'note')
    await invalidAt('topic.ratify', { topicId: 'topic-tree', note: '追'.repeat(301) }, P.secHx, 'note')
    await invalidAt('topic.ratify', { topicId: '../topic-tree', note: '议事会同意' }, P.secHx, 'topicId')
  })

  it('meeting.update: missing fields, a malformed id or date, an empty agenda, bad items and participants', async () => {
    await invalidAt('meeting.update', { meetingId: draft.id, rev: await revOf(h, draft.id) }, P.secHx, 'title')
    await invalidAt('meeting.update', { ...fields(), rev: 0, meetingId: '../x' }, P.secHx, 'meetingId')
    await invalidAt(
      'meeting.update',
      { meetingId: draft.id, rev: await revOf(h, draft.id), ...fields({ startsAt: '下周三晚上' }) },
      P.secHx,
      'startsAt',
    )
    await invalidAt(
      'meeting.update',
      { meetingId: draft.id, rev: await revOf(h, draft.id), ...fields({ agenda: [] }) },
      P.secHx,
      'agenda',
    )
    await invalidAt(
      'meeting.update',
      {
        meetingId: draft.id,
        rev: await revOf(h, draft.id),
        ...fields({ agenda: Array.from({ length: 21 }, (_, i) => ({ title: `议程${i}` })) }),
      },
      P.secHx,
      'agenda',
    )
    await invalidAt(
      'meeting.update',
      {
        meetingId: draft.id,
        rev: await revOf(h, draft.id),
        ...fields({ agenda: [{ itemId: '../item-1', title: '停车' }] }),
      },
      P.secHx,
      'agenda.0.itemId',
    )
    await invalidAt(
      'meeting.update',
      {
        meetingId: draft.id,
        rev: await revOf(h, draft.id),
        ...fields({ agenda: [{ title: '停车', topicIds: ['../topic-parking'] }] }),
      },
      P.secHx,
      'agenda.0.topicIds.0',
    )
    await invalidAt(
      'meeting.update',
      { meetingId: draft.id, rev: await revOf(h, draft.id), ...fields({ participants: [] }) },
      P.secHx,
      'participants',
    )
    await invalidAt(
      'meeting.update',
      {
        meetingId: draft.id,
        rev: await revOf(h, draft.id),
        ...fields({ participants: [{ kind: 'boss', name: '某人' }] }),
      },
      P.secHx,
      'participants.0.kind',
    )
  })

  it('meeting.update: a start in the past and agenda topics that are not accepted topics of the community (checked by the handler)', async () => {
    await invalidAt(
      'meeting.update',
      {
        meetingId: draft.id,
        rev: await revOf(h, draft.id),
        ...fields({ startsAt: iso(new Date(T0.getTime() - DAY)) }),
      },
      P.secHx,
      'startsAt',
    )
    await invalidAt(
      'meeting.update',
      {
        meetingId: draft.id,
        rev: await revOf(h, draft.id),
        ...fields({ agenda: [{ title: '电梯', topicIds: ['topic-elevator'] }] }),
      },
      P.secHx,
      'agenda',
    )
    await invalidAt(
      'meeting.update',
      {
        meetingId: draft.id,
        rev: await revOf(h, draft.id),
        ...fields({ agenda: [{ title: '无此议题', topicIds: ['topic-none'] }] }),
      },
      P.secHx,
      'agenda',
    )
  })

  it.each(['meeting.publish', 'meeting.start'])('%s: a malformed or missing meeting id', async (action) => {
    for (const bad of BAD_IDS) await invalidAt(action, { meetingId: bad }, P.secHx, 'meetingId')
    await invalidAt(action, {}, P.secHx, 'meetingId')
  })

  it('meeting.checkIn: a malformed or missing meeting id', async () => {
    await invalidAt('meeting.checkIn', { meetingId: '../x' }, P.liu, 'meetingId')
    await invalidAt('meeting.checkIn', {}, P.liu, 'meetingId')
  })

  it('meeting.attendance: page size over 50, page 0, a malformed meeting id', async () => {
    await invalidAt('meeting.attendance', { meetingId: started.id, pageSize: 51 }, P.secHx, 'pageSize')
    await invalidAt('meeting.attendance', { meetingId: started.id, page: 0 }, P.secHx, 'page')
    await invalidAt('meeting.attendance', { meetingId: '../x' }, P.secHx, 'meetingId')
    await invalidAt('meeting.attendance', {}, P.secHx, 'meetingId')
  })

  it('meeting.minutes: missing, blank or overlong minutes, a malformed meeting id', async () => {
    await invalidAt('meeting.minutes', { meetingId: started.id }, P.secHx, 'minutes')
    await invalidAt('meeting.minutes', { meetingId: started.id, minutes: ' ' }, P.secHx, 'minutes')
    await invalidAt('meeting.minutes', { meetingId: started.id, minutes: '纪'.repeat(5001) }, P.secHx, 'minutes')
    await invalidAt('meeting.minutes', { meetingId: '../x', minutes: '纪要' }, P.secHx, 'meetingId')
  })

  it('meeting.get: a malformed or missing meeting id', async () => {
    for (const bad of BAD_IDS) await invalidAt('meeting.get', { meetingId: bad }, P.liu, 'meetingId')
    await invalidAt('meeting.get', {}, P.liu, 'meetingId')
  })

  it('vote.list: page size over 50, a page past the limit, a malformed or missing community', async () => {
    await invalidAt('vote.list', { communityId: 'c-hx', pageSize: 51 }, P.zhang, 'pageSize')
    await invalidAt('vote.list', { communityId: 'c-hx', page: 10_001 }, P.zhang, 'page')
    await invalidAt('vote.list', { communityId: 'c-hx', pageSize: '20' }, P.zhang, 'pageSize')
    await invalidAt('vote.list', { communityId: '../c-hx' }, P.zhang, 'communityId')
    await invalidAt('vote.list', {}, P.zhang, 'communityId')
  })

  it.each([
    ['vote.get', P.zhang],
    ['vote.close', P.secHx],
    ['vote.remind', P.secHx],
  ])('%s: a malformed or missing vote id', async (action, who) => {
    for (const bad of BAD_IDS) await invalidAt(action, { voteId: bad }, who, 'voteId')
    await invalidAt(action, {}, who, 'voteId')
  })

  it('vote.myBallot: a malformed vote or household id', async () => {
    await invalidAt('vote.myBallot', { voteId: 'vote-parking', householdId: '../h-hx-1-1-202' }, P.liu, 'householdId')
    await invalidAt('vote.myBallot', { voteId: '../vote-parking' }, P.liu, 'voteId')
    await invalidAt('vote.myBallot', {}, P.liu, 'voteId')
  })

  it('resolution.progress: a status other than in_progress or done, a blank or overlong note, a malformed id', async () => {
    await invalidAt(
      'resolution.progress',
      { resolutionId: resolution.id, note: '已开始', status: 'open' },
      P.secHx,
      'status',
    )
    await invalidAt('resolution.progress', { resolutionId: resolution.id, note: '已开始' }, P.secHx, 'status')
    await invalidAt(
      'resolution.progress',
      { resolutionId: resolution.id, note: ' ', status: 'in_progress' },
      P.secHx,
      'note',
    )
    await invalidAt(
      'resolution.progress',
      { resolutionId: resolution.id, note: '进'.repeat(301), status: 'in_progress' },
      P.secHx,
      'note',
    )
    await invalidAt(
      'resolution.progress',
      { resolutionId: '../x', note: '已开始', status: 'in_progress' },
      P.secHx,
      'resolutionId',
    )
  })

  it('resolution.list: page size over 50, a malformed meeting or community id', async () => {
    await invalidAt('resolution.list', { communityId: 'c-hx', pageSize: 51 }, P.zhang, 'pageSize')
    await invalidAt('resolution.list', { communityId: 'c-hx', meetingId: '../meet-parking' }, P.zhang, 'meetingId')
    await invalidAt('resolution.list', { communityId: '../c-hx' }, P.zhang, 'communityId')
    await invalidAt('resolution.list', {}, P.zhang, 'communityId')
  })

  it('resolution.get: a malformed or missing resolution id', async () => {
    for (const bad of BAD_IDS) await invalidAt('resolution.get', { resolutionId: bad }, P.liu, 'resolutionId')
    await invalidAt('resolution.get', {}, P.liu, 'resolutionId')
  })

  it('notice.subscribe: a missing or non-boolean switch, a malformed community', async () => {
    await invalidAt('notice.subscribe', { communityId: 'c-hx' }, P.liu, 'on')
    await invalidAt('notice.subscribe', { communityId: 'c-hx', on: 'yes' }, P.liu, 'on')
    await invalidAt('notice.subscribe', { communityId: 'c-hx', on: 1 }, P.liu, 'on')
    await invalidAt('notice.subscribe', { communityId: '../c-hx', on: true }, P.liu, 'communityId')
  })

  it('still lets the rightful callers act on the same targets afterwards (the refusals above were about the input)', async () => {
    await h.ok('council', 'notice.subscribe', { communityId: 'c-hx', on: true }, P.liu)
    expect(
      (
        await h.ok<Meeting>(
          'council',
          'meeting.update',
          { meetingId: draft.id, rev: await revOf(h, draft.id), ...fields({ title: '改期后的议事会' }) },
          P.secHx,
        )
      ).status,
    ).toBe('draft')
    expect((await h.ok<Meeting>('council', 'meeting.checkIn', { meetingId: started.id }, P.liu)).status).toBe('started')
    expect(
      (
        await h.ok<Resolution>(
          'council',
          'resolution.progress',
          { resolutionId: resolution.id, note: '已开始制作标识', status: 'in_progress' },
          P.secHx,
        )
      ).status,
    ).toBe('in_progress')
    expect(
      (await h.ok<Meeting>('council', 'meeting.minutes', { meetingId: started.id, minutes: '会议纪要' }, P.secHx))
        .status,
    ).toBe('ended')
  })
})

describe('actions for the secretary refuse other roles', () => {
  const others = [P.liu, P.member, P.grid, P.admin, P.prop, P.zhou]

  it('meeting.update', async () => {
    const m = await draftMeeting()
    for (const who of others)
      await h.expectRefused(
        'council',
        'meeting.update',
        { meetingId: m.id, rev: await revOf(h, m.id), ...fields({ title: '越权修改' }) },
        who,
        'FORBIDDEN',
      )
    expect(
      (
        await h.ok<Meeting>(
          'council',
          'meeting.update',
          { meetingId: m.id, rev: await revOf(h, m.id), ...fields({ title: '书记修改' }) },
          P.secHx,
        )
      ).status,
    ).toBe('draft')
  })

  it('meeting.publish', async () => {
    const m = await draftMeeting()
    for (const who of others) await h.expectRefused('council', 'meeting.publish', { meetingId: m.id }, who, 'FORBIDDEN')
    expect((await h.ok<Meeting>('council', 'meeting.publish', { meetingId: m.id }, P.secHx)).status).toBe('published')
  })

  it('meeting.start', async () => {
    const m = await publishedMeeting()
    for (const who of others) await h.expectRefused('council', 'meeting.start', { meetingId: m.id }, who, 'FORBIDDEN')
    expect((await h.ok<Meeting>('council', 'meeting.start', { meetingId: m.id }, P.secHx)).status).toBe('started')
  })

  it("topic.ratify, including by the urgent topic's own proposer", async () => {
    // topic-tree: an accepted 急事 awaiting ratification, proposed by the grid worker.
    for (const who of others)
      await h.expectRefused('council', 'topic.ratify', { topicId: 'topic-tree', note: '议事会同意' }, who, 'FORBIDDEN')
    const t = await h.ok<{ urgent?: { ratifiedAt?: string } }>(
      'council',
      'topic.ratify',
      { topicId: 'topic-tree', note: '议事会同意围挡加固的处置' },
      P.secHx,
    )
    expect(t.urgent?.ratifiedAt).toBeDefined()
  })

  it('vote.remind', async () => {
    const m = await publishedMeeting()
    const v = await h.ok<Vote>(
      'council',
      'vote.open',
      {
        requestId: rid(),
        meetingId: m.id,
        itemId: 'item-2',
        title: '临时停车引导标识设置',
        options: [
          { label: '同意', kind: 'for' },
          { label: '反对', kind: 'against' },
        ],
        buildingIds: ['b-hx-1-1'],
        opensAt: iso(T0),
        closesAt: iso(new Date(T0.getTime() + 2 * DAY)),
        preset: 'civil_code_ordinary',
      },
      P.secHx,
    )
    h.setNow(new Date(T0.getTime() + 1.5 * DAY))
    try {
      for (const who of others) await h.expectRefused('council', 'vote.remind', { voteId: v.id }, who, 'FORBIDDEN')
      const r = await h.ok<{ sent: number }>('council', 'vote.remind', { voteId: v.id }, P.secHx)
      expect(r.sent).toBeGreaterThanOrEqual(0)
      const { data } = await h.db.collection('council_votes').where({ _id: v.id }).get()
      expect((data[0] as { remindedAt?: Date }).remindedAt).toBeDefined()
    } finally {
      h.setNow(T0)
    }
  })

  it('resolution.progress, including by a property company that is not the responsible party', async () => {
    const r = await openResolution()
    for (const who of others)
      await h.expectRefused(
        'council',
        'resolution.progress',
        { resolutionId: r.id, note: '越权更新', status: 'done' },
        who,
        'FORBIDDEN',
      )
    expect(
      (
        await h.ok<Resolution>(
          'council',
          'resolution.progress',
          { resolutionId: r.id, note: '已开始', status: 'in_progress' },
          P.secHx,
        )
      ).status,
    ).toBe('in_progress')
  })
})

describe("another community's secretary and residents are refused", () => {
  it('meeting.update', async () => {
    const m = await draftMeeting()
    await h.expectRefused(
      'council',
      'meeting.update',
      { meetingId: m.id, rev: await revOf(h, m.id), ...fields({ title: '越界修改' }) },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'council',
      'meeting.update',
      { meetingId: m.id, rev: await revOf(h, m.id), ...fields({ title: '越界修改' }) },
      ygResident,
      'FORBIDDEN',
    )
    expect(
      (
        await h.ok<Meeting>(
          'council',
          'meeting.update',
          { meetingId: m.id, rev: await revOf(h, m.id), ...fields({ title: '书记修改' }) },
          P.secHx,
        )
      ).status,
    ).toBe('draft')
  })

  it('meeting.publish', async () => {
    const m = await draftMeeting()
    await h.expectRefused('council', 'meeting.publish', { meetingId: m.id }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('council', 'meeting.publish', { meetingId: m.id }, ygResident, 'FORBIDDEN')
    expect((await h.ok<Meeting>('council', 'meeting.publish', { meetingId: m.id }, P.secHx)).status).toBe('published')
  })

  it('meeting.attendance', async () => {
    const m = await startedMeeting()
    await h.ok('council', 'meeting.checkIn', { meetingId: m.id }, P.liu)
    await h.expectRefused('council', 'meeting.attendance', { meetingId: m.id }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('council', 'meeting.attendance', { meetingId: m.id }, ygResident, 'FORBIDDEN')
    const list = await h.ok<{ items: { name: string }[] }>(
      'council',
      'meeting.attendance',
      { meetingId: m.id },
      P.secHx,
    )
    expect(list.items.map((x) => x.name)).toEqual(['刘芳'])
  })

  it('meeting.minutes', async () => {
    const m = await startedMeeting()
    await h.expectRefused('council', 'meeting.minutes', { meetingId: m.id, minutes: '越界纪要' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused(
      'council',
      'meeting.minutes',
      { meetingId: m.id, minutes: '越界纪要' },
      ygResident,
      'FORBIDDEN',
    )
    expect(
      (await h.ok<Meeting>('council', 'meeting.minutes', { meetingId: m.id, minutes: '会议纪要' }, P.secHx)).status,
    ).toBe('ended')
  })

  it('meeting.get, for a published, an ended and a draft meeting', async () => {
    const published = await publishedMeeting()
    const draft = await draftMeeting()
    for (const meetingId of [published.id, 'meet-parking', draft.id]) {
      await h.expectRefused('council', 'meeting.get', { meetingId }, P.secYg, 'FORBIDDEN')
      await h.expectRefused('council', 'meeting.get', { meetingId }, ygResident, 'FORBIDDEN')
    }
    expect((await h.ok<Meeting>('council', 'meeting.get', { meetingId: published.id }, P.liu)).id).toBe(published.id)
    expect((await h.ok<Meeting>('council', 'meeting.get', { meetingId: 'meet-parking' }, P.liu)).status).toBe('ended')
  })

  it('resolution.get, for the seeded done resolution and an open one', async () => {
    const open = await openResolution()
    for (const resolutionId of ['res:meet-parking:item-1', open.id]) {
      await h.expectRefused('council', 'resolution.get', { resolutionId }, P.secYg, 'FORBIDDEN')
      await h.expectRefused('council', 'resolution.get', { resolutionId }, ygResident, 'FORBIDDEN')
      expect((await h.ok<Resolution>('council', 'resolution.get', { resolutionId }, P.liu)).id).toBe(resolutionId)
    }
  })
})
