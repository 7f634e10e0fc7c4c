import { COL } from '../shared/collections'
import type { Ctx, TimerJob } from '../shared/dispatch'
import { timerStep } from '../shared/timer-step'
import { closeVote, remindVote, REMIND_WITHIN_MS } from './handlers/votes'
import { sendNoticeJobs } from './notices'
import type { VoteDoc } from './repo'

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
  const _ = db.command
  const [{ data: due }, { data: soon }] = await Promise.all([
    db.collection(COL.councilVotes).where({ closesAt: _.lte(now), closedAt: _.exists(false) }).orderBy('closesAt', 'asc').limit(BATCH).get(),
    db.collection(COL.councilVotes)
      .where({ opensAt: _.lte(now), closesAt: _.and(_.gt(now), _.lte(new Date(now.getTime() + REMIND_WITHIN_MS))), remindedAt: _.exists(false), closedAt: _.exists(false) })
      .orderBy('closesAt', 'asc').limit(BATCH).get(),
  ])
  let closed = 0
  // Each vote's entries go to its own street's log.
  for (const v of due as VoteDoc[]) if (await step(v._id, () => (ctx.within(v), closeVote(ctx, v)))) closed++
  let reminded = 0
  for (const v of soon as VoteDoc[]) if (await step(v._id, () => (ctx.within(v), remindVote(ctx, v)))) reminded++
  let noticed = 0
  await step('notice-jobs', async () => { noticed = await sendNoticeJobs(db, now) })
  return { closed, reminded, noticed }
}

export const councilTimers = { tick }
