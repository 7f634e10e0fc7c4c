import type { Page, PageInput } from '../../../types/common'
import type { CheckinStatus, MemberKind } from '../../../types/service'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { pageOf, txPut, type Filter } from './store'

/** A member's yearly 报到 record, `ids.member(openid)`. */
export interface MemberDoc {
  _id: string
  openid: string
  communityId: string
  streetId: string
  name: string
  /** Absent on records stored before the kinds existed: read through `memberKindOf` (in-service). */
  kind?: MemberKind
  /** A mobile member's Party organisation (流出地党组织). */
  originOrg?: string
  unitId?: string
  /** The employer of an in-service member; '' for a retired or mobile member. */
  unitName: string
  /** The member's own verified household, or none. */
  householdId?: string
  address?: string
  skills: string[]
  availability: string
  status: Exclude<CheckinStatus, 'none'>
  year: number
  approvedYear?: number
  reason?: string
  gridId?: string
  gridName?: string
  buildingIds: string[]
  buildingNames: string[]
  submittedAt: Date
  decidedAt?: Date
  decidedBy?: string
  decidedByName?: string
  history?: { year: number; status: string; reason?: string; at: Date }[]
  /** The community's name, for the unit's liaison (a unit's members may live anywhere in the street). */
  communityName?: string
  /** The unit's liaison disputes the link to `unitId` (kept while the member names the same unit). */
  unitDispute?: { unitId: string; reason: string; by: string; byName: string; at: Date }
  /** True while `unitDispute` stands: the secretary's 单位异议 filter. */
  unitDisputed?: boolean
  /** Status `ended`: the member role ended (org role.end, or leaving); the approval moved into `history`. */
  endedAt?: Date
  endedBy?: string
  endedByName?: string
  /** The link to `unitId` confirmed by its liaison (or by the secretary settling a dispute); kept while the member names that unit. */
  unitConfirm?: { unitId: string; by: string; byName: string; at: Date; bySecretary?: boolean }
  /** The secretary's settlement of the last dispute. */
  unitSettlement?: {
    unitId: string
    unitName: string
    outcome: 'kept' | 'unlinked'
    reason: string
    by: string
    byName: string
    at: Date
  }
  /** Set when the secretary linked a member who had named an unlisted unit (单位未报到). */
  unitLinkedBy?: { typedName: string; by: string; byName: string; at: Date }
}

export type MemberStatusFilter = 'all' | 'pending' | 'approved' | 'overdue' | 'disputed' | 'unlinked'

/** A page of the community's members, newest check-in first, by status this `year`. */
export function listMembers<V>(
  db: Database,
  communityId: string,
  status: MemberStatusFilter,
  year: number,
  input: PageInput,
  view: (m: MemberDoc) => V,
): Promise<Page<V>> {
  const filter: Filter = { communityId }
  if (status === 'pending') filter.status = 'pending'
  if (status === 'approved') filter.approvedYear = year
  if (status === 'overdue') filter.approvedYear = db.command.lt(year)
  if (status === 'disputed') filter.unitDisputed = true
  if (status === 'unlinked') {
    filter.unitId = db.command.exists(false)
    // Retired and mobile members have no unit to link (records without a kind are in-service).
    filter.kind = db.command.nin(['retired', 'mobile'])
  }
  return pageOf(db, COL.svcMembers, filter, input, [['submittedAt', 'desc']], view)
}

/** A page of the members who named the unit as their employer, newest check-in first. */
export function listUnitMembers<V>(
  db: Database,
  unitId: string,
  input: PageInput,
  view: (m: MemberDoc) => V,
): Promise<Page<V>> {
  return pageOf(db, COL.svcMembers, { unitId }, input, [['submittedAt', 'desc']], view)
}

export const findMemberInTx = (tx: Transaction, id: string) => txGetOrNull<MemberDoc>(tx, COL.svcMembers, id)
export const putMemberInTx = (tx: Transaction, doc: MemberDoc) => txPut(tx, COL.svcMembers, doc)
