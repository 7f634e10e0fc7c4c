import { openCloud, P, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'
import { ids } from '../../../cloudfunctions/service/repo'

/**
 * Location sign-in is a claim: the coordinates come from the phone and the activity's place is public.
 * An attendance with a location step adds no minutes to the ledger until the organiser confirms the
 * member was there (docs/service.md, docs/decisions.md).
 */

type Activity = { mine?: { status: string; minutes?: number; presence?: string } }
type Att = { id: string; status: string; minutes: number; presence?: string; presenceByName?: string }
type Ledger = { totals: { minutes: number; activities: number } }
type Token = { token: string }

const M1 = 'o-svc-m-hx-1'
const M2 = 'o-svc-m-hx-2'
const M3 = 'o-svc-m-hx-3'
const LIVE = 'act-hx-live'
const PLACE = { lat: 30.5928, lng: 114.3055 }
const at = (min: number) => new Date(T0.getTime() + min * 60_000)
const att = (openid: string) => ids.attendance(LIVE, openid)

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
  for (const m of [M1, M2, M3]) await h.ok('service', 'activity.signup', { activityId: LIVE }, m)
})
afterAll(() => h.close())

const minutes = async (openid: string) =>
  (await h.ok<Ledger>('service', 'ledger.get', { year: 2026 }, openid)).totals.minutes
const mine = async (openid: string) =>
  (await h.ok<Activity>('service', 'activity.get', { activityId: LIVE }, openid)).mine

describe('a location sign-in counts only after the organiser confirms it', () => {
  it('shows the member a location sign-in as waiting for the organiser', async () => {
    h.setNow(at(0))
    const a = await h.ok<Activity>('service', 'activity.signin', { activityId: LIVE, method: 'location', ...PLACE }, M1)
    expect(a.mine).toMatchObject({ status: 'signed_in', presence: 'pending' })
  })

  it('adds no minutes to the ledger while unconfirmed: hours.confirm is refused and nothing changes', async () => {
    h.setNow(at(120))
    await h.ok('service', 'activity.signout', { activityId: LIVE, method: 'location', ...PLACE }, M1)
    const before = await minutes(M1)
    await h.expectRefused('service', 'hours.confirm', { attendanceId: att(M1) }, P.secHx, 'CONFLICT')
    expect(await minutes(M1)).toBe(before)
    expect(await mine(M1)).toMatchObject({ status: 'signed_out', minutes: 120, presence: 'pending' })
  })

  it('refuses the confirmation to another community’s secretary, a member, a “not there” without a reason, and a QR attendance, changing nothing', async () => {
    await h.expectRefused(
      'service',
      'activity.confirmPresence',
      { attendanceId: att(M1), present: true },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'activity.confirmPresence',
      { attendanceId: att(M1), present: true },
      M2,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'activity.confirmPresence',
      { attendanceId: att(M1), present: false },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'service',
      'activity.confirmPresence',
      { attendanceId: 'at:none', present: true },
      P.secHx,
      'NOT_FOUND',
    )
    const t = await h.ok<Token>('service', 'activity.token', { activityId: LIVE }, P.secHx)
    await h.ok('service', 'activity.signin', { activityId: LIVE, method: 'qr', token: t.token }, M3)
    expect((await mine(M3))?.presence).toBeUndefined()
    await h.expectRefused(
      'service',
      'activity.confirmPresence',
      { attendanceId: att(M3), present: true },
      P.secHx,
      'CONFLICT',
    )
  })

  it('counts the minutes once the organiser has confirmed the member was there', async () => {
    const before = await minutes(M1)
    const c = await h.ok<Att>('service', 'activity.confirmPresence', { attendanceId: att(M1), present: true }, P.secHx)
    expect(c).toMatchObject({ presence: 'confirmed', presenceByName: '王秀英', status: 'signed_out' })
    // Confirming presence is not confirming the minutes: the secretary still confirms them.
    expect(await minutes(M1)).toBe(before)
    await h.ok('service', 'hours.confirm', { attendanceId: att(M1) }, P.secHx)
    expect((await minutes(M1)) - before).toBe(120)
    await h.expectRefused(
      'service',
      'activity.confirmPresence',
      { attendanceId: att(M1), present: true },
      P.secHx,
      'CONFLICT',
    )
  })

  it('never counts a location sign-in the organiser says was not there', async () => {
    h.setNow(at(10))
    await h.ok('service', 'activity.signin', { activityId: LIVE, method: 'location', ...PLACE }, M2)
    h.setNow(at(100))
    await h.ok('service', 'activity.signout', { activityId: LIVE, method: 'location', ...PLACE }, M2)
    const r = await h.ok<Att>(
      'service',
      'activity.confirmPresence',
      { attendanceId: att(M2), present: false, reason: '现场没有见到本人' },
      P.secHx,
    )
    expect(r.presence).toBe('rejected')
    const before = await minutes(M2)
    await h.expectRefused('service', 'hours.confirm', { attendanceId: att(M2) }, P.secHx, 'CONFLICT')
    expect(await minutes(M2)).toBe(before)
    expect((await mine(M2))?.presence).toBe('rejected')
  })

  it('asks again when a QR sign-in is followed by a location sign-out (the later step is a claim too)', async () => {
    h.setNow(at(150))
    await h.ok('service', 'activity.signout', { activityId: LIVE, method: 'location', ...PLACE }, M3)
    expect(await mine(M3)).toMatchObject({ status: 'signed_out', presence: 'pending' })
    await h.expectRefused('service', 'hours.confirm', { attendanceId: att(M3) }, P.secHx, 'CONFLICT')
    h.setNow(T0)
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
