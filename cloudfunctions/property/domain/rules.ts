import type { Rule } from './scoring'

/** The rule in force until the street saves its own (version 0). Documented in docs/property.md. */
export const DEFAULT_RULE: Rule = {
  cadence: 'monthly',
  autoPeriods: true,
  weights: { satisfaction: 60, community: 20, rectification: 20 },
  dimensionWeights: { cleaning: 1, order: 1, repairs: 1, greening: 1, attitude: 1, fees: 1 },
  redThreshold: 85,
  blackThreshold: 60,
  minSample: 10,
  unresolvedLimit: 3,
  replyDays: 3,
  fixDays: 15,
  objectionDays: 3,
  holdDays: 7,
  holdThreshold: 5,
}

export const ruleDocId = (streetId: string, version: number) => `rule:${streetId}:${version}`
