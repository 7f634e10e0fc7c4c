import type { WhistleRecordView } from '../../types/grid'
import type { CommitmentView } from '../../types/joint'
import type { ActivityView, AttendanceStatus, CheckinStatus, Grade, MemberKind, NeedStatus, Presence, Quantity } from '../../types/service'
import type { Database } from '../shared/cloud'
import { COL } from '../shared/collections'
import { txGetOrNull, type Transaction } from '../shared/db-types'
import { memberRecordId, personKey } from '../shared/pseudonym'
import type { Moderated } from '../shared/moderation'
import type { AssessmentRevision } from './domain/grades'
import { findById } from '../shared/store'
export { findById }

/**
 * Stored shapes of the service context. Instants are Date, durations whole minutes, quantities
 * integer tenths. Uniqueness is by deterministic _id: one check-in record per unit / member, one
 * attendance per member and activity, one ledger per member and period, one letter per unit and
 * quarter, one grade per subject and year.
 */

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
  unitSettlement?: { unitId: string; unitName: string; outcome: 'kept' | 'unlinked'; reason: string; by: string; byName: string; at: Date }
  /** Set when the secretary linked a member who had named an unlisted unit (单位未报到). */
  unitLinkedBy?: { typedName: string; by: string; byName: string; at: Date }
}

export interface NeedDoc {
  _id: string
  communityId: string
  streetId: string
  title: string
  detail?: string
  source: 'community' | 'resident' | 'grid' | 'council'
  quantity?: Quantity
  status: NeedStatus
  /** The 网格吹哨 event it was converted from (written by grid event.convert). */
  gridEventId?: string
  /** The project it is matched to: a need has one live match at a time. */
  projectId?: string
  createdBy: string
  createdAt: Date
}

/** An offer to take a need, `off:<need>:<owner>` (one per owner and need), in svc_need_offers. */
export interface NeedOfferDoc {
  _id: string
  needId: string
  needTitle: string
  communityId: string
  ownerType: 'unit' | 'member'
  ownerId: string
  ownerName: string
  resourceId?: string
  resourceTitle: string
  note?: string
  status: 'pending' | 'accepted' | 'declined'
  createdBy: string
  createdAt: Date
  decidedBy?: string
  decidedByName?: string
  decidedAt?: Date
  reason?: string
  projectId?: string
}

export interface ResourceDoc {
  _id: string
  communityId: string
  title: string
  detail?: string
  ownerType: 'unit' | 'member'
  ownerId: string
  ownerName: string
  createdBy: string
  createdAt: Date
}

export interface ProjectDoc {
  _id: string
  communityId: string
  title: string
  needId: string
  needTitle: string
  resourceId: string
  resourceTitle: string
  unitId?: string
  /** The resource's owner: a unit (`unitId` too) or a member record `m:<key>`; they post progress. */
  ownerType: 'unit' | 'member'
  ownerId: string
  ownerName: string
  /** The offer the project came from, when it came from one. */
  offerId?: string
  deadline: Date
  progress: number
  status: 'active' | 'done'
  lastNote?: string
  /** How many updates there are (the last one's `seq`); each is a ProjectUpdateDoc. */
  updateCount: number
  createdBy: string
  createdAt: Date
  doneAt?: Date
}

/** One progress update, `pu:<projectId>:<seq, 6 digits>` in svc_project_updates: a history is paged, never cut. */
export interface ProjectUpdateDoc {
  _id: string
  projectId: string
  communityId: string
  seq: number
  progress: number
  note: string
  by: string
  byName: string
  at: Date
}

export interface ActivityDoc {
  _id: string
  communityId: string
  streetId: string
  title: string
  kind: ActivityView['kind']
  place: { name: string; lat: number; lng: number }
  radiusM: number
  startAt: Date
  endAt: Date
  graceMin: number
  capacity: number
  signupCount: number
  createdBy: string
  createdByName: string
  createdAt: Date
}

