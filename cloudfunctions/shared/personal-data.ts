import { COL, type CollectionName } from './collections'
import { memberRecordId } from './pseudonym'

/**
 * THE registry of where 同心圆 keeps a person (SPEC §7, PIPL): for each collection, the fields that
 * hold someone's openid, the key derived from it, a copied name or phone, or an owner token, and the
 * queries that find a person's own records. 我的数据 reads a person's records through it; leaving
 * (注销, issue 12 §4) anonymises by it. Every collection in database/collections.json is either here
 * or in NO_PERSONAL_DATA (tests/unit/shared/personal-data.test.ts), and every field that held a demo
 * person after the module journeys is listed (tests/integration/personal-data.ts).
 */

/** What a field holds. */
export type Holds =
  /** The person's WeChat OPENID: the identity itself. */
  | 'openid'
  /** `personKey(openid)` (shared/pseudonym.ts), alone or inside an id such as `m:<key>`. */
  | 'personKey'
  /** A name copied from the profile (or typed for someone) when the record was written. */
  | 'name'
  /** A whole phone number. */
  | 'phone'
  /** HMAC of the openid keyed by the record (shared/owner-token.ts): names nobody without the server's secret. */
  | 'ownerToken'
  /** Free-form content (an audit entry's before/after, a stored result): may hold any of the above. */
  | 'any'

export interface PersonField {
  /** Dotted path; `[]` marks array elements (`followUps[].by`); `_id` when the id embeds the person. */
  path: string
  holds: Holds
  /**
   * `subject`: the record is the person's own — they wrote, asked, gave or received it (a topic, a
   * rating, a check-in). `actor`: they acted on somebody else's record as staff (decided, confirmed).
   */
  as: 'subject' | 'actor'
  /** The index that finds a person's records by this field (first key), where 我的数据 reads by it. */
  index?: string
  /** For an `_id` or a compound value: how the person appears in it (alternatives separated by ` | `). */
  pattern?: string
}

export interface PersonalCollection {
  fields: PersonField[]
  note?: string
}

const f = (path: string, holds: Holds, as: PersonField['as'], extra: Partial<PersonField> = {}): PersonField => ({
  path,
  holds,
  as,
  ...extra,
})
/** A staff member's openid and the name copied beside it (`decidedBy` + `decidedByName`). */
const actorPair = (openidPath: string, namePath?: string): PersonField[] =>
  namePath ? [f(openidPath, 'openid', 'actor'), f(namePath, 'name', 'actor')] : [f(openidPath, 'openid', 'actor')]

