import { z } from 'zod'
import { action } from './action'
import { id, optionalText, pageInput, pageOf, phone, requestId, text, okOnly } from './common'
import { ROLES, roleGrantSchema } from './roles'
import { noticeTemplatesView } from './notices'
import { STAFF_POSTS } from './staff-posts'
import { myDataFileView, myDataSectionInput, myDataSectionView, myDataSummaryView } from './mydata'
import { jointActions } from './joint'

/** org — streets, communities, grids, buildings, estates, households, invitations, roles, verification. */

export const INVITABLE_ROLES = ['secretary', 'property_staff', 'street_admin'] as const
export type InvitableRole = (typeof INVITABLE_ROLES)[number]
/** Roles an invitation can give: those above (invitation.create) and a grid post (grid staff.appoint). */
export const INVITATION_ROLES = [...INVITABLE_ROLES, 'grid_worker'] as const
export type InvitationRole = (typeof INVITATION_ROLES)[number]

/** The QR code of an invitation carries `txinvite:<code>`; the redeem screen's scanner reads it back. */
export const inviteQrText = (code: string) => `txinvite:${code}`
export const codeFromInviteText = (text: string) => text.trim().replace(/^txinvite:/i, '').trim().toUpperCase()

export const BINDING_STATUS = ['pending', 'verified', 'rejected', 'superseded'] as const
export type BindingStatus = (typeof BINDING_STATUS)[number]

export const BINDING_STATUS_LABEL: Record<BindingStatus, string> = {
  pending: '待社区审核',
  verified: '已认证',
  rejected: '未通过',
  superseded: '已更换',
}

export const APPLICATION_STATUS = ['pending', 'approved', 'rejected'] as const

// ---- views (what actions return) -------------------------------------------------------------

export const bindingView = z.object({
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
})
export type BindingView = z.infer<typeof bindingView>

export const meView = z.object({
  openid: z.string(),
  name: z.string(),
  /** The owner sees the whole number. */
  phone: z.string().optional(),
  roles: z.array(roleGrantSchema),
  binding: bindingView.nullable(),
  /** True when the deployment has no street admin yet and this caller is the configured bootstrap admin. */
  canBootstrap: z.boolean(),
})
export type MeView = z.infer<typeof meView>

export const streetView = z.object({ id: z.string(), name: z.string() })
export const communityView = z.object({
  id: z.string(),
  streetId: z.string(),
  name: z.string(),
  address: z.string(),
  gridCount: z.number().int(),
  estateCount: z.number().int(),
  householdCount: z.number().int(),
})
export type CommunityView = z.infer<typeof communityView>
export const gridView = z.object({ id: z.string(), communityId: z.string(), name: z.string() })
export const estateView = z.object({
  id: z.string(),
  communityId: z.string(),
  name: z.string(),
  companyId: z.string().optional(),
  companyName: z.string().optional(),
})
export const buildingView = z.object({ id: z.string(), estateId: z.string(), gridId: z.string(), name: z.string() })
/** `floorAreaDm2` only for the community's administrators: with vote tallies by area, a room's area could single out its ballot. */
export const householdView = z.object({ id: z.string(), buildingId: z.string(), room: z.string(), floorAreaDm2: z.number().int().optional() })

