import type { Page, PageInput } from '../../../types/common'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { fetchPage } from '../../shared/paging'
import type { SummonsDoc } from './shapes'
import { txPut, txUpdate } from '../../shared/store'

export const findSummonsInTx = (tx: Transaction, id: string) => txGetOrNull<SummonsDoc>(tx, COL.propertySummons, id)
export const putSummonsInTx = (tx: Transaction, doc: SummonsDoc) => txPut(tx, COL.propertySummons, doc)
export const updateSummonsInTx = (tx: Transaction, id: string, patch: Partial<Record<keyof SummonsDoc, unknown>>) =>
  txUpdate(tx, COL.propertySummons, id, patch)

/** A page of the street's 约谈 records (one company's when named), newest first. */
export function listSummons<V>(
  db: Database,
  streetId: string,
  companyId: string | undefined,
  page: PageInput,
  view: (s: SummonsDoc) => V,
): Promise<Page<V>> {
  const filter: Record<string, unknown> = { streetId }
  if (companyId) filter.companyId = companyId
  return fetchPage(db.collection(COL.propertySummons).where(filter), page, [['createdAt', 'desc']], view)
}
