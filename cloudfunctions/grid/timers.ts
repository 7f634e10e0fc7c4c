import type { TimerJob } from '../shared/dispatch'
import { remindDue } from './reminders'

/** "Deadline near" means this many hours before the deadline (a quarter of the 24 h urgent window). */
export const NEAR_HOURS = 6
/** Events reminded per run, across communities; the trigger runs every 10 minutes (config.json). */
const BATCH = 20

/** `tick`: the deadline-near notice for every community's events, without anyone pressing 催办. */
const tick: TimerJob = async (ctx) => ({ reminded: await remindDue(ctx, {}, NEAR_HOURS, BATCH) })

export const gridTimers = { tick }
