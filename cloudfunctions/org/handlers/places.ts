import type { Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { formatAddress } from '../domain/bindings'
import { roomNumbers } from '../domain/rooms'
import { repo, type BuildingDoc, type EstateDoc, type HouseholdDoc } from '../repo'
import {
  countBuildingsNamed,
  countEstatesNamed,
  putBuildingInTx,
  putEstateInTx,
  putHouseholdUnlessThere,
} from '../repo/places'
import { incCommunityCountInTx } from '../repo/tree'

/** Estates and buildings (with their households) of a community, set up by its street admin or secretary. */

export const estateCreate: Handler<'org.estate.create'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    const community = await repo.community(db, input.communityId)
    if (!community) throw notFound('社区')
    ensure(actor.administersCommunity(community), '只能为您管理的社区新建小区')
    await ctx.checkText(input.name)
    return ctx.onceTx(input.requestId, async (tx) => {
      if ((await countEstatesNamed(db, community._id, input.name)) > 0)
        throw conflict(`${community.name}已有${input.name}`)
      const doc: EstateDoc = {
        _id: newId('estate'),
        communityId: community._id,
        streetId: community.streetId,
        name: input.name,
      }
      await putEstateInTx(tx, doc)
      await incCommunityCountInTx(tx, db, community._id, 'estateCount', 1)
      await ctx.audit(`${COL.estates}/${doc._id}`, null, doc, tx)
      return { id: doc._id, communityId: doc.communityId, name: doc.name }
    })
  },
}

export const buildingCreate: Handler<'org.building.create'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    const estate = await repo.estate(db, input.estateId)
    if (!estate) throw notFound('小区')
    const community = await repo.community(db, estate.communityId)
    if (!community) throw notFound('社区')
    ensure(actor.administersCommunity(community), '只能为您管理的社区新建楼栋')
    const grid = await repo.grid(db, input.gridId)
    if (!grid || grid.communityId !== community._id) throw invalid('网格不属于该社区', ['gridId'])
    if (estate.retired) throw conflict(`${estate.name}已停用，不能再添加楼栋`)
    if (grid.retired) throw invalid(`${grid.name}已停用，请选择其他网格`, ['gridId'])
    await ctx.checkText(input.name)
    // Up to 480 households do not fit one transaction. The records take ids from the request, so a
    // re-run after a crash completes the same ones; the building itself, the counter, the audit and the
    // done mark commit last, together: until then no building lists them, and nothing is counted twice.
    return ctx.once(input.requestId, async (req) => {
      // Residents find their home by estate, building and room: two 9号楼 in one estate would be ambiguous.
      if ((await countBuildingsNamed(db, estate._id, input.name)) > 0) throw conflict(`${estate.name}已有${input.name}`)
      const building: BuildingDoc = {
        _id: req.id('bldg'),
        estateId: estate._id,
        communityId: community._id,
        streetId: community.streetId,
        gridId: grid._id,
        name: input.name,
      }
      const rooms = roomNumbers(input.floors, input.roomsPerFloor)
      // One add per household: the count follows the size of the building being created (≤ 480), not the data.
      const BATCH = 20
      for (let i = 0; i < rooms.length; i += BATCH) {
        await Promise.all(
          rooms.slice(i, i + BATCH).map((room) => {
            const h: HouseholdDoc = {
              _id: `${building._id}-${room}`,
              buildingId: building._id,
              estateId: estate._id,
              communityId: community._id,
              streetId: community.streetId,
              gridId: grid._id,
              room,
              floorAreaDm2: input.floorAreaDm2,
              address: formatAddress(estate.name, building.name, room),
              estateName: estate.name,
              buildingName: building.name,
              createdAt: ctx.now,
            }
            return putHouseholdUnlessThere(db, h)
          }),
        )
      }
      return req.commit(async (tx) => {
        await putBuildingInTx(tx, building)
        await incCommunityCountInTx(tx, db, community._id, 'householdCount', rooms.length)
        await ctx.audit(`${COL.buildings}/${building._id}`, null, { ...building, households: rooms.length }, tx)
        return {
          id: building._id,
          estateId: estate._id,
          gridId: grid._id,
          name: building.name,
          householdCount: rooms.length,
        }
      })
    })
  },
}
