import type { CouncilNoticeKind } from '../../types/notices'
import type { Database } from '../shared/cloud'
import { COL } from '../shared/collections'
import { txGetOrNull } from '../shared/db-types'
import { notify, TEMPLATES } from '../shared/notify'
import type { NoticeJobDoc, SubscriptionDoc } from './repo'

/** Subscribers an action sends to itself; more than that become a job the timer works through. */
export const NOTICE_BATCH = 20
/** Subscribers the timer sends to per page, and pages per run (config.json: every 10 minutes). */
export const JOB_PAGE = 50
export const JOB_PAGES_PER_RUN = 4

type Data = Record<string, { value: string }>

/** One page of the community's subscribers who consented to `kind`, after the given _id. */
async function subscribers(db: Database, communityId: string, kind: CouncilNoticeKind, after: string, limit: number): Promise<SubscriptionDoc[]> {
  const where = { communityId, on: true, kinds: kind, ...(after ? { _id: db.command.gt(after) } : {}) }
  const { data } = await db.collection(COL.councilSubscriptions).where(where).orderBy('_id', 'asc').limit(limit).get()
  return data as SubscriptionDoc[]
}

async function send(subs: SubscriptionDoc[], kind: CouncilNoticeKind, page: string, data: Data): Promise<number> {
  let sent = 0
  for (const s of subs) if (await notify({ toOpenid: s.openid, templateId: TEMPLATES[kind], page, data })) sent++
  return sent
}

/**
 * Subscription messages to the people who subscribed to the community's council notices and
 * consented to this kind. Best effort, as notify() is: a failed send never fails the action. The
 * action sends to the first NOTICE_BATCH itself (one read); if there are more, it leaves one job
 * (one write) and the timer reaches everyone else, so the action's cost never grows with subscribers.
 */
export async function noticeSubscribers(db: Database, communityId: string, kind: CouncilNoticeKind, page: string, data: Data): Promise<number> {
  const subs = await subscribers(db, communityId, kind, '', NOTICE_BATCH + 1)
  const first = subs.slice(0, NOTICE_BATCH)
  if (subs.length > NOTICE_BATCH) {
    const job: Omit<NoticeJobDoc, '_id'> = { communityId, kind, page, data, after: first[first.length - 1]._id, status: 'pending', createdAt: new Date() }
    await db.collection(COL.councilNoticeJobs).add({ data: job })
  }
  return send(first, kind, page, data)
}

/**
 * Timer step: sends up to JOB_PAGES_PER_RUN pages of pending notice jobs, oldest first. Each page's
 * cursor is moved in a transaction before its sends, so two overlapping runs never send a page twice
 * (a crash between the two loses at most that page: notices are at most once, never doubled).
 */
export async function sendNoticeJobs(db: Database, now: Date): Promise<number> {
  const { data: jobs } = await db.collection(COL.councilNoticeJobs).where({ status: 'pending' }).orderBy('createdAt', 'asc').limit(JOB_PAGES_PER_RUN).get()
  let sent = 0
  let pages = 0
  for (const job of jobs as NoticeJobDoc[]) {
    let after = job.after
    while (pages < JOB_PAGES_PER_RUN) {
      pages++
      const page = await subscribers(db, job.communityId, job.kind, after, JOB_PAGE + 1)
      const mine = page.slice(0, JOB_PAGE)
      const last = page.length > JOB_PAGE
      const next = mine.length ? mine[mine.length - 1]._id : after
      const claimed = await db.runTransaction(async (tx) => {
        const fresh = await txGetOrNull<NoticeJobDoc>(tx, COL.councilNoticeJobs, job._id)
        if (fresh?.status !== 'pending' || fresh.after !== after) return false
        await tx.collection(COL.councilNoticeJobs).doc(job._id).update({ data: last ? { after: next } : { after: next, status: 'done', doneAt: now } })
        return true
      })
      if (!claimed) break
      sent += await send(mine, job.kind, job.page, job.data)
      after = next
      if (!last) break
    }
    if (pages >= JOB_PAGES_PER_RUN) break
  }
  return sent
}

export const thing = (s: string) => ({ value: s.slice(0, 20) })
