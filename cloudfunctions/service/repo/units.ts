import type { Page, PageInput } from '../../../types/common'
import type { CheckinStatus } from '../../../types/service'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { withSearch } from '../../shared/search'
import { literalPattern } from '../domain/unit-link'
import { pageOf, txPut, txUpdate, type Filter } from './store'

/** Units (created by org, checked in here) and their yearly agreements with the community. */

export interface CheckinRecord {
  year: number
  status: Exclude<CheckinStatus, 'none'>
  submittedAt: Date
  submittedBy: string
  reason?: string
  decidedAt?: Date
  decidedBy?: string
  decidedByName?: string
}

/** The org context's unit, extended here with its yearly check-in (units are created by org). */
export interface UnitDoc {
  _id: string
  communityId: string
  streetId: string
  name: string
  partyBody: string
  createdAt: Date
  contactName?: string
  contactPhone?: string
  resources?: string[]
  commitments?: string[]
  checkin?: CheckinRecord
  approvedYear?: number
  gridIds?: string[]
  gridNames?: string[]
  history?: CheckinRecord[]
}

export interface AgreementDoc {
  _id: string
  unitId: string
  unitName: string
  communityId: string
  communityName: string
  year: number
  commitments: string[]
  resources: string[]
  /** The community's side: the secretary's approval. */
  approvedAt: Date
  approvedBy: string
  approvedByName: string
  /** The unit's side: its liaison's signature (written once). */
  unitSignedAt?: Date
  unitSignedBy?: string
  unitSignedByName?: string
  /** Set when last year's agreement existed: how this year's lists compare with it. */
  carriedFrom?: { year: number; kept: number; added: number; dropped: number }
}

export type UnitStatusFilter = 'all' | 'pending' | 'approved' | 'overdue'

/** A page of the community's units by name, by check-in status this `year` and a search text. */
export function listUnits<V>(
  db: Database,
  q: { communityId: string; status: UnitStatusFilter; q?: string },
  year: number,
  input: PageInput,
  view: (u: UnitDoc) => V,
): Promise<Page<V>> {
  const filter: Filter = { communityId: q.communityId }
  if (q.status === 'pending') filter['checkin.status'] = 'pending'
  if (q.status === 'approved') filter.approvedYear = year
  if (q.status === 'overdue') filter.approvedYear = db.command.lt(year)
  return pageOf(db, COL.units, withSearch(db, filter, q.q, ['name', 'partyBody']), input, [['name', 'asc']], view)
}

/** A page of the units of the street approved since `fromYear`, by name (contains `name`, any case). */
export function listPickableUnits(
  db: Database,
  streetId: string,
  fromYear: number,
  name: string | undefined,
  input: PageInput,
): Promise<Page<UnitDoc>> {
  const filter: Filter = { streetId, approvedYear: db.command.gte(fromYear) }
  if (name) filter.name = db.RegExp({ regexp: literalPattern(name), options: 'i' })
  return pageOf<UnitDoc, UnitDoc>(db, COL.units, filter, input, [['name', 'asc']], (u) => u)
}

/** Only the unit's own fields named in the patch (no read): what no other action writes. */
export async function updateUnit(
  db: Database,
  unitId: string,
  patch: Pick<UnitDoc, 'gridIds' | 'gridNames'>,
): Promise<void> {
  await db.collection(COL.units).doc(unitId).update({ data: patch })
}

export const findUnitInTx = (tx: Transaction, id: string) => txGetOrNull<UnitDoc>(tx, COL.units, id)
export const putUnitInTx = (tx: Transaction, doc: UnitDoc) => txPut(tx, COL.units, doc)

export const findAgreementInTx = (tx: Transaction, id: string) => txGetOrNull<AgreementDoc>(tx, COL.svcAgreements, id)
export const putAgreementInTx = (tx: Transaction, doc: AgreementDoc) => txPut(tx, COL.svcAgreements, doc)
export const updateAgreementInTx = (tx: Transaction, id: string, patch: Partial<Omit<AgreementDoc, '_id'>>) =>
  txUpdate(tx, COL.svcAgreements, id, patch)
