import type { MemberKind } from '../../../types/service'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { ids } from './ids'
import { firstN, txPut } from './store'

/** 台账: each member's ledger per year and quarter, and the community's yearly minutes counter. */

export interface LedgerDoc {
  _id: string
  openid: string
  memberId: string
  name: string
  /** The member's kind when the ledger was last counted into (absent: in-service). */
  kind?: MemberKind
  unitId?: string
  unitName: string
  communityId: string
  /** "2026" or "2026Q4" */
  period: string
  minutes: number
  activities: number
  wishes: number
  /** Of `wishes`: those of households marked 重点关爱 when confirmed (issue 15 §5; absent on older ledgers). */
  careWishes?: number
  ratingSum: number
  ratingCount: number
  updatedAt: Date
}

export interface StatsDoc {
  _id: string
  communityId: string
  year: number
  minutes: number
  minutesByMonth: number[]
}

// ---- reads

/** The community's `limit` ledgers of a period with the most minutes. */
export function listTopLedgers(db: Database, communityId: string, period: string, limit: number): Promise<LedgerDoc[]> {
  return firstN<LedgerDoc>(db, COL.svcLedgers, { communityId, period }, ['minutes', 'desc'], limit)
}

/** Up to `limit` (≤ 100) ledgers of a period naming the unit, most minutes first (its letter's rows). */
export function listUnitLedgers(db: Database, unitId: string, period: string, limit: number): Promise<LedgerDoc[]> {
  return firstN<LedgerDoc>(db, COL.svcLedgers, { unitId, period }, ['minutes', 'desc'], limit)
}

/**
 * A community's ledgers of one year, longest service first, in pages of 100: at most `max` rows
 * (max / 100 requests; a community has far fewer members than the bound).
 */
export async function listYearLedgers(
  db: Database,
  communityId: string,
  year: number,
  max: number,
): Promise<LedgerDoc[]> {
  const page = 100
  const rows: LedgerDoc[] = []
  for (let skip = 0; skip < max; skip += page) {
    const { data } = await db
      .collection(COL.svcLedgers)
      .where({ communityId, period: String(year) })
      .orderBy('minutes', 'desc')
      .skip(skip)
      .limit(page)
      .get()
    rows.push(...(data as LedgerDoc[]))
    if (data.length < page) break
  }
  return rows
}

// ---- inside a transaction

export const findLedgerInTx = (tx: Transaction, id: string) => txGetOrNull<LedgerDoc>(tx, COL.svcLedgers, id)
export const putLedgerInTx = (tx: Transaction, doc: LedgerDoc) => txPut(tx, COL.svcLedgers, doc)

export interface LedgerDelta {
  minutes?: number
  activities?: number
  wishes?: number
  careWishes?: number
  ratingSum?: number
  ratingCount?: number
}

/**
 * Add to a member's ledgers for the year and the quarter (read-modify-write in the transaction, so
 * two confirmations at once cannot lose an update).
 */
export async function bumpLedgers(
  tx: Transaction,
  who: {
    openid: string
    memberId: string
    name: string
    kind?: MemberKind
    unitId?: string
    unitName: string
    communityId: string
  },
  periods: string[],
  delta: LedgerDelta,
  now: Date,
): Promise<void> {
  for (const period of periods) {
    const _id = ids.ledger(who.openid, period)
    const cur = await findLedgerInTx(tx, _id)
    const base: LedgerDoc = cur ?? {
      _id,
      ...who,
      period,
      minutes: 0,
      activities: 0,
      wishes: 0,
      ratingSum: 0,
      ratingCount: 0,
      updatedAt: now,
    }
    await putLedgerInTx(tx, {
      ...base,
      _id,
      name: who.name,
      kind: who.kind,
      unitId: who.unitId,
      unitName: who.unitName,
      minutes: base.minutes + (delta.minutes ?? 0),
      activities: base.activities + (delta.activities ?? 0),
      wishes: base.wishes + (delta.wishes ?? 0),
      careWishes: (base.careWishes ?? 0) + (delta.careWishes ?? 0),
      ratingSum: base.ratingSum + (delta.ratingSum ?? 0),
      ratingCount: base.ratingCount + (delta.ratingCount ?? 0),
      updatedAt: now,
    })
  }
}

/** The community's yearly minutes counter (dashboard), with one bucket per month. */
export async function bumpStats(
  tx: Transaction,
  communityId: string,
  year: number,
  month: number,
  minutes: number,
): Promise<void> {
  const _id = ids.stats(communityId, year)
  const cur = await txGetOrNull<StatsDoc>(tx, COL.svcStats, _id)
  const base: StatsDoc = cur ?? { _id, communityId, year, minutes: 0, minutesByMonth: Array(12).fill(0) }
  const byMonth = [...base.minutesByMonth]
  byMonth[month - 1] = (byMonth[month - 1] ?? 0) + minutes
  await txPut(tx, COL.svcStats, { ...base, _id, minutes: base.minutes + minutes, minutesByMonth: byMonth })
}
