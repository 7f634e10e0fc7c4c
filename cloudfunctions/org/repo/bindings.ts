import type { Page, PageInput } from '../../../types/common'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { fetchPage } from '../../shared/paging'
import { withSearch } from '../../shared/search'
import { findById } from '../../shared/store'
import type { BindingDoc, HouseholdCodeDoc, HouseholdDoc } from './index'

/** Residents bound to households (绑定) and the one-time household codes (户码) that verify them. */

/** A resident is found by name or by address (和谐家园 1号楼 101). */
export const BINDING_SEARCH = ['applicantName', 'address'] as const

export const findBindingInTx = (tx: Transaction, id: string) => txGetOrNull<BindingDoc>(tx, COL.bindings, id)

/** A new binding, whole (its id is the document's). */
export async function putBindingInTx(tx: Transaction, binding: BindingDoc): Promise<void> {
  const { _id, ...rest } = binding
  await tx.collection(COL.bindings).doc(_id).set({ data: rest })
}

export async function updateBindingInTx(tx: Transaction, id: string, patch: Record<string, unknown>): Promise<void> {
  await tx.collection(COL.bindings).doc(id).update({ data: patch })
}

/** Applications of the community waiting for its decision, the oldest first, by name or address: one page. */
export function listPendingBindings<V>(
  db: Database,
  communityId: string,
  q: string | undefined,
  page: PageInput,
  view: (b: BindingDoc) => V,
): Promise<Page<V>> {
  const query = db.collection(COL.bindings).where(withSearch(db, { communityId, status: 'pending' }, q, BINDING_SEARCH))
  return fetchPage<BindingDoc, V>(query, page, [['createdAt', 'asc']], view)
}

/** Verified residents of the community, the newest first, by name or address: one page. */
export function listResidents<V>(
  db: Database,
  communityId: string,
  q: string | undefined,
  page: PageInput,
  view: (b: BindingDoc) => V,
): Promise<Page<V>> {
  const query = db
    .collection(COL.bindings)
    .where(withSearch(db, { communityId, status: 'verified' }, q, BINDING_SEARCH))
  return fetchPage<BindingDoc, V>(query, page, [['createdAt', 'desc']], view)
}

/** Who is and was bound to a household, newest first: one page. */
export function listBindingsOfHousehold<V>(
  db: Database,
  householdId: string,
  page: PageInput,
  view: (b: BindingDoc) => V,
): Promise<Page<V>> {
  const query = db
    .collection(COL.bindings)
    .where({ householdId, status: db.command.in(['verified', 'pending', 'ended']) })
  return fetchPage<BindingDoc, V>(query, page, [['createdAt', 'desc']], view)
}

/** Households of the community whose address contains the words, in address order: one page. */
export function listHouseholdsMatching<V>(
  db: Database,
  communityId: string,
  q: string | undefined,
  page: PageInput,
  view: (h: HouseholdDoc) => V,
): Promise<Page<V>> {
  const query = db.collection(COL.households).where(withSearch(db, { communityId }, q, ['address']))
  return fetchPage<HouseholdDoc, V>(query, page, [['address', 'asc']], view)
}

/** `hc:<code>`: a household code is kept under its code. */
export const householdCodeId = (code: string) => `hc:${code}`

export const findHouseholdCode = (db: Database, id: string) => findById<HouseholdCodeDoc>(db, COL.householdCodes, id)
export const findHouseholdCodeInTx = (tx: Transaction, id: string) =>
  txGetOrNull<HouseholdCodeDoc>(tx, COL.householdCodes, id)

export async function updateHouseholdCodeInTx(
  tx: Transaction,
  id: string,
  patch: Record<string, unknown>,
): Promise<void> {
  await tx.collection(COL.householdCodes).doc(id).update({ data: patch })
}

/** A new household code, whole (`_id` = `hc:<code>`). */
export async function putHouseholdCodeInTx(tx: Transaction, doc: HouseholdCodeDoc): Promise<void> {
  await tx.collection(COL.householdCodes).add({ data: doc })
}

/** One live code per household: the household's unused codes are revoked (one multi-document update). */
export async function revokeUnusedHouseholdCodes(db: Database, householdId: string): Promise<void> {
  await db
    .collection(COL.householdCodes)
    .where({ householdId, usedBy: null })
    .update({ data: { revoked: true } })
}
