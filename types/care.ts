import * as z from 'zod'
import { action } from './action'
import { IdSchema, IsoDateSchema, optionalText, PageInputSchema, pageOf, text } from './common'

/**
 * 重点关爱 (issue 15 §5): with the household's consent, the secretary marks a household as one that needs
 * help first. Part of `service` (its wishes come first for members; the ledger counts service to it apart).
 * The reason (kinds and note) is for the secretary and the household only; everyone else sees the mark.
 */

export const CARE_KINDS = ['elderly_alone', 'disabled', 'hardship'] as const
export type CareKind = (typeof CARE_KINDS)[number]
export const CARE_KIND_LABEL: Record<CareKind, string> = {
  elderly_alone: '独居老人',
  disabled: '残疾人',
  hardship: '生活困难',
}

/** The whole record: for the community's secretary and the household's own residents. */
export const CareViewSchema = z.object({
  householdId: z.string(),
  address: z.string(),
  gridId: z.string().optional(),
  status: z.enum(['active', 'revoked']),
  kinds: z.array(z.enum(CARE_KINDS)),
  note: z.string().optional(),
  /** Who in the household consented, on which day, and who recorded it. */
  consentBy: z.string(),
  consentAt: z.string(),
  recordedByName: z.string(),
  markedAt: z.string(),
  revokedAt: z.string().optional(),
  revokedByName: z.string().optional(),
  revokeReason: z.string().optional(),
})
export type CareView = z.infer<typeof CareViewSchema>

/** What the grid worker sees on patrol: the household and the mark, never why. */
export const CareMarkViewSchema = z.object({
  householdId: z.string(),
  address: z.string(),
  gridId: z.string().optional(),
  since: z.string(),
})
export type CareMarkView = z.infer<typeof CareMarkViewSchema>

export const careActions = {
  'care.mark': action({
    summary: '书记经住户同意，将住户标为重点关爱（独居老人、残疾人、生活困难），记录同意人、日期和记录人',
    roles: ['secretary'],
    input: z.object({
      householdId: IdSchema,
      kinds: z.array(z.enum(CARE_KINDS)).min(1, '请选择关爱原因').max(3),
      note: optionalText(200, '说明'),
      consentBy: text(20, '同意人'),
      consentAt: IsoDateSchema,
    }),
    output: CareViewSchema,
  }),
  'care.revoke': action({
    summary: '撤销重点关爱标记（住户本人或书记；记录保留）',
    roles: ['resident', 'secretary'],
    input: z.object({ householdId: IdSchema, reason: optionalText(200, '原因') }),
    output: CareViewSchema,
  }),
  'care.list': action({
    summary: '社区的重点关爱住户（书记，含原因和同意记录；可含已撤销的）',
    roles: ['secretary'],
    input: PageInputSchema.extend({ communityId: IdSchema, revoked: z.boolean().default(false) }),
    output: pageOf(CareViewSchema),
  }),
  'care.patrol': action({
    summary: '网格员巡查：本网格的重点关爱住户（只有标记，不含原因）',
    roles: ['grid_worker'],
    input: PageInputSchema.extend({ gridId: IdSchema }),
    output: pageOf(CareMarkViewSchema),
  }),
  'care.mine': action({
    summary: '我家的重点关爱记录（住户本人）',
    roles: ['resident'],
    input: z.object({}),
    output: z.object({ items: z.array(CareViewSchema) }),
  }),
} as const