export interface AttendanceDoc {
  _id: string
  activityId: string
  activityTitle: string
  communityId: string
  streetId: string
  openid: string
  memberId: string
  memberName: string
  unitId?: string
  unitName: string
  status: AttendanceStatus
  signedUpAt?: Date
  signedInAt?: Date
  inMethod?: 'qr' | 'location'
  inTokenSec?: number
  signedOutAt?: Date
  outMethod?: 'qr' | 'location'
  minutes: number
  /** Set by every location step to `pending`; the organiser confirms or rejects (activity.confirmPresence). */
  presence?: Presence
  presenceAt?: Date
  presenceBy?: string
  presenceByName?: string
  presenceReason?: string
  /** Periods of the activity (its start), for the ledger. */
  year: number
  quarter: string
  month: number
  confirmedAt?: Date
  confirmedBy?: string
  confirmedByName?: string
  manual?: { reason: string; minutes: number; enteredBy: string; enteredByName: string; approvedBy?: string; approvedByName?: string }
}

/** `hidden`/`moderation`: out of others' sight by reports or the content check (shared/moderation.ts). */
export interface WishDoc extends Moderated {
  _id: string
  communityId: string
  streetId: string
  householdId: string
  address: string
  /** The household is marked 重点关爱 (issue 15 §5): listed first for members; never why. Kept in step by care.ts. */
  care?: boolean
  residentOpenid?: string
  residentName: string
  postedBy: string
  title: string
  detail?: string
  dueAt: Date
  status: 'open' | 'claimed' | 'delivered' | 'confirmed'
  claimerOpenid?: string
  claimerName?: string
  claimedAt?: Date
  /** The claim's deadline (domain/wishes claimDueAt); past it undelivered, the timer returns the wish. */
  claimDueAt?: Date
  /** The number of the current (or last) claim, 1, 2, …: a message belongs to one claim. */
  claimNo?: number
  /** Claims that ended without delivery, newest last (bounded). */
  claimHistory?: { no: number; claimerOpenid: string; claimerName: string; claimedAt: Date; endedAt: Date; outcome: 'released' | 'lapsed'; reason?: string }[]
  deliveredAt?: Date
  deliveredNote?: string
  confirmedAt?: Date
  rating?: number
  thanks?: string
  createdAt: Date
}

/** A message between the resident's side and the claimer, `svc_wish_messages`, of one claim (`claimNo`). */
export interface WishMessageDoc {
  _id: string
  wishId: string
  communityId: string
  claimNo: number
  side: 'resident' | 'claimer'
  by: string
  byName: string
  text: string
  at: Date
}

export interface LedgerDoc {
  _id: string
  openid: string
  memberId: string
  name: string
  /** The member's kind when the ledger was last counted into (absent: in-service). */
  kind?: MemberKind
  unitId?: string
  unitName: string
  communityId: string
  /** "2026" or "2026Q4" */
  period: string
  minutes: number
  activities: number
  wishes: number
  /** Of `wishes`: those of households marked 重点关爱 when confirmed (issue 15 §5; absent on older ledgers). */
  careWishes?: number
  ratingSum: number
  ratingCount: number
  updatedAt: Date
}

/**
 * One version of a unit's quarterly letter, `fl:<unit>:<quarter>:v<n>`, written once. A re-issue writes
 * version n+1 and marks version n superseded (only the `superseded*` fields), so an acknowledged version
 * keeps its rows and acknowledgement. The latest number is kept in `counters` (`ids.letterLatest`).
 */
export interface LetterDoc {
  _id: string
  version: number
  unitId: string
  unitName: string
  communityId: string
  communityName: string
  quarter: string
  rows: { memberId: string; name: string; minutes: number; activities: number; wishes: number }[]
  totalMinutes: number
  note?: string
  issuedAt: Date
  issuedBy: string
  issuedByName: string
  acknowledgedAt?: Date
  acknowledgedBy?: string
  acknowledgedByName?: string
  supersededAt?: Date
  supersededBy?: string
  supersededByName?: string
  /** 网格吹哨 record of the quarter (cloudfunctions/grid/repo.ts whistleRecord), frozen with the letter. */
  whistles?: WhistleRecordView
  /** 联席会议 commitments of the unit in the quarter (cloudfunctions/shared/commitments.ts), as they stood at issue. */
  commitments?: CommitmentView[]
}

