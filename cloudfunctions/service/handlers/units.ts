import type { Ctx, Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { notify, TEMPLATES } from '../../shared/notify'
import { canSubmit, isDecidable, pushHistory } from '../domain/checkin'
import { compareLists, signProblem } from '../domain/agreement'
import { yearOf } from '../../shared/period'
import {
  findAgreementInTx,
  findUnitInTx,
  ids,
  listCommunityGrids,
  listOpenNeeds,
  listResourcesOf,
  listUnitProjects,
  listUnits,
  putAgreementInTx,
  putResourceInTx,
  putUnitInTx,
  repo,
  updateAgreementInTx,
  updateUnit,
  type AgreementDoc,
  type ResourceDoc,
  type UnitDoc,
} from '../repo'
import { agreementView, unitView } from '../views'
import { mayReadUnitRecords } from '../domain/access'

/** 单位报到: the liaison submits; the community's secretary approves (creating the yearly agreement) or returns it. */

export const unitGet: Handler<'service.unit.get'> = {
  async run(ctx) {
    const unit = await repo.unit(ctx.db, ctx.input.unitId)
    if (!unit) throw notFound('单位')
    return unitView(unit, ctx.actor, yearOf(ctx.now))
  },
}

export const unitCheckin: Handler<'service.unit.checkin'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    ensure(actor.has('unit_liaison', input.unitId), '只能为您联络的单位报到')
    const unit = await repo.unit(db, input.unitId)
    if (!unit) throw notFound('单位')
    const year = yearOf(now)
    if (!canSubmit(unit.checkin, year)) throw conflict('本单位今年已报到')
    await ctx.checkText(input.contactName, ...input.resources, ...input.commitments)
    return ctx.onceTx(input.requestId, async (tx) => {
      const fresh = await findUnitInTx(tx, unit._id)
      if (!fresh) throw notFound('单位')
      if (!canSubmit(fresh.checkin, year)) throw conflict('本单位今年已报到')
      const after: UnitDoc = {
        ...fresh,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        resources: input.resources,
        commitments: input.commitments,
        checkin: { year, status: 'pending', submittedAt: now, submittedBy: actor.openid },
        history: fresh.checkin ? pushHistory(fresh.history, fresh.checkin) : fresh.history,
      }
      await putUnitInTx(tx, after)
      await ctx.audit(`${COL.units}/${unit._id}`, fresh.checkin ?? null, after.checkin, tx)
      return unitView(after, actor, year)
    })
  },
}

export const unitList: Handler<'service.unit.list'> = {
  run(ctx) {
    const { db, actor, input, now } = ctx
    ensure(actor.isSecretaryOf(input.communityId), '只能查看您所在社区的单位')
    const year = yearOf(now)
    return listUnits(db, { communityId: input.communityId, status: input.status, q: input.q }, year, input, (u) =>
      unitView(u, actor, year),
    )
  },
}

export const unitDecide: Handler<'service.unit.decide'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const unit = await repo.unit(db, input.unitId)
    if (!unit) throw notFound('单位')
    ensure(actor.isSecretaryOf(unit.communityId), '只能审核您所在社区的单位')
    if (!isDecidable(unit.checkin)) throw conflict('没有待审核的报到')
    await ctx.checkText(input.reason)
    const community = await repo.community(db, unit.communityId)
    const year = unit.checkin!.year
    let after: UnitDoc = unit
    await ctx.transaction(async (tx) => {
      const fresh = await findUnitInTx(tx, unit._id)
      if (!fresh || !isDecidable(fresh.checkin)) throw conflict('没有待审核的报到')
      const decided = { ...fresh.checkin!, decidedAt: now, decidedBy: actor.openid, decidedByName: actor.name }
      after = input.approve
        ? { ...fresh, checkin: { ...decided, status: 'approved' }, approvedYear: year }
        : { ...fresh, checkin: { ...decided, status: 'returned', reason: input.reason } }
      await putUnitInTx(tx, after)
      if (input.approve) {
        const lists = { commitments: fresh.commitments ?? [], resources: fresh.resources ?? [] }
        // A renewal starts from last year's agreement (the form is filled from it): record what changed.
        const prev = await findAgreementInTx(tx, ids.agreement(unit._id, year - 1))
        const agreement: AgreementDoc = {
          _id: ids.agreement(unit._id, year),
          unitId: unit._id,
          unitName: unit.name,
          communityId: unit.communityId,
          communityName: community?.name ?? '',
          year,
          ...lists,
          approvedAt: now,
          approvedBy: actor.openid,
          approvedByName: actor.name,
          carriedFrom: prev ? { year: prev.year, ...compareLists(prev, lists) } : undefined,
        }
        await putAgreementInTx(tx, agreement)
        // The unit's 资源清单 joins the community's resource list (one record per line, per year).
        for (const [i, title] of (fresh.resources ?? []).entries()) {
          const res: ResourceDoc = {
            _id: ids.unitResource(unit._id, year, i),
            communityId: unit.communityId,
            title,
            ownerType: 'unit',
            ownerId: unit._id,
            ownerName: unit.name,
            createdBy: actor.openid,
            createdAt: now,
          }
          await putResourceInTx(tx, res)
        }
        await ctx.audit(
          `${COL.svcAgreements}/${agreement._id}`,
          null,
          { year, commitments: agreement.commitments.length, resources: agreement.resources.length },
          tx,
        )
      }
      await ctx.audit(
        `${COL.units}/${unit._id}`,
        { status: 'pending' },
        { status: after.checkin!.status, reason: input.reason ?? null },
        tx,
      )
    })
    await notify({
      toOpenid: unit.checkin!.submittedBy,
      templateId: TEMPLATES.checkinDecided,
      page: `packages/service/pages/unit/index?unitId=${unit._id}`,
      data: { thing1: { value: unit.name.slice(0, 20) }, phrase2: { value: input.approve ? '已通过' : '已退回' } },
    })
    return unitView(after, actor, yearOf(now))
  },
}

