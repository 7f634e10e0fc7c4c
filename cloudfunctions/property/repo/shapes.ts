import type {
  PartyOrgKind,
  AssessmentDirection,
  CompanyInputs,
  ListEntry,
  ObjectionEffect,
  ObjectionStatus,
  PeriodStatus,
  RatingStatus,
  RectStatus,
  Stars,
  Cadence,
  Dimension,
} from '../../../types/property'
import type { Moderated } from '../../shared/moderation'
import type { Rule } from '../domain/scoring'
import type { ServedEstate } from '../domain/serving'

/** Stored shapes of the property context. Instants are Date; stars are integers. */
export interface RuleDoc {
  _id: string
  streetId: string
  version: number
  rule: Rule
  createdAt: Date
  createdBy: string
  createdByName: string
}
export interface PeriodDoc {
  _id: string
  streetId: string
  key: string
  label: string
  cadence: Cadence
  status: PeriodStatus
  /** The Shanghai calendar bounds (start inclusive, end exclusive): periods are ordered and compared by these. */
  start: Date
  end: Date
  /** The street's next period, set in the transaction that opens it: from then on this period's list is final. */
  nextPeriodId?: string
  openedAt: Date
  openedBy: string
  closedAt?: Date
  closedBy?: string
  objectionUntil?: Date
  publishedVersion?: number
  /** Runs on the timer (the rule said so when it opened): it closes at its end and the next period opens. */
  auto?: boolean
  /**
   * Moves (by one) in the transaction of every write that changes what the period's list is computed
   * from: ratings, reviews, confirmations, assessments, exclusions. Publishing compares it with the
   * value read before the inputs were gathered (absent = 0).
   */
  inputVersion?: number
}
/** `hidden`/`moderation`/`hiddenPhotos` concern its comment and photos only: its stars count as ever. */
export interface RatingDoc extends Moderated {
  /** Deterministic (period, company, household): one rating per household. Never shown: it names the household. */
  _id: string
  /** The id views and actions use: random, so it says nothing about the household. */
  publicId: string
  periodId: string
  streetId: string
  companyId: string
  companyName: string
  estateId: string
  estateName: string
  communityId: string
  householdId: string
  address: string
  /** Private: never in a view for company staff. */
  raterOpenid: string
  verifiedAt?: Date
  stars: Stars
  comment?: string
  hasComment: boolean
  photos: string[]
  status: RatingStatus
  low: boolean
  lowDims: Dimension[]
  rectificationId?: string
  answer?: string
  answeredAt?: Date
  answeredBy?: string
  answeredByName?: string
  reviewedBy?: string
  reviewedAt?: Date
  reviewReason?: string
  /** Set when an upheld objection excluded it (status `excluded`): kept, out of the list. */
  exclusion?: { reason: string; objectionId: string; by: string; byName: string; at: Date }
  edits: number
  createdAt: Date
  updatedAt: Date
}
export interface AggregateDoc {
  _id: string
  periodId: string
  streetId: string
  companyId: string
  sums: Record<Dimension, number>
  households: number
  held: number
  newHouseholds: number
  rectTotal: number
  rectResolved: number
}
export interface RectEvent {
  kind: 'opened' | 'answered' | 'progress' | 'reported' | 'confirmed' | 'not_fixed'
  text?: string
  byName: string
  at: Date
}
export interface RectificationDoc {
  _id: string
  ratingId: string
  periodId: string
  /** The start of the item's period: earlier periods' items are selected by it. */
  periodStart: Date
  streetId: string
  companyId: string
  companyName: string
  estateName: string
  householdId: string
  lowDims: Dimension[]
  comment: string
  status: RectStatus
  answerDueAt: Date
  dueAt: Date
  reopenCount: number
  events: RectEvent[]
  createdAt: Date
  updatedAt: Date
  /** Its rating was excluded by an upheld objection: the item stays, but counts in no list. */
  excluded?: boolean
  /** The rating's comment (copied here) is held or removed: shown as the placeholder to the company. */
  hidden?: boolean
  moderation?: Moderated['moderation']
}
export interface AssessmentDoc {
  _id: string
  periodId: string
  streetId: string
  communityId: string
  communityName: string
  companyId: string
  companyName: string
  direction: AssessmentDirection
  score: number
  comment?: string
  by: string
  byName: string
  at: Date
  revisions: number
}
export interface ObjectionDoc {
  /** `obj_<period·company digest>_<n>`: the company's n-th objection of the period (see objectionId). */
  _id: string
  periodId: string
  streetId: string
  companyId: string
  companyName: string
  text: string
  status: ObjectionStatus
  by: string
  byName: string
  createdAt: Date
  decision?: string
  decidedBy?: string
  decidedByName?: string
  decidedAt?: Date
  /** What the upheld objection did; the ratings (public ids) it excluded. */
  effect?: ObjectionEffect
  excludedRatingIds?: string[]
}
/** An upheld objection frozen with a publication, shown with the company's placement. */
export interface EffectDoc {
  objectionId: string
  companyId: string
  kind: ObjectionEffect
  text: string
  excluded: number
  decidedAt: Date
}
export interface PublicationDoc {
  _id: string
  streetId: string
  periodId: string
  periodKey: string
  periodLabel: string
  /** The period's bounds: the street's current list is the live publication with the latest start. */
  periodStart: Date
  periodEnd: Date
  version: number
  ruleVersion: number
  rule: Rule
  inputs: CompanyInputs[]
  streetMean: number
  entries: ListEntry[]
  /** The period's upheld objections at publication (absent on publications made before they had effects). */
  effects?: EffectDoc[]
  /** The inputs were gathered at this instant (the cutoff for overdue rectification). */
  cutoff: Date
  publishedAt: Date
  publishedBy: string
  publishedByName: string
  /** False once a newer version of the same period replaced it. */
  live: boolean
  supersededAt?: Date
}
export interface SummonsDoc {
  _id: string
  streetId: string
  publicationId: string
  periodId: string
  periodLabel: string
  companyId: string
  companyName: string
  date: string
  attendees: string
  problems: string
  commitments: string
  followUpDate: string
  followUps: { text: string; by: string; byName: string; at: Date }[]
  by: string
  byName: string
  createdAt: Date
}
/**
 * 红色物业: a company's Party organisation, `po:<companyId>`. Each declaration replaces the fields and
 * moves `version` (the one before goes to property_revisions); verification names the version it
 * checked. Only a verified latest declaration counts in a list.
 */
