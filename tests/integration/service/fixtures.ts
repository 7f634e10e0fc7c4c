import { ids } from '../../../cloudfunctions/service/repo'
import { P, rid, T0, type Cloud } from '../harness'

/** Where the test activities take place (a point in 和谐社区). */
export const PLACE = { lat: 30.5928, lng: 114.3055 }
/** `min` minutes after the harness's start time. */
export const at = (min: number) => new Date(T0.getTime() + min * 60_000)

/** A member serves 45 minutes at a new activity of 和谐社区, signed in and out by QR and confirmed. */
export async function serve(h: Cloud, openid: string, title: string): Promise<void> {
  h.setNow(T0)
  const a = await h.ok<{ id: string }>(
    'service',
    'activity.create',
    {
      requestId: rid(),
      communityId: 'c-hx',
      title,
      kind: 'volunteer',
      place: { name: '东门', ...PLACE },
      startAt: at(-5).toISOString(),
      endAt: at(120).toISOString(),
      capacity: 10,
    },
    P.secHx,
  )
  await h.ok('service', 'activity.signup', { activityId: a.id }, openid)
  const tIn = await h.ok<{ token: string }>('service', 'activity.token', { activityId: a.id }, P.secHx)
  await h.ok('service', 'activity.signin', { activityId: a.id, method: 'qr', token: tIn.token }, openid)
  h.setNow(at(45))
  const tOut = await h.ok<{ token: string }>('service', 'activity.token', { activityId: a.id }, P.secHx)
  await h.ok('service', 'activity.signout', { activityId: a.id, method: 'qr', token: tOut.token }, openid)
  await h.ok('service', 'hours.confirm', { attendanceId: ids.attendance(a.id, openid) }, P.secHx)
  h.setNow(T0)
}
