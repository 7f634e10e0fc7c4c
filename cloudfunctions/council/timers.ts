import type { Ctx, TimerJob } from '../shared/dispatch'
import { timerStep } from '../shared/timer-step'
import { closeVote, remindVote, REMIND_WITHIN_MS } from './handlers/votes'
import { sendNoticeJobs } from './notices'
import { listVotesToClose, listVotesToRemind } from './repo'

/** Votes handled per run and per kind; the trigger runs every 10 minutes (config.json). */
const BATCH = 10

const step = (what: string, work: () => Promise<unknown>) => timerStep('council', what, work)

/**
 * `tick`: counts every vote whose close has passed (the result is computed at the close, not when a
 * secretary remembers to press 计票) and sends the "closing soon" notice within 24 h of the close.
 * Then it sends the rest of notices that had more subscribers than their action sent to (notices.ts).
 * Bounded: two reads plus the work on at most BATCH votes of each kind and JOB_PAGES_PER_RUN pages.
 */
const tick: TimerJob = async (ctx: Ctx<unknown>) => {
  const { db, now } = ctx
  const [due, soon] = await Promise.all([
    listVotesToClose(db, now, BATCH),
    listVotesToRemind(db, now, REMIND_WITHIN_MS, BATCH),
  ])
  let closed = 0
  // Each vote's entries go to its own street's log.
  for (const v of due) if (await step(v._id, () => (ctx.within(v), closeVote(ctx, v)))) closed++
  let reminded = 0
  for (const v of soon) if (await step(v._id, () => (ctx.within(v), remindVote(ctx, v)))) reminded++
  let noticed = 0
  await step('notice-jobs', async () => {
    noticed = await sendNoticeJobs(db, now)
  })
  return { closed, reminded, noticed }
}

export const councilTimers = { tick }
