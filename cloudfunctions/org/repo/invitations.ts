import type { Page, PageInput } from '../../../types/common'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { fetchPage } from '../../shared/paging'
import { findById } from '../../shared/store'
import type { InvitationDoc } from './index'

/** Reads and writes of invitations (one-use codes that grant a role). */

export const findInvitation = (db: Database, id: string) => findById<InvitationDoc>(db, COL.invitations, id)
export const findInvitationInTx = (tx: Transaction, id: string) => txGetOrNull<InvitationDoc>(tx, COL.invitations, id)

/** The invitations a street or community issued, the newest first: one page. */
export function listInvitations<V>(
  db: Database,
  issuerScopeId: string,
  page: PageInput,
  view: (d: InvitationDoc) => V,
): Promise<Page<V>> {
  return fetchPage(db.collection(COL.invitations).where({ issuerScopeId }), page, [['createdAt', 'desc']], view)
}

/** Which of these communities the company serves an estate in: at most one is read, enough to know it serves one. */
export async function listCommunitiesServedBy(db: Database, companyId: string, among: string[]): Promise<string[]> {
  const { data } = await db
    .collection(COL.estates)
    .where({ companyId, communityId: db.command.in(among) })
    .limit(1)
    .get()
  return (data as { communityId: string }[]).map((e) => e.communityId)
}

export async function putInvitationInTx(tx: Transaction, doc: InvitationDoc): Promise<void> {
  await tx.collection(COL.invitations).add({ data: doc })
}
export async function updateInvitationInTx(
  tx: Transaction,
  id: string,
  patch: Partial<Omit<InvitationDoc, '_id'>>,
): Promise<void> {
  await tx.collection(COL.invitations).doc(id).update({ data: patch })
}