export interface AssessmentDoc {
  _id: string
  communityId: string
  subjectType: 'member' | 'unit'
  subjectId: string
  subjectName: string
  year: number
  grade: Grade
  reason: string
  by: string
  byName: string
  at: Date
  revisions: AssessmentRevision[]
}

export interface LetterLatestDoc { _id: string; latest: number; updatedAt: Date }

export interface StatsDoc {
  _id: string
  communityId: string
  year: number
  minutes: number
  minutesByMonth: number[]
}

export interface CommunityRef { _id: string; streetId: string; name: string }
/** Read its address through shared/address.ts `addressOf` (estates and buildings can be renamed). */
export interface HouseholdRef { _id: string; communityId: string; streetId: string; gridId: string; buildingId: string; room: string; address: string; estateName?: string; buildingName?: string }
/** `retired` (org place.retire): kept, but no new assignment. */
export interface GridRef { _id: string; communityId: string; name: string; retired?: boolean }
export interface BuildingRef { _id: string; communityId: string; gridId: string; name: string; estateId: string; retired?: boolean }

// ---- ids ----------------------------------------------------------------------------------------

/** Ids that others see carry a person's opaque key, never the openid (shared/pseudonym.ts). */
export const ids = {
  agreement: (unitId: string, year: number) => `agr:${unitId}:${year}`,
  member: memberRecordId,
  attendance: (activityId: string, openid: string) => `at:${activityId}:${personKey(openid)}`,
  ledger: (openid: string, period: string) => `led:${personKey(openid)}:${period}`,
  letter: (unitId: string, quarter: string, version: number) => `fl:${unitId}:${quarter}:v${version}`,
  /** In `counters`: `{ latest }`, the number of the unit's newest letter of the quarter. */
  letterLatest: (unitId: string, quarter: string) => `svc-letter:${unitId}:${quarter}`,
  assessment: (type: string, subjectId: string, year: number) => `as:${type}:${subjectId}:${year}`,
  stats: (communityId: string, year: number) => `st:${communityId}:${year}`,
  unitResource: (unitId: string, year: number, i: number) => `res:${unitId}:${year}:${i}`,
  projectUpdate: (projectId: string, seq: number) => `pu:${projectId}:${String(seq).padStart(6, '0')}`,
  offer: (needId: string, ownerId: string) => `off:${needId}:${ownerId}`,
  /** The project and, when the offer named no listed resource, the resource an accepted offer makes. */
  offerProject: (offerId: string) => `proj:${offerId}`,
  offerResource: (offerId: string) => `res:${offerId}`,
}

// ---- reads --------------------------------------------------------------------------------------


/** Up to `limit` (≤ 100) documents: bounded lists inside a view (agreement lists, letter rows). */
export async function firstN<T>(db: Database, collection: string, filter: Record<string, unknown>, order: [string, 'asc' | 'desc'], limit: number): Promise<T[]> {
  const { data } = await db.collection(collection).where(filter).orderBy(order[0], order[1]).limit(Math.min(limit, 100)).get()
  return data as T[]
}

