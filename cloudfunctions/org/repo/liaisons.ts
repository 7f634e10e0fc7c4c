import type { Page, PageInput } from '../../../types/common'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { fetchPage } from '../../shared/paging'
import { findById } from '../../shared/store'
import type { LiaisonApplicationDoc, UnitDoc } from './index'
import { txPut } from '../../shared/store'

/** Reads and writes of unit liaisons' applications, and the unit an approval creates. */

export const findLiaisonApplication = (db: Database, id: string) =>
  findById<LiaisonApplicationDoc>(db, COL.liaisonApplications, id)
export const findLiaisonApplicationInTx = (tx: Transaction, id: string) =>
  txGetOrNull<LiaisonApplicationDoc>(tx, COL.liaisonApplications, id)

/** A community's pending applications, the oldest first: one page. */
export function listPendingLiaisons<V>(
  db: Database,
  communityId: string,
  page: PageInput,
  view: (a: LiaisonApplicationDoc) => V,
): Promise<Page<V>> {
  return fetchPage(
    db.collection(COL.liaisonApplications).where({ communityId, status: 'pending' }),
    page,
    [['createdAt', 'asc']],
    view,
  )
}

/** A new application (its id is new: adding fails rather than overwrite). */
export async function putLiaisonApplicationInTx(tx: Transaction, doc: LiaisonApplicationDoc): Promise<void> {
  await tx.collection(COL.liaisonApplications).add({ data: doc })
}
/** The decided application, written whole over the pending one. */
export const putLiaisonDecisionInTx = (tx: Transaction, doc: LiaisonApplicationDoc) =>
  txPut(tx, COL.liaisonApplications, doc)
export const putUnitInTx = (tx: Transaction, doc: UnitDoc) => txPut(tx, COL.units, doc)
