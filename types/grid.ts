import * as z from 'zod'
import { action } from './action'
import { IdSchema, optionalText, PageInputSchema, pageOf, RequestIdSchema, SearchTextSchema, text } from './common'
import { photoList, photoUploadAction } from './photos'
import { STAFF_POSTS } from './staff-posts'
import { moderationFields, reportActions } from './moderation'
import { ROLES } from './roles'
import { ANSWER_KINDS, CATEGORIES, EVENT_STATUS, HANDLER_TYPES, URGENCIES } from './grid-enums'
import { SummonsViewSchema, WhistleRecordViewSchema } from './whistle'

/** grid — 网格吹哨: grid staff, events, dispatch, whistles (summons with answers), handling, statistics (SPEC §9–10). */

export { STAFF_POSTS, STAFF_POST_LABEL, type StaffPost } from './staff-posts'

export * from './grid-enums'
export { SummonsViewSchema, WhistleRecordViewSchema, type SummonsView, type WhistleRecordView } from './whistle'

// ---- views ------------------------------------------------------------------------------------

export const SettingsViewSchema = z.object({
  streetId: z.string(),
  urgentHours: z.number().int(),
  normalHours: z.number().int(),
  whistleWindowHours: z.number().int(),
})
export type GridSettingsView = z.infer<typeof SettingsViewSchema>

export const StaffViewSchema = z.object({
  id: z.string(),
  gridId: z.string(),
  name: z.string(),
  post: z.enum(STAFF_POSTS),
  title: z.string().optional(),
  appointedAt: z.string(),
})
export type StaffView = z.infer<typeof StaffViewSchema>

/** A building as a 楼栋长's care names it: with its estate, since estates number their buildings alike. */
export const BuildingRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  estateId: z.string(),
  estateName: z.string(),
})
export type BuildingRef = z.infer<typeof BuildingRefSchema>

export const INVITATION_STATUS = ['open', 'used', 'expired'] as const

/**
 * A single-use, expiring invitation to a grid post (an appointment is taken up by redeeming it, as
 * secretaries take up theirs). The code is whole only in the staff.appoint response; lists mask it.
 */
export const StaffInvitationViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  /** What the QR code shown to the appointee carries (staff.appoint only): `txinvite:<code>`. */
  qrText: z.string().optional(),
  gridId: z.string(),
  gridName: z.string(),
  /** A grid post's code (role grid_worker) names the post; a 楼栋长's code (role building_leader) its buildings instead. */
  role: z.enum(['grid_worker', 'building_leader']),
  post: z.enum(STAFF_POSTS).optional(),
  buildings: z.array(BuildingRefSchema).optional(),
  groupName: z.string().optional(),
  title: z.string().optional(),
  status: z.enum(INVITATION_STATUS),
  expiresAt: z.string(),
  createdAt: z.string(),
  usedByName: z.string().optional(),
})
export type StaffInvitationView = z.infer<typeof StaffInvitationViewSchema>

/**
 * A 楼栋长 (issue 15 §3): a member or resident the secretary appointed by code for one or more buildings
 * of the grid, shown to everyone on the grid page (names and buildings, as grid staff are). Optionally the
 * leader of a 楼道党小组 (`groupName`) and a 党员中心户 (`centralHousehold`).
 */
export const BuildingLeaderViewSchema = z.object({
  id: z.string(),
  gridId: z.string(),
  name: z.string(),
  buildings: z.array(BuildingRefSchema),
  groupName: z.string().optional(),
  centralHousehold: z.boolean(),
  since: z.string(),
  /** The role grant's id, only for the community's secretary: org `role.end` ends it. */
  grantId: z.string().optional(),
})
export type BuildingLeaderView = z.infer<typeof BuildingLeaderViewSchema>

