import type { Page, PageInput } from '../../../types/common'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { fetchPage } from '../../shared/paging'
import type { RectificationDoc } from './shapes'
import { txPut, txUpdate } from '../../shared/store'

export const findRectificationInTx = (tx: Transaction, id: string) =>
  txGetOrNull<RectificationDoc>(tx, COL.propertyRectifications, id)
export const putRectificationInTx = (tx: Transaction, doc: RectificationDoc) =>
  txPut(tx, COL.propertyRectifications, doc)
export const updateRectificationInTx = (
  tx: Transaction,
  id: string,
  patch: Partial<Record<keyof RectificationDoc, unknown>>,
) => txUpdate(tx, COL.propertyRectifications, id, patch)

/** A page of the company's items (of one status when named), newest first. */
export function listCompanyRectifications<V>(
  db: Database,
  companyId: string,
  status: string | undefined,
  page: PageInput,
  view: (r: RectificationDoc) => V,
): Promise<Page<V>> {
  const filter: Record<string, unknown> = { companyId }
  if (status) filter.status = status
  return fetchPage(db.collection(COL.propertyRectifications).where(filter), page, [['createdAt', 'desc']], view)
}

/** A page of the items raised by these households, newest first. */
export function listHouseholdRectifications<V>(
  db: Database,
  householdIds: string[],
  page: PageInput,
  view: (r: RectificationDoc) => V,
): Promise<Page<V>> {
  const q = db.collection(COL.propertyRectifications).where({ householdId: db.command.in(householdIds) })
  return fetchPage(q, page, [['createdAt', 'desc']], view)
}

/** A page of the items held against a company at `now` — unanswered past the reply window, or past their due date (not excluded) — soonest due first. */
export function listHeldAgainst<V>(
  db: Database,
  companyId: string,
  now: Date,
  page: PageInput,
  view: (r: RectificationDoc) => V,
): Promise<Page<V>> {
  const _ = db.command
  const q = db
    .collection(COL.propertyRectifications)
    .where(
      _.and(
        { companyId, status: _.neq('resolved'), excluded: _.neq(true) },
        _.or({ status: 'open', answerDueAt: _.lt(now) }, { dueAt: _.lt(now) }),
      ) as Record<string, unknown>,
    )
  return fetchPage(q, page, [['dueAt', 'asc']], view)
}