export interface PartyOrgDoc {
  _id: string
  streetId: string
  companyId: string
  companyName: string
  kind: PartyOrgKind
  branchName?: string
  staffMembers: number
  onSiteMembers: number
  committeeMembers: { name: string; body: 'wuguanhui' | 'yeweihui'; estateName?: string }[]
  instructorName?: string
  version: number
  verified: boolean
  declaredAt: Date
  declaredBy: string
  declaredByName: string
  verifiedAt?: Date
  verifiedBy?: string
  verifiedByName?: string
}
export const partyOrgId = (companyId: string) => `po:${companyId}`

/** A superseded version of a rating, answer, assessment or 红色物业 declaration, kept with who and when. */
export interface RevisionDoc {
  _id: string
  kind: 'rating' | 'answer' | 'assessment' | 'party_org'
  targetId: string
  snapshot: unknown
  supersededBy: string
  at: Date
}

/** Org shapes this context reads (owned by org). */
export interface CompanyDoc {
  _id: string
  streetId: string
  name: string
}
/** `formerCompany`: a company that stopped serving it keeps the ratings of the period it stopped in (domain/serving.ts). */
export interface EstateDoc extends ServedEstate {
  _id: string
  communityId: string
  streetId: string
  name: string
}
export interface HouseholdDoc {
  _id: string
  estateId: string
  communityId: string
  streetId: string
  room: string
  address: string
  estateName?: string
  buildingName?: string
}
export interface CommunityDoc {
  _id: string
  streetId: string
  name: string
}
export interface BindingDoc {
  _id: string
  householdId: string
  status: string
  decidedAt?: Date
}
