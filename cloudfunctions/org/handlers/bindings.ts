import type { RoleGrant } from '../../../types/roles'
import type { Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { newId, randomCode } from '../../shared/ids'
import { notify, TEMPLATES } from '../../shared/notify'
import { canRequestNewBinding, householdCodeProblem, isClosed, isDecidable } from '../domain/bindings'
import { repo, type BindingDoc, type HouseholdCodeDoc, type HouseholdDoc, type UserRecord } from '../repo'
import {
  findBindingInTx,
  findHouseholdCode,
  findHouseholdCodeInTx,
  householdCodeId,
  listBindingsOfHousehold,
  listPendingBindings,
  putBindingInTx,
  putHouseholdCodeInTx,
  revokeUnusedHouseholdCodes,
  updateBindingInTx,
  updateHouseholdCodeInTx,
} from '../repo/bindings'
import { buildMe } from '../repo/me'
import { bindingView } from '../views'
import { grantRole, updatePersonInTx } from '../../shared/person'
import { addressOf } from '../../shared/address'
import { endGrantInTx } from '../../shared/grants'

const residentGrant = (h: HouseholdDoc): RoleGrant => ({
  role: 'resident',
  scopeType: 'household',
  scopeId: h._id,
  scopeName: addressOf(h),
  communityId: h.communityId,
  streetId: h.streetId,
})

/** A retired building's households take no new residents (org place.retire). */
export const RETIRED_HOUSEHOLD = '该房屋所在楼栋已停用，不能再认证'

/** A resident binds to a household: verified at once with a valid one-time code, otherwise pending. */
export const bindingRequest: Handler<'org.binding.request'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const household = await repo.household(db, input.householdId)
    if (!household) throw notFound('房屋')
    const user = actor.user as UserRecord | null
    const current = user?.bindingId ? await repo.binding(db, user.bindingId) : null
    if (current && current.householdId === household._id && !isClosed(current.status)) {
      return bindingView(current, actor.openid)
    }
    if (household.retired) throw conflict(RETIRED_HOUSEHOLD)
    if (current && !canRequestNewBinding(current.status)) throw conflict('您已认证房屋，如需更换请联系社区')
    await ctx.checkText(input.name)
    ctx.within(household)
    return ctx.onceTx(input.requestId, async (tx) => {
      const codeId = input.householdCode ? householdCodeId(input.householdCode) : null
      if (codeId) {
        const problem = householdCodeProblem(await findHouseholdCode(db, codeId), household._id, now)
        if (problem) throw invalid(problem, ['householdCode'])
      }
      const community = await repo.community(db, household.communityId)
      const binding: BindingDoc = {
        _id: newId('bind'),
        openid: actor.openid,
        householdId: household._id,
        communityId: household.communityId,
        streetId: household.streetId,
        estateId: household.estateId,
        buildingId: household.buildingId,
        address: addressOf(household),
        communityName: community?.name ?? '',
        status: codeId ? 'verified' : 'pending',
        method: codeId ? 'code' : 'secretary',
        applicantName: input.name,
        applicantPhone: input.phone,
        createdAt: now,
        ...(codeId ? { decidedAt: now, decidedByName: '户码认证' } : {}),
      }
      if (codeId) {
        const fresh = await findHouseholdCodeInTx(tx, codeId)
        if (fresh?.usedBy) throw invalid('户码已被使用', ['householdCode'])
        await updateHouseholdCodeInTx(tx, codeId, { usedBy: actor.openid, usedAt: now })
      }
      if (current && current.status === 'pending') {
        await updateBindingInTx(tx, current._id, { status: 'superseded' })
      }
      await putBindingInTx(tx, binding)
      const { before, after } = await updatePersonInTx(tx, actor.openid, now, (u) => {
        const next = { ...u, name: input.name, phone: input.phone, bindingId: binding._id }
        return codeId ? grantRole(residentGrant(household))(next) : next
      })
      await ctx.audit(
        `${COL.bindings}/${binding._id}`,
        current ? { supersedes: current._id } : null,
        { status: binding.status, householdId: household._id },
        tx,
      )
      await ctx.audit(`${COL.users}/${actor.openid}`, before?.roles ?? [], after.roles, tx)
      return bindingView(binding, actor.openid)
    })
  },
}

export const bindingListPending: Handler<'org.binding.listPending'> = {
  run(ctx) {
    const { db, actor, input } = ctx
    ensure(actor.isSecretaryOf(input.communityId), '只能查看您所在社区的申请')
    return listPendingBindings(db, input.communityId, input.q, input, (b) => bindingView(b, actor.openid))
  },
}

export const bindingDecide: Handler<'org.binding.decide'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const binding = await repo.binding(db, input.bindingId)
    if (!binding) throw notFound('申请')
    ensure(actor.isSecretaryOf(binding.communityId), '只能审核您所在社区的申请')
    if (!isDecidable(binding.status)) throw conflict('该申请已处理')
    await ctx.checkText(input.reason)
    const household = await repo.household(db, binding.householdId)
    if (!household) throw notFound('房屋')
    if (input.approve && household.retired) throw conflict(RETIRED_HOUSEHOLD)
    const decided: BindingDoc = {
      ...binding,
      status: input.approve ? 'verified' : 'rejected',
      reason: input.approve ? undefined : input.reason,
      decidedAt: now,
      decidedBy: actor.openid,
      decidedByName: actor.name,
    }
    await ctx.transaction(async (tx) => {
      const fresh = await findBindingInTx(tx, binding._id)
      if (fresh?.status !== 'pending') throw conflict('该申请已处理')
      const patch: Record<string, unknown> = {
        status: decided.status,
        decidedAt: now,
        decidedBy: actor.openid,
        decidedByName: actor.name,
      }
      if (decided.reason) patch.reason = decided.reason
      await updateBindingInTx(tx, binding._id, patch)
      if (input.approve) {
        const { before, after } = await updatePersonInTx(tx, binding.openid, now, grantRole(residentGrant(household)))
        await ctx.audit(`${COL.users}/${binding.openid}`, before?.roles ?? [], after.roles, tx)
      }
      await ctx.audit(
        `${COL.bindings}/${binding._id}`,
        { status: 'pending' },
        { status: decided.status, reason: decided.reason ?? null },
        tx,
      )
    })
    await notify({
      toOpenid: binding.openid,
      templateId: TEMPLATES.bindingDecided,
      page: 'pages/home/index',
      data: {
        thing1: { value: binding.address.slice(0, 20) },
        phrase2: { value: input.approve ? '已认证' : '未通过' },
      },
    })
    return bindingView(decided, actor.openid)
  },
}

