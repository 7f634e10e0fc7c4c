import * as z from 'zod'
import { action } from './action'
import {
  BindingRequestInputSchema,
  BootstrapInputSchema,
  GRANT_END_KINDS,
  HOME_KINDS,
  InvitationRedeemInputSchema,
  LiaisonRegisterInputSchema,
  ProfileUpdateInputSchema,
} from './org-forms'
import {
  IdSchema,
  optionalText,
  PageInputSchema,
  pageOf,
  RequestIdSchema,
  SearchTextSchema,
  text,
  OkOnlySchema,
} from './common'
import { ENDABLE_ROLES, ROLES, roleGrantSchema } from './roles'
import { NoticeTemplatesViewSchema } from './notices'
import { STAFF_POSTS } from './staff-posts'
import {
  MyDataFileViewSchema,
  MyDataSectionInputSchema,
  MyDataSectionViewSchema,
  MyDataSummaryViewSchema,
} from './mydata'
import { moderationQueueAction } from './moderation'
import { auditListAction } from './audit'
import { jointActions } from './joint'
import { APPLICATION_STATUS, BINDING_STATUS, INVITABLE_ROLES, INVITATION_ROLES } from './org-enums'

/** org — streets, communities, grids, buildings, estates, households, invitations, roles, verification. */

export * from './org-enums'

// ---- views (what actions return) -------------------------------------------------------------

export const BindingViewSchema = z.object({
  id: z.string(),
  householdId: z.string(),
  /** e.g. 幸福里小区 3号楼 2单元 501 */
  address: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  status: z.enum(BINDING_STATUS),
  method: z.enum(['secretary', 'code']),
  reason: z.string().optional(),
  applicantName: z.string(),
  /** Masked unless the caller is the applicant. */
  applicantPhone: z.string().optional(),
  createdAt: z.string(),
  decidedAt: z.string().optional(),
  decidedByName: z.string().optional(),
  /** A verified binding ends when the resident leaves the household or the community unbinds them (moved house). */
  endedAt: z.string().optional(),
  endReason: z.string().optional(),
  /** 本人 when the resident left; the secretary's name when the community unbound them. */
  endedByName: z.string().optional(),
})
export type BindingView = z.infer<typeof BindingViewSchema>

/** A grant as its holder sees it on 我的: with the day it was given (grants older than the history have none). */
export const MyRoleViewSchema = roleGrantSchema.extend({ since: z.string().optional() })
export type MyRoleView = z.infer<typeof MyRoleViewSchema>

/** What leaving did: counts only (nobody, not even the leaver, is named in the answer). */
export const LeaveResultViewSchema = z.object({
  /** Grants ended (each kept in the history as 本人注销, under the departed name). */
  grantsEnded: z.number().int(),
  /** Pending requests withdrawn (a binding or a liaison registration not yet decided). */
  requestsWithdrawn: z.number().int(),
  /** Records of other people and of the community that now say 已注销用户 instead of the person. */
  recordsAnonymised: z.number().int(),
  /** Uploaded photos no record carries, removed from storage. */
  filesRemoved: z.number().int(),
})
export type LeaveResultView = z.infer<typeof LeaveResultViewSchema>

/** One ended grant, kept (append-only): who held what, from when, until when, who ended it and why. */
export const RoleHistoryViewSchema = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  scopeId: z.string(),
  scopeName: z.string(),
  since: z.string().optional(),
  endedAt: z.string(),
  kind: z.enum(GRANT_END_KINDS),
  reason: z.string().optional(),
  /** e.g. 街道管理员 赵立新, or 本人. */
  endedByName: z.string(),
})
export type RoleHistoryView = z.infer<typeof RoleHistoryViewSchema>

/** A holder of a role on a scope, for the level above: a name and an opaque grant id, never an openid. */
export const RoleHolderViewSchema = z.object({
  grantId: z.string(),
  role: z.enum(ROLES),
  scopeId: z.string(),
  scopeName: z.string(),
  name: z.string(),
  since: z.string().optional(),
  /** The caller themself (they step down instead, from 我的). */
  self: z.boolean(),
})
export type RoleHolderView = z.infer<typeof RoleHolderViewSchema>

