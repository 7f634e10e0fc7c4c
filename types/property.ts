import * as z from 'zod'
import { action } from './action'
import { WhistleRecordViewSchema } from './whistle'
import { CommitmentViewSchema } from './joint'
import { IdSchema, optionalText, PageInputSchema, pageOf, RequestIdSchema, SearchTextSchema, text } from './common'
import { photoList, photoUploadAction } from './photos'
import { moderationFields, reportActions } from './moderation'
import { ROLES } from './roles'
import {
  ASSESSMENT_DIRECTIONS,
  CADENCES,
  COMMITTEE_BODIES,
  COVERAGE_KINDS,
  coverageOf,
  DIMENSIONS,
  MAX_COMMITTEE_MEMBERS,
  MAX_EXCLUDED,
  OBJECTION_EFFECTS,
  OBJECTION_STATUS,
  OWN_BRANCH_MIN_MEMBERS,
  PARTY_ORG_KINDS,
  PERIOD_STATUS,
  PLACEMENTS,
  RATING_STATUS,
  RECT_STATUS,
} from './property-enums'

/** property — 物业红黑榜 (SPEC §6): periods, ratings, answers, rectification, assessment, rules, lists, summons. */

export * from './property-enums'

/** A rating: 1–5 whole stars on each of the six dimensions. */
const StarSchema = z.number().int('星级须为整数').min(1, '至少 1 星').max(5, '最多 5 星')
export const starsSchema = z.object({
  cleaning: StarSchema,
  order: StarSchema,
  repairs: StarSchema,
  greening: StarSchema,
  attitude: StarSchema,
  fees: StarSchema,
})
export type Stars = z.infer<typeof starsSchema>

// ---- 红色物业: Party building in property companies ------------------------------------------------

const headcount = (label: string) =>
  z
    .number({ error: `${label}须为数字` })
    .int(`${label}须为整数`)
    .min(0, `${label}不能小于 0`)
    .max(10_000, `${label}过大`)

// ---- the rule (versioned by the street) ---------------------------------------------------------

/** A number of the rule in [min, max] (whole unless `decimals`), with messages a street admin can act on. */
const ruleNumber = (min: number, max: number, decimals = false) => {
  const n = z.number({ error: '须为数字' })
  return (decimals ? n : n.int('须为整数')).min(min, `不能小于 ${min}`).max(max, `不能大于 ${max}`)
}
/** A weight: a whole number 0–100. Weights are normalised, so they need not sum to 100; at least one of each group must be > 0. */
const PctSchema = ruleNumber(0, 100)
export const RuleInputSchema = z
  .object({
    cadence: z.enum(CADENCES).default('monthly'),
    /** Periods open and close themselves on the timer at the cadence's boundaries (publishing still waits for the street). */
    autoPeriods: z.boolean().default(true),
    /** Weights of the three parts of the score (any non-negative integers; normalised). */
    weights: z.object({ satisfaction: PctSchema, community: PctSchema, rectification: PctSchema }),
    /** Weights of the six dimensions inside satisfaction (any non-negative integers; normalised). */
    dimensionWeights: z.object({
      cleaning: PctSchema,
      order: PctSchema,
      repairs: PctSchema,
      greening: PctSchema,
      attitude: PctSchema,
      fees: PctSchema,
    }),
    redThreshold: ruleNumber(0, 100, true),
    blackThreshold: ruleNumber(0, 100, true),
    /** Rating households needed before a company is ranked; below it the mean is shrunk toward the street's. */
    minSample: ruleNumber(1, 10_000),
    /** More unresolved rectifications than this puts a ranked company on the black list. */
    unresolvedLimit: ruleNumber(0, 10_000),
    /** Days a company has to answer a rectification item before it counts against it. */
    replyDays: ruleNumber(1, 60),
    /** Days from opening to the due date of a rectification item. */
    fixDays: ruleNumber(1, 120),
    /** Days after the close of a period during which companies may object (at least one: a window of 0 days would leave them none). */
    objectionDays: ruleNumber(1, 30),
    /** Integrity: households verified within this many days are "new"… */
    holdDays: ruleNumber(0, 90),
    /** …and a company's ratings from new households beyond this many per period are held for review. */
    holdThreshold: ruleNumber(0, 10_000),
    /**
     * 红色物业 in the score: points added for a street-verified branch (own or joint) or for verified
     * members only, and whether the red list requires a verified branch. Absent in rules saved before it: counts nothing.
     */
    redProperty: z
      .object({
        branchBonus: ruleNumber(0, 20, true),
        membersBonus: ruleNumber(0, 20, true),
        requireBranchForRed: z.boolean(),
      })
      .refine((r) => r.membersBonus <= r.branchBonus, {
        message: '仅有党员的加分不能高于建有党支部的加分',
        path: ['membersBonus'],
      })
      .default({ branchBonus: 0, membersBonus: 0, requireBranchForRed: false }),
  })
  .refine((r) => r.weights.satisfaction + r.weights.community + r.weights.rectification > 0, {
    message: '三项权重不能都为 0',
    path: ['weights'],
  })
  .refine((r) => DIMENSIONS.some((d) => r.dimensionWeights[d] > 0), {
    message: '六项评价权重不能都为 0',
    path: ['dimensionWeights'],
  })
  .refine((r) => r.blackThreshold < r.redThreshold, { message: '黑榜线必须低于红榜线', path: ['blackThreshold'] })
