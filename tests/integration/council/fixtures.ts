import type { Cloud } from '../harness'

export const DAY = 86_400_000

/** Verified residents for the given households (as org's binding approval would leave them), returned by openid. */
export async function addResidents(h: Cloud, householdIds: string[]): Promise<string[]> {
  const { data } = await h.db.collection('households').where({ _id: h.db.command.in(householdIds) }).limit(householdIds.length).get()
  const byId = new Map((data as { _id: string; communityId: string; address: string }[]).map((d) => [d._id, d]))
  const openids: string[] = []
  for (const hid of householdIds) {
    const hh = byId.get(hid)
    if (!hh) throw new Error(`no household ${hid}`)
    const openid = `o-t-${hid}`
    await h.db.collection('users').add({
      data: { _id: openid, name: `住户${hid.slice(-3)}`, roles: [{ role: 'resident', scopeType: 'household', scopeId: hid, scopeName: hh.address, communityId: hh.communityId, streetId: 'st-jinxiu' }], createdAt: new Date(), updatedAt: new Date() },
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
