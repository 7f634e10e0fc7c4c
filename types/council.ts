import * as z from 'zod'
import { COUNCIL_NOTICE_KINDS } from './notices'
import { action } from './action'
import {
  IdSchema,
  IsoDateSchema,
  optionalText,
  PageInputSchema,
  pageOf,
  RequestIdSchema,
  SearchTextSchema,
  text,
} from './common'
import { photoList, photoUploadAction } from './photos'
import { moderationFields, reportActions } from './moderation'
import { ROLES } from './roles'
import {
  ATTENDEE_KINDS,
  MEETING_STATUS,
  OPTION_KINDS,
  PARTICIPANT_KINDS,
  PARTICIPANT_PARTY,
  PARTY_TYPES,
  PICKED_KINDS,
  PRESETS,
  RESOLUTION_STATUS,
  RESPONSIBLE_KINDS,
  TIERS,
  TOPIC_STATUS,
  VOTE_STATUS,
} from './council-enums'

/** council — 红色议事会: topics, meetings, agendas, consultation votes, resolutions (SPEC §5). */

export * from './council-enums'

// ---- rules (shared by the tally and the screens) ---------------------------------------------

/** count/total compared with num/den: `atLeast` (≥) or `moreThan` (>). Exact integer comparison. */
export const ratioSchema = z.object({
  num: z.number().int().min(0),
  den: z.number().int().min(1),
  cmp: z.enum(['atLeast', 'moreThan']),
})
export type Ratio = z.infer<typeof ratioSchema>

/**
 * The rule that decides a vote, stored with the vote and with its result. Participation is measured
 * against the eligible households/area; approval against the participating ones (`simple`: against
 * the non-abstaining ballots). `byArea` adds the floor-area test to each households test.
 */
export const ruleSchema = z.object({
  preset: z.enum(PRESETS),
  byArea: z.boolean(),
  participation: ratioSchema.nullable(),
  approval: ratioSchema,
  /** `simple` counts approval among ballots that are not abstentions. */
  approvalBase: z.enum(['participating', 'nonAbstaining']),
  text: z.string(),
})
export type Rule = z.infer<typeof ruleSchema>

export const CustomRuleInputSchema = z.object({
  participationPercent: z.number().int().min(0).max(100),
  approvalPercent: z.number().int().min(50).max(100),
  /** "more than" instead of "at least" the approval percentage. */
  approvalMoreThan: z.boolean().default(false),
  byArea: z.boolean().default(true),
})
export type CustomRuleInput = z.infer<typeof CustomRuleInputSchema>

// ---- views -----------------------------------------------------------------------------------

export const TopicViewSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  estateId: z.string().optional(),
  estateName: z.string().optional(),
  title: z.string(),
  body: z.string(),
  photos: z.array(z.string()),
  authorName: z.string(),
  mine: z.boolean(),
  status: z.enum(TOPIC_STATUS),
  tier: z.enum(TIERS).optional(),
  seconds: z.number().int(),
  /** True once seconding or voting has begun: the author can no longer edit it. */
  locked: z.boolean(),
  mergedInto: z.string().optional(),
  declineReason: z.string().optional(),
  /** The latest vote on the topic (on an agenda item or directly, for a 小事). */
  voteId: z.string().optional(),
  /** A vote on it that is not yet counted: no second vote may open meanwhile. */
  openVoteId: z.string().optional(),
  /** Its latest counted vote: a new vote on it is a re-vote and needs a public reason. */
  lastClosedVoteId: z.string().optional(),
  /** The grid event the topic came from (网格吹哨 → 议事, one step). */
  gridEventId: z.string().optional(),
  urgent: z
    .object({
      decision: z.string(),
      decidedAt: z.string(),
      ratifyBy: z.string(),
      publicBy: z.string(),
      ratifiedAt: z.string().optional(),
      ratifyNote: z.string().optional(),
      overdue: z.boolean(),
    })
    .optional(),
  triagedAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Held or removed (举报 or the content check): the author sees it marked, others the placeholder. */
  ...moderationFields,
})
export type TopicView = z.infer<typeof TopicViewSchema>
export const TopicDetailViewSchema = TopicViewSchema.extend({
  secondedByMe: z.boolean(),
  canSecond: z.boolean(),
  canEdit: z.boolean(),
})
export type TopicDetailView = z.infer<typeof TopicDetailViewSchema>

