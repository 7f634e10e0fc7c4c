import * as z from 'zod'
import { action } from './action'
import { IdSchema, IsoDateSchema, PageInputSchema, pageOf, text } from './common'
import { PhotoIdSchema } from './photos'
import type { Audience } from './roles'

/**
 * 举报 and review (SPEC §7): one mechanism for every module. A verified person reports an item (or
 * one photo on it) with a reason from a short list; three distinct households (a person without a
 * household of the community counts as one) hide it at once and put it in its reviewer's queue — the
 * community's secretary, or the street admin for property items. Text the platform's check wants a
 * person to look at (`suggest: review`) enters the same queue, held from the moment it is stored.
 * The reviewer restores it or removes it with a reason (removed = kept, marked, hidden; never deleted).
 */

/** The kinds of record that can be reported, by the function that owns them. */
export const REPORT_KINDS = ['topic', 'resolution_comment', 'rating_comment', 'event', 'wish'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]
export const REPORT_KIND_FN: Record<ReportKind, 'council' | 'property' | 'grid' | 'service'> = {
  topic: 'council',
  resolution_comment: 'council',
  rating_comment: 'property',
  event: 'grid',
  wish: 'service',
}
export const REPORT_KIND_LABEL: Record<ReportKind, string> = {
  topic: '议题',
  resolution_comment: '决议评价',
  rating_comment: '物业评价',
  event: '网格事件',
  wish: '微心愿',
}
/** Kinds whose records carry photos a person can report one by one. */
export const PHOTO_KINDS: readonly ReportKind[] = ['topic', 'rating_comment', 'event']

export const REPORT_REASONS = ['abuse', 'privacy', 'false', 'ad', 'illegal', 'other'] as const
export type ReportReason = (typeof REPORT_REASONS)[number]
export const REPORT_REASON_LABEL: Record<ReportReason, string> = {
  abuse: '辱骂、人身攻击',
  privacy: '泄露他人隐私',
  false: '虚假不实',
  ad: '广告、骚扰',
  illegal: '违法违规',
  other: '其他不宜公开的内容',
}

/** Distinct households (or people without one) whose reports hide an item. */
export const REPORT_THRESHOLD = 3

/** What an item's author sees on it while it is out of others' sight. */
export const MODERATION_STATES = ['held', 'removed'] as const
export type ModerationState = (typeof MODERATION_STATES)[number]
export const MODERATION_LABEL: Record<ModerationState, string> = { held: '审核中', removed: '已移除' }
/** What everyone else sees in place of a held or removed item's text. */
export const HIDDEN_TEXT: Record<ModerationState, string> = { held: '该内容正在审核', removed: '该内容已被移除' }

/**
 * Fields a view of a reportable item carries: its state (only when held or removed; the author sees
 * their own content, everyone else the placeholder) and, to the author, which of their photos are hidden.
 */
export const moderationFields = {
  moderation: z.enum(MODERATION_STATES).optional(),
  heldPhotos: z.array(z.string()).optional(),
}

export const CASE_STATUS = ['open', 'held', 'restored', 'removed'] as const
export type CaseStatus = (typeof CASE_STATUS)[number]
export const CASE_STATUS_LABEL: Record<CaseStatus, string> = {
  open: '收到举报',
  held: '待审核',
  restored: '已恢复',
  removed: '已移除',
}
export const CASE_SOURCE_LABEL = { reports: '多户举报', check: '平台内容检测建议人工复核' } as const

export const ReportSubmitInputSchema = z.object({
  kind: z.enum(REPORT_KINDS),
  /** The item's id as its views show it (a property rating's public id). */
  id: IdSchema,
  /** Report one photo of the item rather than the item. */
  photo: PhotoIdSchema.optional(),
  reason: z.enum(REPORT_REASONS, { message: '请选择举报理由' }),
})
export type ReportSubmitInput = z.infer<typeof ReportSubmitInputSchema>
/** The same answer whether or not the report counted (a report by the author's own household does not). */
export const ReportSubmitOutputSchema = z.object({ received: z.literal(true) })

export const ModerationCaseViewSchema = z.object({
  id: z.string(),
  fn: z.enum(['council', 'property', 'grid', 'service']),
  kind: z.enum(REPORT_KINDS),
  targetId: z.string(),
  photo: z.string().optional(),
  communityId: z.string(),
  streetId: z.string(),
  /** The reported content as it was when it was held (no author: the reviewer judges the content). */
  title: z.string().optional(),
  text: z.string(),
  photos: z.array(z.string()),
  source: z.enum(['reports', 'check']),
  status: z.enum(CASE_STATUS),
  /** Reports of the current round that counted, and their reasons (never who made them). */
  reports: z.number().int(),
  reasons: z.array(z.object({ reason: z.enum(REPORT_REASONS), count: z.number().int() })),
  heldAt: IsoDateSchema.optional(),
  decidedAt: IsoDateSchema.optional(),
  decidedByName: z.string().optional(),
  decisionReason: z.string().optional(),
})
export type ModerationCaseView = z.infer<typeof ModerationCaseViewSchema>

export const ModerationReviewInputSchema = z.object({
  caseId: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[\w:.-]+$/, '编号格式不正确'),
  decision: z.enum(['restore', 'remove']),
  reason: text(200, '处理理由'),
})

export const ModerationQueueInputSchema = PageInputSchema.extend({
  /** A secretary's queue (the community's items) … */
  communityId: IdSchema.optional(),
  /** … or a street admin's (the street's property items). */
  streetId: IdSchema.optional(),
  status: z.enum(['held', 'decided']).default('held'),
}).refine((v) => !!v.communityId !== !!v.streetId, { message: '请选择社区或街道', path: ['communityId'] })

/** `report.submit` and `moderation.review`, mounted by every function that owns reportable kinds. */
export const reportActions = (reporters: readonly Audience[]) => ({
  'report.submit': action({
    summary: '举报一条内容或其中一张照片（每人每条一次；三户举报即隐藏待审）',
    roles: reporters,
    input: ReportSubmitInputSchema,
    output: ReportSubmitOutputSchema,
  }),
  'moderation.review': action({
    summary: '审核被隐藏的内容：恢复或移除（须写理由，通知作者）',
    roles: ['secretary', 'street_admin'] as const,
    input: ModerationReviewInputSchema,
    output: ModerationCaseViewSchema,
  }),
})

/** `moderation.queue` (org): one queue per reviewer across every module. */
export const moderationQueueAction = action({
  summary: '审核队列：本社区（书记）或本街道物业评价（街道管理员）被隐藏待审或已处理的内容',
  roles: ['secretary', 'street_admin'] as const,
  input: ModerationQueueInputSchema,
  output: pageOf(ModerationCaseViewSchema),
})