export type RuleInput = z.output<typeof RuleInputSchema>

export const RuleViewSchema = z.object({
  streetId: z.string(),
  version: z.number().int(),
  rule: z.object({
    cadence: z.enum(CADENCES),
    /** Absent on rules saved before it existed: their periods are opened and closed by hand. */
    autoPeriods: z.boolean().optional(),
    weights: z.object({ satisfaction: z.number(), community: z.number(), rectification: z.number() }),
    dimensionWeights: z.object({
      cleaning: z.number(),
      order: z.number(),
      repairs: z.number(),
      greening: z.number(),
      attitude: z.number(),
      fees: z.number(),
    }),
    redThreshold: z.number(),
    blackThreshold: z.number(),
    minSample: z.number().int(),
    unresolvedLimit: z.number().int(),
    replyDays: z.number().int(),
    fixDays: z.number().int(),
    objectionDays: z.number().int(),
    holdDays: z.number().int(),
    holdThreshold: z.number().int(),
    redProperty: z
      .object({ branchBonus: z.number(), membersBonus: z.number(), requireBranchForRed: z.boolean() })
      .optional(),
  }),
  createdAt: z.string(),
  createdByName: z.string(),
  /** True for the built-in default before the street has saved a rule. */
  isDefault: z.boolean(),
})
export type RuleView = z.infer<typeof RuleViewSchema>

// ---- views -----------------------------------------------------------------------------------

export const PeriodViewSchema = z.object({
  id: z.string(),
  streetId: z.string(),
  key: z.string(),
  label: z.string(),
  cadence: z.enum(CADENCES),
  status: z.enum(PERIOD_STATUS),
  /** The period's Shanghai calendar bounds (start inclusive, end exclusive); periods are ordered by these. */
  start: z.string(),
  end: z.string(),
  openedAt: z.string(),
  closedAt: z.string().optional(),
  objectionUntil: z.string().optional(),
  /** Closed and inside the objection window now (by the server's clock): companies may object. */
  objectionOpen: z.boolean(),
  publishedVersion: z.number().int().optional(),
  /** Runs on the timer: closes itself at its end and the next period opens (the street may still close it early). */
  auto: z.boolean(),
  /** Who closed it: the street admin, or the timer at its end. */
  closedBy: z.enum(['admin', 'timer']).optional(),
})
export type PeriodView = z.infer<typeof PeriodViewSchema>

export const CompanyViewSchema = z.object({ id: z.string(), streetId: z.string(), name: z.string() })

/** What company staff and the street see of a rating: never the rater's openid, name or household. */
export const AnonymousRatingViewSchema = z.object({
  id: z.string(),
  periodId: z.string(),
  companyId: z.string(),
  estateName: z.string(),
  stars: starsSchema,
  comment: z.string().optional(),
  photos: z.array(z.string()),
  status: z.enum(RATING_STATUS),
  low: z.boolean(),
  answer: z.string().optional(),
  answeredAt: z.string().optional(),
  answeredByName: z.string().optional(),
  rectificationId: z.string().optional(),
  /** Why an upheld objection excluded it (status `excluded`). */
  exclusionReason: z.string().optional(),
  updatedAt: z.string(),
  /** Its comment and photos held or removed (举报 or the content check): the household sees them marked, others a placeholder. */
  ...moderationFields,
})
export type AnonymousRatingView = z.infer<typeof AnonymousRatingViewSchema>

/** What the rating household sees of its own rating. */
/** `raterLeft`: the member who rated has left the household; the rating is the household's and the caller may change it. */
export const MyRatingViewSchema = AnonymousRatingViewSchema.extend({
  edits: z.number().int(),
  ratedByMe: z.boolean(),
  raterLeft: z.boolean().optional(),
})
export type MyRatingView = z.infer<typeof MyRatingViewSchema>

export const RectificationViewSchema = z.object({
  id: z.string(),
  ratingId: z.string(),
  periodId: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  estateName: z.string(),
  lowDimensions: z.array(z.enum(DIMENSIONS)),
  comment: z.string(),
  status: z.enum(RECT_STATUS),
  answerDueAt: z.string(),
  dueAt: z.string(),
  /** Unanswered past the reply window (counts against the company). */
  overdue: z.boolean(),
  reopenCount: z.number().int(),
  events: z.array(z.object({ kind: z.string(), text: z.string().optional(), byName: z.string(), at: z.string() })),
  createdAt: z.string(),
  /** The comment it copies is held or removed: others see the placeholder (the item's work goes on). */
  moderation: moderationFields.moderation,
})
export type RectificationView = z.infer<typeof RectificationViewSchema>

