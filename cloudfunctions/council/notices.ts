import type { Database } from '../shared/cloud'
import { COL } from '../shared/collections'
import { notify } from '../shared/notify'
import type { SubscriptionDoc } from './repo'

/** Subscribers reached per event by the action that causes it (bounded: one read, ≤ 50 sends). */
export const NOTICE_BATCH = 50

/**
 * Subscription messages to the people who subscribed to the community's council notices.
 * Best effort, as notify() is: a failed send never fails the action.
 */
export async function noticeSubscribers(db: Database, communityId: string, templateId: string, page: string, data: Record<string, { value: string }>) {
  const { data: subs } = await db.collection(COL.councilSubscriptions).where({ communityId, on: true }).orderBy('_id', 'asc').limit(NOTICE_BATCH).get()
  let sent = 0
  for (const s of subs as SubscriptionDoc[]) if (await notify({ toOpenid: s.openid, templateId, page, data })) sent++
  return sent
}

const pad = (n: number) => String(n).padStart(2, '0')
/** Asia/Shanghai wall time for notices, e.g. 2026-11-25 19:30. */
export function cnTime(d: Date): string {
  const t = new Date(new Date(d).getTime() + 8 * 3600_000)
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`
}
export const thing = (s: string) => ({ value: s.slice(0, 20) })
