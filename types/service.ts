import * as z from 'zod'
import { action } from './action'
import { WhistleRecordViewSchema } from './whistle'
import { CommitmentViewSchema } from './joint'
import {
  IdSchema,
  IsoDateSchema,
  optionalText,
  PageInputSchema,
  pageOf,
  PhoneSchema,
  RequestIdSchema,
  SearchTextSchema,
  text,
} from './common'
import { moderationFields, reportActions } from './moderation'
import { ROLES } from './roles'
import {
  ACTIVITY_KINDS,
  ATTENDANCE_STATUS,
  CHECKIN_STATUS,
  CLAIM_END,
  GRADES,
  MEMBER_KINDS,
  NEED_SOURCES,
  NEED_STATUS,
  OFFER_STATUS,
  PRESENCE,
  UNIT_LINK,
  WISH_STATUS,
} from './service-enums'
import { careActions } from './care'

/**
 * service — 双报到、双服务 (SPEC §4): unit and member check-in, the three lists, activities with
 * QR / location sign-in, 微心愿, ledgers, quarterly feedback letters, yearly grades, dashboard, export.
 */

export * from './service-enums'

// ---- quantities: exact, as integer tenths with a unit ------------------------------------------

export const QUANTITY_UNITS = ['平方米', '米', '盏', '块', '个', '次', '户', '人'] as const
export const UNIT_SYMBOL: Record<(typeof QUANTITY_UNITS)[number], string> = {
  平方米: '㎡',
  米: 'm',
  盏: '盏',
  块: '块',
  个: '个',
  次: '次',
  户: '户',
  人: '人',
}
/** A quantity such as 25616.5 ㎡, stored as 256165 tenths so nothing is lost to floating point. */
export const QuantitySchema = z.object({
  tenths: z.number().int('数量最多保留一位小数').min(1, '数量必须大于 0').max(1e12),
  unit: z.enum(QUANTITY_UNITS),
})
export type Quantity = z.infer<typeof QuantitySchema>

/** 256165 → "25616.5"; 8490 → "849". */
export function formatTenths(tenths: number): string {
  const whole = Math.trunc(tenths / 10)
  const frac = Math.abs(tenths % 10)
  return frac === 0 ? String(whole) : `${whole}.${frac}`
}

/** "25616.5" → 256165; anything that is not a number with at most one decimal → null. */
export function parseTenths(s: string): number | null {
  const m = /^\s*(\d{1,12})(?:\.(\d))?\s*$/.exec(s)
  if (!m) return null
  return Number(m[1]) * 10 + (m[2] ? Number(m[2]) : 0)
}

export const formatQuantity = (q: Quantity) => `${formatTenths(q.tenths)} ${UNIT_SYMBOL[q.unit]}`

/** A calendar year of the ledgers and grades. */
export const YearSchema = z.number().int().min(2020).max(2100)
const QuarterKeySchema = z.string().regex(/^\d{4}Q[1-4]$/, '季度格式如 2026Q4')
const LatSchema = z.number().min(-90).max(90)
const LngSchema = z.number().min(-180).max(180)
const shortList = (max: number, label: string) => z.array(text(60, label)).max(max, `${label}最多 ${max} 项`)

// ---- views --------------------------------------------------------------------------------------

export const UnitViewSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  name: z.string(),
  partyBody: z.string(),
  contactName: z.string().optional(),
  /** Masked (138****0008) for everyone but the liaison who entered it with the check-in (SPEC §3). */
  contactPhone: z.string().optional(),
  resources: z.array(z.string()),
  commitments: z.array(z.string()),
  status: z.enum(CHECKIN_STATUS),
  /** The year the current application is for. */
  year: z.number().int().optional(),
  approvedYear: z.number().int().optional(),
  overdue: z.boolean(),
  reason: z.string().optional(),
  gridIds: z.array(z.string()),
  gridNames: z.array(z.string()),
  submittedAt: z.string().optional(),
  decidedAt: z.string().optional(),
  decidedByName: z.string().optional(),
})
export type UnitView = z.infer<typeof UnitViewSchema>

export const NeedViewSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  title: z.string(),
  detail: z.string().optional(),
  source: z.enum(NEED_SOURCES),
  quantity: QuantitySchema.optional(),
  /** e.g. "25616.5 ㎡" */
  quantityText: z.string().optional(),
  status: z.enum(NEED_STATUS),
  /** Set when the need came from a 网格吹哨 event (`grid` event.convert): the need page links back to it. */
  gridEventId: z.string().optional(),
  /** The project the need is matched to (one at a time). */
  projectId: z.string().optional(),
  createdAt: z.string(),
})
export type NeedView = z.infer<typeof NeedViewSchema>

