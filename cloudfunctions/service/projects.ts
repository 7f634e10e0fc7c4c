import type { Ctx, Transaction } from '../shared/dispatch'
import { COL } from '../shared/collections'
import { conflict, notFound } from '../shared/errors'
import { matchProblem } from './domain/needs'
import { findNeedInTx, putProjectInTx, updateNeedInTx, type NeedDoc, type ProjectDoc, type ResourceDoc } from './repo'

/**
 * Match a need with a resource into a project, inside the caller's transaction: the need is read there
 * and must still be open (two matches of one need at once: one lands, the other conflicts), then the
 * project is written and the need points at it. The owner is the resource's owner, linked by id.
 * Used by project.create and by need.decideOffer.
 */
export async function writeProject(
  ctx: Ctx<unknown>,
  tx: Transaction,
  p: {
    _id: string
    need: NeedDoc
    resource: Pick<ResourceDoc, '_id' | 'title' | 'ownerType' | 'ownerId' | 'ownerName'>
    title: string
    deadline: Date
    offerId?: string
  },
): Promise<ProjectDoc> {
  const { actor, now } = ctx
  const fresh = await findNeedInTx(tx, p.need._id)
  if (!fresh) throw notFound('需求')
  const problem = matchProblem(fresh)
  if (problem) throw conflict(problem)
  const doc: ProjectDoc = {
    _id: p._id,
    communityId: fresh.communityId,
    title: p.title,
    needId: fresh._id,
    needTitle: fresh.title,
    resourceId: p.resource._id,
    resourceTitle: p.resource.title,
    unitId: p.resource.ownerType === 'unit' ? p.resource.ownerId : undefined,
    ownerType: p.resource.ownerType,
    ownerId: p.resource.ownerId,
    ownerName: p.resource.ownerName,
    offerId: p.offerId,
    deadline: p.deadline,
    progress: 0,
    status: 'active',
    updateCount: 0,
    createdBy: actor.openid,
    createdAt: now,
  }
  await updateNeedInTx(tx, fresh._id, { status: 'matched', projectId: doc._id })
  await putProjectInTx(tx, doc)
  await ctx.audit(
    `${COL.svcProjects}/${doc._id}`,
    null,
    { needId: fresh._id, resourceId: p.resource._id, ownerId: doc.ownerId, deadline: p.deadline },
    tx,
  )
  await ctx.audit(`${COL.svcNeeds}/${fresh._id}`, { status: 'open' }, { status: 'matched', projectId: doc._id }, tx)
  return doc
}
