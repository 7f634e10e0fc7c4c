import type { Mutation } from '../../../local/store/ops'
import { COL } from '../../../cloudfunctions/shared/collections'
import { personVoice } from '../../../cloudfunctions/shared/moderation'
import { memberRecordId, personKey } from '../../../cloudfunctions/shared/pseudonym'
import { dateIn, iso, publishedMeeting } from '../council/fixtures'
import { appoint } from '../grid/appoint'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { at, holdAt } from '../interleave'

/**
 * Leaving (注销, issue 12 §4) takes the person out of document ids too: after a leave no document of
 * any collection carries their openid, their person key or their member record id — in its id or its
 * body — and the same WeChat account coming back is a new person whose ids meet none of the old ones.
 * A leave cut short by a failed write finishes, when repeated, under the same departed token.
 */

type Result = { grantsEnded: number; requestsWithdrawn: number; recordsAnonymised: number; filesRemoved: number }
type Summary = { sections: { key: string; count: number }[] }

const OPEN_PERIOD = 'per:st-jinxiu:2026-11'
const HOUSEHOLD = 'h-hx-1-1-102'
const good = { cleaning: 5, order: 5, repairs: 4, greening: 5, attitude: 5, fees: 5 }
const MIN = 60_000

/** Every place (`collection/_id` and where: id or body) that still carries one of `values`. */
async function carrying(h: Cloud, values: string[]): Promise<string[]> {
  const found: string[] = []
  for (const name of Object.values(COL)) {
    const { total } = await h.db.collection(name).count()
    for (let skip = 0; skip < total; skip += 1000) {
      const { data } = await h.db.collection(name).skip(skip).limit(1000).get()
      for (const d of data as { _id: string }[]) {
        const body = JSON.stringify({ ...d, _id: undefined })
        for (const v of values) {
          if (d._id.includes(v)) found.push(`${name}/${d._id} id: ${v}`)
          if (body.includes(v)) found.push(`${name}/${d._id} body: ${v}`)
        }
      }
    }
  }
  return found
}

