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
  /** Why its database requests grow with the data, when they must (an export writes every row). Exempts it from the constant-requests budget. */
  grows?: string
  /** Why its p95 may pass the latency budget (a known gap, docs/<module>.md). Exempts it from that budget. */
  slow?: string
}

export interface ActionRow {
  action: string
  /** Wall-clock latency, ms. */
  p50: number
  p95: number
  /** CPU time of the process during the call, ms: its latency on a free core (the runtime is one process). */
  cpu95: number
  requests: number
  failures: number
  note?: string
  grows?: string
  slow?: string
}
