import { fireTimers, declaredTimers } from '../../local/timers'
import { addResidents, publishedMeeting } from './council/fixtures'
import { openCloud, P, rid, T0, type Cloud } from './harness'

/**
 * The timer triggers of config.json, fired as the platform fires them ({ Type: 'Timer' }, no OPENID):
 * council counts votes at their close and sends "closing soon"; grid sends "deadline near".
 */

const HOUR = 3600_000
const at = (ms: number) => new Date(T0.getTime() + ms)
let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())
afterEach(() => h.setNow(T0))

const fire = () =>
  fireTimers((main, event, { openid }) => h.rawMain(main, event, openid).then((result) => ({ result })))
const doc = async <T>(collection: string, id: string) =>
  (await h.db.collection(collection).where({ _id: id }).get()).data[0] as T
const outbox = async (templateId: string, toOpenid: string) =>
  (await h.db.collection('outbox').where({ templateId, toOpenid }).count()).total

type Vote = {
  id: string
  status: string
  result?: { passed: boolean; ballots: number; options: { key: string; areaDm2?: number }[] }
}

it('declares a tick for council and grid in their config.json', () => {
  expect(declaredTimers()).toEqual(
    expect.arrayContaining([
      { fn: 'council', name: 'tick' },
      { fn: 'grid', name: 'tick' },
    ]),
  )
})

describe('council tick', () => {
  let vote: Vote
  beforeAll(async () => {
    await h.ok('council', 'notice.subscribe', { communityId: 'c-hx', on: true }, P.liu)
    vote = await h.ok<Vote>(
      'council',
      'vote.open',
      {
        requestId: rid(),
        meetingId: 'meet-winter',
        itemId: 'item-1',
        title: '楼道照明改造方案',
        options: [
          { label: '同意', kind: 'for' },
          { label: '反对', kind: 'against' },
        ],
        buildingIds: ['b-hx-1-1'],
        opensAt: T0.toISOString(),
        closesAt: at(48 * HOUR).toISOString(),
        preset: 'simple',
      },
      P.secHx,
    )
    await h.ok('council', 'vote.cast', { voteId: vote.id, optionKey: 'o1' }, P.liu)
  })

  it('refuses a ballot from a household registered after the vote opened: the electorate was fixed then', async () => {
    const m = await publishedMeeting(h)
    const other = await h.ok<Vote>(
      'council',
      'vote.open',
      {
        requestId: rid(),
        meetingId: m.id,
        itemId: m.itemIds[0],
        title: '小区新楼栋通道方案',
        options: [
          { label: '同意', kind: 'for' },
          { label: '反对', kind: 'against' },
        ],
        estateIds: ['e-hx-1'],
        opensAt: T0.toISOString(),
        closesAt: at(96 * HOUR).toISOString(),
        preset: 'simple',
      },
      P.secHx,
    )
    h.setNow(at(HOUR))
    const b = await h.ok<{ id: string }>(
      'org',
      'building.create',
      {
        requestId: rid(),
        estateId: 'e-hx-1',
        gridId: 'g-hx-2',
        name: '新建7号楼',
        floors: 1,
        roomsPerFloor: 1,
        floorAreaDm2: 9000,
      },
      P.secHx,
    )
    const [newcomer] = await addResidents(h, [`${b.id}-101`])
    const err = await h.expectRefused(
      'council',
      'vote.cast',
      { voteId: other.id, optionKey: 'o1' },
      newcomer,
      'FORBIDDEN',
    )
    expect(err?.message).toContain('表决开启后登记')
  })

  it('sends nothing while the close is more than 24 h away', async () => {
    h.setNow(at(HOUR))
    await fire()
    expect((await doc<{ remindedAt?: Date }>('council_votes', vote.id)).remindedAt).toBeUndefined()
  })

  it('sends "closing soon" once within 24 h of the close', async () => {
    const before = await outbox('tpl-council-vote-closing', P.liu)
    h.setNow(at(30 * HOUR))
    await fire()
    await fire()
    expect(await outbox('tpl-council-vote-closing', P.liu)).toBe(before + 1)
    const audit = await h.db
      .collection('audit')
      .where({ target: `council_votes/${vote.id}`, actor: 'system:timer' })
      .get()
    expect(audit.data).toHaveLength(1)
  })

  it('counts the vote at its close, stores the result, and leaves nothing for the secretary to count', async () => {
    h.setNow(at(48 * HOUR + 60_000))
    const runs = await fire()
    expect(runs['council.tick']).toMatchObject({ ok: true })
    const v = await h.ok<Vote>('council', 'vote.get', { voteId: vote.id }, P.zhang)
    expect(v.status).toBe('closed')
    expect(v.result).toMatchObject({ passed: true, ballots: 1 })
    // No area per option, under any rule: with every household's area known it could single one out.
    expect(v.result!.options.every((o) => o.areaDm2 === undefined)).toBe(true)
    // The item's vote lock is released: the closed vote is the one a resolution will cite.
    const meeting = await h.ok<{ agenda: { itemId: string; openVoteId?: string; lastClosedVoteId?: string }[] }>(
      'council',
      'meeting.get',
      { meetingId: 'meet-winter' },
      P.secHx,
    )
    expect(meeting.agenda[0]).toMatchObject({ itemId: 'item-1', lastClosedVoteId: vote.id })
    expect(meeting.agenda[0].openVoteId).toBeUndefined()
    expect((await doc<{ closedBy: string }>('council_votes', vote.id)).closedBy).toBe('system:timer')
    expect(await outbox('tpl-council-vote-result', P.liu)).toBeGreaterThanOrEqual(1)
    await h.expectRefused('council', 'vote.close', { voteId: vote.id }, P.secHx, 'CONFLICT')
  })

  it('does not run for a client that sends a Timer event: with an identity it is an unknown action, and nothing changes', async () => {
    const before = await h.snapshot()
    const { env } = await h.raw('council', { Type: 'Timer', TriggerName: 'tick' }, P.secHx)
    expect(env.ok ? 'ok' : env.error.code).toBe('UNKNOWN_ACTION')
    expect(await h.snapshot()).toBe(before)
  })
})

describe('grid tick', () => {
  it('sends "deadline near" to the handler once, 6 h before the deadline, for any community', async () => {
    const e = await h.ok<{ id: string }>(
      'grid',
      'event.report',
      {
        requestId: rid(),
        gridId: 'g-hx-2',
        buildingId: 'b-hx-1-2',
        place: '2号楼门口',
        category: 'facility',
        description: '路灯不亮',
        urgency: 'urgent',
      },
      P.liu,
    )
    await h.ok('grid', 'event.assign', { eventId: e.id, handler: { type: 'company', id: 'co-1' } }, P.secHx)
    const { deadline } = await doc<{ deadline: Date }>('grid_events', e.id)
    const before = await outbox('tpl-grid-deadline', P.prop)
    h.setNow(new Date(new Date(deadline).getTime() - 7 * HOUR))
    await fire()
    expect((await doc<{ remindedAt?: Date }>('grid_events', e.id)).remindedAt).toBeUndefined()
    h.setNow(new Date(new Date(deadline).getTime() - 5 * HOUR))
    await fire()
    await fire()
    expect((await doc<{ remindedAt?: Date }>('grid_events', e.id)).remindedAt).toBeDefined()
    expect(await outbox('tpl-grid-deadline', P.prop)).toBe(before + 1)
  })
})
