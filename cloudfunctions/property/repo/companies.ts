import type { Page, PageInput } from '../../../types/common'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { fetchPage } from '../../shared/paging'
import { withSearch } from '../../shared/search'
import { readAll } from './read-all'
import type { CommunityDoc, CompanyDoc, EstateDoc } from './shapes'
import { txPut, txUpdate } from '../../shared/store'

/**
 * The organisation's companies, estates and communities as property reads them — and the one thing it
 * writes there: which company serves an estate.
 */

/** A page of the street's companies by name, narrowed by the search box's words. */
export function listCompanies<V>(
  db: Database,
  streetId: string,
  q: string | undefined,
  page: PageInput,
  view: (c: CompanyDoc) => V,
): Promise<Page<V>> {
  return fetchPage(
    db.collection(COL.companies).where(withSearch(db, { streetId }, q, ['name'])),
    page,
    [['name', 'asc']],
    view,
  )
}

/** How many of the street's companies have this name. One request. */
export async function countCompaniesNamed(db: Database, streetId: string, name: string): Promise<number> {
  const { total } = await db.collection(COL.companies).where({ streetId, name }).count()
  return total
}

export const putCompanyInTx = (tx: Transaction, doc: CompanyDoc & { createdAt: Date; createdBy: string }) =>
  txPut(tx, COL.companies, doc)

/** Every company, estate or community of the street, in pages of 100. */
export const listCompaniesOfStreet = (db: Database, streetId: string) =>
  readAll<CompanyDoc>(db, COL.companies, { streetId }, '_id')
export const listEstatesOfStreet = (db: Database, streetId: string) =>
  readAll<EstateDoc>(db, COL.estates, { streetId }, '_id')
export const listCommunitiesOfStreet = (db: Database, streetId: string) =>
  readAll<CommunityDoc>(db, COL.communities, { streetId }, '_id')

/** The estates a company serves now, of a community, or both, by name; at most 100. One request. */
export async function listEstatesOf(
  db: Database,
  of: { communityId?: string; companyId?: string },
): Promise<EstateDoc[]> {
  const filter: Record<string, unknown> = {}
  if (of.communityId) filter.communityId = of.communityId
  if (of.companyId) filter.companyId = of.companyId
  const { data } = await db.collection(COL.estates).where(filter).orderBy('name', 'asc').limit(100).get()
  return data as EstateDoc[]
}

/** One of the community's estates the company serves now, or null. One request. */
export async function findEstateOfCompanyIn(
  db: Database,
  communityId: string,
  companyId: string,
): Promise<EstateDoc | null> {
  const { data } = await db.collection(COL.estates).where({ communityId, companyId }).limit(1).get()
  return (data[0] as EstateDoc | undefined) ?? null
}

/** Communities by id (≤ 100). One request. */
export async function listCommunitiesByIds(db: Database, ids: string[]): Promise<CommunityDoc[]> {
  const { data } = await db
    .collection(COL.communities)
    .where({ _id: db.command.in(ids) })
    .limit(100)
    .get()
  return data as CommunityDoc[]
}

export const findEstateInTx = (tx: Transaction, id: string) => txGetOrNull<EstateDoc>(tx, COL.estates, id)
export const updateEstateInTx = (tx: Transaction, id: string, patch: Partial<Record<keyof EstateDoc, unknown>>) =>
  txUpdate(tx, COL.estates, id, patch)
