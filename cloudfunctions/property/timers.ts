import { COL } from '../shared/collections'
import type { Ctx, TimerJob } from '../shared/dispatch'
import { timerStep } from '../shared/timer-step'
import type { Rule } from './domain/scoring'
import { closePeriod, newPeriod, openInTx, openProblem } from './periods'
import {
  findPeriodInTx,
  listAutoPeriodsEnded,
  listAutoPeriodsWithoutNext,
  repo,
  updatePeriodInTx,
  type PeriodDoc,
} from './repo'

/** Periods handled per run and per step; the trigger runs every 10 minutes (config.json). */
const BATCH = 10

const step = (what: string, work: () => Promise<unknown>) => timerStep('property', what, work)

/**
 * A period whose street's rule no longer runs periods by itself is handed back to the street: its
 * `auto` mark is cleared (audited), so the timer stops picking it and the admin opens and closes by hand.
 */
async function handBack(ctx: Ctx<unknown>, p: PeriodDoc): Promise<void> {
  await ctx.transaction(async (tx) => {
    const fresh = await findPeriodInTx(tx, p._id)
    if (!fresh?.auto) return
    await updatePeriodInTx(tx, p._id, { auto: false })
    await ctx.audit(`${COL.propertyPeriods}/${p._id}`, { auto: true }, { auto: false }, tx)
  })
}

/**
 * `tick` — periods run themselves (issue 14 §9). Every automatic period whose end has passed is closed
 * into its objection window; then every automatic period that has ended and has no successor gets the
 * next one: the period of the street's current cadence containing now, under the same date rules and
 * overlap refusal as `period.open` (a cadence change waits for a common boundary: nothing opens until
 * then). Publishing is never automatic. Two reads plus, per period, the street's rule and the work;
 * at most BATCH periods per step.
 */
const tick: TimerJob = async (ctx: Ctx<unknown>) => {
  const { db, now } = ctx
  const rules = new Map<string, Rule>()
  const ruleOf = async (streetId: string) => {
    if (!rules.has(streetId)) rules.set(streetId, (await repo.currentRule(db, streetId)).rule)
    return rules.get(streetId)!
  }

  const ending = await listAutoPeriodsEnded(db, now, BATCH)
  let closed = 0
  for (const p of ending) {
    const rule = await ruleOf(p.streetId)
    if (!rule.autoPeriods) await step(p._id, () => handBack(ctx, p))
    else if (await step(p._id, () => closePeriod(ctx, p, rule))) closed++
  }

  const ended = await listAutoPeriodsWithoutNext(db, now, BATCH)
  let opened = 0
  for (const latest of ended) {
    const rule = await ruleOf(latest.streetId)
    if (!rule.autoPeriods) {
      await step(latest._id, () => handBack(ctx, latest))
      continue
    }
    const next = newPeriod(ctx, latest.streetId, rule)
    // Not yet: the new cadence's period still overlaps the latest (it opens at the next common boundary).
    if (await openProblem(ctx, latest.streetId, latest, next)) continue
    if (await step(next._id, () => ctx.transaction((tx) => openInTx(ctx, tx, next, latest)))) opened++
  }
  return { closed, opened }
}

export const propertyTimers = { tick }