/** An offer to take a need: by a unit (its liaison) or a member, with one of their resources or a new one. */
export const NeedOfferViewSchema = z.object({
  id: z.string(),
  needId: z.string(),
  needTitle: z.string(),
  communityId: z.string(),
  ownerType: z.enum(['unit', 'member']),
  ownerId: z.string(),
  ownerName: z.string(),
  /** The offered resource: one of the owner's listed resources, or written with the offer. */
  resourceId: z.string().optional(),
  resourceTitle: z.string(),
  note: z.string().optional(),
  status: z.enum(OFFER_STATUS),
  createdAt: z.string(),
  decidedByName: z.string().optional(),
  decidedAt: z.string().optional(),
  reason: z.string().optional(),
  projectId: z.string().optional(),
})
export type NeedOfferView = z.infer<typeof NeedOfferViewSchema>

export const ResourceViewSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  title: z.string(),
  detail: z.string().optional(),
  ownerType: z.enum(['unit', 'member']),
  ownerId: z.string(),
  ownerName: z.string(),
  createdAt: z.string(),
})
export type ResourceView = z.infer<typeof ResourceViewSchema>

export const ProjectViewSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  title: z.string(),
  needId: z.string(),
  needTitle: z.string(),
  resourceId: z.string(),
  resourceTitle: z.string(),
  unitId: z.string().optional(),
  /** The owner, linked: the unit or the member whose resource the project uses; they post its progress. */
  ownerType: z.enum(['unit', 'member']),
  ownerId: z.string(),
  ownerName: z.string(),
  deadline: z.string(),
  progress: z.number().int(),
  status: z.enum(['active', 'done']),
  lastNote: z.string().optional(),
  /** How many progress updates there are; `project.updates` pages all of them. */
  updateCount: z.number().int(),
  overdue: z.boolean(),
  createdAt: z.string(),
  /** The caller may post progress: the owner (the unit's liaison, the member) or the community's secretary. */
  canUpdate: z.boolean(),
})
export type ProjectView = z.infer<typeof ProjectViewSchema>

/** One progress update of a project, numbered 1, 2, …; each is its own record, never cut (issue 11 §6). */
export const ProjectUpdateViewSchema = z.object({
  seq: z.number().int(),
  progress: z.number().int(),
  note: z.string(),
  byName: z.string(),
  at: z.string(),
})
export type ProjectUpdateView = z.infer<typeof ProjectUpdateViewSchema>

export const AgreementViewSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  year: z.number().int(),
  /** The lists as agreed (frozen at approval): what both sides sign. */
  commitments: z.array(z.string()),
  resourceLines: z.array(z.string()),
  /** Signed by the community on approval; by the unit when its liaison signs. */
  status: z.enum(['awaiting_signature', 'signed']),
  approvedAt: z.string(),
  approvedByName: z.string(),
  unitSignedAt: z.string().optional(),
  unitSignedByName: z.string().optional(),
  /** A new year's agreement that started from last year's lists: what was kept, added and dropped. */
  carriedFrom: z
    .object({ year: z.number().int(), kept: z.number().int(), added: z.number().int(), dropped: z.number().int() })
    .optional(),
  needs: z.array(NeedViewSchema),
  resources: z.array(ResourceViewSchema),
  projects: z.array(ProjectViewSchema),
})
export type AgreementView = z.infer<typeof AgreementViewSchema>

/** A unit liaison's objection to a member naming the unit as their employer (shown to the secretary and the member). */
export const UnitDisputeViewSchema = z.object({ reason: z.string(), byName: z.string(), at: z.string() })
export type UnitDisputeView = z.infer<typeof UnitDisputeViewSchema>

/** How the secretary settled a liaison's dispute: the link kept, or undone (the typed name stays). */
export const UnitSettlementViewSchema = z.object({
  outcome: z.enum(['kept', 'unlinked']),
  reason: z.string(),
  unitName: z.string(),
  byName: z.string(),
  at: z.string(),
})
export type UnitSettlementView = z.infer<typeof UnitSettlementViewSchema>

/** A unit a member can name as their employer: checked in to a community of the street (unit.search). */
export const UnitOptionViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  partyBody: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  /** In the community searched from (listed first by the screen). */
  sameCommunity: z.boolean(),
  approvedYear: z.number().int(),
})
export type UnitOptionView = z.infer<typeof UnitOptionViewSchema>

export const MemberViewSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  name: z.string(),
  /** In-service, retired or mobile (a record without a kind is in-service). */
  kind: z.enum(MEMBER_KINDS),
  /** A mobile member's Party organisation (流出地党组织). */
  originOrg: z.string().optional(),
  unitId: z.string().optional(),
  /** The employer of an in-service member; empty for a retired or mobile member. */
  unitName: z.string(),
  /** The member's own verified household, when they named one (optional since a claim must be proved). */
  householdId: z.string().optional(),
  address: z.string().optional(),
  skills: z.array(z.string()),
  availability: z.string(),
  status: z.enum(CHECKIN_STATUS),
  year: z.number().int(),
  approvedYear: z.number().int().optional(),
  overdue: z.boolean(),
  reason: z.string().optional(),
  gridId: z.string().optional(),
  gridName: z.string().optional(),
  buildingIds: z.array(z.string()),
  buildingNames: z.array(z.string()),
  submittedAt: z.string(),
  decidedByName: z.string().optional(),
  /** Only for an in-service member: retired and mobile members have no unit to link. */
  unitLink: z.enum(UNIT_LINK).optional(),
  /** Who confirmed the link (the unit's liaison, or the secretary settling a dispute for the member). */
  unitConfirmedByName: z.string().optional(),
  unitDispute: UnitDisputeViewSchema.optional(),
  /** The last settlement of a dispute about the member's unit. */
  unitSettlement: UnitSettlementViewSchema.optional(),
})
export type MemberView = z.infer<typeof MemberViewSchema>

