import type { Category, EventStatus, HandlerType, SummonsOutcome, Urgency } from '../../../types/grid'
import { CATEGORY_LABEL } from '../../../types/grid-enums'
import type { RoleGrant } from '../../../types/roles'
import { memberRecordId } from '../../shared/pseudonym'
/** The summons' shown state is the whistle record's rule (one read model, shared/whistle-record.ts). */
export { summonsState } from '../../shared/whistle-record'

/** Pure rules of 网格吹哨: deadlines, overdue, the reopen limit, whistle answers, statistics. */

export interface GridSettings {
  urgentHours: number
  normalHours: number
  whistleWindowHours: number
}

/** SPEC §10: 24 h for 急, 72 h for 一般; the whistle window is our default (docs/grid.md). */
export const DEFAULT_SETTINGS: GridSettings = { urgentHours: 24, normalHours: 72, whistleWindowHours: 24 }

const HOUR = 3600_000

export function hoursFor(urgency: Urgency, s: GridSettings): number {
  return urgency === 'urgent' ? s.urgentHours : s.normalHours
}

/** The deadline of an assignment: the assignment instant plus the urgency's hours. */
export function deadlineFor(urgency: Urgency, assignedAt: Date, s: GridSettings): Date {
  return new Date(assignedAt.getTime() + hoursFor(urgency, s) * HOUR)
}

/** Statuses in which the handler still owes the fix (the deadline is running). */
export const OPEN_FOR_HANDLER: readonly EventStatus[] = ['assigned', 'accepted']

/** Events not yet finished: what the map shows (closed and converted ones are done with). */
export const OPEN_EVENT: EventStatus[] = ['reported', 'assigned', 'accepted', 'done', 'deciding']

/** An event's title, as notices and summons show it: its category and place. */
export const eventTitle = (e: { category: Category; place: string }) =>
  `${CATEGORY_LABEL[e.category]}·${e.place}`.slice(0, 40)

/** Overdue: the handler still owes the fix and the deadline has passed (the deadline instant itself is still on time). */
export function isOverdue(e: { status: EventStatus; deadline?: Date }, now: Date): boolean {
  return !!e.deadline && OPEN_FOR_HANDLER.includes(e.status) && now.getTime() > e.deadline.getTime()
}

/** Done on time: marked done at or before the deadline. */
export function doneOnTime(deadline: Date, doneAt: Date): boolean {
  return doneAt.getTime() <= deadline.getTime()
}

/** The reporter may reopen twice; the third dissatisfaction goes to the secretary. */
export const REOPEN_LIMIT = 2

export type ConfirmResult =
  { status: 'closed'; reopenCount: number } | { status: 'accepted' | 'deciding'; reopenCount: number }

/** What the reporter's answer to a done event does. */
export function afterConfirm(reopenCount: number, resolved: boolean): ConfirmResult {
  if (resolved) return { status: 'closed', reopenCount }
  if (reopenCount < REOPEN_LIMIT) return { status: 'accepted', reopenCount: reopenCount + 1 }
  return { status: 'deciding', reopenCount }
}

/** An answer at or before the window's end is on time; later it is recorded as late. */
export function answerOutcome(windowEndsAt: Date, at: Date): Exclude<SummonsOutcome, 'pending'> {
  return at.getTime() <= windowEndsAt.getTime() ? 'on_time' : 'late'
}

// ---- who handles ---------------------------------------------------------------------------------

export interface HandlerRefLite {
  type: HandlerType
  id: string
}

/**
 * The inbox keys a person handles for: their company, unit, community (secretary) and themselves (member,
 * by their 报到 record id — a handler id is shown to others, so it never carries an openid).
 */
export function handlerKeysOf(openid: string, roles: RoleGrant[]): string[] {
  const keys = new Set<string>()
  for (const g of roles) {
    if (g.role === 'property_staff') keys.add(`company:${g.scopeId}`)
    if (g.role === 'unit_liaison') keys.add(`unit:${g.scopeId}`)
    if (g.role === 'secretary') keys.add(`community:${g.scopeId}`)
    if (g.role === 'member') keys.add(`member:${memberRecordId(openid)}`)
  }
  return [...keys]
}

/** A community's statistics are for its secretary, its grid staff and the admin of its street. */
export function maySeeStats(roles: RoleGrant[], community: { _id: string; streetId: string }): boolean {
  return roles.some(
    (g) =>
      (g.role === 'secretary' && g.scopeId === community._id) ||
      (g.role === 'street_admin' && g.scopeId === community.streetId) ||
      (g.role === 'grid_worker' && g.communityId === community._id),
  )
}

export const handlerKey = (h: HandlerRefLite) => `${h.type}:${h.id}`

export function canHandle(openid: string, roles: RoleGrant[], h: HandlerRefLite): boolean {
  return handlerKeysOf(openid, roles).includes(handlerKey(h))
}

// ---- statistics --------------------------------------------------------------------------------

/** Handling time is counted in whole hours, rounded up (a 10-minute fix is 1 h); capped at 999 h. */
export const MAX_BUCKET = 999
export function handlingBucket(from: Date, to: Date): number {
  const hours = Math.ceil(Math.max(0, to.getTime() - from.getTime()) / HOUR)
  return Math.min(MAX_BUCKET, Math.max(1, hours))
}

/** Median of a histogram { hours → count }: exact on whole hours; the mean of the two middle values for an even count. */
export function medianFromHistogram(hist: Record<string, number>): number | null {
  const entries = Object.entries(hist)
    .map(([k, n]) => [Number(k.replace(/^h/, '')), n] as const)
    .filter(([h, n]) => Number.isFinite(h) && n > 0)
    .sort((a, b) => a[0] - b[0])
  const total = entries.reduce((s, [, n]) => s + n, 0)
  if (total === 0) return null
  const at = (rank: number): number => {
    let seen = 0
    for (const [h, n] of entries) {
      seen += n
      if (seen >= rank) return h
    }
    return entries[entries.length - 1][0]
  }
  if (total % 2 === 1) return at((total + 1) / 2)
  return (at(total / 2) + at(total / 2 + 1)) / 2
}

/** A percentage with one decimal, or null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  if (whole <= 0) return null
  return Math.round((part * 1000) / whole) / 10
}

export interface StatsCounters {
  reported: number
  handled: number
  onTime: number
  reopened: number
  hist: Record<string, number>
}

export const EMPTY_COUNTERS: StatsCounters = { reported: 0, handled: 0, onTime: 0, reopened: 0, hist: {} }

export function summarize(c: StatsCounters) {
  return {
    reported: c.reported,
    handled: c.handled,
    onTime: c.onTime,
    onTimeRate: rate(c.onTime, c.handled),
    medianHours: medianFromHistogram(c.hist),
    reopened: c.reopened,
    reopenRate: rate(c.reopened, c.handled),
  }
}