export const unitSetGrids: Handler<'service.unit.setGrids'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const unit = await repo.unit(db, input.unitId)
    if (!unit) throw notFound('单位')
    ensure(actor.isSecretaryOf(unit.communityId), '只能为您所在社区的单位指定网格')
    const gridIds = [...new Set(input.gridIds)]
    const grids = await listCommunityGrids(db, unit.communityId, gridIds)
    if (grids.length !== gridIds.length) throw invalid('只能选择本社区的网格', ['gridIds'])
    const ordered = gridIds.map((g) => grids.find((x) => x._id === g)!)
    const patch = { gridIds, gridNames: ordered.map((g) => g.name) }
    await updateUnit(db, unit._id, patch)
    await ctx.audit(`${COL.units}/${unit._id}`, { gridIds: unit.gridIds ?? [] }, { gridIds })
    return unitView({ ...unit, ...patch }, actor, yearOf(now))
  },
}

/**
 * The unit's side of the agreement: its liaison signs (name and time) after the community approved. The
 * signature is written once; both sides then see the same signed agreement (agreement.get).
 */
export const agreementSign: Handler<'service.agreement.sign'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    ensure(actor.has('unit_liaison', input.unitId), '只有本单位联络员可以签署协议')
    const unit = await repo.unit(db, input.unitId)
    if (!unit) throw notFound('单位')
    const _id = ids.agreement(unit._id, input.year)
    let after: AgreementDoc | undefined
    await ctx.transaction(async (tx) => {
      const fresh = await findAgreementInTx(tx, _id)
      if (!fresh) throw notFound('该年度共建协议（社区审核通过后生成）')
      const problem = signProblem(fresh)
      if (problem) throw conflict(problem)
      const signature = { unitSignedAt: now, unitSignedBy: actor.openid, unitSignedByName: actor.name }
      await updateAgreementInTx(tx, _id, signature)
      after = { ...fresh, _id, ...signature }
      await ctx.audit(
        `${COL.svcAgreements}/${_id}`,
        { unitSigned: false },
        { unitSigned: true, byName: actor.name },
        tx,
      )
    })
    return agreementView(after!, await agreementLists(ctx, unit), now)
  },
}

/** The three lists shown with an agreement: the community's open needs, the unit's resources, its projects (20 each). */
const AGREEMENT_LIST = 20

function agreementLists(ctx: Ctx<unknown>, unit: UnitDoc) {
  const { db } = ctx
  return Promise.all([
    listOpenNeeds(db, unit.communityId, AGREEMENT_LIST),
    listResourcesOf(db, unit._id, AGREEMENT_LIST),
    listUnitProjects(db, unit._id, AGREEMENT_LIST),
  ]).then(([needs, resources, projects]) => ({ needs, resources, projects }))
}

export const agreementGet: Handler<'service.agreement.get'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const unit = await repo.unit(db, input.unitId)
    if (!unit) throw notFound('单位')
    ensure(
      mayReadUnitRecords(actor.roles, { unitId: unit._id, communityId: unit.communityId }),
      '只能查看本单位或本社区的协议',
    )
    const agreement = await repo.agreement(db, ids.agreement(unit._id, input.year))
    if (!agreement) throw notFound('该年度共建协议')
    return agreementView(agreement, await agreementLists(ctx as Ctx<unknown>, unit), now)
  },
}