export const AgendaItemViewSchema = z.object({
  itemId: z.string(),
  order: z.number().int(),
  title: z.string(),
  topicIds: z.array(z.string()),
  /** A vote on the item that is not yet counted: the item can be neither edited nor removed, and no second vote opens. */
  openVoteId: z.string().optional(),
  /** The item's latest counted vote: a resolution cites it; a new vote is a re-vote with a public reason. */
  lastClosedVoteId: z.string().optional(),
})
export type AgendaItemView = z.infer<typeof AgendaItemViewSchema>
export const PartyRefSchema = z.object({ type: z.enum(PARTY_TYPES), id: z.string() })
export type PartyRef = z.infer<typeof PartyRefSchema>
/** A pickable party: `detail` is one line to tell two of a kind apart (a grid, a unit, an address). */
export const PartyViewSchema = PartyRefSchema.extend({ name: z.string(), detail: z.string().optional() })
export type PartyView = z.infer<typeof PartyViewSchema>
/** A participant: a body named by the secretary, or a picked party (`ref`), who is invited. */
export const ParticipantViewSchema = z.object({
  kind: z.enum(PARTICIPANT_KINDS),
  name: z.string(),
  ref: PartyRefSchema.optional(),
})
export type ParticipantView = z.infer<typeof ParticipantViewSchema>

export const MeetingViewSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  place: z.string(),
  online: z.boolean(),
  /** An online meeting's link or meeting number. */
  link: z.string().optional(),
  agenda: z.array(AgendaItemViewSchema),
  participants: z.array(ParticipantViewSchema),
  status: z.enum(MEETING_STATUS),
  /** The agenda cannot change once the meeting has started (or its start time has passed). */
  agendaLocked: z.boolean(),
  /** The agenda's edition: meeting.update sends the one it was edited from, so an edit cannot undo a change made meanwhile. */
  rev: z.number().int(),
  attendeeCount: z.number().int(),
  minutes: z.string().optional(),
  publishedAt: z.string().optional(),
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
  createdAt: z.string(),
})
export type MeetingView = z.infer<typeof MeetingViewSchema>

/** `name` from the person's profile; `org` the unit a liaison signed in for. */
export const AttendanceViewSchema = z.object({
  name: z.string(),
  kind: z.enum(ATTENDEE_KINDS),
  org: z.string().optional(),
  at: z.string(),
})

/** The secretary's attendance screen: each invited party and whether someone of it signed in. */
export const RollViewSchema = z.object({
  meetingId: z.string(),
  status: z.enum(MEETING_STATUS),
  attendeeCount: z.number().int(),
  invited: z.array(ParticipantViewSchema.extend({ attended: z.boolean(), attendees: z.array(z.string()) })),
})
export type RollView = z.infer<typeof RollViewSchema>

export const VoteOptionViewSchema = z.object({ key: z.string(), label: z.string(), kind: z.enum(OPTION_KINDS) })
export type VoteOptionView = z.infer<typeof VoteOptionViewSchema>

const CountVsTotalSchema = z.object({ count: z.number().int(), total: z.number().int(), met: z.boolean() })

/**
 * A counted vote as anyone may see it (docs/council.md, "what is shown when and why"): per option the
 * households and one combined flag for the approval rule; participation by households exactly, by
 * area only met or not, with a whole percent when that can single nobody out. No area sums: with every
 * household's area known, they would tell who chose what.
 */
export const VoteResultViewSchema = z.object({
  passed: z.boolean(),
  adoptedOptionKey: z.string().nullable(),
  participation: z.object({
    households: CountVsTotalSchema,
    /** Rules that count area: met or not, and the whole percent of the eligible area (null when withheld). */
    area: z.object({ met: z.boolean(), percent: z.number().int().nullable() }).nullable(),
    met: z.boolean(),
  }),
  options: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      kind: z.enum(OPTION_KINDS),
      households: z.number().int(),
      approvalMet: z.boolean(),
    }),
  ),
  /** Human-readable explanation of the outcome in Chinese (no area sums). */
  summary: z.string(),
  rule: ruleSchema,
  ballots: z.number().int(),
  computedAt: z.string(),
})
export type VoteResultView = z.infer<typeof VoteResultViewSchema>

/**
 * Live turnout: a snapshot refreshed at most every `refreshMinutes`, never per ballot. Households as a
 * count; area only as a whole percent of the eligible area, and only for an electorate that is not
 * small once enough ballots are in (null: 计票时公布). The gap to the participation threshold follows
 * what is shown.
 */
