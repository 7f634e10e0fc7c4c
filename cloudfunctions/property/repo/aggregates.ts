import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { aggregateId } from '../domain/ratings'
import { markInputsChangedInTx } from './periods'
import { readAll } from './read-all'
import type { AggregateDoc } from './shapes'
import { txPut, txUpdate } from '../../shared/store'

const ZERO = { cleaning: 0, order: 0, repairs: 0, greening: 0, attitude: 0, fees: 0 }

/** Every company's running sums of a period, in pages of 100. */
export const listAggregatesOfPeriod = (db: Database, periodId: string) =>
  readAll<AggregateDoc>(db, COL.propertyAggregates, { periodId }, '_id')

export const findAggregateInTx = (tx: Transaction, periodId: string, companyId: string) =>
  txGetOrNull<AggregateDoc>(tx, COL.propertyAggregates, aggregateId(periodId, companyId))

/** What one write changes in an aggregate: sums by dimension, households, held, and the counted items. */
export interface AggregateDelta {
  sums: Record<string, number>
  households: number
  held: number
  newHouseholds?: number
  rectTotal?: number
  rectResolved?: number
}

/**
 * Apply a rating's change to its company's per-period aggregate in the same transaction: `_.inc`
 * on an existing aggregate, a fresh document otherwise. Publishing reads these, never the ratings.
 * Every aggregate change is an input change of the period.
 */
export async function bumpAggregateInTx(
  ctx: { db: Database },
  tx: Transaction,
  key: { periodId: string; streetId: string; companyId: string },
  existing: AggregateDoc | null,
  delta: AggregateDelta,
  opts: { whileOpen?: boolean } = {},
): Promise<void> {
  const id = aggregateId(key.periodId, key.companyId)
  // A rating lands only while its period is open (re-checked in the same transaction), and a list is
  // gathered only after the close and a whole objection window (≥ 1 day), far beyond the function
  // timeout: such a write cannot fall between gathering and publishing, so it leaves the period
  // document alone (every rating of the street would otherwise contend for it).
  if (!opts.whileOpen) await markInputsChangedInTx(ctx, tx, key.periodId)
  if (!existing) {
    const doc: AggregateDoc = {
      _id: id,
      periodId: key.periodId,
      streetId: key.streetId,
      companyId: key.companyId,
      sums: { ...ZERO, ...delta.sums } as AggregateDoc['sums'],
      households: delta.households,
      held: delta.held,
      newHouseholds: delta.newHouseholds ?? 0,
      rectTotal: delta.rectTotal ?? 0,
      rectResolved: delta.rectResolved ?? 0,
    }
    await txPut(tx, COL.propertyAggregates, doc)
    return
  }
  const _ = ctx.db.command
  const data: Record<string, unknown> = {}
  for (const [d, v] of Object.entries(delta.sums)) if (v) data[`sums.${d}`] = _.inc(v)
  if (delta.households) data.households = _.inc(delta.households)
  if (delta.held) data.held = _.inc(delta.held)
  if (delta.newHouseholds) data.newHouseholds = _.inc(delta.newHouseholds)
  if (delta.rectTotal) data.rectTotal = _.inc(delta.rectTotal)
  if (delta.rectResolved) data.rectResolved = _.inc(delta.rectResolved)
  if (Object.keys(data).length) await txUpdate(tx, COL.propertyAggregates, id, data)
}