export const invitationView = z.object({
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
export type InvitationView = z.infer<typeof invitationView>

export const liaisonApplicationView = z.object({
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
export type LiaisonApplicationView = z.infer<typeof liaisonApplicationView>

// ---- home (待办) -------------------------------------------------------------------------------

/**
 * What can be waiting for a person on home, by the role it belongs to. Each kind is one bounded
 * query (count + newest items) over collections of the context that owns it, read-only.
 */
export const HOME_KINDS = [
  // secretary
  'bindings', 'checkins', 'topics', 'dispatch', 'unanswered',
  // street admin
  'heldRatings', 'objections', 'overdueEvents',
  // grid worker
  'gridReported',
  // property staff, unit liaison
  'ratingAnswers', 'summons',
  // anyone an event can be dispatched to (company, unit, community, member)
  'handling',
  // member
  'checkinDue', 'claimedWishes', 'activitiesToday',
  // resident (and whoever reported an event)
  'votes', 'rectifications', 'eventsToConfirm',
] as const
export type HomeKind = (typeof HOME_KINDS)[number]

export const HOME_KIND_LABEL: Record<HomeKind, string> = {
  bindings: '住户认证待审核',
  checkins: '报到待审核',
  topics: '议题待受理',
  dispatch: '网格事件待派单',
  unanswered: '吹哨超时未应答',
  heldRatings: '评价待复核',
  objections: '异议待处理',
  overdueEvents: '超期未办结事件',
  gridReported: '本网格待派单事件',
  ratingAnswers: '评价待答复',
  summons: '吹哨召集待应答',
  handling: '派给我方处置的事件',
  checkinDue: '今年还没有报到',
  claimedWishes: '已认领的微心愿',
  activitiesToday: '今天的服务活动',
  votes: '表决待投票',
  rectifications: '整改待确认',
  eventsToConfirm: '事件待确认',
}

export const homeItemView = z.object({
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
export type HomeItemView = z.infer<typeof homeItemView>

export const homeGroupView = z.object({
  kind: z.enum(HOME_KINDS),
  /** Everything waiting of this kind (a count query), not only the items shown. */
  count: z.number().int(),
  /** The newest few. */
  items: z.array(homeItemView),
  /** The full list. */
  route: z.string(),
})
export type HomeGroupView = z.infer<typeof homeGroupView>

export const homeSectionView = z.object({
  role: z.enum(ROLES),
  /** e.g. 社区书记 · 和谐社区 */
  title: z.string(),
  count: z.number().int(),
  groups: z.array(homeGroupView),
})
export type HomeSectionView = z.infer<typeof homeSectionView>

export const homeView = z.object({ me: meView, sections: z.array(homeSectionView) })
export type HomeView = z.infer<typeof homeView>

// ---- registry ---------------------------------------------------------------------------------

export const orgActions = {
  ...jointActions,
  me: action({
    summary: '我的资料、身份与住户认证状态',
    roles: ['authenticated'],
    input: z.object({}),
    output: meView,
  }),
  home: action({
    summary: '首页待办：我的资料和每个身份下等我处理的事项（数量与最新几条）',
    roles: ['authenticated'],
    input: z.object({}),
    output: homeView,
  }),
  'profile.update': action({
    summary: '修改我的姓名和手机号',
    roles: ['authenticated'],
    input: z.object({ name: text(20, '姓名'), phone: phone.optional() }),
    output: meView,
  }),
  'mydata.summary': action({
    summary: '我的数据：同心圆保存的关于我的各类记录及条数',
    roles: ['authenticated'],
    input: z.object({}),
    output: myDataSummaryView,
  }),
  'mydata.section': action({
    summary: '我的数据：某一类记录（分页）',
    roles: ['authenticated'],
    input: myDataSectionInput,
    output: myDataSectionView,
  }),
  'mydata.export': action({
    summary: '导出我的数据（JSON 文件，返回临时下载链接）',
    roles: ['authenticated'],
    input: z.object({}),
    output: myDataFileView,
  }),
  'notice.templates': action({
    summary: '订阅消息模板（小程序据此请用户授权）',
    roles: ['authenticated'],
    input: z.object({}),
    output: noticeTemplatesView,
  }),
  bootstrap: action({
    summary: '部署后首位街道管理员认领（仅配置的 OPENID）',
    roles: ['authenticated'],
    input: z.object({ streetName: text(40, '街道名称'), name: text(20, '姓名') }),
    output: meView,
  }),

  'street.list': action({
    summary: '街道列表',
    roles: ['authenticated'],
    input: pageInput,
    output: pageOf(streetView),
  }),
  'community.list': action({
    summary: '社区列表（可按街道筛选）',
    roles: ['authenticated'],
    input: pageInput.extend({ streetId: id.optional() }),
    output: pageOf(communityView),
  }),
  'community.create': action({
    summary: '街道管理员新建社区',
    roles: ['street_admin'],
    input: z.object({ requestId, streetId: id, name: text(40, '社区名称'), address: text(80, '地址') }),
    output: communityView,
  }),
  'grid.list': action({
    summary: '社区的网格',
    roles: ['authenticated'],
    input: z.object({ communityId: id }),
    output: z.object({ items: z.array(gridView) }),
  }),
  'grid.create': action({
    summary: '新建网格（街道管理员或本社区书记）',
    roles: ['street_admin', 'secretary'],
    input: z.object({ requestId, communityId: id, name: text(40, '网格名称') }),
    output: gridView,
  }),
  'estate.list': action({
    summary: '社区的小区',
    roles: ['authenticated'],
    input: z.object({ communityId: id }),
    output: z.object({ items: z.array(estateView) }),
  }),
  'estate.create': action({
    summary: '新建小区（街道管理员或本社区书记）',
    roles: ['street_admin', 'secretary'],
    input: z.object({ requestId, communityId: id, name: text(40, '小区名称') }),
    output: estateView,
  }),
  'building.create': action({
    summary: '新建楼栋并按楼层、每层户数生成房号（街道管理员或本社区书记）',
    roles: ['street_admin', 'secretary'],
    input: z.object({
      requestId,
      estateId: id,
      gridId: id,
      name: text(20, '楼栋名称'),
      floors: z.number().int().min(1, '至少 1 层').max(40, '最多 40 层'),
      roomsPerFloor: z.number().int().min(1, '每层至少 1 户').max(12, '每层最多 12 户'),
      /** Floor area of every generated household, in dm² (1 ㎡ = 100 dm²); edited per household later. */
      floorAreaDm2: z.number().int().min(1000, '面积不小于 10 平方米').max(100000, '面积不大于 1000 平方米'),
    }),
    output: buildingView.extend({ householdCount: z.number().int() }),
  }),
  'building.list': action({
    summary: '小区的楼栋',
    roles: ['authenticated'],
    input: z.object({ estateId: id }),
    output: z.object({ items: z.array(buildingView) }),
  }),
  'household.list': action({
    summary: '楼栋的房号',
    roles: ['authenticated'],
    input: pageInput.extend({ buildingId: id }),
    output: pageOf(householdView),
  }),

  'binding.request': action({
    summary: '居民绑定房屋（有户码即时认证，否则待社区审核）',
    roles: ['authenticated'],
    input: z.object({
      requestId,
      householdId: id,
      name: text(20, '姓名'),
      phone,
      householdCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{8}$/, '户码为 8 位字母数字').optional(),
    }),
    output: bindingView,
  }),
  'binding.listPending': action({
    summary: '本社区待审核的住户绑定',
    roles: ['secretary'],
    input: pageInput.extend({ communityId: id }),
    output: pageOf(bindingView),
  }),
  'binding.decide': action({
    summary: '书记审核住户绑定',
    roles: ['secretary'],
    input: z
      .object({ bindingId: id, approve: z.boolean(), reason: optionalText(200, '原因') })
      .refine((v) => v.approve || (v.reason && v.reason.length > 0), { message: '退回时请写明原因', path: ['reason'] }),
    output: bindingView,
  }),
  'householdCode.issue': action({
    summary: '书记为某户生成一次性户码',
    roles: ['secretary'],
    input: z.object({ requestId, householdId: id, ttlDays: z.number().int().min(1).max(90).default(30) }),
    output: z.object({ code: z.string(), householdId: z.string(), expiresAt: z.string() }),
  }),

  'invitation.create': action({
    summary: '上级生成一次性邀请码（街道→书记/街道管理员/物业；书记→物业）',
    roles: ['street_admin', 'secretary'],
    input: z.object({
      requestId,
      role: z.enum(INVITABLE_ROLES),
      scopeId: id,
      ttlHours: z.number().int().min(1).max(24 * 30).default(72),
    }),
    output: invitationView,
  }),
  'invitation.list': action({
    summary: '我所辖范围内的邀请码',
    roles: ['street_admin', 'secretary'],
    input: pageInput.extend({ scopeId: id }),
    output: pageOf(invitationView),
  }),
  'invitation.redeem': action({
    summary: '使用邀请码获得身份',
    roles: ['authenticated'],
    input: z.object({ code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{8}$/, '邀请码为 8 位字母数字'), name: text(20, '姓名') }),
    output: meView,
  }),

  'liaison.register': action({
    summary: '单位联络员自助注册，待所在社区书记审核',
    roles: ['authenticated'],
    input: z.object({
      requestId,
      communityId: id,
      unitName: text(60, '单位名称'),
      partyBody: text(60, '党组织名称'),
      name: text(20, '姓名'),
      phone,
    }),
    output: liaisonApplicationView,
  }),
  'liaison.listPending': action({
    summary: '本社区待审核的单位联络员',
    roles: ['secretary'],
    input: pageInput.extend({ communityId: id }),
    output: pageOf(liaisonApplicationView),
  }),
  'liaison.decide': action({
    summary: '书记审核单位联络员',
    roles: ['secretary'],
    input: z
      .object({ applicationId: id, approve: z.boolean(), reason: optionalText(200, '原因') })
      .refine((v) => v.approve || (v.reason && v.reason.length > 0), { message: '退回时请写明原因', path: ['reason'] }),
    output: liaisonApplicationView,
  }),
} as const

export type OrgActions = typeof orgActions
export { okOnly }
