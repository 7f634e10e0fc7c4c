import { DIMENSIONS, type Dimension, type ReadinessView, type StaffSummaryView } from '../../../types/property'
import type { Handler } from '../../shared/dispatch'
import { ensure, notFound } from '../../shared/errors'
import { publishProblem } from '../domain/periods'
import {
  countCommentedRatings,
  countHeldRatings,
  countPendingObjections,
  countUnansweredComments,
  listAggregatesOfPeriod,
  listAssessedPairs,
  listCommunitiesOfStreet,
  listCompaniesOfStreet,
  listCountedHouseholdsPerEstate,
  listEstatesOfStreet,
  listHeldAgainst,
  repo,
} from '../repo'
import { periodView, rectificationView } from '../views'

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
    const [{ rule }, pendingObjections, heldRatings, companies, estates, communities, aggregates, assessed] =
      await Promise.all([
        repo.currentRule(db, period.streetId),
        countPendingObjections(db, period._id),
        countHeldRatings(db, period._id),
        listCompaniesOfStreet(db, period.streetId),
        listEstatesOfStreet(db, period.streetId),
        listCommunitiesOfStreet(db, period.streetId),
        listAggregatesOfPeriod(db, period._id),
        listAssessedPairs(db, period._id),
      ])
    const blocker = publishProblem(period, { pendingObjections, heldRatings }, now)
    const done = new Set(assessed.map((x) => `${x.companyId}|${x.communityId}`))
    const communityName = new Map(communities.map((c) => [c._id, c.name]))
    const households = new Map(aggregates.map((a) => [a.companyId, a.households]))
    const serving = new Map<string, Set<string>>()
    for (const e of estates)
      if (e.companyId) serving.set(e.companyId, (serving.get(e.companyId) ?? new Set()).add(e.communityId))
    const missingAssessments = companies
      .map((c) => ({
        companyId: c._id,
        companyName: c.name,
        communities: [...(serving.get(c._id) ?? [])]
          .filter((cid) => !done.has(`${c._id}|${cid}`))
          .map((cid) => communityName.get(cid) ?? cid)
          .sort(),
      }))
      .filter((m) => m.communities.length > 0)
    const belowSample = companies
      .filter((c) => serving.has(c._id) || households.has(c._id))
      .map((c) => ({ companyId: c._id, companyName: c.name, households: households.get(c._id) ?? 0 }))
      .filter((c) => c.households < rule.minSample)
    return {
      period: periodView(period, now),
      canPublish: !blocker,
      blocker,
      heldRatings,
      pendingObjections,
      missingAssessments,
      belowSample,
      minSample: rule.minSample,
    }
  },
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
    ensure(
      actor.has('property_staff', company._id) || actor.isStreetAdminOf(company.streetId),
      '只能查看本公司的评价概览',
    )
    const period = input.periodId
      ? await repo.period(db, input.periodId)
      : await repo.latestPeriod(db, company.streetId)
    if (input.periodId && (!period || period.streetId !== company.streetId)) throw notFound('评价周期')
    const ofPeriod = { companyId: company._id, periodId: period?._id ?? '' }
    const [agg, perEstate, comments, unanswered, overdue] = await Promise.all([
      period ? repo.aggregate(db, period._id, company._id) : Promise.resolve(null),
      period ? listCountedHouseholdsPerEstate(db, ofPeriod) : Promise.resolve([]),
      countCommentedRatings(db, ofPeriod),
      countUnansweredComments(db, ofPeriod),
      listHeldAgainst(db, company._id, now, { page: 1, pageSize: OVERDUE_SHOWN }, (r) => rectificationView(r, now)),
    ])
    const n = agg?.households ?? 0
    const averages = Object.fromEntries(
      DIMENSIONS.map((d) => [d, n > 0 ? oneDecimal(agg!.sums[d] / n) : null]),
    ) as Record<Dimension, number | null>
    return {
      period: period ? periodView(period, now) : null,
      households: n,
      held: agg?.held ?? 0,
      averages,
      estates: perEstate.sort((a, b) => a.estateName.localeCompare(b.estateName, 'zh')),
      comments: { total: comments, unanswered },
      overdue: { count: overdue.total, items: overdue.items },
    }
  },
}
