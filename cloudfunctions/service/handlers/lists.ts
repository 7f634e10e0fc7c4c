import type { Ctx, Transaction, Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { txGetOrNull } from '../../shared/db-types'
import { conflict, ensure, forbidden, invalid, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { fetchPage } from '../../shared/paging'
import { ids, load, txPut, type NeedDoc, type ProjectDoc, type ProjectUpdateDoc, type ResourceDoc } from '../repo'
import { canUpdateProject, needView, projectUpdateView, projectView, resourceView } from '../views'

/** 三张清单: needs (需求), resources (资源), projects (项目: a need matched with a resource). */

export const needCreate: Handler<'service.need.create'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    ensure(actor.isSecretaryOf(input.communityId), '只能为您所在社区发布需求')
    const community = await load.community(db, input.communityId)
    if (!community) throw notFound('社区')
    await ctx.checkText(input.title, input.detail)
    return ctx.onceTx(input.requestId, async (tx) => {
      const doc: NeedDoc = {
        _id: newId('need'), communityId: community._id, streetId: community.streetId, title: input.title, detail: input.detail,
        source: input.source, quantity: input.quantity, status: 'open', createdBy: actor.openid, createdAt: now,
      }
      await tx.collection(COL.svcNeeds).add({ data: stripped(doc) })
      await ctx.audit(`${COL.svcNeeds}/${doc._id}`, null, { title: doc.title, quantity: doc.quantity ?? null, status: 'open' }, tx)
      return needView(doc)
    })
  },
}

const stripped = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))

export const needList: Handler<'service.need.list'> = {
  run(ctx) {
    const { db, input } = ctx
    const filter: Record<string, unknown> = { communityId: input.communityId }
    if (input.status !== 'all') filter.status = input.status
    return fetchPage<NeedDoc, ReturnType<typeof needView>>(db.collection(COL.svcNeeds).where(filter), input, [['createdAt', 'desc']], needView)
  },
}

/** One need, as the list shows it to anyone signed in (the grid event page links here). One read. */
export const needGet: Handler<'service.need.get'> = {
  async run(ctx) {
    const need = await load.need(ctx.db, ctx.input.needId)
    if (!need) throw notFound('需求')
    return needView(need)
  },
}

export const resourceCreate: Handler<'service.resource.create'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    let owner: Pick<ResourceDoc, 'ownerType' | 'ownerId' | 'ownerName'>
    if (input.unitId) {
      ensure(actor.has('unit_liaison', input.unitId), '只能为您联络的单位登记资源')
      const unit = await load.unit(db, input.unitId)
      if (!unit) throw notFound('单位')
      if (unit.communityId !== input.communityId) throw forbidden('单位只能向所在社区登记资源')
      owner = { ownerType: 'unit', ownerId: unit._id, ownerName: unit.name }
    } else {
      ensure(actor.has('member', input.communityId), '只能向您报到的社区登记资源')
      // The member's record id, not the openid: the resource list is public (issue 11 §4).
      owner = { ownerType: 'member', ownerId: ids.member(actor.openid), ownerName: actor.name }
    }
    await ctx.checkText(input.title, input.detail)
    return ctx.onceTx(input.requestId, async (tx) => {
      const doc: ResourceDoc = { _id: newId('res'), communityId: input.communityId, title: input.title, detail: input.detail, ...owner, createdBy: actor.openid, createdAt: now }
      await tx.collection(COL.svcResources).add({ data: stripped(doc) })
      await ctx.audit(`${COL.svcResources}/${doc._id}`, null, { title: doc.title, ownerId: doc.ownerId }, tx)
      return resourceView(doc)
    })
  },
}

export const resourceList: Handler<'service.resource.list'> = {
  run(ctx) {
    const filter: Record<string, unknown> = { communityId: ctx.input.communityId }
    if (ctx.input.ownerId) filter.ownerId = ctx.input.ownerId
    const q = ctx.db.collection(COL.svcResources).where(filter)
    return fetchPage<ResourceDoc, ReturnType<typeof resourceView>>(q, ctx.input, [['createdAt', 'desc']], resourceView)
  },
}

/** Why a need cannot be matched now, or null: a need has one live match (project) at a time. */
export const matchProblem = (n: NeedDoc) => (n.status === 'done' ? '该需求已完成' : n.status === 'matched' ? '该需求已对接' : null)

/**
 * Match a need with a resource into a project, inside the caller's transaction: the need is read there
 * and must still be open (two matches of one need at once: one lands, the other conflicts), then the
 * project is written and the need points at it. The owner is the resource's owner, linked by id.
 */
