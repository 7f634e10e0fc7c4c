import type { Page, PageInput } from '../../../types/common'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { fetchPage } from '../../shared/paging'
import type { ObjectionDoc } from './shapes'
import { txPut, txUpdate } from '../../shared/store'

export const findObjectionInTx = (tx: Transaction, id: string) =>
  txGetOrNull<ObjectionDoc>(tx, COL.propertyObjections, id)
export const putObjectionInTx = (tx: Transaction, doc: ObjectionDoc) => txPut(tx, COL.propertyObjections, doc)
export const updateObjectionInTx = (tx: Transaction, id: string, patch: Partial<Record<keyof ObjectionDoc, unknown>>) =>
  txUpdate(tx, COL.propertyObjections, id, patch)

/** How many objections the company has filed in the period (the next one is number total + 1). One request. */
export async function countObjectionsOf(db: Database, periodId: string, companyId: string): Promise<number> {
  const { total } = await db.collection(COL.propertyObjections).where({ periodId, companyId }).count()
  return total
}

/** How many of the period's objections wait for the street's decision. One request. */
export async function countPendingObjections(db: Database, periodId: string): Promise<number> {
  const { total } = await db.collection(COL.propertyObjections).where({ periodId, status: 'pending' }).count()
  return total
}

/** A page of the period's objections (one company's when named), in the order filed. */
export function listObjections<V>(
  db: Database,
  periodId: string,
  companyId: string | undefined,
  page: PageInput,
  view: (o: ObjectionDoc) => V,
): Promise<Page<V>> {
  const filter: Record<string, unknown> = { periodId }
  if (companyId) filter.companyId = companyId
  return fetchPage(db.collection(COL.propertyObjections).where(filter), page, [['createdAt', 'asc']], view)
}
