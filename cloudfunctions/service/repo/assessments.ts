import type { Page, PageInput } from '../../../types/common'
import type { Grade } from '../../../types/service'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import type { AssessmentRevision } from '../domain/grades'
import { pageOf, txPut } from './store'

/** 双评议: one grade per subject (member or unit) and year, `ids.assessment`, its revisions kept. */
export interface AssessmentDoc {
  _id: string
  communityId: string
  subjectType: 'member' | 'unit'
  subjectId: string
  subjectName: string
  year: number
  grade: Grade
  reason: string
  by: string
  byName: string
  at: Date
  revisions: AssessmentRevision[]
}

/** A page of the community's grades of one year and subject type, by subject name. */
export function listAssessments<V>(
  db: Database,
  q: { communityId: string; year: number; subjectType: AssessmentDoc['subjectType'] },
  input: PageInput,
  view: (a: AssessmentDoc) => V,
): Promise<Page<V>> {
  return pageOf(
    db,
    COL.svcAssessments,
    { communityId: q.communityId, year: q.year, subjectType: q.subjectType },
    input,
    [['subjectName', 'asc']],
    view,
  )
}

/** A page of a unit's grades, every year, newest first. */
export function listUnitAssessments<V>(
  db: Database,
  unitId: string,
  input: PageInput,
  view: (a: AssessmentDoc) => V,
): Promise<Page<V>> {
  return pageOf(db, COL.svcAssessments, { subjectType: 'unit', subjectId: unitId }, input, [['year', 'desc']], view)
}

export const findAssessmentInTx = (tx: Transaction, id: string) =>
  txGetOrNull<AssessmentDoc>(tx, COL.svcAssessments, id)
export const putAssessmentInTx = (tx: Transaction, doc: AssessmentDoc) => txPut(tx, COL.svcAssessments, doc)