/** 孙伟 (a member) does something in every module: resident of a household, seconds, reports, signs in, rates, subscribes, holds a grid post. */
async function liveEverywhere(h: Cloud, who: string) {
  // He reports a topic while he has no household in the community: the case counts his own (hashed) voice.
  const topic = await h.ok<{ id: string }>(
    'council',
    'topic.propose',
    {
      requestId: rid(),
      communityId: 'c-hx',
      title: '小区门口加装路灯',
      body: '晚上门口太暗，老人走路不安全。',
      photos: [],
    },
    P.zhang,
  )
  await h.ok('council', 'report.submit', { kind: 'topic', id: topic.id, reason: 'false' }, who)
  const b = await h.ok<{ id: string }>(
    'org',
    'binding.request',
    { requestId: rid(), householdId: HOUSEHOLD, name: '孙伟', phone: '13800000007' },
    who,
  )
  await h.ok('org', 'binding.decide', { bindingId: b.id, approve: true }, P.secHx)
  await h.ok('council', 'topic.second', { topicId: topic.id }, who)
  await h.ok('council', 'notice.subscribe', { communityId: 'c-hx', on: true }, who)
  const staffId = await appoint(h, 'g-hx-3', who, 'worker', '孙伟')
  const m = await publishedMeeting(h, 1)
  await h.ok('council', 'meeting.start', { meetingId: m.id }, P.secHx)
  await h.ok('council', 'meeting.checkIn', { meetingId: m.id }, who)
  await h.ok(
    'council',
    'resolution.record',
    {
      meetingId: m.id,
      itemId: m.itemIds[0],
      decision: '加装两盏路灯',
      responsible: { type: 'member', id: memberRecordId(who) },
      deadline: dateIn(10),
    },
    P.secHx,
  )
  // A meeting that invites him by his grid post (its participants and invitation keys name the post and his key).
  const invited = await h.ok<{ id: string }>(
    'council',
    'meeting.create',
    {
      requestId: rid(),
      communityId: 'c-hx',
      title: '网格议事会',
      startsAt: iso(new Date(T0.getTime() + 3 * 86_400_000)),
      place: '党群服务中心',
      online: false,
      agenda: [{ title: '楼道杂物' }],
      participants: [{ kind: 'grid', ref: { type: 'gridStaff', id: staffId } }],
    },
    P.secHx,
  )
  await h.ok('council', 'meeting.publish', { meetingId: invited.id }, P.secHx)
  await h.ok(
    'property',
    'rating.submit',
    { requestId: rid(), periodId: OPEN_PERIOD, householdId: HOUSEHOLD, stars: good, comment: '保洁及时' },
    who,
  )
  const a = await h.ok<{ id: string }>(
    'service',
    'activity.create',
    {
      requestId: rid(),
      communityId: 'c-hx',
      title: '清扫楼道',
      kind: 'volunteer',
      place: { name: '东门', lat: 30.5928, lng: 114.3055 },
      startAt: iso(new Date(T0.getTime() - 10 * MIN)),
      endAt: iso(new Date(T0.getTime() + 180 * MIN)),
      capacity: 20,
    },
    P.secHx,
  )
  await h.ok('service', 'activity.signup', { activityId: a.id }, who)
  const tIn = await h.ok<{ qrText: string }>('service', 'activity.token', { activityId: a.id }, P.secHx)
  await h.ok('service', 'activity.signin', { activityId: a.id, method: 'qr', token: tIn.qrText }, who)
  h.setNow(new Date(T0.getTime() + 60 * MIN))
  const tOut = await h.ok<{ token: string }>('service', 'activity.token', { activityId: a.id }, P.secHx)
  await h.ok('service', 'activity.signout', { activityId: a.id, method: 'qr', token: tOut.token }, who)
  h.setNow(T0)
  await h.ok(
    'service',
    'assessment.set',
    {
      subjectType: 'member',
      subjectId: memberRecordId(who),
      year: 2026,
      grade: 'qualified',
      reason: '按时参加服务活动',
    },
    P.secHx,
  )
  // Service: a resource and an offer taken up as a project he reports on; a wish he claims; the unit's letter.
  await h.ok('service', 'resource.create', { requestId: rid(), communityId: 'c-hx', title: '家电维修' }, who)
  const need = await h.ok<{ id: string }>(
    'service',
    'need.create',
    { requestId: rid(), communityId: 'c-hx', title: '修补路面', source: 'community' },
    P.secHx,
  )
  const offer = await h.ok<{ id: string }>(
    'service',
    'need.offer',
    { requestId: rid(), needId: need.id, title: '带队修补', note: '可出 6 人' },
    who,
  )
  const taken = await h.ok<{ projectId: string }>(
    'service',
    'need.decideOffer',
    { offerId: offer.id, accept: true, deadline: iso(new Date(T0.getTime() + 30 * 86_400_000)) },
    P.secHx,
  )
  await h.ok('service', 'project.progress', { projectId: taken.projectId, progress: 20, note: '已开工' }, who)
  const wish = await h.ok<{ id: string }>(
    'service',
    'wish.create',
    { requestId: rid(), title: '帮忙修理收音机', dueAt: iso(new Date(T0.getTime() + 7 * 86_400_000)) },
    P.liu,
  )
  await h.ok('service', 'wish.claim', { wishId: wish.id }, who)
  await h.ok('service', 'letter.issue', { requestId: rid(), unitId: 'u-hx-1', quarter: '2026Q4' }, P.secHx)
  // Grid: an event dispatched to him as a member, which he accepts.
  const event = await h.ok<{ id: string }>(
    'grid',
    'event.report',
    {
      requestId: rid(),
      gridId: 'g-hx-1',
      buildingId: 'b-hx-1-1',
      place: '1号楼门口',
      category: 'facility',
      description: '单元门禁坏了',
      photos: [],
      urgency: 'normal',
    },
    P.liu,
  )
  await h.ok(
    'grid',
    'event.assign',
    { eventId: event.id, handler: { type: 'member', id: memberRecordId(who) } },
    P.secHx,
  )
  await h.ok('grid', 'event.accept', { eventId: event.id }, who)
  await h.ok('org', 'mydata.export', {}, who)
  return { topicId: topic.id, activityId: a.id }
}