/** The grid's named Party branch (网格党支部), set by the community's secretary; earlier versions are kept superseded. */
export const PartyBranchViewSchema = z.object({
  gridId: z.string(),
  name: z.string(),
  /** Optional: the branch secretary's name as the branch is known; the staff post 网格党支部书记 lists the appointed person. */
  secretaryName: z.string().optional(),
  version: z.number().int(),
  setByName: z.string(),
  setAt: z.string(),
})
export type PartyBranchView = z.infer<typeof PartyBranchViewSchema>

/** A community member (approved 双报到 record) the event can be dispatched to. */
export const MemberCandidateViewSchema = z.object({
  /** The member's 报到 record id: what `event.assign` takes as a member handler's id (never an openid). */
  id: z.string(),
  name: z.string(),
  unitName: z.string(),
  gridName: z.string().optional(),
  /** Responsible for the event's grid (their 报到 assignment names it). */
  onGrid: z.boolean(),
  /** Approved for an earlier year and not yet renewed this year. */
  overdue: z.boolean(),
})
export type MemberCandidateView = z.infer<typeof MemberCandidateViewSchema>

export const HandlerRefSchema = z.object({ type: z.enum(HANDLER_TYPES), id: z.string(), name: z.string() })
export type HandlerRef = z.infer<typeof HandlerRefSchema>

/** One step of an event's handling, numbered 1, 2, … (`seq`); each is its own record, never cut (issue 11 §6). */
export const ProgressViewSchema = z.object({
  seq: z.number().int(),
  kind: z.enum(['progress', 'done', 'reopen', 'confirm', 'decide']),
  note: z.string(),
  photos: z.array(z.string()),
  byName: z.string(),
  at: z.string(),
})
export type ProgressView = z.infer<typeof ProgressViewSchema>

export const EventViewSchema = z.object({
  id: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  communityId: z.string(),
  communityName: z.string().optional(),
  estateId: z.string().optional(),
  estateName: z.string().optional(),
  buildingId: z.string().optional(),
  buildingName: z.string().optional(),
  place: z.string(),
  lat: z.number().optional(),
  lng: z.number().optional(),
  category: z.enum(CATEGORIES),
  description: z.string(),
  photos: z.array(z.string()),
  urgency: z.enum(URGENCIES),
  status: z.enum(EVENT_STATUS),
  reporterName: z.string(),
  /** True when the caller reported it. */
  mine: z.boolean(),
  handler: HandlerRefSchema.optional(),
  deadline: z.string().optional(),
  overdue: z.boolean(),
  acceptedByName: z.string().optional(),
  reopenCount: z.number().int(),
  rating: z.number().int().optional(),
  whistled: z.boolean(),
  link: z.object({ type: z.enum(['need', 'topic']), id: z.string() }).optional(),
  /** The latest steps of the handling, oldest first (at most PROGRESS_PREVIEW); `progress.list` pages all of them. */
  progress: z.array(ProgressViewSchema),
  /** How many steps there are in all. */
  progressCount: z.number().int(),
  createdAt: z.string(),
  doneAt: z.string().optional(),
  closedAt: z.string().optional(),
  /** Held or removed (举报 or the content check): the reporter sees it marked; others see no place, text, photos or steps. */
  ...moderationFields,
})
export type EventView = z.infer<typeof EventViewSchema>

export const StatsViewSchema = z.object({
  scopeType: z.enum(['grid', 'community']),
  scopeId: z.string(),
  scopeName: z.string(),
  reported: z.number().int(),
  handled: z.number().int(),
  onTime: z.number().int(),
  /** Percent with one decimal, null when nothing was handled yet. */
  onTimeRate: z.number().nullable(),
  medianHours: z.number().nullable(),
  reopened: z.number().int(),
  reopenRate: z.number().nullable(),
})
export type GridStatsView = z.infer<typeof StatsViewSchema>

/**
 * Open events by place (`event.map`): per estate and building, how many are open, urgent and past their
 * deadline, and the mean of their reported coordinates (null when none was located).
 */
