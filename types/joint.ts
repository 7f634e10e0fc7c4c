import * as z from 'zod'
import { action } from './action'
import { IdSchema, optionalText, PageInputSchema, pageOf, RequestIdSchema, text } from './common'

/**
 * 社区大党委 (the street's 大工委) and its 联席会议 (issue 15 §2), in the `org` function: the roster of
 * 兼职委员 from units, companies, the police station and schools; the joint meeting with its agenda of
 * problems, attendance and 现场认领 — each problem taken on by a named unit or company with a
 * commitment and a deadline, tracked to done like a resolution.
 */

/** A 大党委 belongs to a community; the street's 大工委 to the street. */
export const COMMITTEE_SCOPES = ['community', 'street'] as const
export type CommitteeScope = (typeof COMMITTEE_SCOPES)[number]
export const COMMITTEE_NAME: Record<CommitteeScope, string> = { community: '社区大党委', street: '街道大工委' }

/** Where a 兼职委员 comes from: a registered unit (双报到), a property company, or another body named in words (派出所, 学校…). */
export const AFFILIATION_KINDS = ['unit', 'company', 'other'] as const
export type AffiliationKind = (typeof AFFILIATION_KINDS)[number]

export const MEETING_CADENCES = ['monthly', 'quarterly'] as const
export const MEETING_CADENCE_LABEL: Record<(typeof MEETING_CADENCES)[number], string> = {
  monthly: '月度',
  quarterly: '季度',
}

/** Where an agenda problem comes from. */
export const AGENDA_SOURCES = ['grid_event', 'topic', 'need', 'other'] as const
export type AgendaSource = (typeof AGENDA_SOURCES)[number]
export const AGENDA_SOURCE_LABEL: Record<AgendaSource, string> = {
  grid_event: '网格事件',
  topic: '议事议题',
  need: '居民需求',
  other: '其他',
}

export const COMMITMENT_STATUS = ['open', 'done'] as const
/** How a commitment reads on screen: done, overdue (open past its deadline) or in progress. */
export type CommitmentState = 'open' | 'overdue' | 'done'
export const commitmentState = (c: {
  status: (typeof COMMITMENT_STATUS)[number]
  overdue: boolean
}): CommitmentState => (c.status === 'done' ? 'done' : c.overdue ? 'overdue' : 'open')
export const COMMITMENT_STATE_LABEL: Record<CommitmentState, string> = {
  open: '办理中',
  overdue: '已逾期',
  done: '已办结',
}
export const AFFILIATION_LABEL: Record<AffiliationKind, string> = {
  unit: '报到单位',
  company: '物业公司',
  other: '其他单位',
}
export const MAX_AGENDA = 20

const DateOnlySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD')
const scope = { scopeType: z.enum(COMMITTEE_SCOPES), scopeId: IdSchema }

export const CommitteeMemberViewSchema = z.object({
  id: z.string(),
  scopeType: z.enum(COMMITTEE_SCOPES),
  scopeId: z.string(),
  name: z.string(),
  /** Their post in the 大党委 (兼职委员, 副书记…) and in their own body (所长, 校长, 总经理…). */
  post: z.string(),
  title: z.string(),
  affiliation: z.object({ kind: z.enum(AFFILIATION_KINDS), id: z.string().optional(), name: z.string() }),
  termStart: z.string(),
  termEnd: z.string(),
  /** Serving = appointed, not ended, today within the term (by Beijing date). */
  serving: z.boolean(),
  endedAt: z.string().optional(),
  endReason: z.string().optional(),
  appointedByName: z.string(),
})
export type CommitteeMemberView = z.infer<typeof CommitteeMemberViewSchema>

export const CommitmentViewSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  itemId: z.string(),
  problem: z.string(),
  /** The 兼职委员 who took it on, and the unit or company that owns it. */
  memberName: z.string(),
  affiliation: z.object({ kind: z.enum(AFFILIATION_KINDS), id: z.string().optional(), name: z.string() }),
  commitment: z.string(),
  deadline: z.string(),
  status: z.enum(COMMITMENT_STATUS),
  /** Past its deadline and not done (by Beijing date). */
  overdue: z.boolean(),
  progress: z.array(z.object({ text: z.string(), done: z.boolean(), byName: z.string(), at: z.string() })),
  doneAt: z.string().optional(),
  claimedAt: z.string(),
})
export type CommitmentView = z.infer<typeof CommitmentViewSchema>

export const AgendaItemViewSchema = z.object({
  id: z.string(),
  source: z.enum(AGENDA_SOURCES),
  refId: z.string().optional(),
  title: z.string(),
  /** The commitment that took it on, if any. */
  commitmentId: z.string().optional(),
})

export const JointMeetingViewSchema = z.object({
  id: z.string(),
  scopeType: z.enum(COMMITTEE_SCOPES),
  scopeId: z.string(),
  title: z.string(),
  date: z.string(),
  cadence: z.enum(MEETING_CADENCES),
  agenda: z.array(AgendaItemViewSchema),
  /**
   * Members invited (ids and names as when invited) and those recorded present. `notified`: the meeting
   * was sent in 同心圆 to the people who speak for the member's unit (its liaisons) or company (its staff);
   * false = nobody is linked, the convener tells them (由召集人另行通知).
   */
  invited: z.array(
    z.object({ memberId: z.string(), name: z.string(), affiliationName: z.string(), notified: z.boolean() }),
  ),
  present: z.array(z.string()),
  convenedByName: z.string(),
  createdAt: z.string(),
})
export type JointMeetingView = z.infer<typeof JointMeetingViewSchema>