export const TurnoutViewSchema = z.object({
  households: z.number().int(),
  eligibleHouseholds: z.number().int(),
  eligibleAreaDm2: z.number().int(),
  areaPercent: z.number().int().nullable(),
  /** When the snapshot was taken (the start of its window). */
  asOf: z.string(),
  refreshMinutes: z.number().int(),
  /** Still missing to the participation threshold (null: the rule has none); area in whole percent when shown. */
  gap: z.object({ households: z.number().int(), areaPercent: z.number().int().nullable() }).nullable(),
  /** Null when the rule has no threshold, or when the households are there and the area is not shown yet. */
  participationMet: z.boolean().nullable(),
})
export type TurnoutView = z.infer<typeof TurnoutViewSchema>

export const VoteViewSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  meetingId: z.string().optional(),
  itemId: z.string().optional(),
  topicId: z.string().optional(),
  title: z.string(),
  description: z.string().optional(),
  options: z.array(VoteOptionViewSchema),
  scope: z.object({ estateIds: z.array(z.string()), buildingIds: z.array(z.string()), label: z.string() }),
  opensAt: z.string(),
  closesAt: z.string(),
  status: z.enum(VOTE_STATUS),
  rule: ruleSchema,
  turnout: TurnoutViewSchema,
  result: VoteResultViewSchema.optional(),
  /** A re-vote: the public reason and the earlier vote with its result, shown together. */
  revote: z
    .object({
      reason: z.string(),
      previous: z.object({ id: z.string(), title: z.string(), result: VoteResultViewSchema }),
    })
    .optional(),
  /** This vote was followed by a re-vote. */
  supersededBy: z.string().optional(),
  createdAt: z.string(),
})
export type VoteView = z.infer<typeof VoteViewSchema>

export const MyBallotViewSchema = z.object({
  voteId: z.string(),
  householdId: z.string().nullable(),
  eligible: z.boolean(),
  /** The household's choice (shown to its own members only). */
  choice: z.string().nullable(),
  castAt: z.string().nullable(),
  /** Whether the caller cast the household's ballot: only they may change it. */
  byMe: z.boolean(),
  /** The member who cast it has left the household: the ballot is the household's, and the caller may change it. */
  ownerLeft: z.boolean().optional(),
  canChange: z.boolean(),
})
export type MyBallotView = z.infer<typeof MyBallotViewSchema>

/** `byParty`: the responsible party's name when its people posted it, else 社区 (the secretary). */
export const ProgressEntryViewSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  note: z.string(),
  byName: z.string(),
  byParty: z.string().optional(),
  status: z.enum(RESOLUTION_STATUS),
  photos: z.array(z.string()),
})
export type ProgressEntryView = z.infer<typeof ProgressEntryViewSchema>

export const ResolutionViewSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  itemId: z.string(),
  itemTitle: z.string(),
  voteId: z.string().optional(),
  decision: z.string(),
  responsibleKind: z.enum(RESPONSIBLE_KINDS),
  /** The linked record (absent on resolutions recorded before parties were linked). */
  responsibleId: z.string().optional(),
  responsibleName: z.string(),
  /** The last instant of the deadline day (Beijing), and that day as picked. */
  deadline: z.string(),
  deadlineDate: z.string(),
  status: z.enum(RESOLUTION_STATUS),
  overdue: z.boolean(),
  /** How many progress entries there are (all kept; `resolution.timeline` pages them) and the latest. */
  progressCount: z.number().int(),
  latestProgress: ProgressEntryViewSchema.nullable(),
  rating: z.object({ count: z.number().int(), average: z.number().nullable() }),
  createdAt: z.string(),
  doneAt: z.string().optional(),
})
export type ResolutionView = z.infer<typeof ResolutionViewSchema>

/**
 * The household's rating (its members see it); `byMe`: the caller gave it, so only they may change it.
 * `ownerLeft`: the member who gave it has left the household, so the caller may change it.
 */
export const MyRatingViewSchema = z.object({
  resolutionId: z.string(),
  stars: z.number().int().nullable(),
  comment: z.string().optional(),
  byMe: z.boolean(),
  ownerLeft: z.boolean().optional(),
  ...moderationFields,
})

/**
 * A comment of the community on a resolution (事后反馈): no household, no person, only the day. `id` is
 * how it is reported; `mine` when it is the caller's household's (they see it marked while held).
 */
