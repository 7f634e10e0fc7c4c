import type { Rule } from '../../../types/council'
import { meets, minimumToMeet, type TallyResult } from './tally'

/**
 * What of a vote may be shown, when (docs/council.md, "what is shown when and why"). The strongest
 * insider — the secretary — knows every household's floor area and may poll every action, so no
 * output may depend on one ballot: live turnout moves in snapshots, area only in whole percent of
 * sums over at least MIN_GROUP households, and the counted result carries no area sums at all.
 * Pure: the handlers and views apply these rules.
 */

/** Ballot counting is spread over this many "ballot box" documents per vote (a household always uses the same one). */
export const BALLOT_BOXES = 16
/** Live turnout is a snapshot refreshed at most once per window of this length. */
export const SNAPSHOT_MINUTES = 10
const SNAPSHOT_MS = SNAPSHOT_MINUTES * 60_000
/** Below this many eligible households an area figure would be close to one household's area: never shown. */
export const SMALL_ELECTORATE = 20
/** An area figure is only ever a sum over at least this many households (k-anonymity), and so is what it leaves out. */
export const MIN_GROUP = 5

/** The box of a household: FNV-1a of its id, modulo BALLOT_BOXES (stable, spread evenly). */
export function boxIndex(householdId: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < householdId.length; i++) {
    h ^= householdId.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h % BALLOT_BOXES
}

export const boxId = (voteId: string, i: number) => `box:${voteId}:${i}`
export const boxIds = (voteId: string) => Array.from({ length: BALLOT_BOXES }, (_, i) => boxId(voteId, i))

/** The area published during the vote: taken when `households` had voted. */
export interface ShownArea {
  percent: number
  households: number
  areaDm2: number
}
/** The turnout stored on the vote. `households`/`areaDm2` are exact (never output); `shown` is what may be. */
export interface TurnoutSnapshot {
  households: number
  areaDm2: number
  at: Date
  shown: ShownArea | null
}

export interface Eligible {
  households: number
  areaDm2: number
}

const windowStart = (t: Date) => new Date(Math.floor(t.getTime() / SNAPSHOT_MS) * SNAPSHOT_MS)

export const firstSnapshot = (now: Date): TurnoutSnapshot => ({
  households: 0,
  areaDm2: 0,
  at: windowStart(now),
  shown: null,
})

/** A snapshot is refreshed when its window has passed. */
export const snapshotDue = (s: TurnoutSnapshot, now: Date) => windowStart(now).getTime() > new Date(s.at).getTime()

/**
 * Neither the households that voted nor those that did not may be fewer than MIN_GROUP (except none
 * at all), or the area would tell theirs; and the electorate must not be small.
 */
function areaShowable(eligible: Eligible, households: number): boolean {
  const rest = eligible.households - households
  return eligible.households >= SMALL_ELECTORATE && households >= MIN_GROUP && (rest === 0 || rest >= MIN_GROUP)
}

const wholePercent = (part: number, total: number) => (total > 0 ? Math.floor((part * 100) / total) : 0)

/**
 * The next snapshot from the boxes' totals. The area figure moves only when at least MIN_GROUP more
 * households have voted since it last moved (or everyone has), so the difference between two figures
 * is itself a sum over at least MIN_GROUP households.
 */
export function nextSnapshot(prev: TurnoutSnapshot, totals: Eligible, eligible: Eligible, now: Date): TurnoutSnapshot {
  let shown = prev.shown
  const everyone = totals.households === eligible.households
  if (
    areaShowable(eligible, totals.households) &&
    (everyone || !shown || totals.households - shown.households >= MIN_GROUP)
  ) {
    shown = {
      percent: wholePercent(totals.areaDm2, eligible.areaDm2),
      households: totals.households,
      areaDm2: totals.areaDm2,
    }
  }
  return { households: totals.households, areaDm2: totals.areaDm2, at: windowStart(now), shown }
}

/** Live turnout as shown: households, area percent (or null), the gap to participation and whether it is met. */
export function liveTurnout(rule: Rule, eligible: Eligible, s: TurnoutSnapshot) {
  const shown = rule.byArea ? s.shown : null
  const p = rule.participation
  let gap: { households: number; areaPercent: number | null } | null = null
  let met: boolean | null = null
  if (p) {
    const areaGapDm2 = shown ? Math.max(0, minimumToMeet(eligible.areaDm2, p) - shown.areaDm2) : null
    gap = {
      households: Math.max(0, minimumToMeet(eligible.households, p) - s.households),
      areaPercent: areaGapDm2 === null ? null : Math.ceil((areaGapDm2 * 100) / Math.max(1, eligible.areaDm2)),
    }
    const householdsMet = meets(s.households, eligible.households, p)
    if (!householdsMet) met = false
    else if (!rule.byArea) met = true
    else met = shown ? meets(shown.areaDm2, eligible.areaDm2, p) : null
  }
  return { households: s.households, areaPercent: shown ? shown.percent : null, gap, participationMet: met }
}

/**
 * The counted result as shown: per option households and the one approval flag; participation by
 * area as met, with the whole percent only when the electorate is not small and every option with
 * ballots — and the households that did not vote — number at least MIN_GROUP.
 */
export function publicResult(r: TallyResult) {
  const pA = r.participation.area
  const eligible = { households: r.participation.households.total, areaDm2: pA?.total ?? 0 }
  const groupsLargeEnough = r.options.every((o) => o.households === 0 || o.households >= MIN_GROUP)
  const percent = pA && groupsLargeEnough && areaShowable(eligible, r.ballots) ? wholePercent(pA.count, pA.total) : null
  return {
    passed: r.passed,
    adoptedOptionKey: r.adoptedOptionKey,
    participation: {
      households: r.participation.households,
      area: pA ? { met: pA.met, percent } : null,
      met: r.participation.met,
    },
    options: r.options.map((o) => ({
      key: o.key,
      label: o.label,
      kind: o.kind,
      households: o.households,
      approvalMet: o.approvalMet,
    })),
    summary: r.summary,
    rule: r.rule,
    ballots: r.ballots,
  }
}
