import type { CouncilNoticeKind } from '../../types/notices'
import type { Database } from '../shared/cloud'
import { cnTime } from '../shared/clock'
import { notify, TEMPLATES } from '../shared/notify'
import {
  findNoticeJobInTx,
  listPendingNoticeJobs,
  listSubscribers,
  listUsersGrantedOnAny,
  putNoticeJob,
  updateNoticeJobInTx,
  type MeetingDoc,
  type NoticeJobDoc,
  type SubscriptionDoc,
} from './repo'

/** Subscribers an action sends to itself; more than that become a job the timer works through. */
export const NOTICE_BATCH = 20
/** Subscribers the timer sends to per page, and pages per run (config.json: every 10 minutes). */
export const JOB_PAGE = 50
export const JOB_PAGES_PER_RUN = 4

type Data = Record<string, { value: string }>

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
export async function noticeSubscribers(
  db: Database,
  communityId: string,
  kind: CouncilNoticeKind,
  page: string,
  data: Data,
): Promise<number> {
  const subs = await listSubscribers(db, communityId, kind, '', NOTICE_BATCH + 1)
  const first = subs.slice(0, NOTICE_BATCH)
  if (subs.length > NOTICE_BATCH) {
    const job: Omit<NoticeJobDoc, '_id'> = {
      communityId,
      kind,
      page,
      data,
      after: first[first.length - 1]._id,
      status: 'pending',
      createdAt: new Date(),
    }
    await putNoticeJob(db, job)
  }
  return send(first, kind, page, data)
}

/**
 * Timer step: sends up to JOB_PAGES_PER_RUN pages of pending notice jobs, oldest first. Each page's
 * cursor is moved in a transaction before its sends, so two overlapping runs never send a page twice
 * (a crash between the two loses at most that page: notices are at most once, never doubled).
 */
export async function sendNoticeJobs(db: Database, now: Date): Promise<number> {
  const jobs = await listPendingNoticeJobs(db, JOB_PAGES_PER_RUN)
  let sent = 0
  let pages = 0
  for (const job of jobs) {
    let after = job.after
    while (pages < JOB_PAGES_PER_RUN) {
      pages++
      const page = await listSubscribers(db, job.communityId, job.kind, after, JOB_PAGE + 1)
      const mine = page.slice(0, JOB_PAGE)
      const last = page.length > JOB_PAGE
      const next = mine.length ? mine[mine.length - 1]._id : after
      const claimed = await db.runTransaction(async (tx) => {
        const fresh = await findNoticeJobInTx(tx, job._id)
        if (fresh?.status !== 'pending' || fresh.after !== after) return false
        await updateNoticeJobInTx(tx, job._id, last ? { after: next } : { after: next, status: 'done', doneAt: now })
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

/** At most this many people are told of one meeting by one action (30 parties, a few people each). */
export const INVITE_NOTICES = 60

/**
 * The invitation notice to the parties of `keys`: a person directly, a unit's liaisons and a company's
 * staff found by their grant (one read for all of them). Sent whether or not they subscribed to the
 * community's notices — they were named — and best effort, as every notice: one who has not allowed
 * the template in WeChat gets nothing from it, and sees the invitation on home.
 */
export async function noticeInvitees(db: Database, m: MeetingDoc, keys: string[]): Promise<number> {
  const chosen = m.participants.filter((p) => p.key && keys.includes(p.key))
  const to = new Set(chosen.map((p) => p.openid).filter((o): o is string => !!o))
  const bodies = chosen.filter((p) => p.ref && (p.ref.type === 'unit' || p.ref.type === 'company')).map((p) => p.ref!)
  if (bodies.length) {
    for (const u of await listUsersGrantedOnAny(
      db,
      bodies.map((b) => b.id),
    )) {
      if (
        u.roles.some((g) =>
          bodies.some((b) => g.scopeId === b.id && g.role === (b.type === 'unit' ? 'unit_liaison' : 'property_staff')),
        )
      )
        to.add(u._id)
    }
  }
  const page = `packages/council/pages/meeting/index?id=${m._id}`
  const data: Data = {
    thing1: thing(m.title),
    time2: { value: cnTime(m.startsAt) },
    thing3: thing(m.online ? '线上会议' : m.place),
  }
  let sent = 0
  for (const openid of [...to].slice(0, INVITE_NOTICES))
    if (await notify({ toOpenid: openid, templateId: TEMPLATES.councilMeetingPublished, page, data })) sent++
  return sent
}

export const thing = (s: string) => ({ value: s.slice(0, 20) })