export const MeViewSchema = z.object({
  openid: z.string(),
  name: z.string(),
  /** The owner sees the whole number. */
  phone: z.string().optional(),
  roles: z.array(MyRoleViewSchema),
  binding: BindingViewSchema.nullable(),
  /** True when the deployment has no street admin yet and this caller is the configured bootstrap admin. */
  canBootstrap: z.boolean(),
})
export type MeView = z.infer<typeof MeViewSchema>

export const StreetViewSchema = z.object({ id: z.string(), name: z.string() })
export const CommunityViewSchema = z.object({
  id: z.string(),
  streetId: z.string(),
  name: z.string(),
  address: z.string(),
  gridCount: z.number().int(),
  estateCount: z.number().int(),
  householdCount: z.number().int(),
})
export type CommunityView = z.infer<typeof CommunityViewSchema>
/** Retired places are kept (their records name them) but hidden from pickers and refused for new records. */
export const GridViewSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  name: z.string(),
  retired: z.boolean().optional(),
})
/** Where it is (GCJ-02), when known: an activity's place is picked from these in H5 (the mini-program uses WeChat's map). */
const spot = { lat: z.number().optional(), lng: z.number().optional() }
export const EstateViewSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  name: z.string(),
  companyId: z.string().optional(),
  companyName: z.string().optional(),
  retired: z.boolean().optional(),
  ...spot,
})
export const BuildingViewSchema = z.object({
  id: z.string(),
  estateId: z.string(),
  gridId: z.string(),
  name: z.string(),
  retired: z.boolean().optional(),
  ...spot,
})

export const PLACE_KINDS = ['estate', 'building', 'grid'] as const
export type PlaceKind = (typeof PLACE_KINDS)[number]
export const PLACE_KIND_LABEL: Record<PlaceKind, string> = { estate: '小区', building: '楼栋', grid: '网格' }
export const PlaceViewSchema = z.object({
  kind: z.enum(PLACE_KINDS),
  id: z.string(),
  communityId: z.string(),
  name: z.string(),
  retired: z.boolean(),
})

/** A change to the register (area, name, retirement, grid), kept as a version: what it was, what it became, why, who, when. */
export const REVISION_KINDS = ['area', 'rename', 'retire', 'move'] as const
export type RevisionKind = (typeof REVISION_KINDS)[number]
export const RevisionViewSchema = z.object({
  id: z.string(),
  kind: z.enum(REVISION_KINDS),
  version: z.number().int(),
  /** For display: 85.50 平方米, 3号楼, 第二网格 … */
  before: z.string(),
  after: z.string(),
  reason: z.string().optional(),
  byName: z.string(),
  at: z.string(),
})
export type RevisionView = z.infer<typeof RevisionViewSchema>

/** A household as the people who keep the register see it (its area included). */
export const HouseholdDetailViewSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  estateId: z.string(),
  buildingId: z.string(),
  gridId: z.string(),
  room: z.string(),
  address: z.string(),
  floorAreaDm2: z.number().int(),
  retired: z.boolean(),
  /** Open votes counting area that contain this household: its area cannot be edited until they are counted. */
  areaLockedBy: z.array(z.string()),
})
export type HouseholdDetailView = z.infer<typeof HouseholdDetailViewSchema>
/** `floorAreaDm2` only for the community's administrators: with vote tallies by area, a room's area could single out its ballot. */
export const HouseholdViewSchema = z.object({
  id: z.string(),
  buildingId: z.string(),
  room: z.string(),
  floorAreaDm2: z.number().int().optional(),
})

