import type {
  AttendeeKind,
  MeetingStatus,
  OptionKind,
  ParticipantKind,
  PartyType,
  ResolutionStatus,
  ResponsibleKind,
  Rule,
  Tier,
  TopicStatus,
} from '../../../types/council'
import type { CouncilNoticeKind } from '../../../types/notices'
import type { Moderated } from '../../shared/moderation'
import type { TurnoutSnapshot } from '../domain/disclosure'
import type { TallyResult } from '../domain/tally'

/** Stored shapes of the council context. Instants are Date; areas are integer dm². */

/** `hidden`/`moderation`/`hiddenPhotos`: out of others' sight by reports or the content check (shared/moderation.ts). */
export interface TopicDoc extends Moderated {
  _id: string
  communityId: string
  streetId: string
  estateId?: string
  estateName?: string
  title: string
  body: string
  photos: string[]
  authorOpenid: string
  authorName: string
  status: TopicStatus
  tier?: Tier
  seconds: number
  /** Set once seconding or voting has begun. */
  locked: boolean
  mergedInto?: string
  declineReason?: string
  /** The latest vote on it; the grid event it came from (grid event.convert). */
  voteId?: string
  gridEventId?: string
  /** The vote lock: a vote not yet counted (no second one meanwhile), and the latest counted one. */
  openVoteId?: string
  lastClosedVoteId?: string
  urgent?: { decision: string; decidedAt: Date; ratifyBy: Date; publicBy: Date; ratifiedAt?: Date; ratifyNote?: string }
  triagedAt?: Date
  triagedBy?: string
  createdAt: Date
  updatedAt: Date
}

export interface SecondDoc {
  _id: string
  topicId: string
  openid: string
  at: Date
}

/** `openVoteId`/`lastClosedVoteId`: the item's vote lock, written in the transactions of vote.open and the close. */
export interface AgendaItem {
  itemId: string
  order: number
  title: string
  topicIds: string[]
  openVoteId?: string
  lastClosedVoteId?: string
}
/**
 * A participant: a named body, or a picked party (`ref`) invited under `key` (shared/parties.ts) and, for
 * a person, the openid the invitation notice goes to. `key` and `openid` are never shown.
 */
export interface ParticipantDoc {
  kind: ParticipantKind
  name: string
  ref?: { type: PartyType; id: string }
  key?: string
  openid?: string
}
export interface MeetingDoc {
  _id: string
  communityId: string
  streetId: string
  title: string
  startsAt: Date
  place: string
  online: boolean
  link?: string
  agenda: AgendaItem[]
  participants: ParticipantDoc[]
  /** The invited parties' keys: home, the invitations list and check-in ask by them. */
  inviteKeys?: string[]
  /** Keys already told of the meeting (publish tells all; a later edit tells only the newly invited). */
  noticedKeys?: string[]
  status: MeetingStatus
  attendeeCount: number
  minutes?: string
  createdBy: string
  createdAt: Date
  updatedAt: Date
  publishedAt?: Date
  startedAt?: Date
  endedAt?: Date
  /** Bumped by every edit of the agenda, title, time, place or invitations (absent: 0). */
  rev?: number
}
/** Kind from the person's roles, name from their profile, `org` the unit of a liaison. */
export interface AttendanceDoc {
  _id: string
  meetingId: string
  openid: string
  name: string
  kind: AttendeeKind
  org?: string
  at: Date
  inviteKey?: string
}

export interface VoteOption {
  key: string
  label: string
  kind: OptionKind
}
export type StoredResult = TallyResult & { computedAt: Date; counterHouseholds: number }
export interface VoteDoc {
  _id: string
  communityId: string
  streetId: string
  meetingId?: string
  itemId?: string
  topicId?: string
  topicIds: string[]
  title: string
  description?: string
  options: VoteOption[]
  scope: { estateIds: string[]; buildingIds: string[]; label: string }
  opensAt: Date
  closesAt: Date
  rule: Rule
  eligibleHouseholds: number
  eligibleAreaDm2: number
  /** Live turnout, refreshed from the ballot boxes at most once per window (domain/disclosure.ts). */
  turnout: TurnoutSnapshot
  /** A re-vote: its public reason and the earlier vote with its (final) result. */
  revote?: { reason: string; previousVoteId: string; previousTitle: string; previousResult: StoredResult }
  supersededBy?: string
  /** The exact sums stay here; views show what domain/disclosure.ts allows. */
  result?: StoredResult
  sealedAt?: Date
  closedAt?: Date
  closedBy?: string
  remindedAt?: Date
  createdBy: string
  createdAt: Date
}
/**
 * One per household per vote (`ballot:<voteId>:<householdId>`). Holds no person: the household, its
 * area and `owner`, an opaque token of the member who cast it (shared/owner-token.ts).
 */