/** A member who named the unit as their employer, as the unit's liaison sees them: no address, no phone. */
export const UnitMemberViewSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  /** The community the member checked in to (a unit's members may live anywhere in the street). */
  communityName: z.string().optional(),
  status: z.enum(CHECKIN_STATUS),
  year: z.number().int(),
  overdue: z.boolean(),
  submittedAt: z.string(),
  link: z.enum(UNIT_LINK),
  confirmedByName: z.string().optional(),
  confirmedAt: z.string().optional(),
  dispute: UnitDisputeViewSchema.optional(),
})
export type UnitMemberView = z.infer<typeof UnitMemberViewSchema>

export const PlaceInputSchema = z.object({ name: text(60, '地点'), lat: LatSchema, lng: LngSchema })

export const ActivityViewSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  streetId: z.string(),
  title: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  place: z.object({ name: z.string(), lat: z.number(), lng: z.number() }),
  radiusM: z.number().int(),
  startAt: z.string(),
  endAt: z.string(),
  graceMin: z.number().int(),
  capacity: z.number().int(),
  signupCount: z.number().int(),
  createdByName: z.string(),
  /** The caller's own attendance, when they signed up. */
  mine: z
    .object({
      status: z.enum(ATTENDANCE_STATUS),
      signedInAt: z.string().optional(),
      signedOutAt: z.string().optional(),
      minutes: z.number().int().optional(),
      presence: z.enum(PRESENCE).optional(),
    })
    .optional(),
})
export type ActivityView = z.infer<typeof ActivityViewSchema>

export const AttendanceViewSchema = z.object({
  id: z.string(),
  activityId: z.string(),
  activityTitle: z.string(),
  memberName: z.string(),
  memberId: z.string(),
  status: z.enum(ATTENDANCE_STATUS),
  signedInAt: z.string().optional(),
  signedOutAt: z.string().optional(),
  inMethod: z.enum(['qr', 'location']).optional(),
  outMethod: z.enum(['qr', 'location']).optional(),
  /** Whole minutes, clipped to the activity window. */
  minutes: z.number().int(),
  /** Only for an attendance with a location step: the organiser's confirmation of presence. */
  presence: z.enum(PRESENCE).optional(),
  presenceByName: z.string().optional(),
  confirmedByName: z.string().optional(),
  manual: z.object({ reason: z.string(), enteredByName: z.string(), approvedByName: z.string().optional() }).optional(),
})
export type AttendanceView = z.infer<typeof AttendanceViewSchema>

export const WishViewSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  title: z.string(),
  detail: z.string().optional(),
  address: z.string(),
  residentName: z.string(),
  dueAt: z.string(),
  status: z.enum(WISH_STATUS),
  claimerName: z.string().optional(),
  /** The current claim's deadline: delivered by then, or the timer returns the wish to 待认领. */
  claimDueAt: z.string().optional(),
  /** The last claim that ended without delivery (the resident sees why the wish is open again). */
  lastClaimEnd: z
    .object({ outcome: z.enum(CLAIM_END), claimerName: z.string(), at: z.string(), reason: z.string().optional() })
    .optional(),
  deliveredNote: z.string().optional(),
  thanks: z.string().optional(),
  rating: z.number().int().optional(),
  createdAt: z.string(),
  /** What the caller may do now. */
  canClaim: z.boolean(),
  canDeliver: z.boolean(),
  canRelease: z.boolean(),
  canConfirm: z.boolean(),
  /** The caller is one side of the current claim's conversation (the resident's household, or the claimer). */
  canMessage: z.boolean(),
  /** The caller's household wished it (or the caller posted it for them): they cannot report it. */
  mine: z.boolean(),
  /** 重点关爱 household (issue 15 §5): only the mark, and only for the community's members and secretary. */
  care: z.boolean().optional(),
  /** Held or removed (举报 or the content check): the household sees it marked, others the placeholder. */
  ...moderationFields,
})
export type WishView = z.infer<typeof WishViewSchema>

/** One message between the resident and the claimer, in the app (no phone numbers exchanged). */
export const WishMessageViewSchema = z.object({
  id: z.string(),
  side: z.enum(['resident', 'claimer']),
  byName: z.string(),
  text: z.string(),
  at: z.string(),
  mine: z.boolean(),
})
export type WishMessageView = z.infer<typeof WishMessageViewSchema>

