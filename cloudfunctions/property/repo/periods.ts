import type { Page, PageInput } from '../../../types/common'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { fetchPage } from '../../shared/paging'
import type { PeriodDoc } from './shapes'
import { txPut, txUpdate } from '../../shared/store'

/** A page of the street's periods, latest first. */
export function listPeriods<V>(
  db: Database,
  streetId: string,
  page: PageInput,
  view: (p: PeriodDoc) => V,
): Promise<Page<V>> {
  return fetchPage(db.collection(COL.propertyPeriods).where({ streetId }), page, [['start', 'desc']], view)
}

export const findPeriodInTx = (tx: Transaction, id: string) => txGetOrNull<PeriodDoc>(tx, COL.propertyPeriods, id)
export const putPeriodInTx = (tx: Transaction, doc: PeriodDoc) => txPut(tx, COL.propertyPeriods, doc)
export const updatePeriodInTx = (tx: Transaction, id: string, patch: Partial<Record<keyof PeriodDoc, unknown>>) =>
  txUpdate(tx, COL.propertyPeriods, id, patch)

/** The automatic periods still open whose end has passed (the timer closes them), earliest end first; at most `n`. One request. */
export async function listAutoPeriodsEnded(db: Database, now: Date, n: number): Promise<PeriodDoc[]> {
  const { data } = await db
    .collection(COL.propertyPeriods)
    .where({ status: 'open', auto: true, end: db.command.lte(now) })
    .orderBy('end', 'asc')
    .limit(n)
    .get()
  return data as PeriodDoc[]
}

/** The automatic periods that have ended and have no successor yet (the timer opens the next), earliest end first; at most `n`. One request. */
export async function listAutoPeriodsWithoutNext(db: Database, now: Date, n: number): Promise<PeriodDoc[]> {
  const _ = db.command
  const { data } = await db
    .collection(COL.propertyPeriods)
    .where({ auto: true, nextPeriodId: _.exists(false), status: _.neq('open'), end: _.lte(now) })
    .orderBy('end', 'asc')
    .limit(n)
    .get()
  return data as PeriodDoc[]
}

/**
 * A write that changes a period's list inputs says so in its own transaction: the period's input
 * version moves, so a publication that gathered the inputs before it is refused (and a concurrent
 * publication conflicts on the period document).
 */
export async function markInputsChangedInTx(ctx: { db: Database }, tx: Transaction, periodId: string): Promise<void> {
  await updatePeriodInTx(tx, periodId, { inputVersion: ctx.db.command.inc(1) })
}
