import type { Page, PageInput } from '../../../types/common'
import type { CareKind } from '../../../types/care'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { findById, findByIds } from '../../shared/store'
import { ids } from './ids'
import { pageOf, txPut } from './store'

/**
 * 重点关爱 (issue 15 §5): one record per household, `svc_care` `ids.care(householdId)`. Marking again
 * after a revocation copies the old record to `ids.careVersion(householdId, n)` (`status: superseded`) first.
 */

export interface CareDoc {
  _id: string
  householdId: string
  communityId: string
  streetId: string
  gridId?: string
  buildingId?: string
  address: string
  status: 'active' | 'revoked'
  kinds: CareKind[]
  note?: string
  consentBy: string
  consentAt: Date
  recordedBy: string
  recordedByName: string
  markedAt: Date
  revokedAt?: Date
  revokedBy?: string
  revokedByName?: string
  revokeReason?: string
  version: number
}
/** An earlier record kept when the household is marked again: `status: superseded`, so the lists skip it. */
export interface CareVersionDoc extends Omit<CareDoc, '_id' | 'status'> {
  _id: string
  status: 'superseded'
  headId: string
  supersededAt: Date
}

/** Is the household marked now (one read)? What a new wish copies. */
export async function isCared(db: Database, householdId: string): Promise<boolean> {
  return (await findById<CareDoc>(db, COL.svcCare, ids.care(householdId)))?.status === 'active'
}

/** A page of the community's marks, active or revoked, latest marked first. */
export function listCommunityCare<V>(
  db: Database,
  communityId: string,
  revoked: boolean,
  input: PageInput,
  view: (d: CareDoc) => V,
): Promise<Page<V>> {
  return pageOf(
    db,
    COL.svcCare,
    { communityId, status: revoked ? 'revoked' : 'active' },
    input,
    [['markedAt', 'desc']],
    view,
  )
}

/** A page of the grid's households marked now, by address. */
export function listGridCare<V>(
  db: Database,
  gridId: string,
  input: PageInput,
  view: (d: CareDoc) => V,
): Promise<Page<V>> {
  return pageOf(db, COL.svcCare, { gridId, status: 'active' }, input, [['address', 'asc']], view)
}

/** The care records of these households (a person's few homes): one request, none for no household. */
export function listHouseholdsCare(db: Database, householdIds: string[]): Promise<CareDoc[]> {
  return findByIds<CareDoc>(db, COL.svcCare, householdIds.map(ids.care))
}

export const findCareInTx = (tx: Transaction, id: string) => txGetOrNull<CareDoc>(tx, COL.svcCare, id)
export const putCareInTx = (tx: Transaction, doc: CareDoc | CareVersionDoc) => txPut(tx, COL.svcCare, doc)