describe('after a leave, no document names the person: not in its id, not in its body', () => {
  let h: Cloud
  let topicId: string
  let activityId: string
  const who = P.member
  const traces = [who, personKey(who), memberRecordId(who), personVoice(who)]
  beforeAll(async () => {
    h = await openCloud()
    ;({ topicId, activityId } = await liveEverywhere(h, who))
  })
  afterAll(() => h.close())

  it('the person is in ids of many modules before the leave (the test would see them)', async () => {
    const before = await carrying(h, traces)
    expect(before).toContainEqual(
      expect.stringMatching(new RegExp(`^${COL.moderationCases}/.* body: ${personVoice(who)}$`)),
    )
    for (const col of [
      COL.users,
      COL.svcMembers,
      COL.svcAttendance,
      COL.councilSeconds,
      COL.councilAttendance,
      COL.councilSubscriptions,
      COL.moderationReports,
      COL.gridStaff,
      COL.svcAssessments,
    ]) {
      expect(before.some((f) => f.startsWith(`${col}/`) && f.includes(' id: '))).toBe(true)
    }
  })

  it('leaves no trace of the openid, the person key or the member record id anywhere', async () => {
    // A notice half sent to the community, its cursor at his subscription: the same subscribers stay ahead of it.
    await h.db.collection(COL.councilNoticeJobs).add({
      data: {
        _id: 'job-leave',
        communityId: 'c-hx',
        kind: 'councilMeetingPublished',
        page: 'pages/council/meeting',
        data: {},
        after: `sub:c-hx:${who}`,
        status: 'pending',
        createdAt: T0,
      },
    })
    const ahead = async () => {
      const job = (await h.db.collection(COL.councilNoticeJobs).doc('job-leave').get()).data as { after: string }
      const { data } = await h.db
        .collection(COL.councilSubscriptions)
        .where({ communityId: 'c-hx', on: true, _id: h.db.command.gt(job.after) })
        .limit(1000)
        .get()
      return (data as { _id: string }[]).map((d) => d._id).sort()
    }
    await h.ok('council', 'notice.subscribe', { communityId: 'c-hx', on: true }, P.zhang)
    const aheadBefore = await ahead()
    expect(aheadBefore).toContain(`sub:c-hx:${P.zhang}`)
    const result = await h.ok<Result>('org', 'account.leave', { confirm: true }, who)
    expect(await ahead()).toEqual(aheadBefore)
    expect(result.grantsEnded).toBe(3)
    expect(await carrying(h, traces)).toEqual([])
  })

  it('keeps the records, re-keyed under one departed token: the second, the sign-in and the member record still count', async () => {
    const topic = await h.ok<{ seconds: number }>('council', 'topic.get', { topicId }, P.secHx)
    expect(topic.seconds).toBe(1)
    const seconds = (await h.db.collection(COL.councilSeconds).where({ topicId }).get()).data as {
      _id: string
      openid: string
    }[]
    expect(seconds).toHaveLength(1)
    const token = seconds[0].openid
    expect(token).toMatch(/^departed:/)
    expect(seconds[0]._id).toBe(`second:${topicId}:${token}`)
    const attendance = (await h.db.collection(COL.svcAttendance).where({ activityId }).get()).data as {
      _id: string
      openid: string
      memberId: string
    }[]
    expect(attendance).toEqual([
      expect.objectContaining({
        _id: `at:${activityId}:${personKey(token)}`,
        openid: token,
        memberId: memberRecordId(token),
      }),
    ])
    const member = (
      await h.db
        .collection(COL.svcMembers)
        .where({ _id: memberRecordId(token) })
        .get()
    ).data
    expect(member).toEqual([expect.objectContaining({ openid: token, name: '已注销用户' })])
  })

  it('shows the same openid coming back nothing in 我的数据', async () => {
    const summary = await h.ok<Summary>('org', 'mydata.summary', {}, who)
    expect(summary.sections.filter((s) => s.count > 0)).toEqual([])
  })

  it('lets the same openid come back as a new person: binds, seconds the same topic, checks in, signs up to the same activity', async () => {
    const b = await h.ok<{ id: string }>(
      'org',
      'binding.request',
      { requestId: rid(), householdId: HOUSEHOLD, name: '孙新', phone: '13800000099' },
      who,
    )
    await h.ok('org', 'binding.decide', { bindingId: b.id, approve: true }, P.secHx)
    await h.ok('council', 'topic.second', { topicId }, who)
    expect((await h.ok<{ seconds: number }>('council', 'topic.get', { topicId }, P.secHx)).seconds).toBe(2)
    await h.ok('council', 'report.submit', { kind: 'topic', id: topicId, reason: 'false' }, who)
    const m = await h.ok<{ id: string; status: string }>(
      'service',
      'member.checkin',
      {
        requestId: rid(),
        communityId: 'c-hx',
        name: '孙新',
        unitName: '锦绣区人民医院',
        householdId: HOUSEHOLD,
        skills: [],
        availability: '周末',
      },
      who,
    )
    expect(m.status).toBe('pending')
    await h.ok(
      'service',
      'member.decide',
      { memberId: m.id, approve: true, gridId: 'g-hx-1', buildingIds: [] },
      P.secHx,
    )
    const a = await h.ok<{ signupCount: number }>('service', 'activity.signup', { activityId }, who)
    expect(a.signupCount).toBe(2)
    const summary = await h.ok<Summary>('org', 'mydata.summary', {}, who)
    const counts = Object.fromEntries(summary.sections.filter((s) => s.count > 0).map((s) => [s.key, s.count]))
    expect(counts).toMatchObject({ seconds: 1, activities: 1, checkins: 1, bindings: 1 })
  })
})

