import type { Ctx, Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, forbidden, invalid, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { matchProblem } from '../domain/needs'
import { writeProject } from '../projects'
import {
  addNeedInTx,
  addResourceInTx,
  findProjectInTx,
  ids,
  listNeeds,
  listProjects,
  listProjectUpdates,
  listResources,
  putProjectInTx,
  putProjectUpdateInTx,
  repo,
  updateNeedInTx,
  type NeedDoc,
  type ProjectDoc,
  type ResourceDoc,
} from '../repo'
import { canUpdateProject, needView, projectUpdateView, projectView, resourceView } from '../views'

/** 三张清单: needs (需求), resources (资源), projects (项目: a need matched with a resource). */

export const needCreate: Handler<'service.need.create'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    ensure(actor.isSecretaryOf(input.communityId), '只能为您所在社区发布需求')
    const community = await repo.community(db, input.communityId)
    if (!community) throw notFound('社区')
    await ctx.checkText(input.title, input.detail)
    return ctx.onceTx(input.requestId, async (tx) => {
      const doc: NeedDoc = {
        _id: newId('need'),
        communityId: community._id,
        streetId: community.streetId,
        title: input.title,
        detail: input.detail,
        source: input.source,
        quantity: input.quantity,
        status: 'open',
        createdBy: actor.openid,
        createdAt: now,
      }
      await addNeedInTx(tx, doc)
      await ctx.audit(
        `${COL.svcNeeds}/${doc._id}`,
        null,
        { title: doc.title, quantity: doc.quantity ?? null, status: 'open' },
        tx,
      )
      return needView(doc)
    })
  },
}

export const needList: Handler<'service.need.list'> = {
  run(ctx) {
    const { db, input } = ctx
    return listNeeds(db, input.communityId, input.status, input, needView)
  },
}

/** One need, as the list shows it to anyone signed in (the grid event page links here). One read. */
export const needGet: Handler<'service.need.get'> = {
  async run(ctx) {
    const need = await repo.need(ctx.db, ctx.input.needId)
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
      const unit = await repo.unit(db, input.unitId)
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
      const doc: ResourceDoc = {
        _id: newId('res'),
        communityId: input.communityId,
        title: input.title,
        detail: input.detail,
        ...owner,
        createdBy: actor.openid,
        createdAt: now,
      }
      await addResourceInTx(tx, doc)
      await ctx.audit(`${COL.svcResources}/${doc._id}`, null, { title: doc.title, ownerId: doc.ownerId }, tx)
      return resourceView(doc)
    })
  },
}

export const resourceList: Handler<'service.resource.list'> = {
  run(ctx) {
    return listResources(ctx.db, ctx.input.communityId, ctx.input.ownerId, ctx.input, resourceView)
  },
}

export const projectCreate: Handler<'service.project.create'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const [need, resource] = await Promise.all([repo.need(db, input.needId), repo.resource(db, input.resourceId)])
    if (!need) throw notFound('需求')
    if (!resource) throw notFound('资源')
    ensure(actor.isSecretaryOf(need.communityId), '只能对接您所在社区的需求')
    if (resource.communityId !== need.communityId) throw invalid('资源与需求不在同一社区', ['resourceId'])
    const deadline = new Date(input.deadline)
    if (deadline.getTime() <= now.getTime()) throw invalid('期限须晚于现在', ['deadline'])
    const problem = matchProblem(need)
    if (problem) throw conflict(problem)
    await ctx.checkText(input.title)
    return ctx.onceTx(input.requestId, async (tx) =>
      projectView(
        await writeProject(ctx as Ctx<unknown>, tx, {
          _id: newId('proj'),
          need,
          resource,
          title: input.title,
          deadline,
        }),
        now,
        actor,
      ),
    )
  },
}

/** The owner of the project (the unit's liaison, the member) posts its progress; the community's secretary may too. */
export const projectProgress: Handler<'service.project.progress'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const project = await repo.project(db, input.projectId)
    if (!project) throw notFound('项目')
    ensure(canUpdateProject(project, actor), '只有项目负责方或本社区书记可以更新进度')
    if (project.status === 'done') throw conflict('项目已完成')
    await ctx.checkText(input.note)
    let after: ProjectDoc = project
    await ctx.transaction(async (tx) => {
      const fresh = await findProjectInTx(tx, project._id)
      if (!fresh || fresh.status === 'done') throw conflict('项目已完成')
      const done = input.progress === 100
      // Each update is its own record, numbered from the project's count read here: two at once conflict, none is lost.
      const seq = (fresh.updateCount ?? 0) + 1
      await putProjectUpdateInTx(tx, {
        _id: ids.projectUpdate(project._id, seq),
        projectId: project._id,
        communityId: fresh.communityId,
        seq,
        progress: input.progress,
        note: input.note,
        by: actor.openid,
        byName: actor.name,
        at: now,
      })
      after = {
        ...fresh,
        _id: project._id,
        progress: input.progress,
        lastNote: input.note,
        status: done ? 'done' : 'active',
        doneAt: done ? now : undefined,
        updateCount: seq,
      }
      await putProjectInTx(tx, after)
      if (done) {
        await updateNeedInTx(tx, fresh.needId, { status: 'done' })
        await ctx.audit(`${COL.svcNeeds}/${fresh.needId}`, { status: 'matched' }, { status: 'done' }, tx)
      }
      await ctx.audit(
        `${COL.svcProjects}/${project._id}`,
        { progress: fresh.progress },
        { progress: input.progress, note: input.note },
        tx,
      )
    })
    return projectView(after, now, actor)
  },
}

/** A project's whole progress history, newest first, paged (count + page: constant in its length). */
export const projectUpdates: Handler<'service.project.updates'> = {
  async run(ctx) {
    const project = await repo.project(ctx.db, ctx.input.projectId)
    if (!project) throw notFound('项目')
    return listProjectUpdates(ctx.db, project._id, ctx.input, projectUpdateView)
  },
}

export const projectList: Handler<'service.project.list'> = {
  run(ctx) {
    return listProjects(ctx.db, ctx.input.communityId, ctx.input, (p) => projectView(p, ctx.now, ctx.actor))
  },
}