const AffiliationInputSchema = z
  .object({ kind: z.enum(AFFILIATION_KINDS), id: IdSchema.optional(), name: optionalText(60, '单位名称') })
  .refine((a) => (a.kind === 'other' ? !!a.name && !a.id : !!a.id && !a.name), {
    message: '单位或物业公司请从名录中选择；其他单位请填写名称',
    path: ['id'],
  })

export const jointActions = {
  'committee.appoint': action({
    summary: '书记（街道大工委由街道管理员）任命大党委兼职委员：姓名、职务、所在单位或物业公司、任期',
    roles: ['secretary', 'street_admin'],
    input: z
      .object({
        requestId: RequestIdSchema,
        ...scope,
        name: text(20, '姓名'),
        post: text(20, '大党委职务'),
        title: text(30, '本单位职务'),
        affiliation: AffiliationInputSchema,
        termStart: DateOnlySchema,
        termEnd: DateOnlySchema,
      })
      .refine((v) => v.termStart < v.termEnd, { message: '任期结束须晚于开始', path: ['termEnd'] }),
    output: CommitteeMemberViewSchema,
  }),
  'committee.end': action({
    summary: '提前结束一位兼职委员的任期（记录原因，名单保留）',
    roles: ['secretary', 'street_admin'],
    input: z.object({ memberId: IdSchema, reason: text(100, '原因') }),
    output: CommitteeMemberViewSchema,
  }),
  'committee.list': action({
    summary: '大党委（大工委）名单：现任兼职委员及其单位、任期（居民可见）；可含已卸任的',
    roles: ['authenticated'],
    input: z.object({ ...scope, includeEnded: z.boolean().default(false) }),
    output: z.object({ name: z.string(), scopeName: z.string(), items: z.array(CommitteeMemberViewSchema) }),
  }),
  'jointMeeting.convene': action({
    summary:
      '书记或街道管理员召集联席会议：议题（来自网格事件、议事议题、居民需求）与受邀兼职委员；受邀单位的联络员、物业公司的人员收到会议通知',
    roles: ['secretary', 'street_admin'],
    input: z.object({
      requestId: RequestIdSchema,
      ...scope,
      title: text(40, '会议名称'),
      date: DateOnlySchema,
      cadence: z.enum(MEETING_CADENCES),
      agenda: z
        .array(z.object({ source: z.enum(AGENDA_SOURCES), refId: IdSchema.optional(), title: text(80, '议题') }))
        .min(1, '至少一个议题')
        .max(MAX_AGENDA, `最多 ${MAX_AGENDA} 个议题`),
      /** Members to invite; empty = every serving member. */
      invite: z.array(IdSchema).max(50).default([]),
    }),
    output: JointMeetingViewSchema,
  }),
  'jointMeeting.attendance': action({
    summary: '记录联席会议的出席委员（只能是受邀委员）',
    roles: ['secretary', 'street_admin'],
    input: z.object({ meetingId: IdSchema, present: z.array(IdSchema).max(50) }),
    output: JointMeetingViewSchema,
  }),
  'jointMeeting.claim': action({
    summary: '现场认领：一个议题由一位兼职委员（其单位或物业公司）认领，写明承诺和期限',
    roles: ['secretary', 'street_admin'],
    input: z.object({
      meetingId: IdSchema,
      itemId: IdSchema,
      memberId: IdSchema,
      commitment: text(200, '承诺'),
      deadline: DateOnlySchema,
    }),
    output: CommitmentViewSchema,
  }),
  'jointMeeting.list': action({
    summary: '联席会议列表（新的在前）',
    roles: ['authenticated'],
    input: PageInputSchema.extend(scope),
    output: pageOf(JointMeetingViewSchema),
  }),
  'jointMeeting.get': action({
    summary: '一次联席会议：议题、出席、认领与办理进展',
    roles: ['authenticated'],
    input: z.object({ meetingId: IdSchema }),
    output: z.object({ meeting: JointMeetingViewSchema, commitments: z.array(CommitmentViewSchema) }),
  }),
  'commitment.progress': action({
    summary: '认领单位（单位联络员或物业人员）或召集人报告承诺的办理进展或已办结',
    roles: ['unit_liaison', 'property_staff', 'secretary', 'street_admin'],
    input: z.object({ commitmentId: IdSchema, text: text(300, '进展'), done: z.boolean() }),
    output: CommitmentViewSchema,
  }),
  'commitment.overdue': action({
    summary: '督办：大党委（大工委）各次联席会议中过了期限仍未办结的承诺（期限早的在前）',
    roles: ['secretary', 'street_admin'],
    input: PageInputSchema.extend(scope),
    output: pageOf(CommitmentViewSchema),
  }),
  'commitment.list': action({
    summary: '某单位或物业公司在联席会议上认领的承诺及办理结果',
    roles: ['authenticated'],
    input: PageInputSchema.extend({ kind: z.enum(['unit', 'company']), affiliationId: IdSchema }),
    output: pageOf(CommitmentViewSchema),
  }),
} as const
