import type { CompanyInputs } from '../../../types/property'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { round2 } from '../domain/scoring'
import { ratedCompanyOf } from '../domain/serving'
import { listCompaniesOfStreet } from './companies'
import { listPartyOrgsOfStreet } from './red-property'
import { listAggregatesOfPeriod } from './aggregates'
import { aggregateCommand } from './aggregate-command'
import type { PeriodDoc } from './shapes'

/** One group of the street's estates by who serves them now and who stopped serving them. */
interface ServedGroup {
  companyId?: string
  companyName?: string
  former?: string
  formerName?: string
  until?: Date
}

/**
 * Everything a period's list is computed from, read from maintained aggregates — never from the
 * ratings themselves. Requests: companies, aggregates and 红色物业 records in pages of 100 (so they grow
 * with the number of companies / 100, never with the street's size), plus one grouped read each for the
 * estates each company serves, assessments and overdue items.
 *
 * Overdue items are counted across this period **and earlier ones**, selected by the start of their
 * period (periods of a street never overlap): an item opened in October and still open when
 * November is scored counts against the company in November. Later periods' items never count, nor
 * do items whose rating an upheld objection excluded. The count (and how many are from earlier
 * periods) is frozen with the inputs, so recomputing needs nothing but the publication.
 */
export async function listInputs(db: Database, period: PeriodDoc, cutoff: Date): Promise<CompanyInputs[]> {
  const _ = db.command
  const $ = aggregateCommand(db)
  const [companies, aggregates, estates, partyOrgs, assessed, overdue] = await Promise.all([
    listCompaniesOfStreet(db, period.streetId),
    listAggregatesOfPeriod(db, period._id),
    // Grouped by the company serving now and the one that stopped (and when): one request however many
    // estates the street has; ratedCompanyOf then names the company each group's ratings go to.
    db
      .collection(COL.estates)
      .aggregate()
      .match({ streetId: period.streetId })
      .group({
        _id: {
          companyId: '$companyId',
          companyName: '$companyName',
          former: '$formerCompany.companyId',
          formerName: '$formerCompany.companyName',
          until: '$formerCompany.until',
        },
        names: $.push('$name'),
      })
      .limit(1000)
      .end(),
    listPartyOrgsOfStreet(db, period.streetId),
    db
      .collection(COL.propertyAssessments)
      .aggregate()
      .match({ periodId: period._id, direction: 'of_company' })
      .group({ _id: '$companyId', total: $.sum('$score'), n: $.sum(1) })
      .limit(1000)
      .end(),
    db
      .collection(COL.propertyRectifications)
      .aggregate()
      .match(
        _.and([
          {
            streetId: period.streetId,
            periodStart: _.lte(period.start),
            status: _.neq('resolved'),
            excluded: _.neq(true),
          },
          _.or([{ status: 'open', answerDueAt: _.lt(cutoff) }, { dueAt: _.lt(cutoff) }]),
        ]) as Record<string, unknown>,
      )
      .group({ _id: '$companyId', n: $.sum(1), earlier: $.sum($.cond([$.neq(['$periodId', period._id]), 1, 0])) })
      .limit(1000)
      .end(),
  ])
  const agg = new Map(aggregates.map((a) => [a.companyId, a]))
  const scores = new Map(
    (assessed.list as { _id: string; total: number; n: number }[]).map((x) => [x._id, round2(x.total / x.n)]),
  )
  const orgs = new Map(partyOrgs.map((o) => [o.companyId, o]))
  const held = new Map((overdue.list as { _id: string; n: number; earlier: number }[]).map((x) => [x._id, x]))
  const served = new Map<string, string[]>()
  for (const g of estates.list as { _id: ServedGroup; names: string[] }[]) {
    const k = g._id
    const rated = ratedCompanyOf(
      {
        companyId: k.companyId,
        companyName: k.companyName,
        ...(k.former && k.until
          ? { formerCompany: { companyId: k.former, companyName: k.formerName ?? '', until: k.until } }
          : {}),
      },
      period,
    )
    if (rated) served.set(rated.companyId, [...(served.get(rated.companyId) ?? []), ...g.names])
  }
  return companies.map((c) => {
    const a = agg.get(c._id)
    return {
      companyId: c._id,
      companyName: c.name,
      estates: [...(served.get(c._id) ?? [])].sort(),
      households: a?.households ?? 0,
      sums: a ? { ...a.sums } : { cleaning: 0, order: 0, repairs: 0, greening: 0, attitude: 0, fees: 0 },
      communityScore: scores.get(c._id) ?? null,
      rectTotal: a?.rectTotal ?? 0,
      rectResolved: a?.rectResolved ?? 0,
      rectUnresolved: held.get(c._id)?.n ?? 0,
      rectUnresolvedEarlier: held.get(c._id)?.earlier ?? 0,
      // 红色物业 as it stands at the cutoff; a company that never declared has none (counted as no members, shown 未登记).
      ...(orgs.has(c._id) ? { partyOrg: { kind: orgs.get(c._id)!.kind, verified: orgs.get(c._id)!.verified } } : {}),
    }
  })
}
