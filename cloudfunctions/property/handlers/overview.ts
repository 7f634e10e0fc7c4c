import { DIMENSIONS, type Dimension, type ReadinessView, type StaffSummaryView } from '../../../types/property'
import type { Ctx, Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { ensure, notFound } from '../../shared/errors'
import { fetchPage } from '../../shared/paging'
import { publishProblem } from '../domain/periods'
import { aggregateId } from '../domain/ratings'
import { findById, readAll, repo, type AggregateDoc, type CommunityDoc, type CompanyDoc, type EstateDoc, type RectificationDoc } from '../repo'
import { periodView, rectificationView } from '../views'

type AggCommand = { aggregate: { sum(x: unknown): unknown } }

/**
 * Before 发布: what still blocks the list, and what it would be missing — companies a community they
 * serve has not assessed this period, companies below the sample (they will show as 样本不足). The
 * street decides; nothing here publishes. Requests: the period, the rule, two counts, then companies,
 * estates, communities and aggregates (pages of 100: they grow with companies ÷ 100, as `list.publish`)
 * and one grouped read of the period's assessments — never a rating.
 */
export const listReadiness: Handler<'property.list.readiness'> = {
  async run(ctx): Promise<ReadinessView> {
    const { db, actor, input, now } = ctx
    const period = await repo.period(db, input.periodId)
    if (!period) throw notFound('评价周期')
    ensure(actor.isStreetAdminOf(period.streetId), '只能查看您所在街道的评价周期')
    const $ = (db.command as unknown as AggCommand).aggregate
    const street = { streetId: period.streetId }
    const [{ rule }, { total: pendingObjections }, { total: heldRatings }, companies, estates, communities, aggregates, assessed] = await Promise.all([
      repo.currentRule(db, period.streetId),
      db.collection(COL.propertyObjections).where({ periodId: period._id, status: 'pending' }).count(),
      db.collection(COL.propertyRatings).where({ periodId: period._id, status: 'held' }).count(),
      readAll<CompanyDoc>(db, COL.companies, street, '_id'),
      readAll<EstateDoc>(db, COL.estates, street, '_id'),
      readAll<CommunityDoc>(db, COL.communities, street, '_id'),
      readAll<AggregateDoc>(db, COL.propertyAggregates, { periodId: period._id }, '_id'),
      db.collection(COL.propertyAssessments).aggregate()
        .match({ periodId: period._id, direction: 'of_company' })
        .group({ _id: { company: '$companyId', community: '$communityId' }, n: $.sum(1) })
        .limit(10_000).end(),
    ])
    const blocker = publishProblem(period, { pendingObjections, heldRatings }, now)
    const done = new Set((assessed.list as { _id: { company: string; community: string } }[]).map((x) => `${x._id.company}|${x._id.community}`))
    const communityName = new Map(communities.map((c) => [c._id, c.name]))
    const households = new Map(aggregates.map((a) => [a.companyId, a.households]))
    const serving = new Map<string, Set<string>>()
    for (const e of estates) if (e.companyId) serving.set(e.companyId, (serving.get(e.companyId) ?? new Set()).add(e.communityId))
    const missingAssessments = companies
      .map((c) => ({ companyId: c._id, companyName: c.name, communities: [...(serving.get(c._id) ?? [])].filter((cid) => !done.has(`${c._id}|${cid}`)).map((cid) => communityName.get(cid) ?? cid).sort() }))
      .filter((m) => m.communities.length > 0)
    const belowSample = companies
      .filter((c) => serving.has(c._id) || households.has(c._id))
      .map((c) => ({ companyId: c._id, companyName: c.name, households: households.get(c._id) ?? 0 }))
      .filter((c) => c.households < rule.minSample)
    return { period: periodView(period, now), canPublish: !blocker, blocker, heldRatings, pendingObjections, missingAssessments, belowSample, minSample: rule.minSample }
  },
}

/** Rectification items held against a company now: unanswered past the reply window, or past their due date (not excluded). */
const heldAgainst = (ctx: Ctx<unknown>, companyId: string) => {
  const _ = ctx.db.command
  return ctx.db.collection(COL.propertyRectifications).where(_.and(
    { companyId, status: _.neq('resolved'), excluded: _.neq(true) },
    _.or({ status: 'open', answerDueAt: _.lt(ctx.now) }, { dueAt: _.lt(ctx.now) }),
  ) as Record<string, unknown>)
}

const OVERDUE_SHOWN = 5
const oneDecimal = (x: number) => Math.round(x * 10) / 10

/**
 * The staff inbox's summary of a period (the street's latest unless named): per-dimension averages and
 * rating households per estate — sums and counts over the counted ratings, never a rater — comments and
 * those unanswered, and the items overdue now (any period: they count against the company until fixed).
 * Requests: company, period, aggregate, one grouped read, two counts, count + page of overdue items.
 */
export const ratingSummary: Handler<'property.rating.summary'> = {
  async run(ctx): Promise<StaffSummaryView> {
    const { db, actor, input, now } = ctx
    const company = await repo.company(db, input.companyId)
    if (!company) throw notFound('物业公司')
    ensure(actor.has('property_staff', company._id) || actor.isStreetAdminOf(company.streetId), '只能查看本公司的评价概览')
    const period = input.periodId ? await repo.period(db, input.periodId) : await repo.latestPeriod(db, company.streetId)
    if (input.periodId && (!period || period.streetId !== company.streetId)) throw notFound('评价周期')
    const $ = (db.command as unknown as AggCommand).aggregate
    const ofPeriod = { companyId: company._id, periodId: period?._id ?? '' }
    const _ = db.command
    const [agg, perEstate, comments, unanswered, overdue] = await Promise.all([
      period ? findById<AggregateDoc>(db, COL.propertyAggregates, aggregateId(period._id, company._id)) : Promise.resolve(null),
      period
        ? db.collection(COL.propertyRatings).aggregate().match({ ...ofPeriod, status: 'counted' }).group({ _id: '$estateName', n: $.sum(1) }).limit(100).end()
        : Promise.resolve({ list: [] }),
      db.collection(COL.propertyRatings).where({ ...ofPeriod, hasComment: true }).count(),
      db.collection(COL.propertyRatings).where({ ...ofPeriod, hasComment: true, status: _.nin(['rejected', 'excluded']), answer: _.exists(false) }).count(),
      fetchPage<RectificationDoc, ReturnType<typeof rectificationView>>(heldAgainst(ctx, company._id), { page: 1, pageSize: OVERDUE_SHOWN }, [['dueAt', 'asc']], (r) => rectificationView(r, now)),
    ])
    const n = agg?.households ?? 0
    const averages = Object.fromEntries(DIMENSIONS.map((d) => [d, n > 0 ? oneDecimal(agg!.sums[d] / n) : null])) as Record<Dimension, number | null>
    return {
      period: period ? periodView(period, now) : null,
      households: n,
      held: agg?.held ?? 0,
      averages,
      estates: (perEstate.list as { _id: string; n: number }[]).map((x) => ({ estateName: x._id, households: x.n })).sort((a, b) => a.estateName.localeCompare(b.estateName, 'zh')),
      comments: { total: comments.total, unanswered: unanswered.total },
      overdue: { count: overdue.total, items: overdue.items },
    }
  },
}
