import type { Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, forbidden, invalid, notFound } from '../../shared/errors'
import { notify, TEMPLATES } from '../../shared/notify'
import { grantRole, nameIfMissing, updatePersonInTx } from '../../shared/person'
import { addressOf } from '../../shared/address'
import { canSubmit, isDecidable, pushHistory } from '../domain/checkin'
import { yearOf } from '../../shared/period'
import { unitPickProblem } from '../domain/unit-link'
import {
  findCommunityGrid,
  findMemberInTx,
  ids,
  listCommunityBuildings,
  listMembers,
  putMemberInTx,
  repo,
  type BuildingRef,
  type GridRef,
  type MemberDoc,
} from '../repo'
import { memberView } from '../views'

/** 在职党员报到: yearly, to the community of the member's home; the secretary approves and assigns. */

/**
 * A check-in names a home and an employer, and both are claims: the household must be the caller's own
 * verified one (they hold `resident` on it) or none, and a picked unit must have checked in to a community
 * of the street (or be the member's current unit). Without a picked unit the typed name is kept (单位未报到)
 * for the secretary to link (member.linkUnit). The unit's liaison confirms or disputes the link (unit-links.ts).
 * Retired and mobile members name no unit (the contract refuses one), so their service reaches no unit's
 * letter; a mobile member names their origin Party organisation instead (issue 15 §4).
 */
export const memberCheckin: Handler<'service.member.checkin'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const year = yearOf(now)
    if (input.householdId && !actor.has('resident', input.householdId)) throw forbidden('只能填写您已认证的房屋')
    const [community, household, unit, current] = await Promise.all([
      repo.community(db, input.communityId),
      input.householdId ? repo.household(db, input.householdId) : Promise.resolve(null),
      input.unitId ? repo.unit(db, input.unitId) : Promise.resolve(null),
      repo.member(db, ids.member(actor.openid)),
    ])
    if (!community) throw notFound('社区')
    if (input.householdId && household?.communityId !== community._id)
      throw invalid('所填房屋不在该社区', ['householdId'])
    if (input.unitId) {
      const problem = unit
        ? unitPickProblem(unit, community.streetId, now, current?.unitId)
        : '请选择本街道已报到的单位'
      if (problem) throw invalid(problem, ['unitId'])
    }
    if (current && !canSubmit(current, year)) throw conflict('您今年已报到')
    await ctx.checkText(input.name, input.unitName, input.originOrg, input.availability, ...input.skills)
    return ctx.onceTx(input.requestId, async (tx) => {
      const _id = ids.member(actor.openid)
      const fresh = await findMemberInTx(tx, _id)
      if (fresh && !canSubmit(fresh, year)) throw conflict('您今年已报到')
      const sameCommunity = fresh?.communityId === community._id
      // A unit the secretary linked to the name the member typed stays while the member types the same name.
      const inService = input.kind === 'in_service'
      const linked =
        inService && !unit && fresh?.unitId && fresh.unitLinkedBy?.typedName === input.unitName
          ? { unitId: fresh.unitId, unitName: fresh.unitName }
          : null
      const unitId = unit?._id ?? linked?.unitId
      // What the liaison and the secretary said about the link stands while the member names the same unit.
      const sameUnit = !!unitId && fresh?.unitId === unitId
      const after: MemberDoc = {
        _id,
        openid: actor.openid,
        communityId: community._id,
        communityName: community.name,
        streetId: community.streetId,
        name: input.name,
        kind: input.kind,
        originOrg: input.kind === 'mobile' ? input.originOrg : undefined,
        unitId,
        unitName: inService ? (unit?.name ?? linked?.unitName ?? input.unitName ?? '') : '',
        householdId: household?._id,
        address: household ? addressOf(household) : undefined,
        skills: input.skills,
        availability: input.availability,
        status: 'pending',
        year,
        approvedYear: fresh?.approvedYear,
        // A member who moved community keeps no assignment from the old one.
        gridId: sameCommunity ? fresh.gridId : undefined,
        gridName: sameCommunity ? fresh.gridName : undefined,
        buildingIds: sameCommunity ? fresh.buildingIds : [],
        buildingNames: sameCommunity ? fresh.buildingNames : [],
        submittedAt: now,
        history: fresh
          ? pushHistory(fresh.history, {
              year: fresh.year,
              status: fresh.status,
              reason: fresh.reason,
              at: fresh.decidedAt ?? fresh.submittedAt,
            })
          : [],
        ...(sameUnit && fresh.unitDisputed && fresh.unitDispute
          ? { unitDispute: fresh.unitDispute, unitDisputed: true }
          : {}),
        ...(sameUnit && fresh.unitConfirm?.unitId === unitId ? { unitConfirm: fresh.unitConfirm } : {}),
        ...(sameUnit && fresh.unitLinkedBy ? { unitLinkedBy: fresh.unitLinkedBy } : {}),
        ...(inService && fresh?.unitSettlement ? { unitSettlement: fresh.unitSettlement } : {}),
      }
      await putMemberInTx(tx, after)
      await ctx.audit(
        `${COL.svcMembers}/${_id}`,
        fresh ? { status: fresh.status, year: fresh.year } : null,
        {
          status: 'pending',
          year,
          kind: input.kind,
          communityId: community._id,
          householdId: household?._id ?? null,
          unitId: unitId ?? null,
        },
        tx,
      )
      return memberView(after, year)
    })
  },
}

