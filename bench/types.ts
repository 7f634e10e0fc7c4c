export interface Scenario {
  fn: string
  action: string
  openid: (i: number) => string
  input: (i: number) => unknown
  /** Keep something the call returned for a later scenario (e.g. ids to decide). */
  collect?: (data: unknown) => void
  /** Shown in the table, e.g. when the measured path is a refusal. */
  note?: string
}

export interface ActionRow {
  action: string
  p50: number
  p95: number
  requests: number
  failures: number
  note?: string
}