export const InvitationViewSchema = z.object({
  id: z.string(),
  /** Shown in full only in the create response; lists show it masked. */
  code: z.string(),
  role: z.enum(INVITATION_ROLES),
  /** For a grid post (role grid_worker): which post. */
  post: z.enum(STAFF_POSTS).optional(),
  scopeId: z.string(),
  scopeName: z.string(),
  status: z.enum(['open', 'used', 'expired']),
  expiresAt: z.string(),
  createdAt: z.string(),
  usedByName: z.string().optional(),
})
export type InvitationView = z.infer<typeof InvitationViewSchema>

export const LiaisonApplicationViewSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  unitName: z.string(),
  partyBody: z.string(),
  applicantName: z.string(),
  applicantPhone: z.string(),
  status: z.enum(APPLICATION_STATUS),
  reason: z.string().optional(),
  createdAt: z.string(),
})
export type LiaisonApplicationView = z.infer<typeof LiaisonApplicationViewSchema>

// ---- home (待办) -------------------------------------------------------------------------------

export const HomeItemViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** One line of plain words under the title. */
  detail: z.string().optional(),
  /** The instant the item is ordered by (newest first): submitted, reported, starts. */
  at: z.string(),
  /** Answer, vote close or fix deadline, where the item has one. */
  deadline: z.string().optional(),
  overdue: z.boolean(),
  /** The page that deals with it (one tap from home). */
  route: z.string(),
})
export type HomeItemView = z.infer<typeof HomeItemViewSchema>

export const HomeGroupViewSchema = z.object({
  kind: z.enum(HOME_KINDS),
  /** Everything waiting of this kind (a count query), not only the items shown. */
  count: z.number().int(),
  /** The newest few. */
  items: z.array(HomeItemViewSchema),
  /** The full list. */
  route: z.string(),
})
export type HomeGroupView = z.infer<typeof HomeGroupViewSchema>

export const HomeSectionViewSchema = z.object({
  role: z.enum(ROLES),
  /** e.g. 社区书记 · 和谐社区 */
  title: z.string(),
  count: z.number().int(),
  groups: z.array(HomeGroupViewSchema),
})
export type HomeSectionView = z.infer<typeof HomeSectionViewSchema>

export const HomeViewSchema = z.object({ me: MeViewSchema, sections: z.array(HomeSectionViewSchema) })
export type HomeView = z.infer<typeof HomeViewSchema>

// ---- registry ---------------------------------------------------------------------------------