export const LedgerTotalsSchema = z.object({
  minutes: z.number().int(),
  activities: z.number().int(),
  wishes: z.number().int(),
  /** Of those wishes: for households marked 重点关爱 (issue 15 §5), counted apart. */
  careWishes: z.number().int(),
  ratingCount: z.number().int(),
  /** Mean rating ×10 (e.g. 47 = 4.7), integer so nothing drifts. */
  ratingAvgTenths: z.number().int().optional(),
})
export const LedgerViewSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  kind: z.enum(MEMBER_KINDS),
  unitName: z.string(),
  year: z.number().int(),
  totals: LedgerTotalsSchema,
  grade: z.object({ grade: z.enum(GRADES), reason: z.string() }).optional(),
  entries: z.array(AttendanceViewSchema),
  entriesTotal: z.number().int(),
})
export type LedgerView = z.infer<typeof LedgerViewSchema>

export const LetterRowSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  minutes: z.number().int(),
  activities: z.number().int(),
  wishes: z.number().int(),
})
/** One version of a unit's quarterly letter: re-issuing writes the next version beside it (issue 11 §6). */
export const LetterViewSchema = z.object({
  id: z.string(),
  /** 1, 2, … per unit and quarter; the list shows the latest, `letter.versions` all of them. */
  version: z.number().int(),
  unitId: z.string(),
  unitName: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  quarter: z.string(),
  rows: z.array(LetterRowSchema),
  totalMinutes: z.number().int(),
  note: z.string().optional(),
  issuedAt: z.string(),
  issuedByName: z.string(),
  acknowledgedAt: z.string().optional(),
  acknowledgedByName: z.string().optional(),
  /** Set once a later version replaced this one (its rows and acknowledgement are kept as they were). */
  supersededAt: z.string().optional(),
  supersededByName: z.string().optional(),
  /** 网格吹哨: the unit's summons in the quarter — answers, lateness, silence (snapshot at issue). */
  whistles: WhistleRecordViewSchema.optional(),
  /** 联席会议 problems the unit took on that were open in the quarter or done in it, as they stood at issue (issue 15 §2). */
  commitments: z.array(CommitmentViewSchema).optional(),
})
export type LetterView = z.infer<typeof LetterViewSchema>

export const AssessmentViewSchema = z.object({
  id: z.string(),
  subjectType: z.enum(['member', 'unit']),
  subjectId: z.string(),
  subjectName: z.string(),
  year: z.number().int(),
  grade: z.enum(GRADES),
  reason: z.string(),
  byName: z.string(),
  at: z.string(),
  /** Earlier grades for the same year, kept (superseded, not deleted). */
  revisions: z.number().int(),
})
export type AssessmentView = z.infer<typeof AssessmentViewSchema>

export const DashboardViewSchema = z.object({
  communityId: z.string(),
  year: z.number().int(),
  units: z.object({
    checkedIn: z.number().int(),
    pending: z.number().int(),
    overdue: z.number().int(),
    total: z.number().int(),
  }),
  members: z.object({
    checkedIn: z.number().int(),
    pending: z.number().int(),
    overdue: z.number().int(),
    /** Members checked in for the year, by kind (they add up to `checkedIn`). */
    byKind: z.object({ in_service: z.number().int(), retired: z.number().int(), mobile: z.number().int() }),
  }),
  minutesThisYear: z.number().int(),
  minutesByMonth: z.array(z.number().int()),
  needs: z.object({ open: z.number().int(), matched: z.number().int(), done: z.number().int() }),
  wishesFulfilled: z.number().int(),
})
export type DashboardView = z.infer<typeof DashboardViewSchema>

export const TokenViewSchema = z.object({
  token: z.string(),
  qrText: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  validSeconds: z.number().int(),
})

// ---- inputs reused --------------------------------------------------------------------------------

const reasonRequired = <T extends { approve: boolean; reason?: string }>(v: T) =>
  v.approve || !!(v.reason && v.reason.length > 0)
const SignInputSchema = z
  .object({
    activityId: IdSchema,
    method: z.enum(['qr', 'location']),
    token: z.string().trim().max(200).optional(),
    lat: LatSchema.optional(),
    lng: LngSchema.optional(),
  })
  .refine((v) => (v.method === 'qr' ? !!v.token : v.lat !== undefined && v.lng !== undefined), {
    message: '扫码签到需要签到码，定位签到需要位置',
    path: ['token'],
  })

// ---- registry -------------------------------------------------------------------------------------