export const ResolutionCommentViewSchema = z.object({
  id: z.string(),
  stars: z.number().int(),
  comment: z.string(),
  day: z.string(),
  mine: z.boolean(),
  ...moderationFields,
})
export type ResolutionCommentView = z.infer<typeof ResolutionCommentViewSchema>

// ---- inputs ----------------------------------------------------------------------------------

const AgendaItemInputSchema = z.object({
  /** Keep the id of an existing item when editing; new items get one from the server. */
  itemId: IdSchema.optional(),
  title: text(60, '议程标题'),
  topicIds: z.array(IdSchema).max(5, '每项议程最多关联 5 个议题').default([]),
})
const PartyRefInputSchema = z.object({ type: z.enum(PARTY_TYPES), id: IdSchema })
/** A body by its name, or a picked party (its name comes from its record). */
const ParticipantInputSchema = z
  .object({
    kind: z.enum(PARTICIPANT_KINDS),
    name: optionalText(40, '参会方名称'),
    ref: PartyRefInputSchema.optional(),
  })
  .refine((p) => !!p.ref || !PICKED_KINDS.includes(p.kind), { message: '请从本社区的名单中选择', path: ['ref'] })
  .refine((p) => !p.ref || PARTICIPANT_PARTY[p.kind] === p.ref.type, {
    message: '所选对象与参会方类别不符',
    path: ['ref'],
  })
  .refine((p) => !!p.ref || !!p.name, { message: '请填写参会方名称', path: ['name'] })

const meetingFields = {
  title: text(60, '会议名称'),
  startsAt: IsoDateSchema,
  /** In person: where. Online: the link or meeting number (`link`). */
  place: optionalText(80, '地点'),
  online: z.boolean().default(false),
  link: optionalText(200, '会议链接或会议号'),
  agenda: z.array(AgendaItemInputSchema).min(1, '请至少添加一项议程').max(20, '议程最多 20 项'),
  participants: z
    .array(ParticipantInputSchema)
    .min(1, '请添加参会方')
    .max(30, '参会方最多 30 个')
    .refine(
      (ps) =>
        new Set(ps.filter((p) => p.ref).map((p) => `${p.ref!.type}:${p.ref!.id}`)).size ===
        ps.filter((p) => p.ref).length,
      { message: '同一参会方只能邀请一次' },
    ),
}
/** An in-person meeting needs its place, an online one its link. */
const meetingRules = <T extends z.ZodType<{ online: boolean; place?: string; link?: string }>>(schema: T) =>
  schema
    .refine((v) => v.online || !!v.place, { message: '请填写会议地点', path: ['place'] })
    .refine((v) => !v.online || !!v.link, { message: '线上会议请填写会议链接或会议号', path: ['link'] })

/** A date picked on the screen (Beijing calendar day). */
const DateOnlySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD')

const VoteOptionInputSchema = z.object({ label: text(30, '选项'), kind: z.enum(OPTION_KINDS).default('choice') })

// ---- registry --------------------------------------------------------------------------------