export interface BallotDoc {
  _id: string
  voteId: string
  householdId: string
  owner: string
  choice: string
  floorAreaDm2: number
  castAt: Date
  updatedAt: Date
  changes: number
}
/**
 * One of BALLOT_BOXES counters per vote (`box:<voteId>:<i>`). Every ballot transaction writes its
 * household's box; the close seals all of them in one transaction first, so a ballot either commits
 * before the seal (and is counted) or conflicts with it (and is refused).
 */
export interface BoxDoc {
  _id: string
  voteId: string
  households: number
  areaDm2: number
  writes: number
  sealed: boolean
  sealedAt?: Date
}

/** One progress entry of a resolution (`progress:<resolutionId>:<seq>`): every entry is kept and paged. */
export interface ProgressDoc {
  _id: string
  resolutionId: string
  seq: number
  at: Date
  note: string
  byName: string
  byParty?: string
  status: ResolutionStatus
  photos?: string[]
}
export type ProgressEntry = Omit<ProgressDoc, '_id' | 'resolutionId'>
export interface ResolutionDoc {
  _id: string
  communityId: string
  streetId: string
  meetingId: string
  meetingTitle: string
  itemId: string
  itemTitle: string
  voteId?: string
  decision: string
  responsibleKind: ResponsibleKind
  responsibleName: string
  /** The linked party and its key (shared/parties.ts): its people see the resolution in their inbox and post progress. */
  responsibleId?: string
  responsibleKey?: string
  /** The last instant of the deadline day (Beijing); `deadlineDate` that day as picked. */
  deadline: Date
  deadlineDate?: string
  status: ResolutionStatus
  /** Entries live in council_progress; the count numbers the next one and the latest is shown in lists. */
  progressCount: number
  latestProgress?: ProgressEntry
  ratingCount: number
  ratingSum: number
  createdBy: string
  createdAt: Date
  doneAt?: Date
}
/**
 * The household's rating; `owner` is the token of the member who gave it (only they may change it).
 * `publicId` is how its comment is shown and reported (the `_id` names the household).
 */
export interface RatingDoc extends Moderated {
  _id: string
  publicId?: string
  resolutionId: string
  householdId: string
  owner: string
  stars: number
  comment?: string
  at: Date
  createdAt: Date
  edits: number
}
/** An earlier version of a rating, kept when its giver changes it. */
export interface RatingRevisionDoc {
  _id: string
  ratingId: string
  resolutionId: string
  stars: number
  comment?: string
  at: Date
  supersededAt: Date
}
/** `kinds`: the notices the person consented to (WeChat asks per template). */
export interface SubscriptionDoc {
  _id: string
  communityId: string
  openid: string
  on: boolean
  kinds: CouncilNoticeKind[]
  at: Date
}
/** The rest of a notice to more subscribers than one action sends (notices.ts); the timer sends it. */
export interface NoticeJobDoc {
  _id: string
  communityId: string
  kind: CouncilNoticeKind
  page: string
  data: Record<string, { value: string }>
  /** Subscribers up to this _id have been sent to. */
  after: string
  status: 'pending' | 'done'
  createdAt: Date
  doneAt?: Date
}

/** Org documents this context reads (owned by `org`). */
export interface CommunityRef {
  _id: string
  streetId: string
  name: string
}
/** `retired` (org place.retire): no new vote over it. */
export interface EstateRef {
  _id: string
  communityId: string
  name: string
  retired?: boolean
}
export interface BuildingRef {
  _id: string
  estateId: string
  communityId: string
  name: string
  retired?: boolean
}
/** The community's `areaVersion` moves with every area correction (org household.setArea) and every opening of a vote counting area. */
export interface CommunityAreaRef {
  _id: string
  areaVersion?: number
}
/** A person's record (owned by `org`) as far as the council reads it: who holds a grant on what. */
export interface UserGrantsRef {
  _id: string
  roles: { role: string; scopeId: string }[]
}
export interface HouseholdRef {
  _id: string
  buildingId: string
  estateId: string
  communityId: string
  floorAreaDm2: number
  address: string
  createdAt?: Date
}
