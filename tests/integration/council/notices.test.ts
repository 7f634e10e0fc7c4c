import { fireTimers } from '../../../local/timers'
import { COUNCIL_NOTICE_KINDS } from '../../../types/notices'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'
import { publishedMeeting } from './fixtures'

/**
 * Council notices go to the community's subscribers who consented to that kind. An action sends to
 * the first 20 itself and leaves the rest as one job; the timer reaches everyone else, once.
 */

const OPEN_TPL = 'tpl-council-vote-open'
const FANS = 44
let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

const fire = () =>
  fireTimers((main, event, { openid }) => h.rawMain(main, event, openid).then((result) => ({ result })))
const sentTo = async (templateId: string, toOpenid?: string) =>
  (
    await h.db
      .collection('outbox')
      .where({ templateId, ...(toOpenid ? { toOpenid } : {}) })
      .count()
  ).total
const jobs = async () =>
  (await h.db.collection('council_notice_jobs').get()).data as { status: string; kind: string; after: string }[]

describe('subscription with consent per kind', () => {
  it('records the kinds the person allowed; without a consent dialog (H5) all council kinds', async () => {
    expect(
      await h.ok(
        'council',
        'notice.subscribe',
        { communityId: 'c-hx', on: true, kinds: ['councilVoteResult'] },
        P.zhang,
      ),
    ).toEqual({ subscribed: true, kinds: ['councilVoteResult'] })
    expect(await h.ok('council', 'notice.subscribe', { communityId: 'c-hx', on: true }, P.liu)).toEqual({
      subscribed: true,
      kinds: [...COUNCIL_NOTICE_KINDS].sort(),
    })
  })

  it('adds consents given on different screens (WeChat asks for three at most), and switching off clears them', async () => {
    const other = P.member
    await h.ok(
      'council',
      'notice.subscribe',
      { communityId: 'c-hx', on: true, kinds: ['councilMeetingPublished', 'councilVoteOpening'] },
      other,
    )
    expect(
      await h.ok(
        'council',
        'notice.subscribe',
        { communityId: 'c-hx', on: true, kinds: ['councilVoteClosing'] },
        other,
      ),
    ).toEqual({ subscribed: true, kinds: ['councilMeetingPublished', 'councilVoteClosing', 'councilVoteOpening'] })
    expect(await h.ok('council', 'notice.subscribe', { communityId: 'c-hx', on: false }, other)).toEqual({
      subscribed: false,
      kinds: [],
    })
    expect(
      await h.ok('council', 'notice.subscribe', { communityId: 'c-hx', on: true, kinds: ['councilVoteResult'] }, other),
    ).toEqual({ subscribed: true, kinds: ['councilVoteResult'] })
  })

  it('refuses an empty or unknown kind list and changes nothing', async () => {
    await h.expectRefused(
      'council',
      'notice.subscribe',
      { communityId: 'c-hx', on: true, kinds: [] },
      P.zhang,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'council',
      'notice.subscribe',
      { communityId: 'c-hx', on: true, kinds: ['ratingAnswered'] },
      P.zhang,
      'INVALID_INPUT',
    )
  })
})

describe('a notice to more subscribers than one action sends', () => {
  let opened: { dbRequests: number }
  beforeAll(async () => {
    // 44 more subscribers who allowed every kind (written directly: the sender, not the subscribing, is under test).
    for (let i = 0; i < FANS; i++) {
      const openid = `o-fan-${String(i).padStart(2, '0')}`
      await h.db.collection('council_subscriptions').add({
        data: {
          _id: `sub:c-hx:${openid}`,
          communityId: 'c-hx',
          openid,
          on: true,
          kinds: [...COUNCIL_NOTICE_KINDS],
          at: T0,
        },
      })
    }
    const { env, dbRequests } = await h.call(
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
        closesAt: new Date(T0.getTime() + 48 * 3600_000).toISOString(),
        preset: 'simple',
      },
      P.secHx,
    )
    expect(env.ok).toBe(true)
    opened = { dbRequests }
  })

  it('sends to the first 20 at once and leaves one pending job for the rest', async () => {
    expect(await sentTo(OPEN_TPL)).toBe(20)
    expect(await jobs()).toEqual([expect.objectContaining({ status: 'pending', kind: 'councilVoteOpening' })])
  })

  it('the timer sends to everyone else exactly once, and never to someone who did not allow the kind', async () => {
    await fire()
    expect(await sentTo(OPEN_TPL)).toBe(FANS + 1) // the 44 and 刘 (all kinds); 张 allowed only results
    expect(await sentTo(OPEN_TPL, P.zhang)).toBe(0)
    expect(await sentTo(OPEN_TPL, P.liu)).toBe(1)
    expect((await jobs()).map((j) => j.status)).toEqual(['done'])
    await fire()
    expect(await sentTo(OPEN_TPL)).toBe(FANS + 1)
  })

  it("the action's requests do not grow with the subscribers", async () => {
    for (let i = FANS; i < FANS + 100; i++) {
      const openid = `o-fan-${String(i).padStart(3, '0')}`
      await h.db.collection('council_subscriptions').add({
        data: {
          _id: `sub:c-hx:${openid}`,
          communityId: 'c-hx',
          openid,
          on: true,
          kinds: [...COUNCIL_NOTICE_KINDS],
          at: T0,
        },
      })
    }
    const m = await publishedMeeting(h)
    const { env, dbRequests } = await h.call(
      'council',
      'vote.open',
      {
        requestId: rid(),
        meetingId: m.id,
        itemId: m.itemIds[0],
        title: '楼道照明改造方案（二）',
        options: [
          { label: '同意', kind: 'for' },
          { label: '反对', kind: 'against' },
        ],
        buildingIds: ['b-hx-1-1'],
        opensAt: T0.toISOString(),
        closesAt: new Date(T0.getTime() + 48 * 3600_000).toISOString(),
        preset: 'simple',
      },
      P.secHx,
    )
    expect(env.ok).toBe(true)
    expect(dbRequests).toBe(opened.dbRequests)
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
