import * as z from 'zod'
import { IdSchema, PhoneSchema, RequestIdSchema, text } from './common'

/**
 * The part of org's contract the main package needs: the inputs of the forms on its pages (我的, 认证房屋,
 * 邀请码, 联络员注册, 首位管理员) and the labels of 我的 and home. A small module of its own, so the main
 * package does not carry the whole org contract (issue 16 §2: ≤ 430 KB); types/org.ts uses these very
 * schemas in its actions, so a form checks exactly what the function checks.
 */

export const ProfileUpdateInputSchema = z.object({ name: text(20, '姓名'), phone: PhoneSchema.optional() })
export const BindingRequestInputSchema = z.object({
  requestId: RequestIdSchema,
  householdId: IdSchema,
  name: text(20, '姓名'),
  phone: PhoneSchema,
  householdCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{8}$/, '户码为 8 位字母数字')
    .optional(),
})
export const InvitationRedeemInputSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{8}$/, '邀请码为 8 位字母数字'),
  name: text(20, '姓名'),
})
export const LiaisonRegisterInputSchema = z.object({
  requestId: RequestIdSchema,
  communityId: IdSchema,
  unitName: text(60, '单位名称'),
  partyBody: text(60, '党组织名称'),
  name: text(20, '姓名'),
  phone: PhoneSchema,
})
export const BootstrapInputSchema = z.object({ streetName: text(40, '街道名称'), name: text(20, '姓名') })

/** The QR code of an invitation carries `txinvite:<code>`; the redeem screen's scanner reads it back. */
export const inviteQrText = (code: string) => `txinvite:${code}`
export const codeFromInviteText = (text: string) =>
  text
    .trim()
    .replace(/^txinvite:/i, '')
    .trim()
    .toUpperCase()

/** How a grant ended: by the level above, by the person, or (resident) with the household binding. */
export const GRANT_END_KINDS = ['ended', 'stepped_down', 'unbound', 'left_household', 'departed'] as const
export type GrantEndKind = (typeof GRANT_END_KINDS)[number]
export const GRANT_END_LABEL: Record<GrantEndKind, string> = {
  ended: '被免去',
  stepped_down: '本人辞去',
  unbound: '社区解除房屋绑定',
  left_household: '本人退出本户',
  departed: '本人注销',
}

/** How a person who left (注销) appears on every record they leave behind: no name, no phone, no openid. */
export const DEPARTED_NAME = '已注销用户'

/**
 * What can be waiting for a person on home, by the role it belongs to. Each kind is one bounded
 * query (count + newest items) over collections of the context that owns it, read-only.
 */
export const HOME_KINDS = [
  // secretary
  'bindings',
  'checkins',
  'topics',
  'dispatch',
  'unanswered',
  // secretary (the community's) and street admin (the street's)
  'overdueResolutions',
  // street admin
  'heldRatings',
  'objections',
  'overdueEvents',
  // grid worker
  'gridReported',
  // property staff, unit liaison
  'ratingAnswers',
  'summons',
  // anyone an event can be dispatched to (company, unit, community, member)
  'handling',
  // anyone invited to a meeting (in person, or their unit or company); any party carrying a resolution
  'invitations',
  'resolutions',
  // member
  'checkinDue',
  'claimedWishes',
  'activitiesToday',
  // resident (and whoever reported an event)
  'votes',
  'rectifications',
  'eventsToConfirm',
] as const
export type HomeKind = (typeof HOME_KINDS)[number]

export const HOME_KIND_LABEL: Record<HomeKind, string> = {
  bindings: '住户认证待审核',
  checkins: '报到待审核',
  topics: '议题待受理',
  dispatch: '网格事件待派单',
  unanswered: '吹哨超时未应答',
  overdueResolutions: '议事决议已逾期',
  heldRatings: '评价待复核',
  objections: '异议待处理',
  overdueEvents: '超期未办结事件',
  gridReported: '本网格待派单事件',
  ratingAnswers: '评价待答复',
  summons: '吹哨召集待应答',
  handling: '派给我方处置的事件',
  invitations: '邀请我参加的议事会议',
  resolutions: '由我方落实的议事决议',
  checkinDue: '今年还没有报到',
  claimedWishes: '已认领的微心愿',
  activitiesToday: '今天的服务活动',
  votes: '表决待投票',
  rectifications: '整改待确认',
  eventsToConfirm: '事件待确认',
}