export async function writeProject(ctx: Ctx<unknown>, tx: Transaction, p: { _id: string; need: NeedDoc; resource: Pick<ResourceDoc, '_id' | 'title' | 'ownerType' | 'ownerId' | 'ownerName'>; title: string; deadline: Date; offerId?: string }): Promise<ProjectDoc> {
  const { actor, now } = ctx
  const fresh = await txGetOrNull<NeedDoc>(tx, COL.svcNeeds, p.need._id)
  if (!fresh) throw notFound('需求')
  const problem = matchProblem(fresh)
  if (problem) throw conflict(problem)
  const doc: ProjectDoc = {
    _id: p._id, communityId: fresh.communityId, title: p.title, needId: fresh._id, needTitle: fresh.title,
    resourceId: p.resource._id, resourceTitle: p.resource.title, unitId: p.resource.ownerType === 'unit' ? p.resource.ownerId : undefined,
    ownerType: p.resource.ownerType, ownerId: p.resource.ownerId, ownerName: p.resource.ownerName, offerId: p.offerId,
    deadline: p.deadline, progress: 0, status: 'active', updateCount: 0, createdBy: actor.openid, createdAt: now,
  }
  await tx.collection(COL.svcNeeds).doc(fresh._id).update({ data: { status: 'matched', projectId: doc._id } })
  await txPut(tx, COL.svcProjects, doc)
  await ctx.audit(`${COL.svcProjects}/${doc._id}`, null, { needId: fresh._id, resourceId: p.resource._id, ownerId: doc.ownerId, deadline: p.deadline }, tx)
  await ctx.audit(`${COL.svcNeeds}/${fresh._id}`, { status: 'open' }, { status: 'matched', projectId: doc._id }, tx)
  return doc
}

export const projectCreate: Handler<'service.project.create'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const [need, resource] = await Promise.all([load.need(db, input.needId), load.resource(db, input.resourceId)])
    if (!need) throw notFound('需求')
    if (!resource) throw notFound('资源')
    ensure(actor.isSecretaryOf(need.communityId), '只能对接您所在社区的需求')
    if (resource.communityId !== need.communityId) throw invalid('资源与需求不在同一社区', ['resourceId'])
    const deadline = new Date(input.deadline)
    if (deadline.getTime() <= now.getTime()) throw invalid('期限须晚于现在', ['deadline'])
    const problem = matchProblem(need)
    if (problem) throw conflict(problem)
    await ctx.checkText(input.title)
    return ctx.onceTx(input.requestId, async (tx) => projectView(await writeProject(ctx as Ctx<unknown>, tx, { _id: newId('proj'), need, resource, title: input.title, deadline }), now, actor))
  },
}

/** The owner of the project (the unit's liaison, the member) posts its progress; the community's secretary may too. */
export const projectProgress: Handler<'service.project.progress'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const project = await load.project(db, input.projectId)
    if (!project) throw notFound('项目')
    ensure(canUpdateProject(project, actor), '只有项目负责方或本社区书记可以更新进度')
    if (project.status === 'done') throw conflict('项目已完成')
    await ctx.checkText(input.note)
    let after: ProjectDoc = project
    await ctx.transaction(async (tx) => {
      const fresh = await txGetOrNull<ProjectDoc>(tx, COL.svcProjects, project._id)
      if (!fresh || fresh.status === 'done') throw conflict('项目已完成')
      const done = input.progress === 100
      // Each update is its own record, numbered from the project's count read here: two at once conflict, none is lost.
      const seq = (fresh.updateCount ?? 0) + 1
      await txPut<ProjectUpdateDoc>(tx, COL.svcProjectUpdates, {
        _id: ids.projectUpdate(project._id, seq), projectId: project._id, communityId: fresh.communityId, seq, progress: input.progress, note: input.note, by: actor.openid, byName: actor.name, at: now,
      })
      after = { ...fresh, _id: project._id, progress: input.progress, lastNote: input.note, status: done ? 'done' : 'active', doneAt: done ? now : undefined, updateCount: seq }
      await txPut(tx, COL.svcProjects, after)
      if (done) {
        await tx.collection(COL.svcNeeds).doc(fresh.needId).update({ data: { status: 'done' } })
        await ctx.audit(`${COL.svcNeeds}/${fresh.needId}`, { status: 'matched' }, { status: 'done' }, tx)
      }
      await ctx.audit(`${COL.svcProjects}/${project._id}`, { progress: fresh.progress }, { progress: input.progress, note: input.note }, tx)
    })
    return projectView(after, now, actor)
  },
}

/** A project's whole progress history, newest first, paged (count + page: constant in its length). */
export const projectUpdates: Handler<'service.project.updates'> = {
  async run(ctx) {
    const project = await load.project(ctx.db, ctx.input.projectId)
    if (!project) throw notFound('项目')
    const q = ctx.db.collection(COL.svcProjectUpdates).where({ projectId: project._id })
    return fetchPage<ProjectUpdateDoc, ReturnType<typeof projectUpdateView>>(q, ctx.input, [['seq', 'desc']], projectUpdateView)
  },
}

export const projectList: Handler<'service.project.list'> = {
  run(ctx) {
    const q = ctx.db.collection(COL.svcProjects).where({ communityId: ctx.input.communityId })
    return fetchPage<ProjectDoc, ReturnType<typeof projectView>>(q, ctx.input, [['createdAt', 'desc']], (p) => projectView(p, ctx.now, ctx.actor))
  },
}