/** What stands between a period and its list, told to the street before it taps 发布 (`list.readiness`). */
export const ReadinessViewSchema = z.object({
  period: PeriodViewSchema,
  /** Nothing blocks publishing now. */
  canPublish: z.boolean(),
  /** Why not, in the words 发布 would be refused with (null when it may publish). */
  blocker: z.string().nullable(),
  heldRatings: z.number().int(),
  pendingObjections: z.number().int(),
  /** Companies serving the street's estates that a community they serve has not assessed this period. */
  missingAssessments: z.array(
    z.object({ companyId: z.string(), companyName: z.string(), communities: z.array(z.string()) }),
  ),
  /** Companies below the minimum sample this period (listed as 样本不足, never black). */
  belowSample: z.array(z.object({ companyId: z.string(), companyName: z.string(), households: z.number().int() })),
  minSample: z.number().int(),
})
export type ReadinessView = z.infer<typeof ReadinessViewSchema>

/** A company's period at a glance for its staff (no rater anywhere): averages, households per estate, what is overdue. */
export const StaffSummaryViewSchema = z.object({
  period: PeriodViewSchema.nullable(),
  /** Counted rating households, and ratings held for review. */
  households: z.number().int(),
  held: z.number().int(),
  /** Mean stars per dimension over the counted households, one decimal; null when nobody rated. */
  averages: z.object({
    cleaning: z.number().nullable(),
    order: z.number().nullable(),
    repairs: z.number().nullable(),
    greening: z.number().nullable(),
    attitude: z.number().nullable(),
    fees: z.number().nullable(),
  }),
  estates: z.array(z.object({ estateName: z.string(), households: z.number().int() })),
  /** Ratings with a comment this period, and those not yet answered. */
  comments: z.object({ total: z.number().int(), unanswered: z.number().int() }),
  /** Rectification items held against the company now (unanswered past the reply window, or past their due date). */
  overdue: z.object({ count: z.number().int(), items: z.array(RectificationViewSchema) }),
})
export type StaffSummaryView = z.infer<typeof StaffSummaryViewSchema>

export const AssessmentViewSchema = z.object({
  id: z.string(),
  periodId: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  direction: z.enum(ASSESSMENT_DIRECTIONS),
  score: z.number().int(),
  comment: z.string().optional(),
  byName: z.string(),
  at: z.string(),
  revisions: z.number().int(),
})
export type AssessmentView = z.infer<typeof AssessmentViewSchema>

export const ReviewItemViewSchema = z.object({
  id: z.string(),
  periodId: z.string(),
  companyName: z.string(),
  /** The street reviewing a burst sees the household address and when it was verified, never the person. */
  address: z.string(),
  verifiedAt: z.string(),
  stars: starsSchema,
  comment: z.string().optional(),
  status: z.enum(RATING_STATUS),
  createdAt: z.string(),
  moderation: moderationFields.moderation,
})

export const ObjectionViewSchema = z.object({
  id: z.string(),
  periodId: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  text: z.string(),
  status: z.enum(OBJECTION_STATUS),
  byName: z.string(),
  at: z.string(),
  decision: z.string().optional(),
  decidedByName: z.string().optional(),
  decidedAt: z.string().optional(),
  /** What the upheld objection did, and how many ratings it excluded. */
  effect: z.enum(OBJECTION_EFFECTS).optional(),
  excluded: z.number().int().optional(),
})
export type ObjectionView = z.infer<typeof ObjectionViewSchema>

/** An upheld objection as shown with the company's placement (frozen with the publication). */
export const ObjectionEffectViewSchema = z.object({
  objectionId: z.string(),
  companyId: z.string(),
  kind: z.enum(OBJECTION_EFFECTS),
  /** The street's decision: the reason for the exclusion, or the note on the placement. */
  text: z.string(),
  /** Ratings excluded (0 for a note). */
  excluded: z.number().int(),
  decidedAt: z.string(),
})
export type ObjectionEffectView = z.infer<typeof ObjectionEffectViewSchema>

/** The inputs a company's placement was computed from (frozen with a publication). */
export const CompanyInputsSchema = z.object({
  companyId: z.string(),
  companyName: z.string(),
  estates: z.array(z.string()),
  households: z.number().int(),
  sums: z.object({
    cleaning: z.number().int(),
    order: z.number().int(),
    repairs: z.number().int(),
    greening: z.number().int(),
    attitude: z.number().int(),
    fees: z.number().int(),
  }),
  /** Mean of the communities' assessments (0–100), or null when no community assessed it. */
  communityScore: z.number().nullable(),
  rectTotal: z.number().int(),
  rectResolved: z.number().int(),
  /**
   * Unresolved items held against the company at the cutoff (past their due date, or unanswered past
   * the reply window) — this period's and earlier periods' items still open.
   */
  rectUnresolved: z.number().int(),
  /** Of `rectUnresolved`, the items opened in earlier periods (absent in publications made before it was recorded). */
  rectUnresolvedEarlier: z.number().int().optional(),
  /** 红色物业 at the cutoff: the organisation as declared and whether the street had verified it (absent in publications made before it was recorded). */
  partyOrg: z.object({ kind: z.enum(PARTY_ORG_KINDS), verified: z.boolean() }).optional(),
})
export type CompanyInputs = z.infer<typeof CompanyInputsSchema>

