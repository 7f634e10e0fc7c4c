import type { BuildingRef } from '../../../types/grid'
import { COL } from '../../shared/collections'
import type { Handler } from '../../shared/dispatch'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { randomCode } from '../../shared/ids'
import { visibleWhere } from '../../shared/moderation'
import type { InvitationDoc } from '../../shared/org-tree'
import { OPEN_EVENT } from '../domain/rules'
import {
  buildingLeadOf,
  listBuildingLocks,
  listBuildings,
  listEstates,
  listEventsNewestFirst,
  putInvitationInTx,
  repo,
} from '../repo'
import { eventView, staffInvitationView } from '../views'

/**
 * 楼栋长 (issue 15 §3): below the grid's branch, a member or resident looks after one or more buildings
 * (and may lead its 楼道党小组, or be a 党员中心户). The secretary appoints by a single-use code as for grid
 * posts; redeeming it (org invitation.redeem → appointments.ts takeUpBuildingsInTx) writes the appointment,
 * the buildings' locks and the `building_leader` grant in one transaction. The role ends the one way
 * (shared/grants.ts): org role.end by the secretary, role.stepDown by the person.
 */

export const buildingAppoint: Handler<'grid.building.appoint'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const grid = await repo.grid(db, input.gridId)
    if (!grid) throw notFound('网格')
    ensure(actor.isSecretaryOf(grid.communityId), '只能任命您所在社区网格的楼栋长')
    if (grid.retired) throw conflict(`${grid.name}已停用，不能再任命`)
    const wanted = [...new Set(input.buildingIds)]
    const [buildings, locks] = await Promise.all([listBuildings(db, wanted), listBuildingLocks(db, wanted)])
    if (buildings.length !== wanted.length || buildings.some((b) => b.gridId !== grid._id || b.retired))
      throw invalid('所选楼栋不在该网格内', ['buildingIds'])
    // One leader per building (the lock decides again when the code is used): say so now, not to the appointee.
    const taken = locks.find((l) => l.leaderOpenid)
    if (taken)
      throw conflict(`${buildings.find((b) => b._id === taken.buildingId)?.name ?? '所选楼栋'}已有楼栋长，请先免去`)
    await ctx.checkText(input.groupName)
    const estateIds = [...new Set(buildings.map((b) => b.estateId))]
    const [estates, community] = await Promise.all([listEstates(db, estateIds), repo.community(db, grid.communityId)])
    const estateName = new Map(estates.map((e) => [e._id, e.name]))
    const refs: BuildingRef[] = wanted.map((id) => {
      const b = buildings.find((x) => x._id === id)!
      return { id: b._id, name: b.name, estateId: b.estateId, estateName: estateName.get(b.estateId) ?? '' }
    })
    return ctx.onceTx(input.requestId, async (tx) => {
      const code = randomCode(8)
      const doc: InvitationDoc = {
        _id: `inv:${code}`,
        code,
        role: 'building_leader',
        scopeType: 'grid',
        scopeId: grid._id,
        scopeName: `${community?.name ?? ''} ${grid.name}`.trim(),
        communityId: grid.communityId,
        streetId: grid.streetId,
        issuerScopeId: grid.communityId,
        createdBy: actor.openid,
        createdAt: now,
        expiresAt: new Date(now.getTime() + input.ttlHours * 3600_000),
        usedBy: null,
        gridName: grid.name,
        buildings: refs,
        groupName: input.groupName || undefined,
        centralHousehold: input.centralHousehold,
      }
      await putInvitationInTx(tx, doc)
      await ctx.audit(
        `${COL.invitations}/${grid._id}`,
        null,
        { role: 'building_leader', buildingIds: wanted, expiresAt: doc.expiresAt },
        tx,
      )
      return staffInvitationView(doc, now, true)
    })
  },
}

/** A 楼栋长's buildings and their open events, newest first (the appointment, then one page: ≤ 4 requests). */
export const buildingEvents: Handler<'grid.building.events'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    ensure(actor.has('building_leader', input.gridId), '您不是该网格的楼栋长')
    const lead = await buildingLeadOf(db, input.gridId, actor.openid)
    ensure(!!lead, '您不是该网格的楼栋长')
    const filter = {
      gridId: input.gridId,
      buildingId: db.command.in(lead!.buildingIds),
      status: db.command.in(OPEN_EVENT),
    }
    // Held and removed events are left out, except the caller's own reports (shown marked).
    const where = visibleWhere(db, filter, { reporter: actor.openid })
    const page = await listEventsNewestFirst(db, where, input, (e) => eventView(e, actor.openid, now))
    return { ...page, gridName: lead!.gridName, buildings: lead!.buildings }
  },
}
