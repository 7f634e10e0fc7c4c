import type { PageInput } from '../../../types/common'
import type { ListEntry } from '../../../types/property'
import type { Ctx } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { txGetOrNull } from '../../shared/db-types'
import { conflict, ensure, forbidden, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { fetchPage } from '../../shared/paging'
import { canObject, publishProblem } from '../domain/periods'
import { computeList, sameList } from '../domain/scoring'
import { repo, type ObjectionDoc, type PeriodDoc, type PublicationDoc, type RuleDoc } from '../repo'
import { objectionView, periodView, publicationView, servedOf } from '../views'

export const listPreview = {
  async run(ctx: Ctx<{ periodId: string }>) {
    const { db, actor, input, now } = ctx
    const period = await repo.period(db, input.periodId)
    if (!period) throw notFound('评价周期')
    const admin = actor.isStreetAdminOf(period.streetId)
    const staffOf = actor.grants('property_staff').filter((g) => g.streetId === period.streetId).map((g) => g.scopeId)
    ensure(admin || staffOf.length > 0, '只能预览您所在街道的榜单')
    const [rule, inputs] = await Promise.all([repo.currentRule(db, period.streetId), repo.listInputs(db, period, now)])
    const list = computeList(inputs, rule.rule)
    const mine = (x: { companyId: string }) => admin || staffOf.includes(x.companyId)
    return { period: periodView(period), ruleVersion: rule.version, streetMean: list.streetMean, entries: list.entries.filter(mine), served: servedOf(inputs).filter(mine) }
  },
}

/**
 * Publish: freeze the rule version and every input with the computed list. A second publication of
 * the same period supersedes the first (kept, marked superseded) — never overwritten. The street's
 * current list is the live publication of the latest period (by its start): publishing an older
 * period after a newer one adds it to the history and leaves the newer list current.
 */
export const listPublish = {
  async run(ctx: Ctx<{ requestId: string; periodId: string }>) {
    const { db, actor, input, now } = ctx
    const period = await repo.period(db, input.periodId)
    if (!period) throw notFound('评价周期')
    ensure(actor.isStreetAdminOf(period.streetId), '只能发布您所在街道的榜单')
    // Two count queries, whatever the number of objections or ratings.
    const [{ total: pendingObjections }, { total: heldRatings }] = await Promise.all([
      db.collection(COL.propertyObjections).where({ periodId: period._id, status: 'pending' }).count(),
      db.collection(COL.propertyRatings).where({ periodId: period._id, status: 'held' }).count(),
    ])
    const blockers = { pendingObjections, heldRatings }
    const problem = publishProblem(period, blockers, now)
    if (problem) throw conflict(problem)
    return ctx.once(input.requestId, async () => {
      const [rule, inputs, current] = await Promise.all([
        repo.currentRule(db, period.streetId),
        repo.listInputs(db, period, now),
        repo.currentPublication(db, period.streetId),
      ])
      const list = computeList(inputs, rule.rule)
      const version = (period.publishedVersion ?? 0) + 1
      const doc: PublicationDoc = {
        _id: `pub:${period._id}:${version}`, streetId: period.streetId, periodId: period._id, periodKey: period.key, periodLabel: period.label,
        periodStart: period.start, periodEnd: period.end,
        version, ruleVersion: rule.version, rule: rule.rule, inputs, streetMean: list.streetMean, entries: list.entries, cutoff: now,
        publishedAt: now, publishedBy: actor.openid, publishedByName: actor.name, live: true,
      }
      await ctx.transaction(async (tx) => {
        const fresh = await txGetOrNull<PeriodDoc>(tx, COL.propertyPeriods, period._id)
        if (!fresh || (fresh.publishedVersion ?? 0) !== version - 1) throw conflict('榜单刚被他人发布，请刷新')
        // The next period may have been opened since the check above: then this list is final.
        const again = publishProblem(fresh, blockers, now)
        if (again) throw conflict(again)
        // An input written after the one read before gathering (a rating, review, confirmation, assessment) would be left out.
        if ((fresh.inputVersion ?? 0) !== (period.inputVersion ?? 0)) throw conflict('数据刚有变化，请重试')
        const { _id, ...rest } = doc
        await tx.collection(COL.propertyPublications).doc(_id).set({ data: rest })
        const previous = version > 1 ? `pub:${period._id}:${version - 1}` : null
        if (previous) {
          await tx.collection(COL.propertyPublications).doc(previous).update({ data: { live: false, supersededAt: now } })
        }
        await tx.collection(COL.propertyPeriods).doc(period._id).update({ data: { status: 'published', publishedVersion: version } })
        await ctx.audit(`${COL.propertyPublications}/${doc._id}`, previous ? { supersedes: previous } : null, { ruleVersion: rule.version, entries: doc.entries.map((e) => `${e.companyId}:${e.placement}`) }, tx)
      })
      // Current unless a later period's list is already out (then this one is history only).
      const isCurrent = !current || current.periodId === period._id || new Date(current.periodStart).getTime() <= new Date(period.start).getTime()
      return { ...publicationView(doc), current: isCurrent }
    })
  },
}

export const listCurrent = {
  async run(ctx: Ctx<{ streetId: string }>) {
    const pub = await repo.currentPublication(ctx.db, ctx.input.streetId)
    return pub ? publicationView(pub) : null
  },
}

/** Recompute a publication from its frozen inputs and rule: anyone can check the list. */
export const listRecompute = {
  async run(ctx: Ctx<{ publicationId: string }>) {
    const pub = await repo.publication(ctx.db, ctx.input.publicationId)
    if (!pub) throw notFound('榜单')
    const again = computeList(pub.inputs, pub.rule as RuleDoc['rule'])
    return { publicationId: pub._id, matches: again.streetMean === pub.streetMean && sameList(again.entries, pub.entries as ListEntry[]), entries: again.entries }
  },
}

// ---- objections ---------------------------------------------------------------------------------

export const objectionSubmit = {
  async run(ctx: Ctx<{ requestId: string; periodId: string; companyId: string; text: string }>) {
    const { db, actor, input, now } = ctx
    ensure(actor.has('property_staff', input.companyId), '只能为本公司提出异议')
    const [period, company] = await Promise.all([repo.period(db, input.periodId), repo.company(db, input.companyId)])
    if (!period || !company || company.streetId !== period.streetId) throw notFound('评价周期或物业')
    if (!canObject(period, now)) throw conflict('不在异议期内')
    await ctx.checkText(input.text)
    return ctx.once(input.requestId, async () => {
      const doc: ObjectionDoc = {
        _id: newId('obj'), periodId: period._id, streetId: period.streetId, companyId: company._id, companyName: company.name,
        text: input.text, status: 'pending', by: actor.openid, byName: actor.name, createdAt: now,
      }
      await ctx.transaction(async (tx) => {
        const { _id, ...rest } = doc
        await tx.collection(COL.propertyObjections).doc(_id).set({ data: rest })
        await ctx.audit(`${COL.propertyObjections}/${doc._id}`, null, { status: 'pending', companyId: company._id }, tx)
      })
      return objectionView(doc)
    })
  },
}

export const objectionList = {
  async run(ctx: Ctx<PageInput & { periodId: string; companyId?: string }>) {
    const { db, actor, input } = ctx
    const period = await repo.period(db, input.periodId)
    if (!period) throw notFound('评价周期')
    if (!actor.isStreetAdminOf(period.streetId)) {
      if (!input.companyId || !actor.has('property_staff', input.companyId)) throw forbidden('只能查看本公司的异议')
    }
    const filter: Record<string, unknown> = { periodId: period._id }
    if (input.companyId) filter.companyId = input.companyId
    return fetchPage<ObjectionDoc, ReturnType<typeof objectionView>>(db.collection(COL.propertyObjections).where(filter), input, [['createdAt', 'asc']], objectionView)
  },
}

export const objectionDecide = {
  async run(ctx: Ctx<{ objectionId: string; upheld: boolean; decision: string }>) {
    const { db, actor, input, now } = ctx
    const obj = await repo.objection(db, input.objectionId)
    if (!obj) throw notFound('异议')
    ensure(actor.isStreetAdminOf(obj.streetId), '只能处理您所在街道的异议')
    if (obj.status !== 'pending') throw conflict('该异议已处理')
    await ctx.checkText(input.decision)
    const after: ObjectionDoc = { ...obj, status: input.upheld ? 'upheld' : 'rejected', decision: input.decision, decidedBy: actor.openid, decidedByName: actor.name, decidedAt: now }
    await ctx.transaction(async (tx) => {
      const fresh = await txGetOrNull<ObjectionDoc>(tx, COL.propertyObjections, obj._id)
      if (fresh?.status !== 'pending') throw conflict('该异议已处理')
      await tx.collection(COL.propertyObjections).doc(obj._id).update({ data: { status: after.status, decision: input.decision, decidedBy: actor.openid, decidedByName: actor.name, decidedAt: now } })
      await ctx.audit(`${COL.propertyObjections}/${obj._id}`, { status: 'pending' }, { status: after.status, decision: input.decision }, tx)
    })
    return objectionView(after)
  },
}
