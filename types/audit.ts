import * as z from 'zod'
import { action } from './action'
import { IdSchema, PageInputSchema, pageOf } from './common'

/**
 * The audit log as the street admin reads it (SPEC §7, issue 12 §7): who (a name, never an openid),
 * what, when, before → after, for the street; filtered by action, person and date; paged. Ballots,
 * ratings and reports are written anonymously and by the day and are shown so; a property rating or a
 * resolution rating never names its household.
 */

export const AUDIT_FUNCTIONS = ['org', 'service', 'council', 'property', 'grid'] as const

/** Labels shown instead of a person on anonymous entries (by the label the entry was written under). */
export const ANONYMOUS_ACTOR_LABEL: Record<string, string> = {
  ballot: '匿名表决',
  rating: '匿名评价',
  report: '匿名举报',
  content_check: '平台内容检测',
  居民: '居民（匿名）',
}
export const TIMER_LABEL = '系统定时任务'

/** A Beijing calendar day, YYYY-MM-DD. */
const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式如 2026-11-23')

export const AuditListInputSchema = PageInputSchema.extend({
  streetId: IdSchema,
  fn: z.enum(AUDIT_FUNCTIONS).optional(),
  /** An action of `fn` (e.g. `topic.triage`); needs `fn`. */
  action: z
    .string()
    .trim()
    .max(40)
    .regex(/^[\w.]+$/, '操作格式不正确')
    .optional(),
  /** A person, by the key the log shows next to their name. */
  actorKey: z
    .string()
    .trim()
    .max(32)
    .regex(/^[\w-]+$/, '人员格式不正确')
    .optional(),
  communityId: IdSchema.optional(),
  from: DaySchema.optional(),
  to: DaySchema.optional(),
})
  .refine((v) => !v.action || !!v.fn, { message: '按操作筛选时请先选择模块', path: ['action'] })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['from'] })

export const AuditEntryViewSchema = z.object({
  id: z.string(),
  at: z.string(),
  /** Written with the day only (anonymous entries): show the date, not the time. */
  dayOnly: z.boolean(),
  fn: z.string(),
  action: z.string(),
  /** The person's name, or the label of an anonymous entry, or the system. */
  actorName: z.string(),
  /** To filter by this person (absent on anonymous and system entries). */
  actorKey: z.string().optional(),
  anonymous: z.boolean(),
  communityId: z.string().optional(),
  /** `<collection>/<id>`, with a person shown by name and a rating's household never shown. */
  target: z.string(),
  before: z.unknown(),
  after: z.unknown(),
})
export type AuditEntryView = z.infer<typeof AuditEntryViewSchema>

export const auditListAction = action({
  summary: '街道操作日志：谁（姓名）、做了什么、何时、变更前后；按操作、人员、日期筛选，分页（投票与评价匿名）',
  roles: ['street_admin'],
  input: AuditListInputSchema,
  output: pageOf(AuditEntryViewSchema),
})
