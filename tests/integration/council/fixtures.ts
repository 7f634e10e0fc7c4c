import { T0, type Cloud } from '../harness'

export const DAY = 86_400_000

/**
 * Verified residents for the given households (as org's binding approval would leave them), returned
 * by openid (`o-t-<householdId>`, or `o-t-<householdId>-<tag>` for a further member of the household).
 */
export async function addResidents(h: Cloud, householdIds: string[], tag = ''): Promise<string[]> {
  const { data } = await h.db
    .collection('households')
    .where({ _id: h.db.command.in(householdIds) })
    .limit(householdIds.length)
    .get()
  const findById = new Map((data as { _id: string; communityId: string; address: string }[]).map((d) => [d._id, d]))
  const openids: string[] = []
  for (const hid of householdIds) {
    const hh = findById.get(hid)
    if (!hh) throw new Error(`no household ${hid}`)
    const openid = `o-t-${hid}${tag ? `-${tag}` : ''}`
    await h.db.collection('users').add({
      data: {
        _id: openid,
        name: `住户${hid.slice(-3)}`,
        roles: [
          {
            role: 'resident',
            scopeType: 'household',
            scopeId: hid,
            scopeName: hh.address,
            communityId: hh.communityId,
            streetId: 'st-jinxiu',
          },
        ],
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    })
    openids.push(openid)
  }
  return openids
}

export async function householdsOf(h: Cloud, buildingId: string): Promise<{ _id: string; floorAreaDm2: number }[]> {
  const { data } = await h.db.collection('households').where({ buildingId }).orderBy('_id', 'asc').limit(100).get()
  return data as { _id: string; floorAreaDm2: number }[]
}

export const iso = (d: Date) => d.toISOString()
/** The Beijing calendar day `days` after T0 ("2026-12-03"): a resolution's deadline as the date picker gives it. */
export const dateIn = (days: number) => new Date(T0.getTime() + days * DAY + 8 * 3600_000).toISOString().slice(0, 10)

/** A published meeting of 和谐社区 two days ahead with `items` agenda items (no topics): each item can take one vote at a time. */
export async function publishedMeeting(h: Cloud, items = 1, now = T0): Promise<{ id: string; itemIds: string[] }> {
  const startsAt = new Date(now.getTime() + 2 * DAY).toISOString()
  const m = await h.ok<{ id: string; agenda: { itemId: string }[] }>(
    'council',
    'meeting.create',
    {
      requestId: `req-meet-${Math.random().toString(36).slice(2)}`,
      communityId: 'c-hx',
      title: '和谐社区红色议事会（测试）',
      startsAt,
      place: '党群服务中心',
      online: false,
      agenda: Array.from({ length: items }, (_, i) => ({ title: `议程${i + 1}` })),
      participants: [{ kind: 'party', name: '和谐社区党委' }],
    },
    'o-sec-hx',
  )
  await h.ok('council', 'meeting.publish', { meetingId: m.id }, 'o-sec-hx')
  return { id: m.id, itemIds: m.agenda.map((a) => a.itemId) }
}

/** The edition of a meeting's agenda, as its editor page reads it before saving (meeting.update's `rev`). */
export async function revOf(h: Cloud, meetingId: string): Promise<number> {
  return (await h.ok<{ rev: number }>('council', 'meeting.get', { meetingId }, 'o-sec-hx')).rev
}
