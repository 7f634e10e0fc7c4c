import type { Ctx, Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, forbidden, invalid, notFound } from '../../shared/errors'
import { matchProblem } from '../domain/needs'
import { writeProject } from '../projects'
import {
  findNeedOfferInTx,
  ids,
  listNeedOffers,
  putNeedOfferInTx,
  putResourceInTx,
  repo,
  type NeedOfferDoc,
  type ResourceDoc,
} from '../repo'
import { needOfferView } from '../views'

/**
 * 认领 (SPEC §4, three lists): a unit (through its liaison) or a member of the community offers to take an
 * open need, with one of their listed resources or by writing what they can give; the secretary confirms
 * the match — a project owned by the offerer, linked by id — or declines with a reason. One offer per owner
 * and need (`off:<need>:<owner>`); a need has one live match, so of two confirmations at once one conflicts.
 */

export const needOffer: Handler<'service.need.offer'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const need = await repo.need(db, input.needId)
    if (!need) throw notFound('需求')
    let owner: Pick<NeedOfferDoc, 'ownerType' | 'ownerId' | 'ownerName'>
    if (input.unitId) {
      ensure(actor.has('unit_liaison', input.unitId), '只能代表您联络的单位认领')
      const unit = await repo.unit(db, input.unitId)
      if (!unit) throw notFound('单位')
      if (unit.communityId !== need.communityId) throw forbidden('单位只能认领所在社区的需求')
      owner = { ownerType: 'unit', ownerId: unit._id, ownerName: unit.name }
    } else {
      ensure(actor.has('member', need.communityId), '只有本社区报到党员或共建单位可以认领')
      owner = { ownerType: 'member', ownerId: ids.member(actor.openid), ownerName: actor.name }
    }
    const problem = matchProblem(need)
    if (problem) throw conflict(problem)
    let resource: ResourceDoc | null = null
    if (input.resourceId) {
      resource = await repo.resource(db, input.resourceId)
      if (!resource || resource.ownerId !== owner.ownerId || resource.communityId !== need.communityId)
        throw invalid('只能用本单位或本人在本社区登记的资源', ['resourceId'])
    }
    await ctx.checkText(input.title, input.note)
    const _id = ids.offer(need._id, owner.ownerId)
    return ctx.onceTx(input.requestId, async (tx) => {
      if (await findNeedOfferInTx(tx, _id)) throw conflict('您已认领过这项需求')
      const doc: NeedOfferDoc = {
        _id,
        needId: need._id,
        needTitle: need.title,
        communityId: need.communityId,
        ...owner,
        resourceId: resource?._id,
        resourceTitle: resource?.title ?? input.title!,
        note: input.note,
        status: 'pending',
        createdBy: actor.openid,
        createdAt: now,
      }
      await putNeedOfferInTx(tx, doc)
      await ctx.audit(
        `${COL.svcNeedOffers}/${_id}`,
        null,
        { status: 'pending', needId: need._id, ownerId: owner.ownerId, resourceId: doc.resourceId ?? null },
        tx,
      )
      return needOfferView(doc)
    })
  },
}

/** The offers on a need, newest first (anyone signed in, as the lists are). Paged: three requests. */
export const needOffers: Handler<'service.need.offers'> = {
  async run(ctx) {
    const need = await repo.need(ctx.db, ctx.input.needId)
    if (!need) throw notFound('需求')
    return listNeedOffers(ctx.db, need._id, ctx.input, needOfferView)
  },
}

/**
 * The secretary confirms an offer — one transaction writes the project (owner = the offerer), points the
 * need at it, and, when the offer named no listed resource, adds the offered resource to the list — or
 * declines it with a reason. Other offers on a matched need stay pending until declined.
 */
export const needDecideOffer: Handler<'service.need.decideOffer'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const offer = await repo.offer(db, input.offerId)
    if (!offer) throw notFound('认领')
    ensure(actor.isSecretaryOf(offer.communityId), '只能处理您所在社区的认领')
    if (offer.status !== 'pending') throw conflict('该认领已处理')
    const deadline = input.deadline ? new Date(input.deadline) : undefined
    if (input.accept && deadline!.getTime() <= now.getTime()) throw invalid('期限须晚于现在', ['deadline'])
    const [need, listed] = await Promise.all([
      repo.need(db, offer.needId),
      offer.resourceId ? repo.resource(db, offer.resourceId) : Promise.resolve(null),
    ])
    if (!need) throw notFound('需求')
    if (input.accept) {
      const problem = matchProblem(need)
      if (problem) throw conflict(problem)
      if (offer.resourceId && !listed) throw conflict('认领所用的资源已不在资源清单中')
    }
    await ctx.checkText(input.title, input.reason)
    let after: NeedOfferDoc = offer
    await ctx.transaction(async (tx) => {
      const fresh = await findNeedOfferInTx(tx, offer._id)
      if (!fresh || fresh.status !== 'pending') throw conflict('该认领已处理')
      const decided = { decidedBy: actor.openid, decidedByName: actor.name, decidedAt: now }
      if (!input.accept) {
        after = { ...fresh, ...decided, status: 'declined', reason: input.reason }
      } else {
        const resource = listed ?? {
          _id: ids.offerResource(offer._id),
          communityId: offer.communityId,
          title: offer.resourceTitle,
          detail: offer.note,
          ownerType: offer.ownerType,
          ownerId: offer.ownerId,
          ownerName: offer.ownerName,
          createdBy: offer.createdBy,
          createdAt: now,
        }
        const project = await writeProject(ctx as Ctx<unknown>, tx, {
          _id: ids.offerProject(offer._id),
          need,
          resource,
          title: input.title ?? `${need.title}（${offer.ownerName}）`,
          deadline: deadline!,
          offerId: offer._id,
        })
        if (!listed) {
          await putResourceInTx(tx, resource as ResourceDoc)
          await ctx.audit(
            `${COL.svcResources}/${resource._id}`,
            null,
            { title: resource.title, ownerId: resource.ownerId, fromOffer: offer._id },
            tx,
          )
        }
        after = { ...fresh, ...decided, status: 'accepted', projectId: project._id }
      }
      await putNeedOfferInTx(tx, after)
      await ctx.audit(
        `${COL.svcNeedOffers}/${offer._id}`,
        { status: 'pending' },
        { status: after.status, projectId: after.projectId ?? null, reason: input.reason ?? null },
        tx,
      )
    })
    return needOfferView(after)
  },
}