export const serviceActions = {
  // 单位报到
  'unit.get': action({
    summary: '单位报到详情',
    roles: ['authenticated'],
    input: z.object({ unitId: IdSchema }),
    output: UnitViewSchema,
  }),
  'unit.checkin': action({
    summary: '单位联络员提交单位报到（资源清单、职责承诺）',
    roles: ['unit_liaison'],
    input: z.object({
      requestId: RequestIdSchema,
      unitId: IdSchema,
      contactName: text(20, '联系人'),
      contactPhone: PhoneSchema,
      resources: shortList(20, '资源').min(1, '请至少填写一项资源'),
      commitments: shortList(20, '承诺').min(1, '请至少填写一项承诺'),
    }),
    output: UnitViewSchema,
  }),
  'unit.list': action({
    summary: '本社区的单位及报到状态（可按单位或党组织名称查找）',
    roles: ['secretary'],
    input: PageInputSchema.extend({
      communityId: IdSchema,
      status: z.enum(['pending', 'approved', 'overdue', 'all']).default('all'),
      q: SearchTextSchema,
    }),
    output: pageOf(UnitViewSchema),
  }),
  'unit.decide': action({
    summary: '书记审核单位报到：通过即生成年度共建协议',
    roles: ['secretary'],
    input: z
      .object({ unitId: IdSchema, approve: z.boolean(), reason: optionalText(200, '原因') })
      .refine(reasonRequired, { message: '退回时请写明原因', path: ['reason'] }),
    output: UnitViewSchema,
  }),
  'unit.setGrids': action({
    summary: '书记指定单位为网格责任单位',
    roles: ['secretary'],
    input: z.object({ unitId: IdSchema, gridIds: z.array(IdSchema).max(12) }),
    output: UnitViewSchema,
  }),
  'unit.members': action({
    summary: '填写本单位为工作单位的报到党员（联络员核对，可提出异议）',
    roles: ['unit_liaison', 'secretary'],
    input: PageInputSchema.extend({ unitId: IdSchema }),
    output: pageOf(UnitMemberViewSchema),
  }),
  'unit.disputeMember': action({
    summary: '单位联络员对党员填写的工作单位提出异议（书记可见）',
    roles: ['unit_liaison'],
    input: z.object({ memberId: IdSchema, reason: text(200, '异议理由') }),
    output: UnitMemberViewSchema,
  }),
  'unit.confirmMember': action({
    summary: '单位联络员确认党员是本单位人员',
    roles: ['unit_liaison'],
    input: z.object({ memberId: IdSchema }),
    output: UnitMemberViewSchema,
  }),
  'unit.search': action({
    summary: '按名称查找本社区或本街道已报到的单位（党员报到选择工作单位）',
    roles: ['authenticated'],
    input: PageInputSchema.extend({
      communityId: IdSchema,
      name: z.string().trim().max(30, '单位名称不能超过 30 个字').default(''),
    }),
    output: pageOf(UnitOptionViewSchema),
  }),
  'agreement.get': action({
    summary: '单位的年度共建协议与三张清单',
    roles: ['unit_liaison', 'secretary'],
    input: z.object({ unitId: IdSchema, year: YearSchema }),
    output: AgreementViewSchema,
  }),
  'agreement.sign': action({
    summary: '单位联络员在社区审核通过后签署年度共建协议（签字人、时间）',
    roles: ['unit_liaison'],
    input: z.object({ unitId: IdSchema, year: YearSchema }),
    output: AgreementViewSchema,
  }),

  // 在职党员报到
  'member.checkin': action({
    summary: '党员到居住地社区报到（在职、退休、流动党员；每年一次）',
    roles: ['authenticated'],
    input: z
      .object({
        requestId: RequestIdSchema,
        name: text(20, '姓名'),
        /** In-service (with a unit), retired (no unit) or mobile (with the origin organisation); in-service if absent. */
        kind: z.enum(MEMBER_KINDS).default('in_service'),
        /** The community checked in to; the household, when given, must be the caller's verified one there. */
        communityId: IdSchema,
        /** In-service only: a unit checked in to a community of the street (unit.search); without it the typed name is kept (单位未报到). */
        unitId: IdSchema.optional(),
        /** In-service only: the employer's name as typed; with a picked unit the unit's own name is stored. */
        unitName: optionalText(60, '工作单位'),
        /** Mobile only: the Party organisation the membership is kept in (流出地党组织). */
        originOrg: optionalText(60, '流出地党组织'),
        householdId: IdSchema.optional(),
        skills: shortList(10, '特长'),
        availability: text(60, '可服务时间'),
      })
      .refine((v) => v.kind !== 'in_service' || !!v.unitName, { message: '请填写工作单位', path: ['unitName'] })
      .refine((v) => v.kind === 'in_service' || (!v.unitId && !v.unitName), {
        message: '退休党员、流动党员不填写工作单位',
        path: ['unitId'],
      })
      .refine((v) => v.kind !== 'mobile' || !!v.originOrg, {
        message: '请填写您的党组织关系所在的党组织',
        path: ['originOrg'],
      })
      .refine((v) => v.kind === 'mobile' || !v.originOrg, {
        message: '只有流动党员填写流出地党组织',
        path: ['originOrg'],
      }),
    output: MemberViewSchema,
  }),
  'member.mine': action({
    summary: '我的党员报到',
    roles: ['authenticated'],
    input: z.object({}),
    output: MemberViewSchema.nullable(),
  }),
  'member.list': action({
    summary: '本社区报到党员（可筛选待审核、逾期未报到、单位有异议、单位未关联）',
    roles: ['secretary'],
    input: PageInputSchema.extend({
      communityId: IdSchema,
      status: z.enum(['pending', 'approved', 'overdue', 'disputed', 'unlinked', 'all']).default('all'),
    }),
    output: pageOf(MemberViewSchema),
  }),
  'member.linkUnit': action({
    summary: '书记为填写“单位未报到”的党员关联已报到的单位',
    roles: ['secretary'],
    input: z.object({ memberId: IdSchema, unitId: IdSchema }),
    output: MemberViewSchema,
  }),
  'member.settleDispute': action({
    summary: '书记核实单位异议：维持关联，或解除关联（保留党员填写的单位名称）',
    roles: ['secretary'],
    input: z.object({ memberId: IdSchema, keep: z.boolean(), reason: text(200, '核实结果') }),
    output: MemberViewSchema,
  }),
  'member.decide': action({
    summary: '书记审核党员报到，通过时分配网格和包联楼栋',
    roles: ['secretary'],
    input: z
      .object({
        memberId: IdSchema,
        approve: z.boolean(),
        reason: optionalText(200, '原因'),
        gridId: IdSchema.optional(),
        buildingIds: z.array(IdSchema).max(10).default([]),
      })
      .refine(reasonRequired, { message: '退回时请写明原因', path: ['reason'] })
      .refine((v) => !v.approve || !!v.gridId, { message: '通过时请分配网格', path: ['gridId'] }),
    output: MemberViewSchema,
  }),

  // 三张清单
  'need.create': action({
    summary: '发布需求清单条目',
    roles: ['secretary'],
    input: z.object({
      requestId: RequestIdSchema,
      communityId: IdSchema,
      title: text(60, '需求'),
      detail: optionalText(500, '说明'),
      source: z.enum(NEED_SOURCES),
      quantity: QuantitySchema.optional(),
    }),
    output: NeedViewSchema,
  }),
  'need.list': action({
    summary: '社区需求清单',
    roles: ['authenticated'],
    input: PageInputSchema.extend({ communityId: IdSchema, status: z.enum([...NEED_STATUS, 'all']).default('all') }),
    output: pageOf(NeedViewSchema),
  }),
  'need.get': action({
    summary: '需求详情（含来源网格事件）',
    roles: ['authenticated'],
    input: z.object({ needId: IdSchema }),
    output: NeedViewSchema,
  }),
  'need.offer': action({
    summary: '单位或党员认领需求：用已登记的资源，或写明能提供什么（社区确认后形成项目）',
    roles: ['unit_liaison', 'member'],
    input: z
      .object({
        requestId: RequestIdSchema,
        needId: IdSchema,
        unitId: IdSchema.optional(),
        resourceId: IdSchema.optional(),
        title: optionalText(60, '可提供的资源'),
        note: optionalText(200, '说明'),
      })
      .refine((v) => !!v.resourceId || !!v.title, { message: '请选择资源，或写明能提供什么', path: ['title'] }),
    output: NeedOfferViewSchema,
  }),
  'need.offers': action({
    summary: '需求的认领（最新在前）',
    roles: ['authenticated'],
    input: PageInputSchema.extend({ needId: IdSchema }),
    output: pageOf(NeedOfferViewSchema),
  }),
  'need.decideOffer': action({
    summary: '书记确认认领（形成项目：负责方、期限）或不采纳（写明原因）',
    roles: ['secretary'],
    input: z
      .object({
        offerId: IdSchema,
        accept: z.boolean(),
        title: optionalText(60, '项目名称'),
        deadline: IsoDateSchema.optional(),
        reason: optionalText(200, '原因'),
      })
      .refine((v) => !v.accept || !!v.deadline, { message: '请选择完成期限', path: ['deadline'] })
      .refine((v) => v.accept || !!v.reason, { message: '不采纳时请写明原因', path: ['reason'] }),
    output: NeedOfferViewSchema,
  }),
  'resource.create': action({
    summary: '单位或党员登记可提供的资源',
    roles: ['unit_liaison', 'member'],
    input: z.object({
      requestId: RequestIdSchema,
      communityId: IdSchema,
      title: text(60, '资源'),
      detail: optionalText(300, '说明'),
      unitId: IdSchema.optional(),
    }),
    output: ResourceViewSchema,
  }),
  'resource.list': action({
    summary: '社区资源清单（可只看某个单位或党员的）',
    roles: ['authenticated'],
    input: PageInputSchema.extend({ communityId: IdSchema, ownerId: IdSchema.optional() }),
    output: pageOf(ResourceViewSchema),
  }),
  'project.create': action({
    summary: '需求对接资源，形成项目（负责方为资源的单位或党员、期限）',
    roles: ['secretary'],
    input: z.object({
      requestId: RequestIdSchema,
      needId: IdSchema,
      resourceId: IdSchema,
      title: text(60, '项目名称'),
      deadline: IsoDateSchema,
    }),
    output: ProjectViewSchema,
  }),
  'project.progress': action({
    summary: '负责方（单位联络员、党员）或书记更新项目进度（100% 即完成）',
    roles: ['secretary', 'unit_liaison', 'member'],
    input: z.object({ projectId: IdSchema, progress: z.number().int().min(0).max(100), note: text(200, '进展说明') }),
    output: ProjectViewSchema,
  }),
  'project.updates': action({
    summary: '项目的全部进展记录（分页，最新在前）',
    roles: ['authenticated'],
    input: PageInputSchema.extend({ projectId: IdSchema }),
    output: pageOf(ProjectUpdateViewSchema),
  }),
  'project.list': action({
    summary: '社区项目清单',
    roles: ['authenticated'],
    input: PageInputSchema.extend({ communityId: IdSchema }),
    output: pageOf(ProjectViewSchema),
  }),

  // 服务活动与签到
  'activity.create': action({
    summary: '书记发布服务活动（地点坐标、时间、人数）',
    roles: ['secretary'],
    input: z
      .object({
        requestId: RequestIdSchema,
        communityId: IdSchema,
        title: text(60, '活动名称'),
        kind: z.enum(ACTIVITY_KINDS),
        place: PlaceInputSchema,
        radiusM: z.number().int().min(50).max(2000).default(200),
        startAt: IsoDateSchema,
        endAt: IsoDateSchema,
        graceMin: z.number().int().min(0).max(60).default(15),
        capacity: z.number().int().min(1).max(500),
      })
      .refine((v) => Date.parse(v.endAt) > Date.parse(v.startAt), {
        message: '结束时间须晚于开始时间',
        path: ['endAt'],
      })
      .refine((v) => Date.parse(v.endAt) - Date.parse(v.startAt) <= 24 * 3600_000, {
        message: '活动最长 24 小时',
        path: ['endAt'],
      }),
    output: ActivityViewSchema,
  }),
  'activity.list': action({
    summary: '社区服务活动',
    roles: ['authenticated'],
    input: PageInputSchema.extend({ communityId: IdSchema }),
    output: pageOf(ActivityViewSchema),
  }),
  'activity.get': action({
    summary: '活动详情（含我的报名签到）',
    roles: ['authenticated'],
    input: z.object({ activityId: IdSchema }),
    output: ActivityViewSchema,
  }),
  'activity.signup': action({
    summary: '党员报名活动（名额内）',
    roles: ['member'],
    input: z.object({ activityId: IdSchema }),
    output: ActivityViewSchema,
  }),
  'activity.token': action({
    summary: '组织者获取滚动签到码（30 秒有效）',
    roles: ['secretary'],
    input: z.object({ activityId: IdSchema }),
    output: TokenViewSchema,
  }),
  'activity.signin': action({
    summary: '扫码或定位签到',
    roles: ['member'],
    input: SignInputSchema,
    output: ActivityViewSchema,
  }),
  'activity.signout': action({
    summary: '扫码或定位签退',
    roles: ['member'],
    input: SignInputSchema,
    output: ActivityViewSchema,
  }),
  'activity.confirmPresence': action({
    summary: '组织者确认定位签到的党员确实到场（未确认的不计时长）',
    roles: ['secretary'],
    input: z
      .object({ attendanceId: IdSchema, present: z.boolean(), reason: optionalText(200, '原因') })
      .refine((v) => v.present || !!v.reason, { message: '未到场请写明原因', path: ['reason'] }),
    output: AttendanceViewSchema,
  }),
  'activity.attendance': action({
    summary: '活动的报名签到名单',
    roles: ['secretary', 'street_admin'],
    input: PageInputSchema.extend({ activityId: IdSchema }),
    output: pageOf(AttendanceViewSchema),
  }),
  'activity.remind': action({
    summary: '向已报名党员发送活动提醒',
    roles: ['secretary'],
    input: z.object({ activityId: IdSchema }),
    output: z.object({ sent: z.number().int() }),
  }),
  'hours.confirm': action({
    summary: '书记确认服务时长（计入台账）',
    roles: ['secretary'],
    input: z.object({ attendanceId: IdSchema }),
    output: AttendanceViewSchema,
  }),
  'hours.manual': action({
    summary: '手工补录时长（需写明原因，另一人复核）',
    roles: ['secretary'],
    input: z.object({
      requestId: RequestIdSchema,
      activityId: IdSchema,
      memberId: IdSchema,
      minutes: z
        .number()
        .int()
        .min(1)
        .max(24 * 60),
      reason: text(200, '补录原因'),
    }),
    output: AttendanceViewSchema,
  }),
  'hours.approveManual': action({
    summary: '复核手工补录的时长（不能是补录人本人）',
    roles: ['secretary', 'street_admin'],
    input: z.object({ attendanceId: IdSchema }),
    output: AttendanceViewSchema,
  }),

  // 微心愿
  'wish.create': action({
    summary: '居民发布微心愿（或社区代发）',
    roles: ['resident', 'secretary'],
    input: z.object({
      requestId: RequestIdSchema,
      title: text(40, '心愿'),
      detail: optionalText(300, '说明'),
      dueAt: IsoDateSchema,
      householdId: IdSchema.optional(),
      residentName: optionalText(20, '居民姓名'),
    }),
    output: WishViewSchema,
  }),
  'wish.list': action({
    summary: '社区微心愿（可只看我的）',
    roles: ['authenticated'],
    input: PageInputSchema.extend({
      communityId: IdSchema,
      status: z.enum([...WISH_STATUS, 'all']).default('all'),
      mine: z.boolean().default(false),
    }),
    output: pageOf(WishViewSchema),
  }),
  'wish.claim': action({
    summary: '党员认领微心愿（同一时间只有一人认领）',
    roles: ['member'],
    input: z.object({ wishId: IdSchema }),
    output: WishViewSchema,
  }),
  'wish.release': action({
    summary: '认领人放弃认领，心愿回到待认领（居民会收到通知）',
    roles: ['member'],
    input: z.object({ wishId: IdSchema, reason: optionalText(200, '原因') }),
    output: WishViewSchema,
  }),
  'wish.message': action({
    summary: '居民与认领党员在心愿下留言联系（内容检查，手机号不完整显示）',
    roles: ['resident', 'member', 'secretary'],
    input: z.object({ requestId: RequestIdSchema, wishId: IdSchema, text: text(300, '留言') }),
    output: WishMessageViewSchema,
  }),
  'wish.messages': action({
    summary: '心愿当前认领的留言（居民与认领人可见，最新在前）',
    roles: ['resident', 'member', 'secretary'],
    input: PageInputSchema.extend({ wishId: IdSchema }),
    output: pageOf(WishMessageViewSchema),
  }),
  'wish.deliver': action({
    summary: '认领人标记已送达',
    roles: ['member'],
    input: z.object({ wishId: IdSchema, note: text(200, '送达说明') }),
    output: WishViewSchema,
  }),
  'wish.confirm': action({
    summary: '居民确认收到，致谢并评价',
    roles: ['resident'],
    input: z.object({
      wishId: IdSchema,
      rating: z.number().int().min(1).max(5),
      thanks: optionalText(200, '感谢的话'),
    }),
    output: WishViewSchema,
  }),

  // 台账、双反馈、双评议
  'ledger.get': action({
    summary: '党员年度服务台账（本人或本社区书记）',
    roles: ['member', 'secretary'],
    input: z.object({
      memberId: IdSchema.optional(),
      year: YearSchema,
      page: z.number().int().min(1).max(1000).default(1),
    }),
    output: LedgerViewSchema,
  }),
  'ledger.ranking': action({
    summary: '服务记录排行（仅为记录，不作评分）',
    roles: ['member', 'secretary'],
    input: z.object({ communityId: IdSchema, year: YearSchema }),
    output: z.object({
      label: z.string(),
      items: z.array(
        z.object({
          memberId: z.string(),
          name: z.string(),
          kind: z.enum(MEMBER_KINDS),
          unitName: z.string(),
          minutes: z.number().int(),
          activities: z.number().int(),
          wishes: z.number().int(),
        }),
      ),
    }),
  }),
  'letter.issue': action({
    summary: '书记为单位出具季度双反馈函（重新出具即新版本）',
    roles: ['secretary'],
    input: z.object({
      requestId: RequestIdSchema,
      unitId: IdSchema,
      quarter: QuarterKeySchema,
      note: optionalText(300, '社区意见'),
    }),
    output: LetterViewSchema,
  }),
  'letter.list': action({
    summary: '单位的双反馈函',
    roles: ['unit_liaison', 'secretary'],
    input: PageInputSchema.extend({ unitId: IdSchema }),
    output: pageOf(LetterViewSchema),
  }),
  'letter.versions': action({
    summary: '反馈函的各个版本（重新出具不覆盖已签收的版本）',
    roles: ['unit_liaison', 'secretary'],
    input: PageInputSchema.extend({ letterId: IdSchema }),
    output: pageOf(LetterViewSchema),
  }),
  'letter.ack': action({
    summary: '单位联络员签收反馈函（最新版本）',
    roles: ['unit_liaison'],
    input: z.object({ letterId: IdSchema }),
    output: LetterViewSchema,
  }),
  'assessment.set': action({
    summary: '书记年度评议（优秀/合格/基本合格/不合格，须写理由）',
    roles: ['secretary'],
    input: z.object({
      subjectType: z.enum(['member', 'unit']),
      subjectId: IdSchema,
      year: YearSchema,
      grade: z.enum(GRADES),
      reason: text(200, '评议理由'),
    }),
    output: AssessmentViewSchema,
  }),
  'assessment.list': action({
    summary: '本社区年度评议结果',
    roles: ['secretary'],
    input: PageInputSchema.extend({ communityId: IdSchema, year: YearSchema, subjectType: z.enum(['member', 'unit']) }),
    output: pageOf(AssessmentViewSchema),
  }),
  'assessment.unit': action({
    summary: '单位查看本单位历年的年度评议（联络员；最新年份在前）',
    roles: ['unit_liaison', 'secretary'],
    input: PageInputSchema.extend({ unitId: IdSchema }),
    output: pageOf(AssessmentViewSchema),
  }),
  dashboard: action({
    summary: '书记工作台：报到、时长、清单、心愿',
    roles: ['secretary'],
    input: z.object({ communityId: IdSchema, year: YearSchema }),
    output: DashboardViewSchema,
  }),
  // 重点关爱 (issue 15 §5)
  ...careActions,
  ...reportActions(ROLES),
} as const

export type ServiceActions = typeof serviceActions
