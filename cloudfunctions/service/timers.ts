import type { Ctx, TimerJob } from '../shared/dispatch'
import { DomainError } from '../shared/errors'
import { returnLapsedClaim } from './handlers/wishes'
import { listLapsedClaims } from './repo'

/** Wishes returned per run; the trigger runs every 10 minutes (config.json), oldest deadline first. */
const BATCH = 20

/**
 * `tick`: every 微心愿 claimed but not delivered by its claim's deadline goes back to 待认领 (or to the
 * community, if its own date has passed), and the claimer and the resident are told. One read plus the work
 * on at most BATCH wishes. A wish delivered or released in the meantime is left alone (CONFLICT, not an error).
 */
const tick: TimerJob = async (ctx: Ctx<unknown>) => {
  const { db, now } = ctx
  let returned = 0
  for (const w of await listLapsedClaims(db, now, BATCH)) {
    try {
      await returnLapsedClaim(ctx, w)
      returned++
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'CONFLICT'))
        console.error(
          JSON.stringify({
            fn: 'service',
            timer: 'tick',
            wish: w._id,
            error: e instanceof Error ? e.message : String(e),
          }),
        )
    }
  }
  return { returned }
}

export const serviceTimers = { tick }
