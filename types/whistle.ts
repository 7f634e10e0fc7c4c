import * as z from 'zod'
import { ANSWER_KINDS } from './grid-enums'

/**
 * A party's whistle record (吹哨报到): the summons of grid events a unit or company was called to and how
 * each was answered. grid's contract shows it, and property's and service's views carry it (the company
 * page, the 双反馈 letter): in a file of its own so their contracts build it without grid's whole contract.
 */

export const SummonsViewSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  eventTitle: z.string(),
  partyType: z.enum(['unit', 'company']),
  partyId: z.string(),
  partyName: z.string(),
  windowEndsAt: z.string(),
  /** pending / on_time / late, and `silent` once the window passed without an answer. */
  state: z.enum(['pending', 'on_time', 'late', 'silent']),
  answerKind: z.enum(ANSWER_KINDS).optional(),
  answerText: z.string().optional(),
  answeredByName: z.string().optional(),
  answeredAt: z.string().optional(),
  createdAt: z.string(),
})
export type SummonsView = z.infer<typeof SummonsViewSchema>

/** A party's whistle record for a period: what the 双反馈 letter and the company page show. */
export const WhistleRecordViewSchema = z.object({
  summoned: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  silent: z.number().int(),
  items: z.array(SummonsViewSchema),
})
export type WhistleRecordView = z.infer<typeof WhistleRecordViewSchema>
