import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { aggregateCommand } from './aggregate-command'
import type { AssessmentDoc } from './shapes'
import { txPut } from '../../shared/store'

export const findAssessmentInTx = (tx: Transaction, id: string) =>
  txGetOrNull<AssessmentDoc>(tx, COL.propertyAssessments, id)
export const putAssessmentInTx = (tx: Transaction, doc: AssessmentDoc) => txPut(tx, COL.propertyAssessments, doc)

/** The period's assessments of a community's or a company's pairs (both directions), by community; at most 100. One request. */
export async function listAssessments(
  db: Database,
  of: { periodId: string; communityId?: string; companyId?: string },
): Promise<AssessmentDoc[]> {
  const filter: Record<string, unknown> = { periodId: of.periodId }
  if (of.communityId) filter.communityId = of.communityId
  if (of.companyId) filter.companyId = of.companyId
  const { data } = await db
    .collection(COL.propertyAssessments)
    .where(filter)
    .orderBy('communityId', 'asc')
    .limit(100)
    .get()
  return data as AssessmentDoc[]
}

/** The (company, community) pairs with a community's assessment of the company this period. One grouped request. */
export async function listAssessedPairs(
  db: Database,
  periodId: string,
): Promise<{ companyId: string; communityId: string }[]> {
  const $ = aggregateCommand(db)
  const { list } = await db
    .collection(COL.propertyAssessments)
    .aggregate()
    .match({ periodId, direction: 'of_company' })
    .group({ _id: { company: '$companyId', community: '$communityId' }, n: $.sum(1) })
    .limit(10_000)
    .end()
  return (list as { _id: { company: string; community: string } }[]).map((x) => ({
    companyId: x._id.company,
    communityId: x._id.community,
  }))
}