export const memberMine: Handler<'service.member.mine'> = {
  async run(ctx) {
    const m = await repo.member(ctx.db, ids.member(ctx.actor.openid))
    return m ? memberView(m, yearOf(ctx.now)) : null
  },
}

export const memberList: Handler<'service.member.list'> = {
  run(ctx) {
    const { db, actor, input, now } = ctx
    ensure(actor.isSecretaryOf(input.communityId), '只能查看您所在社区的党员')
    const year = yearOf(now)
    return listMembers(db, input.communityId, input.status, year, input, (m) => memberView(m, year))
  },
}

export const memberDecide: Handler<'service.member.decide'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const member = await repo.member(db, input.memberId)
    if (!member) throw notFound('报到记录')
    ensure(actor.isSecretaryOf(member.communityId), '只能审核您所在社区的党员')
    if (!isDecidable(member)) throw conflict('没有待审核的报到')
    await ctx.checkText(input.reason)
    let grid: GridRef | null = null
    let buildings: BuildingRef[] = []
    if (input.approve) {
      const buildingIds = [...new Set(input.buildingIds)]
      const [g, b] = await Promise.all([
        findCommunityGrid(db, member.communityId, input.gridId!),
        listCommunityBuildings(db, member.communityId, buildingIds),
      ])
      grid = g
      if (!grid) throw invalid('请选择本社区的网格', ['gridId'])
      if (grid.retired) throw invalid(`${grid.name}已停用，请选择其他网格`, ['gridId'])
      buildings = buildingIds.map((id) => b.find((x) => x._id === id)).filter((x): x is BuildingRef => !!x)
      if (buildings.length !== buildingIds.length) throw invalid('只能选择本社区的楼栋', ['buildingIds'])
      if (buildings.some((x) => x.retired)) throw invalid('所选楼栋已停用', ['buildingIds'])
    }
    const community = await repo.community(db, member.communityId)
    let after: MemberDoc = member
    await ctx.transaction(async (tx) => {
      const fresh = await findMemberInTx(tx, member._id)
      if (!fresh || !isDecidable(fresh)) throw conflict('没有待审核的报到')
      const decided = { ...fresh, decidedAt: now, decidedBy: actor.openid, decidedByName: actor.name }
      after = input.approve
        ? {
            ...decided,
            status: 'approved',
            approvedYear: fresh.year,
            reason: undefined,
            gridId: grid!._id,
            gridName: grid!.name,
            buildingIds: buildings.map((b) => b._id),
            buildingNames: buildings.map((b) => b.name),
          }
        : { ...decided, status: 'returned', reason: input.reason }
      await putMemberInTx(tx, after)
      if (input.approve) {
        const grant = grantRole({
          role: 'member',
          scopeType: 'community',
          scopeId: member.communityId,
          scopeName: community?.name ?? '',
          communityId: member.communityId,
          streetId: member.streetId,
        })
        const g = await updatePersonInTx(tx, member.openid, now, (u) => grant(nameIfMissing(member.name)(u)))
        if (g.changed) await ctx.audit(`${COL.users}/${member.openid}`, g.before?.roles ?? [], g.after.roles, tx)
      }
      await ctx.audit(
        `${COL.svcMembers}/${member._id}`,
        { status: 'pending' },
        {
          status: after.status,
          gridId: after.gridId ?? null,
          buildingIds: after.buildingIds,
          reason: input.reason ?? null,
        },
        tx,
      )
    })
    await notify({
      toOpenid: member.openid,
      templateId: TEMPLATES.checkinDecided,
      page: 'packages/service/pages/member/index',
      data: {
        thing1: { value: `${member.name} 党员报到`.slice(0, 20) },
        phrase2: { value: input.approve ? '已通过' : '已退回' },
      },
    })
    return memberView(after, yearOf(now))
  },
}