export const councilActions = {
  'photo.upload': photoUploadAction('上传议题或决议进展的图片（压缩后的图片，检测后返回文件编号）', [
    'resident',
    'member',
    'secretary',
    'property_staff',
    'unit_liaison',
    'grid_worker',
  ]),
  'topic.propose': action({
    summary: '居民或党员提出议题（文字、图片、小区）',
    roles: ['resident', 'member'],
    input: z.object({
      requestId: RequestIdSchema,
      communityId: IdSchema,
      estateId: IdSchema.optional(),
      title: text(40, '议题标题'),
      body: text(1000, '议题内容'),
      photos: photoList(9),
    }),
    output: TopicViewSchema,
  }),
  'topic.update': action({
    summary: '提议人修改议题（附议或表决开始前）',
    roles: ['resident', 'member'],
    input: z.object({
      topicId: IdSchema,
      title: text(40, '议题标题'),
      body: text(1000, '议题内容'),
      photos: photoList(9),
    }),
    output: TopicViewSchema,
  }),
  'topic.second': action({
    summary: '附议（每人一次）',
    roles: ['resident', 'member'],
    input: z.object({ topicId: IdSchema }),
    output: TopicDetailViewSchema,
  }),
  'topic.list': action({
    summary: '社区议题（可按状态、层级筛选）',
    roles: ['authenticated'],
    input: PageInputSchema.extend({
      communityId: IdSchema,
      status: z.enum(TOPIC_STATUS).optional(),
      tier: z.enum(TIERS).optional(),
      q: SearchTextSchema,
    }),
    output: pageOf(TopicViewSchema),
  }),
  'topic.get': action({
    summary: '议题详情',
    roles: ['authenticated'],
    input: z.object({ topicId: IdSchema }),
    output: TopicDetailViewSchema,
  }),
  'topic.triage': action({
    summary: '书记受理（定级）、合并或不予受理（公开理由）',
    roles: ['secretary'],
    input: z
      .object({
        topicId: IdSchema,
        decision: z.enum(['accept', 'merge', 'decline']),
        tier: z.enum(TIERS).optional(),
        mergeInto: IdSchema.optional(),
        reason: optionalText(300, '理由'),
        /** 急事: the secretary's immediate decision. */
        urgentDecision: optionalText(500, '处置决定'),
      })
      .refine((v) => v.decision !== 'accept' || !!v.tier, { message: '受理时请选择议题层级', path: ['tier'] })
      .refine((v) => v.decision !== 'accept' || v.tier !== 'urgent' || !!v.urgentDecision, {
        message: '急事请填写处置决定',
        path: ['urgentDecision'],
      })
      .refine((v) => v.decision !== 'merge' || !!v.mergeInto, { message: '请选择合并到的议题', path: ['mergeInto'] })
      .refine((v) => v.decision !== 'decline' || !!v.reason, { message: '不予受理时请写明公开理由', path: ['reason'] }),
    output: TopicViewSchema,
  }),
  'topic.ratify': action({
    summary: '议事会追认急事处置（7 日内）',
    roles: ['secretary'],
    input: z.object({ topicId: IdSchema, note: text(300, '追认说明') }),
    output: TopicViewSchema,
  }),

  'meeting.create': action({
    summary: '书记新建议事会议（线下地点或线上链接、有序议程、从本社区名单中邀请参会方）',
    roles: ['secretary'],
    input: meetingRules(z.object({ requestId: RequestIdSchema, communityId: IdSchema, ...meetingFields })),
    output: MeetingViewSchema,
  }),
  'meeting.update': action({
    summary: '修改会议与议程（会议开始前；新邀请的参会方在已发布时收到通知；会议在编辑期间被改过则拒绝）',
    roles: ['secretary'],
    input: meetingRules(z.object({ meetingId: IdSchema, rev: z.number().int().min(0), ...meetingFields })),
    output: MeetingViewSchema,
  }),
  'meeting.addTopic': action({
    summary: '把已受理的议题直接列入会议议程（新增一项，或并入未表决的某项）',
    roles: ['secretary'],
    input: z.object({ meetingId: IdSchema, topicId: IdSchema, itemId: IdSchema.optional() }),
    output: MeetingViewSchema,
  }),
  'meeting.invitations': action({
    summary: '邀请我（本人、我所在单位或物业）参加的会议（未结束的）',
    roles: ['authenticated'],
    input: PageInputSchema,
    output: pageOf(MeetingViewSchema),
  }),
  'meeting.roll': action({
    summary: '到会情况：每个受邀参会方是否有人签到',
    roles: ['secretary'],
    input: z.object({ meetingId: IdSchema }),
    output: RollViewSchema,
  }),
  'party.search': action({
    summary: '书记从本社区名单中选择：共建单位、物业、网格、网格员、在职党员、居民（可按名称查找）',
    roles: ['secretary'],
    input: PageInputSchema.extend({ communityId: IdSchema, type: z.enum(PARTY_TYPES), q: optionalText(20, '查找') }),
    output: pageOf(PartyViewSchema),
  }),
  'meeting.publish': action({
    summary: '发布会议议程（通知订阅者）',
    roles: ['secretary'],
    input: z.object({ meetingId: IdSchema }),
    output: MeetingViewSchema,
  }),
  'meeting.start': action({
    summary: '宣布会议开始（议程锁定）',
    roles: ['secretary'],
    input: z.object({ meetingId: IdSchema }),
    output: MeetingViewSchema,
  }),
  'meeting.checkIn': action({
    summary: '参会签到（身份按本人角色、姓名按本人资料）',
    roles: ['authenticated'],
    input: z.object({ meetingId: IdSchema }),
    output: MeetingViewSchema,
  }),
  'meeting.attendance': action({
    summary: '签到名单',
    roles: ['secretary'],
    input: PageInputSchema.extend({ meetingId: IdSchema }),
    output: pageOf(AttendanceViewSchema),
  }),
  'meeting.minutes': action({
    summary: '记录会议纪要并结束会议',
    roles: ['secretary'],
    input: z.object({ meetingId: IdSchema, minutes: text(5000, '会议纪要') }),
    output: MeetingViewSchema,
  }),
  'meeting.list': action({
    summary: '社区议事会议（居民仅见已发布）',
    roles: ['authenticated'],
    input: PageInputSchema.extend({ communityId: IdSchema }),
    output: pageOf(MeetingViewSchema),
  }),
  'meeting.get': action({
    summary: '会议详情与议程',
    roles: ['authenticated'],
    input: z.object({ meetingId: IdSchema }),
    output: MeetingViewSchema,
  }),

  'vote.open': action({
    summary: '书记就议程项（或小事议题）发起表决',
    roles: ['secretary'],
    input: z
      .object({
        requestId: RequestIdSchema,
        meetingId: IdSchema.optional(),
        itemId: IdSchema.optional(),
        topicId: IdSchema.optional(),
        title: text(60, '表决事项'),
        description: optionalText(1000, '说明'),
        options: z.array(VoteOptionInputSchema).min(2, '至少两个选项').max(6, '最多 6 个选项'),
        estateIds: z.array(IdSchema).max(20).default([]),
        buildingIds: z.array(IdSchema).max(50).default([]),
        opensAt: IsoDateSchema,
        closesAt: IsoDateSchema,
        preset: z.enum(PRESETS),
        custom: CustomRuleInputSchema.optional(),
        /** Required when the item or a topic already has a counted vote: shown with both results. */
        revoteReason: optionalText(300, '重新表决的理由'),
      })
      .refine((v) => (v.meetingId && v.itemId) || v.topicId, { message: '请选择议程项或议题', path: ['itemId'] })
      .refine((v) => v.estateIds.length + v.buildingIds.length > 0, {
        message: '请选择参与表决的小区或楼栋',
        path: ['estateIds'],
      })
      .refine((v) => new Date(v.closesAt).getTime() > new Date(v.opensAt).getTime(), {
        message: '截止时间须晚于开始时间',
        path: ['closesAt'],
      })
      .refine((v) => v.preset !== 'custom' || !!v.custom, {
        message: '自定义比例请填写参与率和同意率',
        path: ['custom'],
      })
      .refine((v) => v.options.filter((o) => o.kind === 'abstain').length <= 1, {
        message: '弃权选项只能有一个',
        path: ['options'],
      })
      .refine((v) => v.options.filter((o) => o.kind !== 'abstain').length >= 2, {
        message: '除弃权外至少两个选项',
        path: ['options'],
      })
      .refine((v) => new Set(v.options.map((o) => o.label)).size === v.options.length, {
        message: '选项不能重复',
        path: ['options'],
      }),
    output: VoteViewSchema,
  }),
  'vote.list': action({
    summary: '社区的表决（可只看一次会议的）',
    roles: ['authenticated'],
    input: PageInputSchema.extend({ communityId: IdSchema, meetingId: IdSchema.optional() }),
    output: pageOf(VoteViewSchema),
  }),
  'vote.get': action({
    summary: '表决详情：参与情况（每 10 分钟更新的快照）、距门槛差额；结束后为结果',
    roles: ['authenticated'],
    input: z.object({ voteId: IdSchema }),
    output: VoteViewSchema,
  }),
  'vote.cast': action({
    summary: '认证住户投票（每户一票，由先投的家人投，截止前本人可改）',
    roles: ['resident'],
    input: z.object({ voteId: IdSchema, optionKey: z.string().trim().min(1).max(8), householdId: IdSchema.optional() }),
    output: MyBallotViewSchema,
  }),
  'vote.myBallot': action({
    summary: '本户的选票（只有本户可见）',
    roles: ['resident'],
    input: z.object({ voteId: IdSchema, householdId: IdSchema.optional() }),
    output: MyBallotViewSchema,
  }),
  'vote.close': action({
    summary: '截止后计票并公布结果（含所用规则）',
    roles: ['secretary'],
    input: z.object({ voteId: IdSchema }),
    output: VoteViewSchema,
  }),
  'vote.remind': action({
    summary: '提醒订阅者：表决即将截止（24 小时内）',
    roles: ['secretary'],
    input: z.object({ voteId: IdSchema }),
    output: z.object({ sent: z.number().int() }),
  }),

  'resolution.record': action({
    summary: '记录议程项决议：决定、责任方（从本社区的单位、物业、网格、党员中选择）、完成日期',
    roles: ['secretary'],
    input: z.object({
      meetingId: IdSchema,
      itemId: IdSchema,
      voteId: IdSchema.optional(),
      decision: text(1000, '决议内容'),
      responsible: z.object({ type: z.enum(RESPONSIBLE_KINDS), id: IdSchema }),
      /** The last day to carry it out (Beijing calendar); overdue from the day after. */
      deadline: DateOnlySchema,
    }),
    output: ResolutionViewSchema,
  }),
  'resolution.progress': action({
    summary: '书记或责任方更新决议落实进度（可附照片，直至办结）',
    roles: ['authenticated'],
    input: z.object({
      resolutionId: IdSchema,
      note: text(300, '进展'),
      status: z.enum(['in_progress', 'done']),
      photos: photoList(6),
    }),
    output: ResolutionViewSchema,
  }),
  'resolution.inbox': action({
    summary: '由我方（我所在物业、单位、网格、社区或本人）落实的决议',
    roles: ['authenticated'],
    input: PageInputSchema.extend({ open: z.boolean().default(true) }),
    output: pageOf(ResolutionViewSchema),
  }),
  'resolution.overdue': action({
    summary: '逾期未办结的决议：书记看本社区，街道看全街道',
    roles: ['secretary', 'street_admin'],
    input: PageInputSchema.extend({ communityId: IdSchema.optional(), streetId: IdSchema.optional() }).refine(
      (v) => !!v.communityId !== !!v.streetId,
      { message: '请选择社区或街道之一', path: ['communityId'] },
    ),
    output: pageOf(ResolutionViewSchema),
  }),
  'resolution.timeline': action({
    summary: '决议落实进度（全部记录，分页）',
    roles: ['authenticated'],
    input: PageInputSchema.extend({ resolutionId: IdSchema }),
    output: pageOf(ProgressEntryViewSchema),
  }),
  'resolution.list': action({
    summary: '社区决议及落实情况',
    roles: ['authenticated'],
    input: PageInputSchema.extend({ communityId: IdSchema, meetingId: IdSchema.optional() }),
    output: pageOf(ResolutionViewSchema),
  }),
  'resolution.get': action({
    summary: '决议详情（责任方和书记可更新进度）',
    roles: ['authenticated'],
    input: z.object({ resolutionId: IdSchema }),
    output: ResolutionViewSchema.extend({ myRating: MyRatingViewSchema.nullable(), canProgress: z.boolean() }),
  }),
  'resolution.rate': action({
    summary: '居民对办结的决议进行事后评价（每户一次，由先评的家人评，本人可修改，旧评价保留）',
    roles: ['resident'],
    input: z.object({
      resolutionId: IdSchema,
      stars: z.number().int().min(1).max(5),
      comment: optionalText(200, '评价'),
    }),
    output: ResolutionViewSchema.extend({ myRating: MyRatingViewSchema.nullable() }),
  }),
  'resolution.comments': action({
    summary: '决议的居民评价意见（不显示评价住户，只显示日期；被举报隐藏的不显示）',
    roles: ['authenticated'],
    input: PageInputSchema.extend({ resolutionId: IdSchema }),
    output: pageOf(ResolutionCommentViewSchema),
  }),
  ...reportActions(ROLES),

  'notice.subscribe': action({
    summary: '订阅本社区议事会通知（会议发布、表决开始/即将截止/结果）',
    roles: ['authenticated'],
    /** `kinds`: the notices the person consented to in WeChat's dialog (added to those allowed before); all of them where there is no dialog (H5). */
    input: z.object({
      communityId: IdSchema,
      on: z.boolean(),
      kinds: z
        .array(z.enum(COUNCIL_NOTICE_KINDS))
        .min(1, '请至少允许一类通知')
        .max(COUNCIL_NOTICE_KINDS.length)
        .optional(),
    }),
    output: z.object({ subscribed: z.boolean(), kinds: z.array(z.enum(COUNCIL_NOTICE_KINDS)) }),
  }),
} as const

export type CouncilActions = typeof councilActions