export const ListEntrySchema = z.object({
  companyId: z.string(),
  companyName: z.string(),
  placement: z.enum(PLACEMENTS),
  /** Competition rank among ranked companies (ties share a rank); null when not ranked. */
  rank: z.number().int().nullable(),
  score: z.number(),
  satisfaction: z.number(),
  rawSatisfaction: z.number().nullable(),
  communityScore: z.number().nullable(),
  rectificationRate: z.number(),
  households: z.number().int(),
  reasons: z.array(z.string()),
  /** Upheld objections about this company in the period (views only: not part of the computed list). */
  effects: z.array(ObjectionEffectViewSchema).optional(),
  /** 红色物业 as frozen with the inputs (views only: what the list shows beside the placement). */
  partyOrg: z.object({ kind: z.enum(PARTY_ORG_KINDS), verified: z.boolean() }).optional(),
})
export type ListEntry = z.infer<typeof ListEntrySchema>

/** The estates each company served in a period, as frozen with the list (publication inputs). */
export const ServedEstatesSchema = z.array(z.object({ companyId: z.string(), estates: z.array(z.string()) }))
export type ServedEstates = z.infer<typeof ServedEstatesSchema>

export const PublicationViewSchema = z.object({
  id: z.string(),
  streetId: z.string(),
  periodId: z.string(),
  periodLabel: z.string(),
  version: z.number().int(),
  ruleVersion: z.number().int(),
  streetMean: z.number(),
  entries: z.array(ListEntrySchema),
  served: ServedEstatesSchema,
  publishedAt: z.string(),
  publishedByName: z.string(),
  supersededAt: z.string().optional(),
})
export type PublicationView = z.infer<typeof PublicationViewSchema>

export const SummonsViewSchema = z.object({
  id: z.string(),
  periodId: z.string(),
  periodLabel: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  date: z.string(),
  attendees: z.string(),
  problems: z.string(),
  commitments: z.string(),
  followUpDate: z.string(),
  followUps: z.array(z.object({ text: z.string(), byName: z.string(), at: z.string() })),
  byName: z.string(),
  createdAt: z.string(),
})
export type SummonsView = z.infer<typeof SummonsViewSchema>

/**
 * 核算数据: everything a published list was computed from, so anyone can recompute it by hand or with
 * docs/recompute-list.mjs — the rule exactly as applied (with its version, which `rule.get` returns
 * too), each company's frozen inputs (star sums per dimension, rating households, the communities'
 * mean assessment, rectification counts) and the published result. No rater appears in it.
 */
export const LIST_INPUTS_FORMAT = 'tongxinyuan.property.list-inputs/1'
export const ListInputsViewSchema = z.object({
  format: z.literal(LIST_INPUTS_FORMAT),
  publicationId: z.string(),
  streetId: z.string(),
  periodId: z.string(),
  periodLabel: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  version: z.number().int(),
  publishedAt: z.string(),
  /** The instant the inputs were gathered (rectification items overdue at it count as unresolved). */
  cutoff: z.string(),
  ruleVersion: z.number().int(),
  rule: RuleViewSchema.shape.rule,
  /** The order the six dimensions are summed in. */
  dimensions: z.array(z.enum(DIMENSIONS)),
  inputs: z.array(CompanyInputsSchema),
  /** Upheld objections of the period (exclusions are already out of the inputs; notes change nothing). */
  effects: z.array(ObjectionEffectViewSchema),
  published: z.object({ streetMean: z.number(), entries: z.array(ListEntrySchema) }),
})
export type ListInputsView = z.infer<typeof ListInputsViewSchema>

const HistoryPointSchema = z.object({
  periodId: z.string(),
  periodLabel: z.string(),
  /** The live publication of that period (its 核算数据 can be downloaded). */
  publicationId: z.string(),
  placement: z.enum(PLACEMENTS),
  score: z.number(),
  rank: z.number().int().nullable(),
  reasons: z.array(z.string()),
  /** The estates the company served in that period (frozen with the publication). */
  estates: z.array(z.string()),
  /** Upheld objections about the company in that period: exclusions and notes. */
  effects: z.array(ObjectionEffectViewSchema),
})

