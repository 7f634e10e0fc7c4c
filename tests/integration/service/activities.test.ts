import { ids } from '../../../cloudfunctions/service/repo'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'

type Activity = { id: string; signupCount: number; capacity: number; mine?: { status: string; minutes?: number } }
type Token = { token: string; qrText: string; validSeconds: number; expiresAt: string }
type Att = {
  id: string
  status: string
  minutes: number
  memberName: string
  confirmedByName?: string
  manual?: { reason: string; enteredByName: string; approvedByName?: string }
}
type Ledger = { totals: { minutes: number; activities: number }; entries: Att[] }

const M1 = 'o-svc-m-hx-1'
const M2 = 'o-svc-m-hx-2'
const M3 = 'o-svc-m-hx-3'
const M4 = 'o-svc-m-hx-4'
const YG = 'o-svc-m-yg-1'
const LIVE = 'act-hx-live'
const PLACE = { lat: 30.5928, lng: 114.3055 }
const at = (min: number, sec = 0) => new Date(T0.getTime() + min * 60_000 + sec * 1000)

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

const token = async () => h.ok<Token>('service', 'activity.token', { activityId: LIVE }, P.secHx)

describe('activities: sign-up, QR and location sign-in, minutes, confirmation', () => {
  it('lets checked-in members of the community sign up; refuses residents and other communities’ members', async () => {
    const a = await h.ok<Activity>('service', 'activity.signup', { activityId: LIVE }, M1)
    expect(a).toMatchObject({ signupCount: 1, mine: { status: 'signed_up' } })
    const again = await h.ok<Activity>('service', 'activity.signup', { activityId: LIVE }, M1)
    expect(again.signupCount).toBe(1)
    await h.expectRefused('service', 'activity.signup', { activityId: LIVE }, P.liu, 'FORBIDDEN')
    await h.expectRefused('service', 'activity.signup', { activityId: LIVE }, YG, 'FORBIDDEN')
    await h.ok('service', 'activity.signup', { activityId: LIVE }, M2)
    await h.ok('service', 'activity.signup', { activityId: LIVE }, M3)
  })

  it('stops sign-ups at capacity', async () => {
    const a = await h.ok<Activity>(
      'service',
      'activity.create',
      {
        requestId: rid(),
        communityId: 'c-hx',
        title: '小型座谈',
        kind: 'study',
        place: { name: '党群服务中心', ...PLACE },
        startAt: at(60).toISOString(),
        endAt: at(120).toISOString(),
        capacity: 1,
      },
      P.secHx,
    )
    await h.ok('service', 'activity.signup', { activityId: a.id }, M1)
    await h.expectRefused('service', 'activity.signup', { activityId: a.id }, M2, 'CONFLICT')
  })

  it('refuses to create an activity for another community, ending before it starts, or already over', async () => {
    const base = {
      requestId: rid(),
      communityId: 'c-hx',
      title: '活动',
      kind: 'other',
      place: { name: '广场', ...PLACE },
      capacity: 5,
    }
    await h.expectRefused(
      'service',
      'activity.create',
      { ...base, startAt: at(60).toISOString(), endAt: at(120).toISOString() },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'activity.create',
      { ...base, startAt: at(60).toISOString(), endAt: at(30).toISOString() },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'service',
      'activity.create',
      { ...base, startAt: at(-120).toISOString(), endAt: at(-60).toISOString() },
      P.secHx,
      'INVALID_INPUT',
    )
  })

  it('shows the rotating code only to the community’s organiser, valid 30 s at most', async () => {
    const t = await token()
    expect(t.validSeconds).toBeLessThanOrEqual(30)
    expect(t.qrText).toBe(`txsign:${LIVE}:${t.token}`)
    await h.expectRefused('service', 'activity.token', { activityId: LIVE }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('service', 'activity.token', { activityId: LIVE }, M1, 'FORBIDDEN')
  })

  it('issues and accepts no code while SERVICE_QR_SECRET is unset (fails closed), changing nothing', async () => {
    const configured = process.env.SERVICE_QR_SECRET
    const code = (await token()).token
    delete process.env.SERVICE_QR_SECRET
    try {
      await h.expectRefused('service', 'activity.token', { activityId: LIVE }, P.secHx, 'INTERNAL')
      await h.expectRefused(
        'service',
        'activity.signin',
        { activityId: LIVE, method: 'qr', token: code },
        M1,
        'INTERNAL',
      )
    } finally {
      process.env.SERVICE_QR_SECRET = configured
    }
  })

  let tIn = ''
  it('signs in by a fresh QR code, and refuses an expired one', async () => {
    h.setNow(at(0))
    const stale = (await token()).token
    h.setNow(at(0, 31))
    await h.expectRefused(
      'service',
      'activity.signin',
      { activityId: LIVE, method: 'qr', token: stale },
      M1,
      'INVALID_INPUT',
    )
    tIn = (await token()).qrText
    const a = await h.ok<Activity>('service', 'activity.signin', { activityId: LIVE, method: 'qr', token: tIn }, M1)
    expect(a.mine?.status).toBe('signed_in')
  })

  it('refuses a second sign-in (no double counting) and a code of another activity', async () => {
    await h.expectRefused('service', 'activity.signin', { activityId: LIVE, method: 'qr', token: tIn }, M1, 'CONFLICT')
    const other = await h.ok<Token>('service', 'activity.token', { activityId: 'act-hx-live' }, P.secHx)
    await h.expectRefused(
      'service',
      'activity.signin',
      { activityId: 'act-hx-past', method: 'qr', token: other.token },
      M2,
      'CONFLICT',
    )
    await h.expectRefused(
      'service',
      'activity.signin',
      { activityId: LIVE, method: 'qr', token: `txsign:act-hx-past:${other.token}` },
      M2,
      'INVALID_INPUT',
    )
    await h.expectRefused('service', 'activity.signin', { activityId: LIVE, method: 'qr' }, M2, 'INVALID_INPUT')
  })

  it('refuses to sign out with the code used to sign in (replay)', async () => {
    await h.expectRefused(
      'service',
      'activity.signout',
      { activityId: LIVE, method: 'qr', token: tIn },
      M1,
      'INVALID_INPUT',
    )
  })

  it('signs in by location inside the radius and refuses outside it', async () => {
    await h.expectRefused(
      'service',
      'activity.signin',
      { activityId: LIVE, method: 'location', lat: PLACE.lat + 0.01, lng: PLACE.lng },
      M3,
      'INVALID_INPUT',
    )
    const a = await h.ok<Activity>(
      'service',
      'activity.signin',
      { activityId: LIVE, method: 'location', lat: PLACE.lat + 0.0005, lng: PLACE.lng },
      M2,
    )
    expect(a.mine?.status).toBe('signed_in')
  })

  it('counts minutes from sign-in to sign-out in whole minutes', async () => {
    h.setNow(at(90, 50))
    const t = await token()
    const a = await h.ok<Activity>(
      'service',
      'activity.signout',
      { activityId: LIVE, method: 'qr', token: t.token },
      M1,
    )
    expect(a.mine).toMatchObject({ status: 'signed_out', minutes: 90 })
    await h.expectRefused(
      'service',
      'activity.signout',
      { activityId: LIVE, method: 'qr', token: t.token },
      M1,
      'CONFLICT',
    )
  })

  it('clips minutes to the activity window', async () => {
    h.setNow(at(4 * 60 + 10))
    const a = await h.ok<Activity>(
      'service',
      'activity.signout',
      { activityId: LIVE, method: 'location', ...PLACE },
      M2,
    )
    // Signed in at 00:00:31 after the (already running) start; the end of the window caps the sign-out.
    expect(a.mine?.minutes).toBe(4 * 60 - 1)
  })

  it('refuses sign-in after the window and grace', async () => {
    h.setNow(at(4 * 60 + 16))
    await h.expectRefused(
      'service',
      'activity.signin',
      { activityId: LIVE, method: 'location', ...PLACE },
      M3,
      'CONFLICT',
    )
    h.setNow(T0)
  })

  it('lists attendance for the community’s secretary and the street admin only', async () => {
    const page = await h.ok<{ items: Att[] }>('service', 'activity.attendance', { activityId: LIVE }, P.secHx)
    expect(Object.fromEntries(page.items.map((x) => [x.memberName, x.status]))).toEqual({
      陈立军: 'signed_out',
      马晓燕: 'signed_out',
      高志强: 'signed_up',
    })
    expect(page.items.map((x) => x.status).sort()).toEqual(['signed_out', 'signed_out', 'signed_up'])
    await h.ok('service', 'activity.attendance', { activityId: LIVE }, P.admin)
    await h.expectRefused('service', 'activity.attendance', { activityId: LIVE }, P.secYg, 'FORBIDDEN')
  })

  it('reminds the members who signed up but have not come, by subscription message', async () => {
    const r = await h.ok<{ sent: number }>('service', 'activity.remind', { activityId: LIVE }, P.secHx)
    expect(r.sent).toBe(1)
    expect((await h.db.collection('outbox').where({ toOpenid: M3 }).count()).total).toBe(1)
    await h.expectRefused('service', 'activity.remind', { activityId: LIVE }, P.secYg, 'FORBIDDEN')
  })

  it('confirms minutes into the member’s ledger once; refuses the wrong secretary and unfinished records', async () => {
    const id = ids.attendance(LIVE, M1)
    await h.expectRefused('service', 'hours.confirm', { attendanceId: id }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('service', 'hours.confirm', { attendanceId: ids.attendance(LIVE, M3) }, P.secHx, 'CONFLICT')
    const before = await h.ok<Ledger>('service', 'ledger.get', { year: 2026 }, M1)
    const c = await h.ok<Att>('service', 'hours.confirm', { attendanceId: id }, P.secHx)
    expect(c).toMatchObject({ status: 'confirmed', minutes: 90, confirmedByName: '王秀英' })
    const after = await h.ok<Ledger>('service', 'ledger.get', { year: 2026 }, M1)
    expect(after.totals.minutes - before.totals.minutes).toBe(90)
    expect(after.totals.activities - before.totals.activities).toBe(1)
    await h.expectRefused('service', 'hours.confirm', { attendanceId: id }, P.secHx, 'CONFLICT')
  })

  it('takes a manual entry with a reason and a second approver, keeping both names', async () => {
    await h.expectRefused(
      'service',
      'hours.manual',
      { requestId: rid(), activityId: LIVE, memberId: ids.member(M4), minutes: 60 },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'service',
      'hours.manual',
      { requestId: rid(), activityId: LIVE, memberId: ids.member(M4), minutes: 60, reason: '手机没电' },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'hours.manual',
      { requestId: rid(), activityId: LIVE, memberId: ids.member(M4), minutes: 600, reason: '手机没电' },
      P.secHx,
      'INVALID_INPUT',
    )
    const m = await h.ok<Att>(
      'service',
      'hours.manual',
      {
        requestId: rid(),
        activityId: LIVE,
        memberId: ids.member(M4),
        minutes: 60,
        reason: '手机没电未能签到，现场有照片',
      },
      P.secHx,
    )
    expect(m).toMatchObject({ status: 'manual_pending', minutes: 60, manual: { enteredByName: '王秀英' } })
    await h.expectRefused('service', 'hours.approveManual', { attendanceId: m.id }, P.secHx, 'FORBIDDEN')
    await h.expectRefused('service', 'hours.approveManual', { attendanceId: m.id }, P.secYg, 'FORBIDDEN')
    const ok = await h.ok<Att>('service', 'hours.approveManual', { attendanceId: m.id }, P.admin)
    expect(ok).toMatchObject({
      status: 'confirmed',
      minutes: 60,
      manual: { reason: '手机没电未能签到，现场有照片', enteredByName: '王秀英', approvedByName: '赵立新' },
    })
    await h.expectRefused(
      'service',
      'hours.manual',
      { requestId: rid(), activityId: LIVE, memberId: ids.member(M4), minutes: 30, reason: '再补' },
      P.secHx,
      'CONFLICT',
    )
  })

  it('refuses sign-in before an activity opens', async () => {
    const a = await h.ok<Activity>(
      'service',
      'activity.create',
      {
        requestId: rid(),
        communityId: 'c-hx',
        title: '周末义诊',
        kind: 'care',
        place: { name: '广场', ...PLACE },
        startAt: at(24 * 60).toISOString(),
        endAt: at(26 * 60).toISOString(),
        capacity: 5,
      },
      P.secHx,
    )
    await h.ok('service', 'activity.signup', { activityId: a.id }, M3)
    await h.expectRefused(
      'service',
      'activity.signin',
      { activityId: a.id, method: 'location', ...PLACE },
      M3,
      'CONFLICT',
    )
    await h.expectRefused('service', 'activity.token', { activityId: a.id }, P.secHx, 'CONFLICT')
  })

  it('lists the community’s activities and shows my own attendance on the detail', async () => {
    const page = await h.ok<{ items: Activity[]; total: number }>(
      'service',
      'activity.list',
      { communityId: 'c-hx' },
      P.liu,
    )
    expect(page.items.map((a) => a.id)).toEqual(expect.arrayContaining([LIVE, 'act-hx-past']))
    expect((await h.ok<Activity>('service', 'activity.get', { activityId: LIVE }, M1)).mine).toMatchObject({
      status: 'confirmed',
      minutes: 90,
    })
    expect((await h.ok<Activity>('service', 'activity.get', { activityId: LIVE }, P.liu)).mine).toBeUndefined()
    await h.expectRefused('service', 'activity.get', { activityId: 'act-none' }, P.liu, 'NOT_FOUND')
    await h.expectRefused('service', 'activity.list', { communityId: 'c-hx', pageSize: 51 }, P.liu, 'INVALID_INPUT')
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