export const householdCodeIssue: Handler<'org.householdCode.issue'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const household = await repo.household(db, input.householdId)
    if (!household) throw notFound('房屋')
    ensure(actor.isSecretaryOf(household.communityId), '只能为您所在社区的房屋生成户码')
    if (household.retired) throw conflict(RETIRED_HOUSEHOLD)
    return ctx.once(input.requestId, async (req) => {
      // One live code per household: issuing a new one revokes the older ones. (A re-run after a crash
      // revokes again; the new code, its audit and the done mark commit together, once.)
      await revokeUnusedHouseholdCodes(db, household._id)
      const code = randomCode(8)
      const doc: HouseholdCodeDoc = {
        _id: householdCodeId(code),
        code,
        householdId: household._id,
        communityId: household.communityId,
        createdBy: actor.openid,
        createdAt: now,
        expiresAt: new Date(now.getTime() + input.ttlDays * 86400_000),
        usedBy: null,
      }
      return req.commit(async (tx) => {
        await putHouseholdCodeInTx(tx, doc)
        await ctx.audit(`${COL.householdCodes}/${household._id}`, null, { issued: true, expiresAt: doc.expiresAt }, tx)
        return { code, householdId: household._id, expiresAt: doc.expiresAt.toISOString() }
      })
    })
  },
}

/**
 * A resident who moved (issue 12 §2). The community unbinds them with a reason, or they leave the
 * household themselves: the binding is marked ended (kept, with who, when and why) and their resident
 * role ends with it, through the one grant-ending function. The household's ballots and ratings are the
 * household's and stay (a remaining member may change an open one: shared/household-voice.ts). They may
 * then bind elsewhere.
 */
export const bindingUnbind: Handler<'org.binding.unbind'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const binding = await repo.binding(db, input.bindingId)
    if (!binding) throw notFound('绑定')
    ensure(actor.isSecretaryOf(binding.communityId), '只能解除您所在社区的房屋绑定')
    if (binding.status !== 'verified')
      throw conflict(binding.status === 'ended' ? '该绑定已解除' : '只能解除已认证的绑定；待审核的申请请直接审核')
    await ctx.checkText(input.reason)
    const by = { openid: actor.openid, label: `社区书记 ${actor.name}`.trim() }
    await ctx.transaction(async (tx) => {
      const fresh = await findBindingInTx(tx, binding._id)
      if (fresh?.status !== 'verified') throw conflict('该绑定已解除')
      await endGrantInTx(ctx, tx, binding.openid, {
        role: 'resident',
        scopeId: binding.householdId,
        kind: 'unbound',
        reason: input.reason,
        by,
      })
      await ctx.audit(
        `${COL.bindings}/${binding._id}`,
        { status: 'verified' },
        { status: 'ended', reason: input.reason },
        tx,
      )
    })
    await notify({
      toOpenid: binding.openid,
      templateId: TEMPLATES.bindingDecided,
      page: 'pages/me/index',
      data: { thing1: { value: binding.address.slice(0, 20) }, phrase2: { value: '已解除' } },
    })
    return bindingView(
      {
        ...binding,
        status: 'ended',
        endedAt: now,
        endedBy: actor.openid,
        endedByName: by.label,
        endReason: input.reason,
      },
      actor.openid,
    )
  },
}

/** The resident leaves their household (退出本户): the same end as an unbinding, by themself. */
export const bindingLeave: Handler<'org.binding.leave'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    const user = actor.user as UserRecord | null
    const binding = user?.bindingId ? await repo.binding(db, user.bindingId) : null
    if (!binding || binding.status !== 'verified' || !actor.has('resident', binding.householdId))
      throw conflict('您没有已认证的房屋')
    await ctx.checkText(input.reason)
    const after = await ctx.transaction(async (tx) => {
      const fresh = await findBindingInTx(tx, binding._id)
      if (fresh?.status !== 'verified') throw conflict('您已退出本户')
      const res = await endGrantInTx(ctx, tx, actor.openid, {
        role: 'resident',
        scopeId: binding.householdId,
        kind: 'left_household',
        reason: input.reason || undefined,
        by: { openid: actor.openid, label: '本人' },
      })
      await ctx.audit(`${COL.bindings}/${binding._id}`, { status: 'verified' }, { status: 'ended', by: 'self' }, tx)
      return res.after
    })
    return buildMe(db, actor, after)
  },
}

/** Who is and was bound to a household, newest first: for the community that keeps the register. */
export const householdMembers: Handler<'org.household.members'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    const household = await repo.household(db, input.householdId)
    if (!household) throw notFound('房屋')
    ensure(
      actor.administersCommunity({ _id: household.communityId, streetId: household.streetId }),
      '只能查看您所管理社区的住户',
    )
    return listBindingsOfHousehold(db, household._id, input, (b) => bindingView(b, actor.openid))
  },
}
