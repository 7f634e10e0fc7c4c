/**
 * property — 物业红黑榜: the enums and their labels, plain constants with no schema. Its contract
 * (types/property.ts) re-exports them; a module that only shows a label imports this file, so loading it builds
 * none of the contract's schemas (a cloud function's cold start builds only its own contract: docs/decisions.md).
 */

export const DIMENSIONS = ['cleaning', 'order', 'repairs', 'greening', 'attitude', 'fees'] as const
export type Dimension = (typeof DIMENSIONS)[number]
export const DIMENSION_LABEL: Record<Dimension, string> = {
  cleaning: '环境卫生',
  order: '秩序维护',
  repairs: '设施维修',
  greening: '绿化养护',
  attitude: '服务态度',
  fees: '收费公开',
}

export const CADENCES = ['monthly', 'quarterly'] as const
export type Cadence = (typeof CADENCES)[number]
export const CADENCE_LABEL: Record<Cadence, string> = { monthly: '每月', quarterly: '每季度' }

export const PLACEMENTS = ['red', 'black', 'neutral', 'not_ranked'] as const
export type Placement = (typeof PLACEMENTS)[number]
export const PLACEMENT_LABEL: Record<Placement, string> = {
  red: '红榜',
  black: '黑榜',
  neutral: '未上榜',
  not_ranked: '样本不足，不排名',
}

export const PERIOD_STATUS = ['open', 'closed', 'published'] as const
export type PeriodStatus = (typeof PERIOD_STATUS)[number]
export const PERIOD_STATUS_LABEL: Record<PeriodStatus, string> = {
  open: '评价中',
  closed: '异议期',
  published: '已发布',
}

/** counted; held for review; rejected at review; excluded by an upheld objection (kept, with the reason). */
export const RATING_STATUS = ['counted', 'held', 'rejected', 'excluded'] as const
export type RatingStatus = (typeof RATING_STATUS)[number]

export const RECT_STATUS = ['open', 'in_progress', 'reported', 'resolved'] as const
export type RectStatus = (typeof RECT_STATUS)[number]
export const RECT_STATUS_LABEL: Record<RectStatus, string> = {
  open: '待物业答复',
  in_progress: '整改中',
  reported: '物业已报整改',
  resolved: '居民确认已整改',
}

export const OBJECTION_STATUS = ['pending', 'upheld', 'rejected'] as const
export type ObjectionStatus = (typeof OBJECTION_STATUS)[number]

/** What an upheld objection does: named ratings are excluded from the period, or the placement carries the street's note. */
export const OBJECTION_EFFECTS = ['exclude', 'annotate'] as const
export type ObjectionEffect = (typeof OBJECTION_EFFECTS)[number]
export const OBJECTION_EFFECT_LABEL: Record<ObjectionEffect, string> = { exclude: '剔除评价', annotate: '榜单加注' }
/** At most this many ratings are excluded by one decision. */
export const MAX_EXCLUDED = 20

/** Two-way evaluation: the community assesses the company; the company assesses the community's support. */
export const ASSESSMENT_DIRECTIONS = ['of_company', 'of_community'] as const
export type AssessmentDirection = (typeof ASSESSMENT_DIRECTIONS)[number]

// ---- 红色物业: Party building in property companies ------------------------------------------------

/** The company's Party organisation: none; Party members but no organisation; its own branch; a joint branch (联合党支部) with the community. */
export const PARTY_ORG_KINDS = ['none', 'members_only', 'own_branch', 'joint_branch'] as const
export type PartyOrgKind = (typeof PARTY_ORG_KINDS)[number]
export const PARTY_ORG_LABEL: Record<PartyOrgKind, string> = {
  none: '无党组织',
  members_only: '仅有党员',
  own_branch: '独立党支部',
  joint_branch: '与社区联合党支部',
}

/** Coverage as the street counts it: a branch (own or joint), members only, or none. */
export const COVERAGE_KINDS = ['branch', 'members_only', 'none'] as const
export type Coverage = (typeof COVERAGE_KINDS)[number]
export const COVERAGE_LABEL: Record<Coverage, string> = {
  branch: '建有党支部',
  members_only: '仅有党员',
  none: '无党员',
}
export const coverageOf = (kind: PartyOrgKind): Coverage =>
  kind === 'own_branch' || kind === 'joint_branch' ? 'branch' : kind

/** The 物管会 or 业委会 a Party member sits on. */
export const COMMITTEE_BODIES = ['wuguanhui', 'yeweihui'] as const
export const COMMITTEE_BODY_LABEL: Record<(typeof COMMITTEE_BODIES)[number], string> = {
  wuguanhui: '物管会',
  yeweihui: '业委会',
}

/** A branch needs at least three full members (党章 第三十条); a joint branch pools the community's. */
export const OWN_BRANCH_MIN_MEMBERS = 3
export const MAX_COMMITTEE_MEMBERS = 30
