/**
 * The whistle record (网格吹哨): the summons a street's grids sent a unit or a property company and how
 * each was answered. One read model that several contexts read (grid's own pages, the service 双反馈
 * letter, the property company page); only grid writes the summons.
 */
import type { SummonsOutcome, SummonsView, WhistleRecordView } from '../../types/grid'
import { HIDDEN_TEXT, REPORT_KIND_LABEL } from '../../types/moderation'
import type { Database } from './cloud'
import { COL } from './collections'
import { quarterOf } from './period'

/** One summoned party of one whistle: `_id = sm:<whistleId>:<type>:<partyId>`. */
export interface SummonsDoc {
  _id: string
  whistleId: string
  eventId: string
  eventTitle: string
  communityId: string
  streetId: string
  partyType: 'unit' | 'company'
  partyId: string
  partyName: string
  /** `<type>:<id>`: the party's inbox is one `in` over the caller's keys. */
  partyKey: string
  /** Quarter key (2026Q4) of the summons, for the unit's quarterly letter. */
  quarter: string
  windowEndsAt: Date
  outcome: SummonsOutcome
  answerKind?: 'report' | 'reason'
  answerText?: string
  answeredBy?: string
  answeredByName?: string
  answeredAt?: Date
  createdAt: Date
  /** The event is held or removed by moderation: its title (which names the reporter's place) is not shown. */
  eventHidden?: boolean
}

/** The summons as shown: silence is a pending summons whose window has passed. */
export function summonsState(outcome: SummonsOutcome, windowEndsAt: Date, now: Date): SummonsOutcome | 'silent' {
  if (outcome === 'pending' && now.getTime() > windowEndsAt.getTime()) return 'silent'
  return outcome
}

const iso = (d?: Date) => (d ? new Date(d).toISOString() : undefined)

export function summonsView(s: SummonsDoc, now: Date): SummonsView {
  return {
    id: s._id,
    eventId: s.eventId,
    eventTitle: s.eventHidden ? `${REPORT_KIND_LABEL.event}（${HIDDEN_TEXT.held}）` : s.eventTitle,
    partyType: s.partyType,
    partyId: s.partyId,
    partyName: s.partyName,
    windowEndsAt: iso(s.windowEndsAt)!,
    state: summonsState(s.outcome, new Date(s.windowEndsAt), now),
    answerKind: s.answerKind,
    answerText: s.answerText,
    answeredByName: s.answeredByName,
    answeredAt: iso(s.answeredAt),
    createdAt: iso(s.createdAt)!,
  }
}

/** Summons listed on a record (the letter and the company page show the latest ones). */
export const RECORD_ITEMS = 20

/**
 * A party's whistle record for a quarter (default: the quarter of `now`): counts of summons, on-time and late
 * answers, silence, and the latest summons with their answers. Five requests whatever the data.
 * Read by grid's whistle.record, the service letter (unit) and the property company page (company).
 */
export async function whistleRecord(
  db: Database,
  partyType: 'unit' | 'company',
  partyId: string,
  now: Date,
  quarter = quarterOf(now),
): Promise<WhistleRecordView> {
  const _ = db.command
  const base = { partyType, partyId, quarter }
  const col = () => db.collection(COL.gridSummons)
  const [all, onTime, late, silent, page] = await Promise.all([
    col().where(base).count(),
    col()
      .where({ ...base, outcome: 'on_time' })
      .count(),
    col()
      .where({ ...base, outcome: 'late' })
      .count(),
    col()
      .where({ ...base, outcome: 'pending', windowEndsAt: _.lt(now) })
      .count(),
    col().where(base).orderBy('createdAt', 'desc').limit(RECORD_ITEMS).get(),
  ])
  return {
    summoned: all.total,
    onTime: onTime.total,
    late: late.total,
    silent: silent.total,
    items: (page.data as SummonsDoc[]).map((s) => summonsView(s, now)),
  }
}