describe('a leave cut short by a failed write', () => {
  it('finishes when repeated, under the same departed token, and leaves no trace', async () => {
    const h = await openCloud()
    try {
      const who = P.member
      const { topicId, activityId } = await liveEverywhere(h, who)
      // The first write to the seconds (the sweep of their openid) fails once, after every grant has ended.
      const apply = h.store.apply.bind(h.store)
      h.store.apply = (mutations: readonly Mutation[]) => {
        if (mutations.some((x) => x.coll === COL.councilSeconds)) {
          h.store.apply = apply
          throw new Error('disk I/O error')
        }
        apply(mutations)
      }
      const first = await h.call<Result>('org', 'account.leave', { confirm: true }, who)
      expect(first.env.ok).toBe(false)
      await h.ok<Result>('org', 'account.leave', { confirm: true }, who)
      expect(await carrying(h, [who, personKey(who), memberRecordId(who), personVoice(who)])).toEqual([])
      const second = (
        (await h.db.collection(COL.councilSeconds).where({ topicId }).get()).data as { openid: string }[]
      )[0]
      const attendance = (
        (await h.db.collection(COL.svcAttendance).where({ activityId }).get()).data as { openid: string }[]
      )[0]
      expect(second.openid).toMatch(/^departed:/)
      expect(attendance.openid).toBe(second.openid)
      const { data: rated } = await h.db
        .collection(COL.propertyRatings)
        .where({ householdId: HOUSEHOLD, periodId: OPEN_PERIOD })
        .get()
      expect((rated[0] as { raterOpenid: string }).raterOpenid).toBe(second.openid)
    } finally {
      h.close()
    }
  })
})

describe('a leave while the secretary grades the member', () => {
  it('never writes a record back under the old key: the grade lands under the token or is refused', async () => {
    const h = await openCloud()
    try {
      const who = P.member
      const grade = (reason: string) =>
        h.call(
          'service',
          'assessment.set',
          { subjectType: 'member', subjectId: memberRecordId(who), year: 2026, grade: 'qualified', reason },
          P.secHx,
        )
      expect((await grade('按时参加服务活动')).env.ok).toBe(true)
      // The secretary's second grade has read the member and the assessment, and waits to write; the leave runs meanwhile.
      const hold = holdAt(at.txWrite(P.secHx, COL.svcAssessments))
      const graded = grade('全年表现良好')
      await hold.reached
      const left = await h.call<Result>('org', 'account.leave', { confirm: true }, who)
      hold.release()
      const second = await graded
      expect(left.env.ok).toBe(true)
      expect(second.env.ok ? 'OK' : second.env.error.code).toMatch(/^(OK|NOT_FOUND|CONFLICT)$/)
      expect(await carrying(h, [who, personKey(who), memberRecordId(who), personVoice(who)])).toEqual([])
      const { data } = await h.db
        .collection(COL.svcAssessments)
        .where({ subjectType: 'member', year: 2026, subjectName: '已注销用户' })
        .get()
      expect(data).toHaveLength(1)
    } finally {
      h.close()
    }
  })
})
