import type { Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { notify, TEMPLATES } from '../../shared/notify'
import { repo, type LiaisonApplicationDoc, type UnitDoc } from '../repo'
import {
  findLiaisonApplication,
  findLiaisonApplicationInTx,
  listPendingLiaisons,
  putLiaisonApplicationInTx,
  putLiaisonDecisionInTx,
  putUnitInTx,
} from '../repo/liaisons'
import { applicationView } from '../views'
import { grantRole, updatePersonInTx } from '../../shared/person'

/** A unit liaison registers themselves; the secretary of the unit's community approves. */
export const liaisonRegister: Handler<'org.liaison.register'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const community = await repo.community(db, input.communityId)
    if (!community) throw notFound('社区')
    ctx.within({ streetId: community.streetId, communityId: community._id })
    await ctx.checkText(input.unitName, input.partyBody, input.name)
    return ctx.onceTx(input.requestId, async (tx) => {
      const doc: LiaisonApplicationDoc = {
        _id: newId('liaison'),
        openid: actor.openid,
        communityId: community._id,
        streetId: community.streetId,
        unitName: input.unitName,
        partyBody: input.partyBody,
        applicantName: input.name,
        applicantPhone: input.phone,
        status: 'pending',
        createdAt: now,
      }
      await putLiaisonApplicationInTx(tx, doc)
      await ctx.audit(`${COL.liaisonApplications}/${doc._id}`, null, { status: 'pending', unitName: doc.unitName }, tx)
      return applicationView(doc, actor.openid)
    })
  },
}

export const liaisonListPending: Handler<'org.liaison.listPending'> = {
  run(ctx) {
    const { db, actor, input } = ctx
    ensure(actor.isSecretaryOf(input.communityId), '只能查看您所在社区的申请')
    return listPendingLiaisons(db, input.communityId, input, (a) => applicationView(a, actor.openid))
  },
}

export const liaisonDecide: Handler<'org.liaison.decide'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const app = await findLiaisonApplication(db, input.applicationId)
    if (!app) throw notFound('申请')
    ensure(actor.isSecretaryOf(app.communityId), '只能审核您所在社区的申请')
    if (app.status !== 'pending') throw conflict('该申请已处理')
    await ctx.checkText(input.reason)
    const unitId = newId('unit')
    const decided: LiaisonApplicationDoc = {
      ...app,
      status: input.approve ? 'approved' : 'rejected',
      decidedAt: now,
      decidedBy: actor.openid,
      ...(input.approve ? { unitId } : { reason: input.reason }),
    }
    await ctx.transaction(async (tx) => {
      const fresh = await findLiaisonApplicationInTx(tx, app._id)
      if (fresh?.status !== 'pending') throw conflict('该申请已处理')
      await putLiaisonDecisionInTx(tx, decided)
      if (input.approve) {
        const unit: UnitDoc = {
          _id: unitId,
          communityId: app.communityId,
          streetId: app.streetId,
          name: app.unitName,
          partyBody: app.partyBody,
          createdAt: now,
        }
        await putUnitInTx(tx, unit)
        const { before, after } = await updatePersonInTx(tx, app.openid, now, (u) =>
          grantRole({
            role: 'unit_liaison',
            scopeType: 'unit',
            scopeId: unitId,
            scopeName: app.unitName,
            communityId: app.communityId,
            streetId: app.streetId,
          })({
            ...u,
            name: u.name || app.applicantName,
            phone: u.phone ?? app.applicantPhone,
          }),
        )
        await ctx.audit(`${COL.users}/${app.openid}`, before?.roles ?? [], after.roles, tx)
      }
      await ctx.audit(`${COL.liaisonApplications}/${app._id}`, { status: 'pending' }, { status: decided.status }, tx)
    })
    await notify({
      toOpenid: app.openid,
      templateId: TEMPLATES.roleGranted,
      page: 'pages/home/index',
      data: { thing1: { value: app.unitName.slice(0, 20) }, phrase2: { value: input.approve ? '已通过' : '未通过' } },
    })
    return applicationView(decided, actor.openid)
  },
}