/** A company's 红色物业 record: the latest declaration and whether the street verified it. */
export const RedPropertyViewSchema = z.object({
  companyId: z.string(),
  companyName: z.string(),
  kind: z.enum(PARTY_ORG_KINDS),
  coverage: z.enum(COVERAGE_KINDS),
  branchName: z.string().optional(),
  /** Party members among the company's staff, and of them those working on site in the street's estates. */
  staffMembers: z.number().int(),
  onSiteMembers: z.number().int(),
  /** 党建指导员: named by the street when it verifies. */
  instructorName: z.string().optional(),
  committeeMembers: z.array(
    z.object({ name: z.string(), body: z.enum(COMMITTEE_BODIES), estateName: z.string().optional() }),
  ),
  /** Each declaration is a new version (the earlier ones are kept); verification names the version it checked. */
  version: z.number().int(),
  verified: z.boolean(),
  declaredAt: z.string(),
  declaredByName: z.string(),
  verifiedAt: z.string().optional(),
  verifiedByName: z.string().optional(),
})
export type RedPropertyView = z.infer<typeof RedPropertyViewSchema>

export const CoverageRowSchema = z.object({
  estateId: z.string(),
  estateName: z.string(),
  communityName: z.string(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  kind: z.enum(PARTY_ORG_KINDS),
  /** What the street counts: a branch / members only / none (an unverified claim counts as declared, flagged). */
  coverage: z.enum(COVERAGE_KINDS),
  verified: z.boolean(),
  /** The serving company has declared its Party organisation at all (未登记 otherwise, not 未核实). */
  declared: z.boolean(),
})
export type CoverageRow = z.infer<typeof CoverageRowSchema>
const CoverageCountsSchema = z.object({
  branch: z.number().int(),
  members_only: z.number().int(),
  none: z.number().int(),
})

// ---- inputs ------------------------------------------------------------------------------------

const PhotosSchema = photoList(6)
const DateOnlySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD')

// ---- registry ---------------------------------------------------------------------------------

export const propertyActions = {
  'photo.upload': photoUploadAction('上传评价照片（压缩后的图片，检测后返回文件编号）', ['resident']),
  'company.list': action({
    summary: '街道的物业公司（可按名称查找）',
    roles: ['authenticated'],
    input: PageInputSchema.extend({ streetId: IdSchema, q: SearchTextSchema }),
    output: pageOf(CompanyViewSchema),
  }),
  'company.get': action({
    summary: '物业公司主页：现在服务的小区、当前榜单位置、历次排名、上榜原因与当期服务的小区',
    roles: ['authenticated'],
    input: z.object({ companyId: IdSchema }),
    output: z.object({
      company: CompanyViewSchema,
      estates: z.array(z.object({ id: z.string(), name: z.string(), communityId: z.string() })),
      current: ListEntrySchema.nullable(),
      /** The current list (the latest period's), whose 核算数据 the page offers; null before any. */
      currentPublicationId: z.string().nullable(),
      history: z.array(HistoryPointSchema),
      /** 网格吹哨: this quarter's summons of the company — answers, lateness, silence. */
      whistle: WhistleRecordViewSchema,
      /** 红色物业: the company's Party organisation (null before any declaration). */
      redProperty: RedPropertyViewSchema.nullable(),
      /** 联席会议: problems the company took on (现场认领), newest first (the latest 20), with their outcome. */
      commitments: z.array(CommitmentViewSchema),
    }),
  }),

  'redProperty.declare': action({
    summary:
      '红色物业：物业（或街道）登记公司的党组织情况、党员人数、物管会/业委会中的党员（每次登记为新版本，待街道核实）',
    roles: ['property_staff', 'street_admin'],
    input: z
      .object({
        companyId: IdSchema,
        /** The version the declarer saw (0: none yet): a declaration over a newer one is refused. */
        expectedVersion: z.number().int('版本须为整数').min(0, '版本不能小于 0'),
        kind: z.enum(PARTY_ORG_KINDS),
        branchName: optionalText(60, '党组织名称'),
        staffMembers: headcount('员工中的党员人数'),
        onSiteMembers: headcount('驻小区的党员人数'),
        committeeMembers: z
          .array(
            z.object({ name: text(20, '姓名'), body: z.enum(COMMITTEE_BODIES), estateName: optionalText(40, '小区') }),
          )
          .max(MAX_COMMITTEE_MEMBERS, `最多登记 ${MAX_COMMITTEE_MEMBERS} 人`)
          .default([]),
      })
      .refine((v) => v.onSiteMembers <= v.staffMembers, {
        message: '驻小区的党员不能多于员工中的党员',
        path: ['onSiteMembers'],
      })
      .refine((v) => v.kind !== 'none' || v.staffMembers === 0, {
        message: '有党员时请选择「仅有党员」或党支部',
        path: ['kind'],
      })
      .refine((v) => v.kind === 'none' || v.staffMembers > 0, {
        message: '请填写员工中的党员人数',
        path: ['staffMembers'],
      })
      .refine((v) => v.kind !== 'own_branch' || v.staffMembers >= OWN_BRANCH_MIN_MEMBERS, {
        message: `独立党支部须有 ${OWN_BRANCH_MIN_MEMBERS} 名以上党员，人数不足可与社区建联合党支部`,
        path: ['staffMembers'],
      })
      .refine((v) => coverageOf(v.kind) !== 'branch' || !!v.branchName, {
        message: '请填写党支部名称',
        path: ['branchName'],
      })
      .refine((v) => coverageOf(v.kind) === 'branch' || !v.branchName, {
        message: '没有党支部时不填党支部名称',
        path: ['branchName'],
      }),
    output: RedPropertyViewSchema,
  }),
  'redProperty.verify': action({
    summary: '红色物业：街道管理员核实公司登记的某一版党组织情况，并写明派驻的党建指导员',
    roles: ['street_admin'],
    input: z.object({
      companyId: IdSchema,
      version: z.number().int('版本须为整数').min(1, '版本不能小于 1'),
      instructorName: optionalText(20, '党建指导员'),
    }),
    output: RedPropertyViewSchema,
  }),
  'redProperty.coverage': action({
    summary: '红色物业覆盖：街道各小区的服务物业建有党支部、仅有党员或无党员（已核实与未核实分开计）',
    roles: ['street_admin'],
    input: z.object({ streetId: IdSchema }),
    output: z.object({
      rows: z.array(CoverageRowSchema),
      /** Estates by coverage as declared, and of them those the street verified. */
      totals: CoverageCountsSchema,
      verified: CoverageCountsSchema,
      /** Companies whose latest declaration waits for verification. */
      pending: z.array(RedPropertyViewSchema),
    }),
  }),

  'company.create': action({
    summary: '街道管理员登记物业公司',
    roles: ['street_admin'],
    input: z.object({ requestId: RequestIdSchema, streetId: IdSchema, name: text(60, '公司名称') }),
    output: CompanyViewSchema,
  }),
  'company.assignEstate': action({
    summary: '街道管理员指定小区的服务物业（此后的评价计入新物业，已有评价不变）',
    roles: ['street_admin'],
    input: z.object({ estateId: IdSchema, companyId: IdSchema }),
    output: z.object({
      estateId: z.string(),
      estateName: z.string(),
      companyId: z.string(),
      companyName: z.string(),
      previousCompanyId: z.string().nullable(),
    }),
  }),
  'company.unassignEstate': action({
    summary: '街道管理员登记物业公司不再服务某小区（本期评价仍计入该公司，下一期起不再；往期榜单不变）',
    roles: ['street_admin'],
    input: z.object({ estateId: IdSchema, reason: optionalText(200, '原因') }),
    output: z.object({
      estateId: z.string(),
      estateName: z.string(),
      previousCompanyId: z.string(),
      previousCompanyName: z.string(),
      /** The instant it stopped serving: the period containing it still rates that company. */
      endedAt: z.string(),
      /** That period's label when one is open, e.g. 2026年11月; null when none is (the next one rates no one until a new company is assigned). */
      keepsPeriodLabel: z.string().nullable(),
    }),
  }),

  'rule.current': action({
    summary: '街道当前的评分规则（权重、红黑榜线、最低样本等）',
    roles: ['authenticated'],
    input: z.object({ streetId: IdSchema }),
    output: RuleViewSchema,
  }),
  'rule.get': action({
    summary: '街道评分规则的某一版（0 为系统默认规则），用于核对榜单所用规则',
    roles: ['authenticated'],
    input: z.object({ streetId: IdSchema, version: z.number().int('版本须为整数').min(0, '版本不能小于 0') }),
    output: RuleViewSchema,
  }),
  'rule.publish': action({
    summary: '街道管理员发布新版评分规则',
    roles: ['street_admin'],
    input: z.object({ requestId: RequestIdSchema, streetId: IdSchema, rule: RuleInputSchema }),
    output: RuleViewSchema,
  }),

  'period.open': action({
    summary: '街道管理员开启本期评价（按规则的周期；规则设为自动时此后到期自动结束并开启下一期）',
    roles: ['street_admin'],
    input: z.object({ requestId: RequestIdSchema, streetId: IdSchema }),
    output: PeriodViewSchema,
  }),
  'period.close': action({
    summary: '街道管理员结束本期评价（可提前结束），进入异议期',
    roles: ['street_admin'],
    input: z.object({ periodId: IdSchema }),
    output: PeriodViewSchema,
  }),
  'list.readiness': action({
    summary: '发布前检查：待复核的评价、未处理的异议、异议期、本期还没有社区评价的物业、样本不足的物业',
    roles: ['street_admin'],
    input: z.object({ periodId: IdSchema }),
    output: ReadinessViewSchema,
  }),
  'rating.summary': action({
    summary: '物业工作台概览：本期各项平均分、各小区评价户数、留言与未答复数、逾期整改（不含评价人）',
    roles: ['property_staff', 'street_admin'],
    input: z.object({ companyId: IdSchema, periodId: IdSchema.optional() }),
    output: StaffSummaryViewSchema,
  }),
  'period.list': action({
    summary: '街道的评价周期',
    roles: ['authenticated'],
    input: PageInputSchema.extend({ streetId: IdSchema }),
    output: pageOf(PeriodViewSchema),
  }),

  'rating.context': action({
    summary: '居民：本户本期可评价的物业及本户已有的评价',
    roles: ['resident'],
    input: z.object({ householdId: IdSchema }),
    output: z.object({
      householdId: z.string(),
      estateName: z.string(),
      company: CompanyViewSchema.nullable(),
      period: PeriodViewSchema.nullable(),
      rating: MyRatingViewSchema.nullable(),
    }),
  }),
  'rating.submit': action({
    summary: '居民为本小区的物业打分（每户每期一次，截止前可修改）',
    roles: ['resident'],
    input: z.object({
      requestId: RequestIdSchema,
      periodId: IdSchema,
      householdId: IdSchema,
      stars: starsSchema,
      comment: optionalText(300, '意见'),
      photos: PhotosSchema,
    }),
    output: MyRatingViewSchema,
  }),
  'rating.inbox': action({
    summary: '物业人员查看本公司收到的评价（不含评价人身份）',
    roles: ['property_staff', 'street_admin'],
    input: PageInputSchema.extend({
      companyId: IdSchema,
      periodId: IdSchema.optional(),
      onlyComments: z.boolean().default(false),
    }),
    output: pageOf(AnonymousRatingViewSchema),
  }),
  'rating.answer': action({
    summary: '物业答复一条评价意见（再次答复会替代并保留旧答复）',
    roles: ['property_staff'],
    input: z.object({ ratingId: IdSchema, text: text(300, '答复') }),
    output: AnonymousRatingViewSchema,
  }),

  'rectification.list': action({
    summary: '物业或街道查看整改事项',
    roles: ['property_staff', 'street_admin'],
    input: PageInputSchema.extend({ companyId: IdSchema, status: z.enum(RECT_STATUS).optional() }),
    output: pageOf(RectificationViewSchema),
  }),
  'rectification.mine': action({
    summary: '居民：本户评价引出的整改事项',
    roles: ['resident'],
    input: PageInputSchema,
    output: pageOf(RectificationViewSchema),
  }),
  'rectification.report': action({
    summary: '物业报告整改进展或已整改',
    roles: ['property_staff'],
    input: z.object({ rectificationId: IdSchema, text: text(300, '整改说明'), done: z.boolean() }),
    output: RectificationViewSchema,
  }),
  'rectification.confirm': action({
    summary: '居民确认整改是否到位',
    roles: ['resident'],
    input: z.object({ rectificationId: IdSchema, fixed: z.boolean(), comment: optionalText(200, '说明') }),
    output: RectificationViewSchema,
  }),

  'assessment.submit': action({
    summary: '双向评价：书记评价服务本社区的物业，物业评价社区的支持（0–100 分）',
    roles: ['secretary', 'property_staff'],
    input: z.object({
      periodId: IdSchema,
      communityId: IdSchema,
      companyId: IdSchema,
      direction: z.enum(ASSESSMENT_DIRECTIONS),
      score: z.number().int('分数须为整数').min(0, '分数为 0–100').max(100, '分数为 0–100'),
      comment: optionalText(300, '评价说明'),
    }),
    output: AssessmentViewSchema,
  }),
  'assessment.list': action({
    summary: '某期的双向评价（按社区或按物业）',
    roles: ['authenticated'],
    input: z.object({ periodId: IdSchema, communityId: IdSchema.optional(), companyId: IdSchema.optional() }),
    output: z.object({
      items: z.array(AssessmentViewSchema),
      pairs: z.array(
        z.object({
          communityId: z.string(),
          communityName: z.string(),
          companyId: z.string(),
          companyName: z.string(),
        }),
      ),
    }),
  }),

  'review.list': action({
    summary: '街道：待复核的评价（新认证住户集中评价）；可按周期筛选（发布前须处理完本期的）',
    roles: ['street_admin'],
    input: PageInputSchema.extend({ streetId: IdSchema, periodId: IdSchema.optional() }),
    output: pageOf(ReviewItemViewSchema),
  }),
  'review.decide': action({
    summary: '街道复核一条暂缓计入的评价：计入或不计入',
    roles: ['street_admin'],
    input: z
      .object({ ratingId: IdSchema, approve: z.boolean(), reason: optionalText(200, '原因') })
      .refine((v) => v.approve || (v.reason && v.reason.length > 0), {
        message: '不计入时请写明原因',
        path: ['reason'],
      }),
    output: ReviewItemViewSchema,
  }),

  'objection.submit': action({
    summary: '物业在异议期内对本期榜单提出异议',
    roles: ['property_staff'],
    input: z.object({
      requestId: RequestIdSchema,
      periodId: IdSchema,
      companyId: IdSchema,
      text: text(500, '异议内容'),
    }),
    output: ObjectionViewSchema,
  }),
  'objection.list': action({
    summary: '某期的异议及处理（街道看全部，物业看本公司）',
    roles: ['street_admin', 'property_staff'],
    input: PageInputSchema.extend({ periodId: IdSchema, companyId: IdSchema.optional() }),
    output: pageOf(ObjectionViewSchema),
  }),
  'objection.decide': action({
    summary: '街道处理异议（写明理由）：不成立；或成立并剔除指定评价（保留并标明原因）或在榜单上加注说明',
    roles: ['street_admin'],
    input: z
      .object({
        objectionId: IdSchema,
        upheld: z.boolean(),
        decision: text(300, '处理意见'),
        effect: z.enum(OBJECTION_EFFECTS).optional(),
        /** The ratings (public ids) to exclude, with `effect: 'exclude'`. */
        ratingIds: z.array(IdSchema).max(MAX_EXCLUDED, `一次最多剔除 ${MAX_EXCLUDED} 条评价`).default([]),
      })
      .refine((v) => !v.upheld || !!v.effect, {
        message: '异议成立时请选择：剔除评价或在榜单上加注说明',
        path: ['effect'],
      })
      .refine((v) => v.upheld || !v.effect, { message: '异议不成立时不剔除评价、不加注', path: ['effect'] })
      .refine((v) => v.effect !== 'exclude' || v.ratingIds.length > 0, {
        message: '请选择要剔除的评价',
        path: ['ratingIds'],
      })
      .refine((v) => v.effect === 'exclude' || v.ratingIds.length === 0, {
        message: '只有剔除评价时才选择评价',
        path: ['ratingIds'],
      }),
    output: ObjectionViewSchema,
  }),

  'list.preview': action({
    summary: '发布前的榜单预览（街道看全部，物业看本公司）',
    roles: ['street_admin', 'property_staff'],
    input: z.object({ periodId: IdSchema }),
    output: z.object({
      period: PeriodViewSchema,
      ruleVersion: z.number().int(),
      streetMean: z.number(),
      entries: z.array(ListEntrySchema),
      served: ServedEstatesSchema,
    }),
  }),
  'list.publish': action({
    summary:
      '街道发布本期红黑榜（冻结规则版本与全部输入；再次发布替代旧版；本期还有待复核的评价时拒绝；早于当前榜单的周期只作为历史榜单）',
    roles: ['street_admin'],
    input: z.object({ requestId: RequestIdSchema, periodId: IdSchema }),
    /** `current`: false when a later period's list is already published (this one joins the history only). */
    output: PublicationViewSchema.extend({ current: z.boolean() }),
  }),
  'list.current': action({
    summary: '街道当前的红黑榜及上榜原因',
    roles: ['authenticated'],
    input: z.object({ streetId: IdSchema }),
    output: PublicationViewSchema.nullable(),
  }),
  'list.recompute': action({
    summary: '用发布时冻结的输入和规则重算榜单，核对是否一致',
    roles: ['authenticated'],
    input: z.object({ publicationId: IdSchema }),
    output: z.object({ publicationId: z.string(), matches: z.boolean(), entries: z.array(ListEntrySchema) }),
  }),

  'list.inputs': action({
    summary: '已发布榜单的核算数据：所用规则、各公司冻结的输入与发布结果（不含评价人）',
    roles: ['authenticated'],
    input: z.object({ publicationId: IdSchema }),
    output: ListInputsViewSchema,
  }),
  'list.download': action({
    summary: '下载已发布榜单的核算数据（JSON；Excel 由 export 函数 property.inputs 生成）',
    roles: ['authenticated'],
    input: z.object({ publicationId: IdSchema }),
    output: z.object({ fileID: z.string(), url: z.string(), fileName: z.string() }),
  }),

  'summons.create': action({
    summary: '街道对黑榜物业约谈记录',
    roles: ['street_admin'],
    input: z.object({
      requestId: RequestIdSchema,
      publicationId: IdSchema,
      companyId: IdSchema,
      date: DateOnlySchema,
      attendees: text(200, '参加人员'),
      problems: text(500, '存在问题'),
      commitments: text(500, '整改承诺'),
      followUpDate: DateOnlySchema,
    }),
    output: SummonsViewSchema,
  }),
  'summons.list': action({
    summary: '约谈记录（街道看全部，物业看本公司）',
    roles: ['street_admin', 'property_staff'],
    input: PageInputSchema.extend({ streetId: IdSchema, companyId: IdSchema.optional() }),
    output: pageOf(SummonsViewSchema),
  }),
  'summons.followUp': action({
    summary: '街道追加约谈的跟进情况',
    roles: ['street_admin'],
    input: z.object({ summonsId: IdSchema, text: text(300, '跟进情况') }),
    output: SummonsViewSchema,
  }),
  ...reportActions(ROLES),
} as const

export type PropertyActions = typeof propertyActions
