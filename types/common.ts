import * as z from 'zod'

/** Document ids: opaque, bounded, no path tricks. */
export const IdSchema = z
  .string()
  .trim()
  .min(1, '缺少编号')
  .max(64, '编号过长')
  .regex(/^[\w:.-]+$/, '编号格式不正确')

/** A client-generated id so a retried create returns the first result instead of a second record. */
export const RequestIdSchema = z
  .string()
  .trim()
  .min(8, 'requestId 过短')
  .max(64, 'requestId 过长')
  .regex(/^[\w-]+$/, 'requestId 格式不正确')

/** Free text from a person: trimmed, bounded, content-checked on the server before it is stored. */
export const text = (max: number, label = '内容') =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`)

export const optionalText = (max: number, label = '内容') =>
  z.string().trim().max(max, `${label}不能超过 ${max} 个字`).optional()

/** Mainland mobile number. */
export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号')

/**
 * What a person types in a list's search box: trimmed, at most 20 characters; empty means no search.
 * Lists match it as "contains" (cloudfunctions/shared/search.ts) within their own bounded query.
 */
export const SEARCH_MAX = 20
export const SearchTextSchema = z
  .string()
  .trim()
  .max(SEARCH_MAX, `查找的字不超过 ${SEARCH_MAX} 个`)
  .optional()
  .transform((v) => (v ? v : undefined))

export const MAX_PAGE_SIZE = 50
export const PageInputSchema = z.object({
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
})
export type PageInput = z.infer<typeof PageInputSchema>

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

/** Instants travel as ISO strings over the wire (JSON), are stored as Date. */
export const IsoDateSchema = z.string().datetime({ offset: true })

export const OkOnlySchema = z.object({ ok: z.literal(true) })