export const PERSONAL_DATA: Partial<Record<CollectionName, PersonalCollection>> = {
  // ---- org
  [COL.users]: {
    fields: [
      f('_id', 'openid', 'subject', { pattern: '<openid>' }),
      f('name', 'name', 'subject'),
      f('phone', 'phone', 'subject'),
    ],
    note: 'The person record (profile and role grants). Read by _id.',
  },
  [COL.companies]: { fields: actorPair('createdBy') },
  [COL.units]: {
    fields: [
      f('contactName', 'name', 'subject'),
      f('contactPhone', 'phone', 'subject'),
      f('checkin.submittedBy', 'openid', 'subject'),
      ...actorPair('checkin.decidedBy', 'checkin.decidedByName'),
      f('history[].submittedBy', 'openid', 'subject'),
      ...actorPair('history[].decidedBy', 'history[].decidedByName'),
    ],
    note: "The unit's contact (entered by the liaison with the check-in) and who submitted and decided each yearly check-in.",
  },
  [COL.bindings]: {
    fields: [
      f('openid', 'openid', 'subject', { index: 'openid_created' }),
      f('applicantName', 'name', 'subject'),
      f('applicantPhone', 'phone', 'subject'),
      ...actorPair('decidedBy', 'decidedByName'),
      ...actorPair('endedBy', 'endedByName'),
    ],
  },
  [COL.moderationCases]: {
    fields: [...actorPair('decidedBy', 'decidedByName'), f('content', 'any', 'subject')],
    note: 'A reported or held item: a copy of its content for the reviewer, the reviewer; reporters only as hashed voices.',
  },
  [COL.moderationReports]: {
    fields: [
      f('_id', 'personKey', 'subject', { pattern: '<caseId>:by:<personKey>' }),
      f('reporter', 'personKey', 'subject', { pattern: '<personKey>' }),
    ],
    note: 'One report per person and item (its reason), by the reporter’s key.',
  },
  [COL.roleHistory]: {
    fields: [f('openid', 'openid', 'subject', { index: 'openid_ended' }), ...actorPair('endedBy', 'endedByName')],
    note: 'Every ended grant: whose it was, who ended it and why (shown on 我的 and to the level above).',
  },
  [COL.orgRevisions]: {
    fields: actorPair('by', 'byName'),
    note: 'Earlier versions of the register, with who corrected them.',
  },
  [COL.householdCodes]: { fields: [...actorPair('createdBy'), f('usedBy', 'openid', 'subject')] },
  [COL.invitations]: {
    fields: [...actorPair('createdBy'), f('usedBy', 'openid', 'subject'), f('usedByName', 'name', 'subject')],
  },
  [COL.liaisonApplications]: {
    fields: [
      f('openid', 'openid', 'subject', { index: 'openid_created' }),
      f('applicantName', 'name', 'subject'),
      f('applicantPhone', 'phone', 'subject'),
      ...actorPair('decidedBy'),
    ],
  },
  [COL.requests]: {
    fields: [
      f('_id', 'openid', 'subject', { pattern: '<fn>:<action>:<openid>:<requestId>' }),
      f('result', 'any', 'subject'),
    ],
    note: 'Idempotency marks: the id names the caller; the stored result is what the action answered them.',
  },
  [COL.audit]: {
    fields: [
      f('actor', 'openid', 'subject'),
      f('actorKey', 'personKey', 'subject', { pattern: '<personKey>' }),
      f('target', 'any', 'subject', {
        pattern: 'users/<openid> (personRecordTarget), and other ids that embed an openid or a person key',
      }),
      f('before', 'any', 'actor'),
      f('after', 'any', 'actor'),
    ],
    note: 'Append-only. Ballots are audited under an anonymous label with the day only; a person record under users/<openid>.',
  },
  [COL.outbox]: {
    fields: [f('toOpenid', 'openid', 'subject'), f('data', 'any', 'subject')],
    note: 'Local runtime only: the subscription messages that would have been sent.',
  },
  [COL.photos]: {
    fields: [f('owner', 'openid', 'subject', { index: 'owner_at' })],
    note: 'The upload register; the file itself is in storage under a random name (fileId).',
  },

  // ---- service (双报到、双服务)
  [COL.svcAgreements]: {
    fields: [...actorPair('approvedBy', 'approvedByName'), ...actorPair('unitSignedBy', 'unitSignedByName')],
  },
  [COL.svcMembers]: {
    fields: [
      f('_id', 'personKey', 'subject', { pattern: 'm:<personKey>' }),
      f('openid', 'openid', 'subject'),
      f('name', 'name', 'subject'),
      ...actorPair('decidedBy', 'decidedByName'),
      ...actorPair('unitDispute.by', 'unitDispute.byName'),
    ],
    note: "A member's yearly check-in, one per person (memberRecordId). Also holds the home address they named, their kind (在职/退休/流动) and a mobile member's origin Party organisation (originOrg).",
  },
  [COL.svcNeeds]: { fields: actorPair('createdBy') },
  [COL.svcResources]: {
    fields: [
      f('_id', 'personKey', 'subject', { pattern: "res:off:<needId>:m:<personKey> when made from a member's offer" }),
      ...actorPair('createdBy'),
      f('ownerId', 'personKey', 'subject', { pattern: 'm:<personKey> when ownerType is member' }),
      f('ownerName', 'name', 'subject'),
    ],
  },
  [COL.svcProjects]: {
    fields: [
      f('_id', 'personKey', 'subject', { pattern: "proj:off:<needId>:m:<personKey> when made from a member's offer" }),
      ...actorPair('createdBy'),
      f('ownerId', 'personKey', 'subject', { pattern: 'm:<personKey> when ownerType is member' }),
      f('ownerName', 'name', 'subject'),
    ],
    note: 'The owner is a unit or a member, linked from a confirmed offer; older projects carry a typed ownerName.',
  },
  [COL.svcProjectUpdates]: {
    fields: [
      f('_id', 'personKey', 'subject', { pattern: 'pu:<projectId>:<seq>, where the project id embeds a member key' }),
      ...actorPair('by', 'byName'),
    ],
    note: 'An update is filed under its project: it moves with a project whose id embeds a member key.',
  },
  [COL.svcActivities]: { fields: actorPair('createdBy', 'createdByName') },
  [COL.svcAttendance]: {
    fields: [
      f('_id', 'personKey', 'subject', { pattern: 'at:<activityId>:<personKey>' }),
      f('openid', 'openid', 'subject', { index: 'openid_year_month' }),
      f('memberId', 'personKey', 'subject'),
      f('memberName', 'name', 'subject'),
      ...actorPair('presenceBy', 'presenceByName'),
      ...actorPair('confirmedBy', 'confirmedByName'),
      ...actorPair('manual.enteredBy', 'manual.enteredByName'),
      ...actorPair('manual.approvedBy', 'manual.approvedByName'),
    ],
  },
  [COL.svcCare]: {
    fields: [
      f('consentBy', 'name', 'subject'),
      ...actorPair('recordedBy', 'recordedByName'),
      ...actorPair('revokedBy', 'revokedByName'),
    ],
    note: "重点关爱 (issue 15 §5): keyed by household, not person; the reason (kinds, note) is the household's and is shown only to it and the secretary. consentBy is the name of the household member who consented.",
  },
  [COL.svcWishes]: {
    fields: [
      f('residentOpenid', 'openid', 'subject'),
      f('residentName', 'name', 'subject'),
      f('postedBy', 'openid', 'subject', { index: 'posted_by_created' }),
      f('claimerOpenid', 'openid', 'subject', { index: 'claimer' }),
      f('claimerName', 'name', 'subject'),
    ],
    note: 'postedBy is whoever posted (the resident, or a secretary on their behalf, then residentOpenid is absent).',
  },
  [COL.svcLedgers]: {
    fields: [
      f('_id', 'personKey', 'subject', { pattern: 'led:<personKey>:<period>' }),
      f('openid', 'openid', 'subject', { index: 'openid_period' }),
      f('memberId', 'personKey', 'subject'),
      f('name', 'name', 'subject'),
    ],
  },
  [COL.svcLetters]: {
    fields: [
      f('rows[].memberId', 'personKey', 'subject'),
      f('rows[].name', 'name', 'subject'),
      ...actorPair('issuedBy', 'issuedByName'),
      ...actorPair('acknowledgedBy', 'acknowledgedByName'),
      ...actorPair('supersededBy', 'supersededByName'),
      f('whistles.items[].answeredByName', 'name', 'actor'),
      f('commitments[].memberName', 'name', 'subject'),
      f('commitments[].progress[].byName', 'name', 'actor'),
    ],
    note: "A letter freezes its rows (members' names), the unit's whistle record (who answered) and its 联席会议 commitments (who took them on, who reported) as issued.",
  },
  [COL.svcNeedOffers]: {
    fields: [
      f('_id', 'personKey', 'subject', { pattern: 'off:<needId>:m:<personKey> when ownerType is member' }),
      f('ownerId', 'personKey', 'subject', { pattern: 'm:<personKey> when ownerType is member' }),
      f('ownerName', 'name', 'subject'),
      f('createdBy', 'openid', 'subject'),
      ...actorPair('decidedBy', 'decidedByName'),
    ],
    note: 'An offer to take a need: by a unit (its liaison) or a member, confirmed or declined by the secretary.',
  },
  [COL.svcWishMessages]: {
    fields: [f('by', 'openid', 'subject'), f('byName', 'name', 'subject')],
    note: 'Messages between a wish’s resident and its claimer.',
  },
  [COL.svcAssessments]: {
    fields: [
      f('_id', 'personKey', 'subject', { pattern: 'as:member:m:<personKey>:<year>' }),
      f('subjectId', 'personKey', 'subject', {
        index: 'subject_year',
        pattern: 'm:<personKey> when subjectType is member',
      }),
      f('subjectName', 'name', 'subject'),
      ...actorPair('by', 'byName'),
      ...actorPair('revisions[].by', 'revisions[].byName'),
    ],
  },

  // ---- council (红色议事会)
  [COL.councilTopics]: {
    fields: [
      f('authorOpenid', 'openid', 'subject', { index: 'author_created' }),
      f('authorName', 'name', 'subject'),
      ...actorPair('triagedBy'),
    ],
  },
  [COL.councilSeconds]: {
    fields: [
      f('_id', 'openid', 'subject', { pattern: 'second:<topicId>:<openid>' }),
      f('openid', 'openid', 'subject', { index: 'openid_at' }),
    ],
  },
  [COL.councilMeetings]: {
    fields: [
      ...actorPair('createdBy'),
      f('participants[].name', 'name', 'subject'),
      f('minutes', 'any', 'actor'),
      f('inviteKeys[]', 'personKey', 'subject', {
        pattern: 'person:<personKey> | member:m:<personKey> when a person is invited',
      }),
      f('noticedKeys[]', 'personKey', 'subject', {
        pattern: 'person:<personKey> | member:m:<personKey> when a person was told',
      }),
      f('participants[].ref.id', 'personKey', 'subject', {
        pattern: 'gs:<gridId>:<personKey>:<post> when a grid worker is invited',
      }),
    ],
    note: 'Participants and minutes are typed by the secretary and may name people; a picked grid worker is invited by their post and person key.',
  },
  [COL.councilAttendance]: {
    fields: [
      f('_id', 'openid', 'subject', { pattern: 'att:<meetingId>:<openid>' }),
      f('openid', 'openid', 'subject', { index: 'openid_at' }),
      f('name', 'name', 'subject'),
    ],
  },
  [COL.councilVotes]: { fields: [...actorPair('createdBy'), ...actorPair('closedBy')] },
  [COL.councilBallots]: {
    fields: [f('owner', 'ownerToken', 'subject', { pattern: 'ownerToken(voteId, openid)' })],
    note: "The household's ballot: no identity, only the token of whoever cast it (secrecy; docs/council.md).",
  },
  [COL.councilResolutions]: {
    fields: [
      ...actorPair('createdBy'),
      f('latestProgress.byName', 'name', 'actor'),
      f('responsibleId', 'personKey', 'subject', { pattern: 'm:<personKey> when the responsible is a member' }),
      f('responsibleKey', 'personKey', 'subject', { pattern: 'member:m:<personKey> when the responsible is a member' }),
      f('responsibleName', 'name', 'subject'),
    ],
    note: 'The responsible party may be a member: their 报到 record, its party key and their name.',
  },
  [COL.councilRatings]: {
    fields: [f('owner', 'ownerToken', 'subject', { pattern: 'ownerToken(resolutionId, openid)' })],
    note: "The household's rating of a resolution: only the token of whoever gave it. Found through the household (index household_at).",
  },
  [COL.councilProgress]: { fields: [f('byName', 'name', 'actor')] },
  [COL.councilNoticeJobs]: {
    fields: [f('after', 'openid', 'actor', { pattern: 'sub:<communityId>:<openid>, the last subscriber sent to' })],
    note: 'A notice still to send to a community; its cursor is a subscription id.',
  },
  [COL.councilSubscriptions]: {
    fields: [
      f('_id', 'openid', 'subject', { pattern: 'sub:<communityId>:<openid>' }),
      f('openid', 'openid', 'subject', { index: 'openid' }),
    ],
  },

  // ---- 大党委 and 联席会议 (org)
  [COL.committeeMembers]: {
    fields: [f('name', 'name', 'subject'), ...actorPair('appointedBy', 'appointedByName'), ...actorPair('endedBy')],
    note: 'A 兼职委员 is a name typed by the secretary, linked to no account.',
  },
  [COL.jointMeetings]: {
    fields: [...actorPair('convenedBy', 'convenedByName'), f('invited[].name', 'name', 'subject')],
  },
  [COL.jointCommitments]: {
    fields: [
      f('memberName', 'name', 'subject'),
      ...actorPair('claimedBy'),
      ...actorPair('progress[].by', 'progress[].byName'),
    ],
  },

  // ---- property (物业红黑榜)
  [COL.propertyRules]: { fields: actorPair('createdBy', 'createdByName') },
  [COL.propertyPeriods]: { fields: [...actorPair('openedBy'), ...actorPair('closedBy')] },
  [COL.propertyRatings]: {
    fields: [
      f('raterOpenid', 'openid', 'subject', { index: 'rater_created' }),
      ...actorPair('answeredBy', 'answeredByName'),
      ...actorPair('reviewedBy'),
      ...actorPair('exclusion.by', 'exclusion.byName'),
    ],
    note: 'raterOpenid is never in a view for anyone but the rater.',
  },
  [COL.propertyRectifications]: { fields: [f('events[].byName', 'name', 'actor')] },
  [COL.propertyAssessments]: { fields: actorPair('by', 'byName') },
  [COL.propertyObjections]: { fields: [...actorPair('by', 'byName'), ...actorPair('decidedBy', 'decidedByName')] },
  [COL.propertyPublications]: { fields: actorPair('publishedBy', 'publishedByName') },
  [COL.propertySummons]: {
    fields: [...actorPair('by', 'byName'), ...actorPair('followUps[].by', 'followUps[].byName')],
  },
  [COL.propertyPartyOrgs]: {
    fields: [
      ...actorPair('declaredBy', 'declaredByName'),
      ...actorPair('verifiedBy', 'verifiedByName'),
      f('instructorName', 'name', 'subject'),
      f('committeeMembers[].name', 'name', 'subject'),
    ],
    note: '红色物业: the instructor and the committee members are names typed by staff, linked to no account.',
  },
  [COL.propertyRevisions]: {
    fields: [...actorPair('supersededBy'), f('snapshot', 'any', 'subject')],
    note: 'An earlier version of a rating, answer, assessment or 红色物业 declaration (its snapshot may carry a name).',
  },

  // ---- grid (网格吹哨)
  [COL.gridSettings]: { fields: actorPair('updatedBy') },
  [COL.gridStaff]: {
    fields: [
      f('_id', 'personKey', 'subject', { pattern: 'gs:<gridId>:<personKey>:<post>' }),
      f('openid', 'openid', 'subject', { index: 'openid_appointed' }),
      f('name', 'name', 'subject'),
      ...actorPair('appointedBy'),
      ...actorPair('removedBy'),
      f('leaderOpenid', 'openid', 'subject'),
      ...actorPair('setBy', 'setByName'),
      f('secretaryName', 'name', 'subject'),
      ...actorPair('supersededBy'),
      // 楼栋长 (issue 15 §3): `bl:<gridId>:<personKey>` with openid/name/appointedBy as above, its buildings' locks (leaderOpenid).
      ...actorPair('endedBy'),
    ],
    note: "Posts, the grid's leader lock (leaderOpenid), its named Party branch (with its secretary's name) and its 楼栋长 (`bl:<gridId>:<personKey>`, with their buildings' locks `blk:<buildingId>`) share the collection.",
  },
  [COL.gridEvents]: {
    fields: [
      f('reporter', 'openid', 'subject', { index: 'reporter_created' }),
      f('reporterName', 'name', 'subject'),
      f('handlerOpenid', 'openid', 'subject'),
      f('handler.id', 'personKey', 'subject', { pattern: 'm:<personKey> when handler.type is member' }),
      f('handler.name', 'name', 'subject'),
      f('handlerKey', 'personKey', 'subject', { pattern: 'member:m:<personKey>' }),
      ...actorPair('assignedBy'),
      ...actorPair('acceptedBy', 'acceptedByName'),
      ...actorPair('progress[].by', 'progress[].byName'),
    ],
  },
  [COL.gridWhistles]: { fields: actorPair('blownBy', 'blownByName') },
  [COL.gridSummons]: { fields: actorPair('answeredBy', 'answeredByName') },
  [COL.gridProgress]: { fields: actorPair('by', 'byName') },
}

