import type { Database } from '../cloudfunctions/shared/db-types'

export interface Scenario {
  fn: string
  action: string
  openid: (i: number) => string
  input: (i: number) => unknown
  /** Keep something the call returned for a later scenario (e.g. ids to decide). */
  collect?: (data: unknown) => void
  /** Shown in the table, e.g. when the measured path is a refusal. */
  note?: string
  /** Row name when one action is measured in two situations (default `fn.action`). */
  label?: string
  /** Calls for this scenario when fewer than the run's iterations make sense (e.g. each needs a big fixture). */
  iterations?: number
  /** Prepares data before the calls (e.g. a vote with 5,000 ballots), straight through the database. */
  setup?: (db: Database) => Promise<void>
}

export interface ActionRow {
  action: string
  p50: number
  p95: number
  requests: number
  failures: number
  note?: string
}