export const orgActions = {
  ...jointActions,
  me: action({
    summary: '我的资料、身份与住户认证状态',
    roles: ['authenticated'],
    input: z.object({}),
    output: MeViewSchema,
  }),
  home: action({
    summary: '首页待办：我的资料和每个身份下等我处理的事项（数量与最新几条）',
    roles: ['authenticated'],
    input: z.object({}),
    output: HomeViewSchema,
  }),
  'profile.update': action({
    summary: '修改我的姓名和手机号',
    roles: ['authenticated'],
    input: ProfileUpdateInputSchema,
    output: MeViewSchema,
  }),
  'mydata.summary': action({
    summary: '我的数据：同心圆保存的关于我的各类记录及条数',
    roles: ['authenticated'],
    input: z.object({}),
    output: MyDataSummaryViewSchema,
  }),
  'mydata.section': action({
    summary: '我的数据：某一类记录（分页）',
    roles: ['authenticated'],
    input: MyDataSectionInputSchema,
    output: MyDataSectionViewSchema,
  }),
  'mydata.export': action({
    summary: '导出我的数据（JSON 文件，返回临时下载链接）',
    roles: ['authenticated'],
    input: z.object({}),
    output: MyDataFileViewSchema,
  }),
  'notice.templates': action({
    summary: '订阅消息模板（小程序据此请用户授权）',
    roles: ['authenticated'],
    input: z.object({}),
    output: NoticeTemplatesViewSchema,
  }),
  bootstrap: action({
    summary: '部署后首位街道管理员认领（仅配置的 OPENID）',
    roles: ['authenticated'],
    input: BootstrapInputSchema,
    output: MeViewSchema,
  }),

  'street.list': action({
    summary: '街道列表',
    roles: ['authenticated'],
    input: PageInputSchema,
    output: pageOf(StreetViewSchema),
  }),
  'community.list': action({
    summary: '社区列表（可按街道筛选）',
    roles: ['authenticated'],
    input: PageInputSchema.extend({ streetId: IdSchema.optional() }),
    output: pageOf(CommunityViewSchema),
  }),
  'community.create': action({
    summary: '街道管理员新建社区',
    roles: ['street_admin'],
    input: z.object({
      requestId: RequestIdSchema,
      streetId: IdSchema,
      name: text(40, '社区名称'),
      address: text(80, '地址'),
    }),
    output: CommunityViewSchema,
  }),
  'grid.list': action({
    summary: '社区的网格（已停用的只在管理时列出）',
    roles: ['authenticated'],
    input: z.object({ communityId: IdSchema, includeRetired: z.boolean().default(false) }),
    output: z.object({ items: z.array(GridViewSchema) }),
  }),
  'grid.create': action({
    summary: '新建网格（街道管理员或本社区书记）',
    roles: ['street_admin', 'secretary'],
    input: z.object({ requestId: RequestIdSchema, communityId: IdSchema, name: text(40, '网格名称') }),
    output: GridViewSchema,
  }),
  'estate.list': action({
    summary: '社区的小区（已停用的只在管理时列出）',
    roles: ['authenticated'],
    input: z.object({ communityId: IdSchema, includeRetired: z.boolean().default(false) }),
    output: z.object({ items: z.array(EstateViewSchema) }),
  }),
  'estate.create': action({
    summary: '新建小区（街道管理员或本社区书记）',
    roles: ['street_admin', 'secretary'],
    input: z.object({ requestId: RequestIdSchema, communityId: IdSchema, name: text(40, '小区名称') }),
    output: EstateViewSchema,
  }),
  'building.create': action({
    summary: '新建楼栋并按楼层、每层户数生成房号（街道管理员或本社区书记）',
    roles: ['street_admin', 'secretary'],
    input: z.object({
      requestId: RequestIdSchema,
      estateId: IdSchema,
      gridId: IdSchema,
      name: text(20, '楼栋名称'),
      floors: z.number().int().min(1, '至少 1 层').max(40, '最多 40 层'),
      roomsPerFloor: z.number().int().min(1, '每层至少 1 户').max(12, '每层最多 12 户'),
      /** Floor area of every generated household, in dm² (1 ㎡ = 100 dm²); edited per household later. */
      floorAreaDm2: z.number().int().min(1000, '面积不小于 10 平方米').max(100000, '面积不大于 1000 平方米'),
    }),
    output: BuildingViewSchema.extend({ householdCount: z.number().int() }),
  }),
  'building.list': action({
    summary: '小区的楼栋（已停用的只在管理时列出）',
    roles: ['authenticated'],
    input: z.object({ estateId: IdSchema, includeRetired: z.boolean().default(false) }),
    output: z.object({ items: z.array(BuildingViewSchema) }),
  }),
  'household.list': action({
    summary: '楼栋的房号',
    roles: ['authenticated'],
    input: PageInputSchema.extend({ buildingId: IdSchema }),
    output: pageOf(HouseholdViewSchema),
  }),
  'household.get': action({
    summary: '一户的登记信息（面积等，仅社区管理人员）',
    roles: ['street_admin', 'secretary'],
    input: z.object({ householdId: IdSchema }),
    output: HouseholdDetailViewSchema,
  }),
  'household.members': action({
    summary: '这一户绑定过的居民：谁、从何时起、何时解除',
    roles: ['street_admin', 'secretary'],
    input: PageInputSchema.extend({ householdId: IdSchema }),
    output: pageOf(BindingViewSchema),
  }),
  'household.setArea': action({
    summary: '更正一户的建筑面积（写明原因，旧值留作历史版本；按面积计票的表决进行中时不能改）',
    roles: ['street_admin', 'secretary'],
    input: z.object({
      householdId: IdSchema,
      floorAreaDm2: z.number().int().min(1000, '面积不小于 10 平方米').max(100000, '面积不大于 1000 平方米'),
      reason: text(200, '更正原因'),
    }),
    output: HouseholdDetailViewSchema,
  }),
  'place.rename': action({
    summary: '小区、楼栋或网格改名（旧名留作历史版本；已有记录保留当时的名称）',
    roles: ['street_admin', 'secretary'],
    input: z.object({
      kind: z.enum(PLACE_KINDS),
      id: IdSchema,
      name: text(40, '新名称'),
      reason: optionalText(200, '原因'),
    }),
    output: PlaceViewSchema,
  }),
  'place.retire': action({
    summary: '停用小区、楼栋或网格（保留记录，不再出现在选择列表中，也不能再用于新记录）',
    roles: ['street_admin', 'secretary'],
    input: z.object({ kind: z.enum(PLACE_KINDS), id: IdSchema, reason: text(200, '停用原因') }),
    output: PlaceViewSchema,
  }),
  'place.history': action({
    summary: '一户、楼栋、小区或网格的历史版本（面积、名称、停用、所属网格）',
    roles: ['street_admin', 'secretary'],
    input: PageInputSchema.extend({ kind: z.enum(['household', ...PLACE_KINDS]), id: IdSchema }),
    output: pageOf(RevisionViewSchema),
  }),
  'building.move': action({
    summary: '楼栋调整到本社区另一个网格（楼内各户随之调整）',
    roles: ['street_admin', 'secretary'],
    input: z.object({
      requestId: RequestIdSchema,
      buildingId: IdSchema,
      gridId: IdSchema,
      reason: optionalText(200, '原因'),
    }),
    output: BuildingViewSchema.extend({ householdCount: z.number().int(), previousGridId: z.string() }),
  }),

  'binding.request': action({
    summary: '居民绑定房屋（有户码即时认证，否则待社区审核）',
    roles: ['authenticated'],
    input: BindingRequestInputSchema,
    output: BindingViewSchema,
  }),
  'binding.listPending': action({
    summary: '本社区待审核的住户绑定（可按姓名或地址查找）',
    roles: ['secretary'],
    input: PageInputSchema.extend({ communityId: IdSchema, q: SearchTextSchema }),
    output: pageOf(BindingViewSchema),
  }),
  'resident.list': action({
    summary: '本社区已认证的住户（可按姓名或地址查找），新认证的在前',
    roles: ['secretary'],
    input: PageInputSchema.extend({ communityId: IdSchema, q: SearchTextSchema }),
    output: pageOf(BindingViewSchema),
  }),
  'household.search': action({
    summary: '按地址查找本社区的房屋（如 3号楼 501）',
    roles: ['secretary', 'street_admin'],
    input: PageInputSchema.extend({
      communityId: IdSchema,
      q: SearchTextSchema.refine((v) => !!v, '请输入楼号或房号'),
    }),
    output: pageOf(HouseholdViewSchema.extend({ address: z.string() })),
  }),
  'binding.decide': action({
    summary: '书记审核住户绑定',
    roles: ['secretary'],
    input: z
      .object({ bindingId: IdSchema, approve: z.boolean(), reason: optionalText(200, '原因') })
      .refine((v) => v.approve || (v.reason && v.reason.length > 0), { message: '退回时请写明原因', path: ['reason'] }),
    output: BindingViewSchema,
  }),
  'binding.unbind': action({
    summary: '书记为已搬离的居民解除房屋绑定（写明原因；记录保留，其选票和评价仍归本户）',
    roles: ['secretary'],
    input: z.object({ bindingId: IdSchema, reason: text(200, '解除原因') }),
    output: BindingViewSchema,
  }),
  'binding.leave': action({
    summary: '居民退出本户（搬家后可再认证新的房屋；本户的选票和评价仍归本户）',
    roles: ['resident'],
    input: z.object({ reason: optionalText(200, '原因') }),
    output: MeViewSchema,
  }),
  'householdCode.issue': action({
    summary: '书记为某户生成一次性户码',
    roles: ['secretary'],
    input: z.object({
      requestId: RequestIdSchema,
      householdId: IdSchema,
      ttlDays: z.number().int().min(1).max(90).default(30),
    }),
    output: z.object({ code: z.string(), householdId: z.string(), expiresAt: z.string() }),
  }),

  'invitation.create': action({
    summary: '上级生成一次性邀请码（街道→书记/街道管理员/物业；书记→物业）',
    roles: ['street_admin', 'secretary'],
    input: z.object({
      requestId: RequestIdSchema,
      role: z.enum(INVITABLE_ROLES),
      scopeId: IdSchema,
      ttlHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 30)
        .default(72),
    }),
    output: InvitationViewSchema,
  }),
  'invitation.list': action({
    summary: '我所辖范围内的邀请码',
    roles: ['street_admin', 'secretary'],
    input: PageInputSchema.extend({ scopeId: IdSchema }),
    output: pageOf(InvitationViewSchema),
  }),
  'invitation.redeem': action({
    summary: '使用邀请码获得身份',
    roles: ['authenticated'],
    input: InvitationRedeemInputSchema,
    output: MeViewSchema,
  }),

  'role.holders': action({
    summary: '某个范围内担任某种职务的人（上级据此结束任命；只给姓名和任命编号）',
    roles: ['street_admin', 'secretary'],
    input: PageInputSchema.extend({ scopeId: IdSchema, role: z.enum(ENDABLE_ROLES) }),
    output: pageOf(RoleHolderViewSchema),
  }),
  'role.end': action({
    summary: '上级结束一项任命（写明原因；即时生效，记录保留）',
    roles: ['street_admin', 'secretary'],
    input: z.object({ grantId: IdSchema, reason: text(200, '原因') }),
    output: RoleHistoryViewSchema,
  }),
  'role.stepDown': action({
    summary: '本人辞去一项职务（居民身份请用“退出本户”）',
    roles: ['authenticated'],
    input: z.object({ grantId: IdSchema, reason: optionalText(200, '原因') }),
    output: MeViewSchema,
  }),
  'role.history': action({
    summary: '我担任过、已结束的职务（谁、何时、为何结束）',
    roles: ['authenticated'],
    input: PageInputSchema,
    output: pageOf(RoleHistoryViewSchema),
  }),

  'account.leave': action({
    summary: '注销：抹去姓名和电话，结束全部职务和房屋绑定；记录以“已注销用户”保留，合计、榜单和结果不变',
    roles: ['authenticated'],
    // No requestId on purpose: an idempotency mark is keyed by the caller and would name who left.
    // Leaving again finds nothing left to end or anonymise, so a repeat is harmless.
    input: z.object({ confirm: z.literal(true, { message: '请先阅读并确认注销说明' }) }),
    output: LeaveResultViewSchema,
  }),

  'liaison.register': action({
    summary: '单位联络员自助注册，待所在社区书记审核',
    roles: ['authenticated'],
    input: LiaisonRegisterInputSchema,
    output: LiaisonApplicationViewSchema,
  }),
  'liaison.listPending': action({
    summary: '本社区待审核的单位联络员',
    roles: ['secretary'],
    input: PageInputSchema.extend({ communityId: IdSchema }),
    output: pageOf(LiaisonApplicationViewSchema),
  }),
  'liaison.decide': action({
    summary: '书记审核单位联络员',
    roles: ['secretary'],
    input: z
      .object({ applicationId: IdSchema, approve: z.boolean(), reason: optionalText(200, '原因') })
      .refine((v) => v.approve || (v.reason && v.reason.length > 0), { message: '退回时请写明原因', path: ['reason'] }),
    output: LiaisonApplicationViewSchema,
  }),
  'moderation.queue': moderationQueueAction,
  'audit.list': auditListAction,
} as const

export type OrgActions = typeof orgActions
export { OkOnlySchema }

// Defined in ./org-forms (what the main package needs), part of org's contract.
export * from './org-forms'