export const load = {
  unit: (db: Database, id: string) => findById<UnitDoc>(db, COL.units, id),
  community: (db: Database, id: string) => findById<CommunityRef>(db, COL.communities, id),
  household: (db: Database, id: string) => findById<HouseholdRef>(db, COL.households, id),
  member: (db: Database, id: string) => findById<MemberDoc>(db, COL.svcMembers, id),
  need: (db: Database, id: string) => findById<NeedDoc>(db, COL.svcNeeds, id),
  resource: (db: Database, id: string) => findById<ResourceDoc>(db, COL.svcResources, id),
  project: (db: Database, id: string) => findById<ProjectDoc>(db, COL.svcProjects, id),
  activity: (db: Database, id: string) => findById<ActivityDoc>(db, COL.svcActivities, id),
  attendance: (db: Database, id: string) => findById<AttendanceDoc>(db, COL.svcAttendance, id),
  wish: (db: Database, id: string) => findById<WishDoc>(db, COL.svcWishes, id),
  letter: (db: Database, id: string) => findById<LetterDoc>(db, COL.svcLetters, id),

  /**
   * A community's ledgers of one year, longest service first, in pages of 100: at most `max` rows
   * (max / 100 requests; a community has far fewer members than the bound).
   */
  async yearLedgers(db: Database, communityId: string, year: number, max: number): Promise<LedgerDoc[]> {
    const page = 100
    const rows: LedgerDoc[] = []
    for (let skip = 0; skip < max; skip += page) {
      const { data } = await db.collection(COL.svcLedgers).where({ communityId, period: String(year) }).orderBy('minutes', 'desc').skip(skip).limit(page).get()
      rows.push(...(data as LedgerDoc[]))
      if (data.length < page) break
    }
    return rows
  },
  offer: (db: Database, id: string) => findById<NeedOfferDoc>(db, COL.svcNeedOffers, id),
}

// ---- writes inside a transaction ----------------------------------------------------------------

/** Set a whole document (without its _id field) inside a transaction. */
export async function txPut<T extends { _id: string }>(tx: Transaction, collection: string, doc: T): Promise<void> {
  const { _id, ...rest } = doc
  await tx.collection(collection).doc(_id).set({ data: stripUndefined(rest) })
}

export function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}

export interface LedgerDelta {
  minutes?: number
  activities?: number
  wishes?: number
  careWishes?: number
  ratingSum?: number
  ratingCount?: number
}

/**
 * Add to a member's ledgers for the year and the quarter (read-modify-write in the transaction, so
 * two confirmations at once cannot lose an update).
 */
export async function bumpLedgers(
  tx: Transaction,
  who: { openid: string; memberId: string; name: string; kind?: MemberKind; unitId?: string; unitName: string; communityId: string },
  periods: string[],
  delta: LedgerDelta,
  now: Date,
): Promise<void> {
  for (const period of periods) {
    const _id = ids.ledger(who.openid, period)
    const cur = await txGetOrNull<LedgerDoc>(tx, COL.svcLedgers, _id)
    const base: LedgerDoc = cur ?? { _id, ...who, period, minutes: 0, activities: 0, wishes: 0, ratingSum: 0, ratingCount: 0, updatedAt: now }
    await txPut(tx, COL.svcLedgers, {
      ...base,
      _id,
      name: who.name,
      kind: who.kind,
      unitId: who.unitId,
      unitName: who.unitName,
      minutes: base.minutes + (delta.minutes ?? 0),
      activities: base.activities + (delta.activities ?? 0),
      wishes: base.wishes + (delta.wishes ?? 0),
      careWishes: (base.careWishes ?? 0) + (delta.careWishes ?? 0),
      ratingSum: base.ratingSum + (delta.ratingSum ?? 0),
      ratingCount: base.ratingCount + (delta.ratingCount ?? 0),
      updatedAt: now,
    })
  }
}

/** The community's yearly minutes counter (dashboard), with one bucket per month. */
export async function bumpStats(tx: Transaction, communityId: string, year: number, month: number, minutes: number): Promise<void> {
  const _id = ids.stats(communityId, year)
  const cur = await txGetOrNull<StatsDoc>(tx, COL.svcStats, _id)
  const base: StatsDoc = cur ?? { _id, communityId, year, minutes: 0, minutesByMonth: Array(12).fill(0) }
  const byMonth = [...base.minutesByMonth]
  byMonth[month - 1] = (byMonth[month - 1] ?? 0) + minutes
  await txPut(tx, COL.svcStats, { ...base, _id, minutes: base.minutes + minutes, minutesByMonth: byMonth })
}