/** Collections that hold nobody, and why. */
export const NO_PERSONAL_DATA: Partial<Record<CollectionName, string>> = {
  [COL.streets]: 'places',
  [COL.communities]: 'places',
  [COL.grids]: 'places',
  [COL.estates]: 'places',
  [COL.buildings]: 'places',
  [COL.households]: 'rooms and floor areas; who lives there is in bindings',
  [COL.counters]: 'numbers (latest letter versions, the seed marker)',
  [COL.svcStats]: "a community's minutes by month",
  [COL.councilBallotBoxes]: 'sums of ballots, never a ballot',
  [COL.councilRatingRevisions]: 'earlier stars and comment of a household rating, without its owner token',
  [COL.propertyAggregates]: "sums of a company's ratings",
  [COL.gridStats]: 'counters per grid and community',
}

/**
 * Stored files that belong to one person, outside any collection field: what leaving must remove
 * and what 我的数据 lists.
 */
export const PERSONAL_FILES = {
  photos: 'photos.fileId, registered to photos.owner',
  mydataExport:
    'exports/mydata/<ownerToken("mydata:export", openid)>.json — the person\'s own 我的数据 file, rewritten by each export',
} as const

/** The audit target of a person's record: every change of their profile and role grants is audited under it. */
export const personRecordTarget = (openid: string) => `${COL.users}/${openid}`

/**
 * The filter for a person's own records by `field` of `collection`, as the registry names it: the
 * field must be a `subject` field with an index, holding the openid or their member record id
 * (`m:<personKey>`). A reader asking for anything else is a bug.
 */
export function ownRecords(collection: CollectionName, field: string, openid: string): Record<string, string> {
  const entry = PERSONAL_DATA[collection]?.fields.find((x) => x.path === field)
  const byKey = entry?.holds === 'personKey' && entry.pattern?.startsWith('m:<personKey>')
  if (!entry || entry.as !== 'subject' || !entry.index || (entry.holds !== 'openid' && !byKey)) {
    throw new Error(
      `personal-data: ${collection}.${field} is not a registered, indexed field of a person's own records`,
    )
  }
  return { [field]: byKey ? memberRecordId(openid) : openid }
}