export const EventPlaceViewSchema = z.object({
  estateId: z.string().nullable(),
  estateName: z.string(),
  buildingId: z.string().nullable(),
  buildingName: z.string().nullable(),
  open: z.number().int(),
  urgent: z.number().int(),
  overdue: z.number().int(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
})
export type EventPlaceView = z.infer<typeof EventPlaceViewSchema>

/**
 * A grid worker's year as a record (not a score, not a rank): events they reported and how those were
 * handled, events they dispatched, and residents' ratings of the handling on their grid.
 */
export const WorkerRecordViewSchema = z.object({
  staffId: z.string(),
  name: z.string(),
  post: z.enum(STAFF_POSTS),
  gridId: z.string(),
  gridName: z.string(),
  /** Still in post (a worker removed during the year keeps their record). */
  active: z.boolean(),
  reported: z.number().int(),
  /** Of those: handled (first marked done), on time, and the mean hours from report to first done. */
  handled: z.number().int(),
  onTime: z.number().int(),
  meanHours: z.number().nullable(),
  /** Events they dispatched as 网格长. */
  dispatched: z.number().int(),
  /** Ratings residents (not the grid's staff) gave the handling of events on the worker's grid. */
  residentRatings: z.object({ count: z.number().int(), average: z.number().nullable() }),
})
export type WorkerRecordView = z.infer<typeof WorkerRecordViewSchema>

const PhotosSchema = photoList(6)
const HandlerInputSchema = z.object({ type: z.enum(HANDLER_TYPES), id: IdSchema })
const PartyInputSchema = z.object({ type: z.enum(['unit', 'company']), id: IdSchema })

// ---- registry ---------------------------------------------------------------------------------

export const gridActions = {
  'settings.get': action({
    summary: '街道的处置时限与吹哨应答时限',
    roles: ['authenticated'],
    input: z.object({ streetId: IdSchema }),
    output: SettingsViewSchema,
  }),
  'settings.set': action({
    summary: '街道管理员设置处置时限（急/一般）与吹哨应答时限',
    roles: ['street_admin'],
    input: z.object({
      streetId: IdSchema,
      urgentHours: z
        .number()
        .int()
        .min(1, '至少 1 小时')
        .max(24 * 7, '最多 168 小时'),
      normalHours: z
        .number()
        .int()
        .min(1, '至少 1 小时')
        .max(24 * 30, '最多 720 小时'),
      whistleWindowHours: z
        .number()
        .int()
        .min(1, '至少 1 小时')
        .max(24 * 7, '最多 168 小时'),
    }),
    output: SettingsViewSchema,
  }),

  'staff.list': action({
    summary: '网格的网格长、网格员、挂钩干部与党支部书记',
    roles: ['authenticated'],
    input: z.object({ gridId: IdSchema }),
    output: z.object({
      gridId: z.string(),
      gridName: z.string(),
      communityId: z.string(),
      partyBranch: PartyBranchViewSchema.nullable(),
      items: z.array(StaffViewSchema),
      /** The grid's 楼栋长 (with their 楼道党小组 and 党员中心户), in the order of their first building. */
      buildingLeaders: z.array(BuildingLeaderViewSchema),
    }),
  }),
  'grid.mine': action({
    summary: '我所在的网格：任职的网格、房屋所在网格、党员报到分配的网格',
    roles: ['authenticated'],
    input: z.object({}),
    output: z.object({
      items: z.array(
        z.object({
          gridId: z.string(),
          gridName: z.string(),
          communityId: z.string(),
          via: z.enum(['staff', 'building', 'resident', 'member']),
          /** The caller's home buildings on this grid (verified households): the grid page shows their 楼栋长 first. */
          homeBuildingIds: z.array(z.string()),
        }),
      ),
    }),
  }),
  'branch.set': action({
    summary: '书记设置网格党支部名称（及支部书记），旧名称保留为历史版本',
    roles: ['secretary'],
    input: z.object({ gridId: IdSchema, name: text(30, '党支部名称'), secretaryName: optionalText(20, '支部书记') }),
    output: PartyBranchViewSchema,
  }),
  'staff.appoint': action({
    summary: '书记为网格岗位生成一次性任命码（二维码）；对方在“使用邀请码”扫码或输入后就任，获得网格员身份',
    roles: ['secretary'],
    input: z.object({
      requestId: RequestIdSchema,
      gridId: IdSchema,
      post: z.enum(STAFF_POSTS),
      title: optionalText(20, '职务说明'),
      ttlHours: z
        .number()
        .int()
        .min(1, '至少 1 小时')
        .max(24 * 7, '最多 7 天')
        .default(72),
    }),
    output: StaffInvitationViewSchema,
  }),
  'building.appoint': action({
    summary: '书记为本网格的一栋或几栋楼生成楼栋长任命码（可注明楼道党小组、党员中心户）；对方使用后就任楼栋长',
    roles: ['secretary'],
    input: z.object({
      requestId: RequestIdSchema,
      gridId: IdSchema,
      buildingIds: z.array(IdSchema).min(1, '请至少选择一栋楼').max(10, '最多 10 栋楼'),
      groupName: optionalText(20, '楼道党小组'),
      centralHousehold: z.boolean().default(false),
      ttlHours: z
        .number()
        .int()
        .min(1, '至少 1 小时')
        .max(24 * 7, '最多 7 天')
        .default(72),
    }),
    output: StaffInvitationViewSchema,
  }),
  'building.events': action({
    summary: '楼栋长：我负责楼栋的未办结事件（及我负责的楼栋）',
    roles: ['building_leader'],
    input: PageInputSchema.extend({ gridId: IdSchema }),
    output: pageOf(EventViewSchema).extend({ gridName: z.string(), buildings: z.array(BuildingRefSchema) }),
  }),
  'staff.invitations': action({
    summary: '网格发出的任命码（待使用、已使用、已过期；码已遮盖）',
    roles: ['secretary'],
    input: PageInputSchema.extend({ gridId: IdSchema }),
    output: pageOf(StaffInvitationViewSchema),
  }),
  'staff.remove': action({
    summary: '书记免去网格职务（记录保留；最后一个职务免去时网格员身份随之结束，记入本人的任职历史）',
    roles: ['secretary'],
    input: z.object({ staffId: IdSchema, reason: optionalText(200, '原因') }),
    output: z.object({ ok: z.literal(true) }),
  }),

  'photo.upload': photoUploadAction('上传事件照片（压缩后的图片，检测后返回文件编号）', [
    'grid_worker',
    'member',
    'resident',
    'property_staff',
    'unit_liaison',
    'secretary',
  ]),
  'event.report': action({
    summary: '网格员、楼栋长（本楼）、本社区党员或已认证居民上报网格事件',
    roles: ['grid_worker', 'building_leader', 'member', 'resident'],
    input: z.object({
      requestId: RequestIdSchema,
      /**
       * Not chosen by a resident: the server derives the grid from the building (its grid), else from
       * the reporter (the one grid they work on, their home's grid, their 报到 grid). Sent, it must agree.
       */
      gridId: IdSchema.optional(),
      /** The estate alone (no building) is kept too; a building implies its estate and its grid. */
      estateId: IdSchema.optional(),
      buildingId: IdSchema.optional(),
      place: text(60, '地点'),
      lat: z.number().min(-90).max(90).optional(),
      lng: z.number().min(-180).max(180).optional(),
      category: z.enum(CATEGORIES),
      description: text(500, '事件描述'),
      photos: PhotosSchema,
      urgency: z.enum(URGENCIES),
    }),
    output: EventViewSchema,
  }),
  'event.mine': action({
    summary: '我上报的事件',
    roles: ['authenticated'],
    input: PageInputSchema,
    output: pageOf(EventViewSchema),
  }),
  'event.get': action({
    summary: '事件详情（含吹哨应答）',
    roles: ['authenticated'],
    input: z.object({ eventId: IdSchema }),
    output: z.object({
      event: EventViewSchema,
      summons: z.array(SummonsViewSchema),
      canAssign: z.boolean(),
      canHandle: z.boolean(),
    }),
  }),
  'event.board': action({
    summary: '派单台：社区（书记）或网格（网格长）的事件；可只看一个小区或楼栋、只看未办结的',
    roles: ['secretary', 'grid_worker'],
    input: PageInputSchema.extend({
      communityId: IdSchema.optional(),
      gridId: IdSchema.optional(),
      status: z.enum(EVENT_STATUS).optional(),
      estateId: IdSchema.optional(),
      buildingId: IdSchema.optional(),
      open: z.boolean().default(false),
      q: SearchTextSchema,
    }).refine((v) => !!v.communityId !== !!v.gridId, { message: '请选择社区或网格之一', path: ['communityId'] }),
    output: pageOf(EventViewSchema),
  }),
  'event.map': action({
    summary: '事件分布：社区（书记）或网格（网格人员）未办结的事件按小区、楼栋汇总，含位置',
    roles: ['secretary', 'grid_worker'],
    input: z
      .object({ communityId: IdSchema.optional(), gridId: IdSchema.optional() })
      .refine((v) => !!v.communityId !== !!v.gridId, { message: '请选择社区或网格之一', path: ['communityId'] }),
    output: z.object({ places: z.array(EventPlaceViewSchema), open: z.number().int() }),
  }),
  'staff.record': action({
    summary: '网格员工作记录（书记）：某年每人的上报、办理用时、派单与居民评价（记录，不是评分）',
    roles: ['secretary'],
    input: z.object({
      communityId: IdSchema,
      year: z.number().int().min(2020, '年份有误').max(2100, '年份有误').optional(),
    }),
    output: z.object({ year: z.number().int(), items: z.array(WorkerRecordViewSchema) }),
  }),
  'event.assign': action({
    summary: '书记或网格长派单：指定处置方，按紧急程度定时限',
    roles: ['secretary', 'grid_worker'],
    input: z.object({ eventId: IdSchema, handler: HandlerInputSchema }),
    output: EventViewSchema,
  }),
  'event.members': action({
    summary: '可派单的在职党员：本社区报到通过的党员（标明负责本网格者）',
    roles: ['secretary', 'grid_worker'],
    input: PageInputSchema.extend({ eventId: IdSchema }),
    output: pageOf(MemberCandidateViewSchema),
  }),
  'event.inbox': action({
    summary: '派给我（我所在物业、单位、社区或本人）的事件',
    roles: ['authenticated'],
    input: PageInputSchema.extend({ open: z.boolean().default(true) }),
    output: pageOf(EventViewSchema),
  }),
  'event.accept': action({
    summary: '处置方接单（同一事件只有一人接单成功）',
    roles: ['authenticated'],
    input: z.object({ eventId: IdSchema }),
    output: EventViewSchema,
  }),
  'event.progress': action({
    summary: '处置方上传进展（可附照片），或标记已办结',
    roles: ['authenticated'],
    input: z.object({
      eventId: IdSchema,
      note: text(300, '进展说明'),
      photos: PhotosSchema,
      done: z.boolean().default(false),
    }),
    output: EventViewSchema,
  }),
  'progress.list': action({
    summary: '事件的全部处置记录（分页，最新在前）',
    roles: ['authenticated'],
    input: PageInputSchema.extend({ eventId: IdSchema }),
    output: pageOf(ProgressViewSchema),
  }),
  'event.confirm': action({
    summary: '上报人确认解决（可评价 1–5 星）或不满意重新打开',
    roles: ['authenticated'],
    input: z
      .object({
        eventId: IdSchema,
        resolved: z.boolean(),
        rating: z.number().int().min(1).max(5).optional(),
        reason: optionalText(200, '原因'),
      })
      .refine((v) => v.resolved || (v.reason && v.reason.length > 0), {
        message: '重新打开时请写明原因',
        path: ['reason'],
      }),
    output: EventViewSchema,
  }),
  'event.decide': action({
    summary: '两次重新打开后由书记裁定：办结或重新派单',
    roles: ['secretary'],
    input: z.object({ eventId: IdSchema, close: z.boolean(), note: text(200, '裁定意见') }),
    output: EventViewSchema,
  }),
  'event.overdue': action({
    summary: '街道超期事件队列',
    roles: ['street_admin'],
    input: PageInputSchema.extend({ streetId: IdSchema }),
    output: pageOf(EventViewSchema),
  }),
  'event.remind': action({
    summary: '催办：向时限将到（默认 6 小时内）且未提醒过的事件处置方发送提醒，每次最多 5 件（书记手动或定时触发）',
    roles: ['secretary'],
    input: z.object({ communityId: IdSchema, withinHours: z.number().int().min(1).max(48).default(6) }),
    output: z.object({ reminded: z.number().int() }),
  }),
  'event.convert': action({
    summary: '一键转为社区需求或议事议题（保留关联）',
    roles: ['secretary'],
    input: z.object({ requestId: RequestIdSchema, eventId: IdSchema, to: z.enum(['need', 'topic']) }),
    output: z.object({ event: EventViewSchema, linkId: z.string() }),
  }),

  'whistle.parties': action({
    summary: '可派单或吹哨召集的各方：本小区物业、本网格责任单位（书记或网格长）',
    roles: ['secretary', 'grid_worker'],
    input: z.object({ eventId: IdSchema }),
    output: z.object({
      items: z.array(z.object({ type: z.enum(['unit', 'company']), id: z.string(), name: z.string() })),
    }),
  }),
  'whistle.blow': action({
    summary: '书记吹哨：同时召集网格责任单位和/或物业，限时应答',
    roles: ['secretary'],
    input: z.object({
      requestId: RequestIdSchema,
      eventId: IdSchema,
      parties: z.array(PartyInputSchema).min(1, '请至少召集一方').max(10),
      note: optionalText(200, '吹哨说明'),
    }),
    output: z.object({ summons: z.array(SummonsViewSchema) }),
  }),
  'whistle.inbox': action({
    summary: '我所在单位或物业收到的吹哨召集',
    roles: ['unit_liaison', 'property_staff'],
    input: PageInputSchema,
    output: pageOf(SummonsViewSchema),
  }),
  'whistle.answer': action({
    summary: '被召集方应答：报到并承诺，或说明理由',
    roles: ['unit_liaison', 'property_staff'],
    input: z.object({ summonsId: IdSchema, kind: z.enum(ANSWER_KINDS), text: text(300, '应答内容') }),
    output: SummonsViewSchema,
  }),
  'whistle.record': action({
    summary: '单位或物业某季度的吹哨应答记录（双反馈函、物业主页引用）',
    roles: ['authenticated'],
    input: z.object({
      partyType: z.enum(['unit', 'company']),
      partyId: IdSchema,
      quarter: z
        .string()
        .regex(/^\d{4}Q[1-4]$/, '季度格式如 2026Q4')
        .optional(),
    }),
    output: WhistleRecordViewSchema,
  }),

  'stats.get': action({
    summary: '网格/社区统计：上报数、按时办结率、处置时长中位数、重开率',
    roles: ['secretary', 'grid_worker', 'street_admin'],
    input: z.object({ communityId: IdSchema }),
    output: z.object({ community: StatsViewSchema, grids: z.array(StatsViewSchema) }),
  }),
  ...reportActions(ROLES),
} as const

export type GridActions = typeof gridActions
