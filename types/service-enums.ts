/**
 * service — 双报到、双服务: the enums and their labels, plain constants with no schema. Its contract
 * (types/service.ts) re-exports them; a module that only shows a label imports this file, so loading it builds
 * none of the contract's schemas (a cloud function's cold start builds only its own contract: docs/decisions.md).
 */

/** `ended`: the secretary ended a member's check-in (org role.end, with a reason); they may check in again. */
export const CHECKIN_STATUS = ['none', 'pending', 'approved', 'returned', 'ended'] as const
export type CheckinStatus = (typeof CHECKIN_STATUS)[number]
export const CHECKIN_STATUS_LABEL: Record<CheckinStatus, string> = {
  none: '未报到',
  pending: '待审核',
  approved: '已报到',
  returned: '已退回',
  ended: '已结束',
}

/**
 * A member's link to the unit they work for (their service reaches that unit's 双反馈 letter): named from the
 * units that have checked in, or kept as a typed name (单位未报到) for the secretary to link later; the unit's
 * liaison confirms or disputes it, and the secretary settles a dispute.
 */
export const UNIT_LINK = ['unlisted', 'claimed', 'confirmed', 'disputed'] as const
export type UnitLink = (typeof UNIT_LINK)[number]
export const UNIT_LINK_LABEL: Record<UnitLink, string> = {
  unlisted: '单位未报到，待社区关联',
  claimed: '待单位确认',
  confirmed: '单位已确认',
  disputed: '单位有异议，待社区核实',
}

/**
 * Every kind of Party member (issue 15 §4). In-service members (在职) name the unit they work for, and their
 * service reaches that unit's 双反馈 letter; retired (退休) members check in to their home community without a
 * unit; mobile (流动) members name the Party organisation their membership is kept in (流出地党组织). Records
 * stored before the kinds existed have no `kind`: they read as in-service.
 */
export const MEMBER_KINDS = ['in_service', 'retired', 'mobile'] as const
export type MemberKind = (typeof MEMBER_KINDS)[number]
export const MEMBER_KIND_LABEL: Record<MemberKind, string> = {
  in_service: '在职党员',
  retired: '退休党员',
  mobile: '流动党员',
}
/** The check-in screen's first question, in plain words. */
export const MEMBER_KIND_HINT: Record<MemberKind, string> = {
  in_service: '我在单位上班',
  retired: '我已经退休',
  mobile: '我的党组织关系在外地',
}

export const NEED_STATUS = ['open', 'matched', 'done'] as const
export type NeedStatus = (typeof NEED_STATUS)[number]
export const NEED_STATUS_LABEL: Record<NeedStatus, string> = { open: '待认领', matched: '已对接', done: '已完成' }
export const NEED_SOURCES = ['community', 'resident', 'grid', 'council'] as const
export const NEED_SOURCE_LABEL: Record<(typeof NEED_SOURCES)[number], string> = {
  community: '社区',
  resident: '居民',
  grid: '网格',
  council: '议事会',
}

/** A unit's or member's offer to take a need (认领): the secretary confirms the match (a project) or declines. */
export const OFFER_STATUS = ['pending', 'accepted', 'declined'] as const
export type OfferStatus = (typeof OFFER_STATUS)[number]
export const OFFER_STATUS_LABEL: Record<OfferStatus, string> = {
  pending: '待社区确认',
  accepted: '已确认对接',
  declined: '未采纳',
}
export const OWNER_TYPE_LABEL = { unit: '单位', member: '党员' } as const

export const ACTIVITY_KINDS = ['volunteer', 'study', 'environment', 'care', 'other'] as const
export const ACTIVITY_KIND_LABEL: Record<(typeof ACTIVITY_KINDS)[number], string> = {
  volunteer: '志愿服务',
  study: '组织生活',
  environment: '环境整治',
  care: '关爱帮扶',
  other: '其他',
}

export const ATTENDANCE_STATUS = ['signed_up', 'signed_in', 'signed_out', 'confirmed', 'manual_pending'] as const
export type AttendanceStatus = (typeof ATTENDANCE_STATUS)[number]
export const ATTENDANCE_STATUS_LABEL: Record<AttendanceStatus, string> = {
  signed_up: '已报名',
  signed_in: '已签到',
  signed_out: '已签退',
  confirmed: '已确认',
  manual_pending: '补录待复核',
}

/**
 * A location sign-in is a claim (coordinates come from the phone, and the place is public): an attendance
 * with a location step counts only after the organiser confirms the person was there.
 */
export const PRESENCE = ['pending', 'confirmed', 'rejected'] as const
export type Presence = (typeof PRESENCE)[number]
export const PRESENCE_LABEL: Record<Presence, string> = {
  pending: '定位签到，待组织者确认到场',
  confirmed: '组织者已确认到场',
  rejected: '组织者未确认到场，不计时长',
}

export const WISH_STATUS = ['open', 'claimed', 'delivered', 'confirmed', 'returned'] as const
export type WishStatus = (typeof WISH_STATUS)[number]
export const WISH_STATUS_LABEL: Record<WishStatus, string> = {
  open: '待认领',
  claimed: '已认领',
  delivered: '已送达',
  confirmed: '已确认',
  returned: '已退回社区',
}

/** How a claim on a wish ended without delivery: the claimer let it go, or it ran past its deadline (timer). */
export const CLAIM_END = ['released', 'lapsed'] as const
export const CLAIM_END_LABEL: Record<(typeof CLAIM_END)[number], string> = {
  released: '认领人已放弃认领',
  lapsed: '超过期限未送达，已退回待认领',
}

export const GRADES = ['excellent', 'qualified', 'basic', 'unqualified'] as const
export type Grade = (typeof GRADES)[number]
export const GRADE_LABEL: Record<Grade, string> = {
  excellent: '优秀',
  qualified: '合格',
  basic: '基本合格',
  unqualified: '不合格',
}

/** SPEC §4: rankings are a record of service, never a score of anyone. */
export const RANKING_LABEL = '服务记录（按服务时长排列，仅为记录，不作为考核评分）'
