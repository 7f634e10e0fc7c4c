import type { PageInput } from '../../../types/common'
import type { CompanyInputs, ListEntry } from '../../../types/property'
import type { Ctx } from '../../shared/dispatch'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull } from '../../shared/db-types'
import { conflict, ensure, forbidden, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { fetchPage } from '../../shared/paging'
import { canObject, publishProblem } from '../domain/periods'
import { computeList, round2, sameList } from '../domain/scoring'
import { readAll, repo, type AggregateDoc, type CompanyDoc, type EstateDoc, type ObjectionDoc, type PeriodDoc, type PublicationDoc, type RuleDoc } from '../repo'
import { objectionView, periodView, publicationView, servedOf } from '../views'

type AggCommand = { aggregate: { sum(x: unknown): unknown; cond(x: unknown[]): unknown; neq(x: unknown[]): unknown } }

/**
 * Everything a period's list is computed from, read from maintained aggregates — never from the
 * ratings themselves. Requests: companies, aggregates and estates in pages of 100 (so they grow with
 * the number of companies / 100), plus one grouped read each for assessments and overdue items.
 *
 * Overdue items are counted across this period **and earlier ones** (period ids order like their
 * keys within a street, as `list.publish`'s later-period check already assumes): an item opened in
 * October and still open when November is scored counts against the company in November. Later
 * periods' items never count. The count (and how many are from earlier periods) is frozen with the
 * inputs, so recomputing needs nothing but the publication.
 */
export async function gatherInputs(db: Database, period: PeriodDoc, cutoff: Date): Promise<CompanyInputs[]> {
  const _ = db.command
  const $ = (db.command as unknown as AggCommand).aggregate
  const [companies, aggregates, estates, assessed, overdue] = await Promise.all([
    readAll<CompanyDoc>(db, COL.companies, { streetId: period.streetId }, '_id'),
    readAll<AggregateDoc>(db, COL.propertyAggregates, { periodId: period._id }, '_id'),
    readAll<EstateDoc>(db, COL.estates, { streetId: period.streetId }, '_id'),
    db.collection(COL.propertyAssessments).aggregate()
      .match({ periodId: period._id, direction: 'of_company' })
      .group({ _id: '$companyId', total: $.sum('$score'), n: $.sum(1) })
      .limit(1000).end(),
    db.collection(COL.propertyRectifications).aggregate()
      .match(_.and([
        { streetId: period.streetId, periodId: _.lte(period._id), status: _.neq('resolved') },
        _.or([{ status: 'open', answerDueAt: _.lt(cutoff) }, { dueAt: _.lt(cutoff) }]),
      ]) as Record<string, unknown>)
      .group({ _id: '$companyId', n: $.sum(1), earlier: $.sum($.cond([$.neq(['$periodId', period._id]), 1, 0])) })
      .limit(1000).end(),
  ])
  const agg = new Map(aggregates.map((a) => [a.companyId, a]))
  const scores = new Map((assessed.list as { _id: string; total: number; n: number }[]).map((x) => [x._id, round2(x.total / x.n)]))
  const held = new Map((overdue.list as { _id: string; n: number; earlier: number }[]).map((x) => [x._id, x]))
  return companies.map((c) => {
    const a = agg.get(c._id)
    return {
      companyId: c._id,
      companyName: c.name,
      estates: estates.filter((e) => e.companyId === c._id).map((e) => e.name).sort(),
      households: a?.households ?? 0,
      sums: a ? { ...a.sums } : { cleaning: 0, order: 0, repairs: 0, greening: 0, attitude: 0, fees: 0 },
      communityScore: scores.get(c._id) ?? null,
      rectTotal: a?.rectTotal ?? 0,
      rectResolved: a?.rectResolved ?? 0,
      rectUnresolved: held.get(c._id)?.n ?? 0,
      rectUnresolvedEarlier: held.get(c._id)?.earlier ?? 0,
    }
  })
}

export const listPreview = {
  async run(ctx: Ctx<{ periodId: string }>) {
    const { db, actor, input, now } = ctx
    const period = await repo.period(db, input.periodId)
    if (!period) throw notFound('评价周期')
    const admin = actor.isStreetAdminOf(period.streetId)
    const staffOf = actor.grants('property_staff').filter((g) => g.streetId === period.streetId).map((g) => g.scopeId)
    ensure(admin || staffOf.length > 0, '只能预览您所在街道的榜单')
    const [rule, inputs] = await Promise.all([repo.currentRule(db, period.streetId), gatherInputs(db, period, now)])
    const list = computeList(inputs, rule.rule)
    const mine = (x: { companyId: string }) => admin || staffOf.includes(x.companyId)
    return { period: periodView(period), ruleVersion: rule.version, streetMean: list.streetMean, entries: list.entries.filter(mine), served: servedOf(inputs).filter(mine) }
  },
}

/**
 * Publish: freeze the rule version and every input with the computed list. A second publication of
 * the same period supersedes the first (kept, marked superseded) — never overwritten.
 */
export const listPublish = {
  async run(ctx: Ctx<{ requestId: string; periodId: string }>) {
    const { db, actor, input, now } = ctx
    const period = await repo.period(db, input.periodId)
    if (!period) throw notFound('评价周期')
    ensure(actor.isStreetAdminOf(period.streetId), '只能发布您所在街道的榜单')
    // Three count queries, whatever the number of objections, periods or ratings.
    const [{ total: pendingObjections }, { total: laterPeriods }, { total: heldRatings }] = await Promise.all([
      db.collection(COL.propertyObjections).where({ periodId: period._id, status: 'pending' }).count(),
      db.collection(COL.propertyPeriods).where({ streetId: period.streetId, key: db.command.gt(period.key) }).count(),
      db.collection(COL.propertyRatings).where({ periodId: period._id, status: 'held' }).count(),
    ])
    const problem = publishProblem(period, { pendingObjections, laterPeriods, heldRatings }, now)
    if (problem) throw conflict(problem)
    return ctx.onceTx(input.requestId, async (tx) => {
      const [rule, inputs, current] = await Promise.all([
        repo.currentRule(db, period.streetId),
        gatherInputs(db, period, now),
        repo.currentPublication(db, period.streetId),
      ])
      const list = computeList(inputs, rule.rule)
      const version = (period.publishedVersion ?? 0) + 1
      const doc: PublicationDoc = {
        _id: `pub:${period._id}:${version}`, streetId: period.streetId, periodId: period._id, periodKey: period.key, periodLabel: period.label,
        version, ruleVersion: rule.version, rule: rule.rule, inputs, streetMean: list.streetMean, entries: list.entries, cutoff: now,
        publishedAt: now, publishedBy: actor.openid, publishedByName: actor.name, current: true, live: true,
      }
      const fresh = await txGetOrNull<PeriodDoc>(tx, COL.propertyPeriods, period._id)
      if (!fresh || (fresh.publishedVersion ?? 0) !== version - 1) throw conflict('榜单刚被他人发布，请刷新')
      const { _id, ...rest } = doc
      await tx.collection(COL.propertyPublications).doc(_id).set({ data: rest })
      const previous = version > 1 ? `pub:${period._id}:${version - 1}` : null
      if (current && current._id !== previous) {
        await tx.collection(COL.propertyPublications).doc(current._id).update({ data: { current: false } })
      }
      if (previous) {
        await tx.collection(COL.propertyPublications).doc(previous).update({ data: { current: false, live: false, supersededAt: now } })
      }
      await tx.collection(COL.propertyPeriods).doc(period._id).update({ data: { status: 'published', publishedVersion: version } })
      await ctx.audit(`${COL.propertyPublications}/${doc._id}`, previous ? { supersedes: previous } : null, { ruleVersion: rule.version, entries: doc.entries.map((e) => `${e.companyId}:${e.placement}`) }, tx)
      return publicationView(doc)
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
    return ctx.onceTx(input.requestId, async (tx) => {
      const doc: ObjectionDoc = {
        _id: newId('obj'), periodId: period._id, streetId: period.streetId, companyId: company._id, companyName: company.name,
        text: input.text, status: 'pending', by: actor.openid, byName: actor.name, createdAt: now,
      }
      const { _id, ...rest } = doc
      await tx.collection(COL.propertyObjections).doc(_id).set({ data: rest })
      await ctx.audit(`${COL.propertyObjections}/${doc._id}`, null, { status: 'pending', companyId: company._id }, tx)
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
