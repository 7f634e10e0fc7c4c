import type { Database } from '../../shared/cloud'

/** The aggregation operators (`db.command.aggregate`), which db-types does not type. */
interface AggregateOperators {
  sum(x: unknown): unknown
  cond(x: unknown[]): unknown
  neq(x: unknown[]): unknown
  push(x: unknown): unknown
}

export const aggregateCommand = (db: Database): AggregateOperators =>
  (db.command as unknown as { aggregate: AggregateOperators }).aggregate
