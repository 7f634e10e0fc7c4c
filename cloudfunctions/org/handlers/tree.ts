import type { Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { ensure, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { repo, type CommunityDoc, type GridDoc, type HouseholdDoc } from '../repo'
import {
  findCommunityInTx,
  incCommunityCountInTx,
  listBuildings,
  listCommunities,
  listEstates,
  listGrids,
  listHouseholds,
  listStreets,
  putCommunityInTx,
  putGridInTx,
} from '../repo/tree'
import { communityView } from '../views'

/** The organisation tree (street → community → grid / estate → building → household). */

export const streetList: Handler<'org.street.list'> = {
  run: (ctx) => listStreets(ctx.db, ctx.input, (s) => ({ id: s._id, name: s.name })),
}

export const communityList: Handler<'org.community.list'> = {
  run: (ctx) => listCommunities(ctx.db, ctx.input.streetId, ctx.input, communityView),
}

export const communityCreate: Handler<'org.community.create'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    ensure(actor.isStreetAdminOf(input.streetId), '只能在您管理的街道下新建社区')
    const street = await repo.street(db, input.streetId)
    if (!street) throw notFound('街道')
    await ctx.checkText(input.name, input.address)
    return ctx.onceTx(input.requestId, async (tx) => {
      const doc: CommunityDoc = {
        _id: newId('comm'),
        streetId: street._id,
        name: input.name,
        address: input.address,
        gridCount: 0,
        estateCount: 0,
        householdCount: 0,
        createdAt: now,
      }
      await putCommunityInTx(tx, doc)
      await ctx.audit(`${COL.communities}/${doc._id}`, null, doc, tx)
      return communityView(doc)
    })
  },
}

/** Retired places stay listed only for those who manage them (they asked with includeRetired). */
const retiredFlag = (d: { retired?: boolean }) => (d.retired ? { retired: true } : {})

export const gridList: Handler<'org.grid.list'> = {
  async run(ctx) {
    const grids = await listGrids(ctx.db, ctx.input.communityId, ctx.input.includeRetired)
    return { items: grids.map((g) => ({ id: g._id, communityId: g.communityId, name: g.name, ...retiredFlag(g) })) }
  },
}

export const gridCreate: Handler<'org.grid.create'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const community = await repo.community(db, input.communityId)
    if (!community) throw notFound('社区')
    ensure(actor.administersCommunity(community), '只能为您管理的社区新建网格')
    await ctx.checkText(input.name)
    return ctx.onceTx(input.requestId, async (tx) => {
      // The grid's number follows the community's count, read and moved in the same transaction.
      const fresh = await findCommunityInTx(tx, community._id)
      if (!fresh) throw notFound('社区')
      const doc: GridDoc = {
        _id: newId('grid'),
        communityId: community._id,
        streetId: community.streetId,
        name: input.name,
        no: (fresh.gridCount ?? 0) + 1,
        createdAt: now,
      }
      await putGridInTx(tx, doc)
      await incCommunityCountInTx(tx, db, community._id, 'gridCount', 1)
      await ctx.audit(`${COL.grids}/${doc._id}`, null, doc, tx)
      return { id: doc._id, communityId: doc.communityId, name: doc.name }
    })
  },
}

/** Where a place is on the map, when it is known (seeded; estates and buildings made in the app have none yet). */
const spot = (p: { lat?: number; lng?: number }) =>
  typeof p.lat === 'number' && typeof p.lng === 'number' ? { lat: p.lat, lng: p.lng } : {}

export const estateList: Handler<'org.estate.list'> = {
  async run(ctx) {
    const estates = await listEstates(ctx.db, ctx.input.communityId, ctx.input.includeRetired)
    return {
      items: estates.map((e) => ({
        id: e._id,
        communityId: e.communityId,
        name: e.name,
        companyId: e.companyId,
        companyName: e.companyName,
        ...retiredFlag(e),
        ...spot(e),
      })),
    }
  },
}

export const buildingList: Handler<'org.building.list'> = {
  async run(ctx) {
    const buildings = await listBuildings(ctx.db, ctx.input.estateId, ctx.input.includeRetired)
    return {
      items: buildings.map((b) => ({
        id: b._id,
        estateId: b.estateId,
        gridId: b.gridId,
        name: b.name,
        ...retiredFlag(b),
        ...spot(b),
      })),
    }
  },
}

export const householdList: Handler<'org.household.list'> = {
  run(ctx) {
    // Areas are for the people who keep the register; a resident picking a room does not need them, and
    // with tallies by area a room's area could single out how it voted.
    const admin = (h: HouseholdDoc) => ctx.actor.administersCommunity({ _id: h.communityId, streetId: h.streetId })
    return listHouseholds(ctx.db, ctx.input.buildingId, ctx.input, (h) => ({
      id: h._id,
      buildingId: h.buildingId,
      room: h.room,
      ...(admin(h) ? { floorAreaDm2: h.floorAreaDm2 } : {}),
    }))
  },
}
