import type { HomeGroupView, HomeItemView } from '../../../types/org'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { fetchPage } from '../../shared/paging'
import { currentStatus } from '../../service/public'
import { dayRange, yearOf } from '../../shared/period'
import { ids, type ActivityDoc, type MemberDoc, type UnitDoc, type WishDoc } from '../../service/public'
import { HOME_ITEMS, iso, newest } from './newest'
import { PAGES } from './pages'

/** Unit and member check-ins waiting for the secretary: two counts and two pages, merged newest first. */
export async function pendingCheckins(db: Database, communityIds: string[]): Promise<HomeGroupView> {
  const community = db.command.in(communityIds)
  const page = { page: 1, pageSize: HOME_ITEMS }
  const [units, members] = await Promise.all([
    fetchPage<UnitDoc, HomeItemView>(
      db.collection(COL.units).where({ communityId: community, 'checkin.status': 'pending' }),
      page,
      [['checkin.submittedAt', 'desc']],
      (u) => ({
        id: u._id,
        title: u.name,
        detail: '单位报到',
        at: iso(u.checkin!.submittedAt),
        overdue: false,
        route: PAGES.svcReview,
      }),
    ),
    fetchPage<MemberDoc, HomeItemView>(
      db.collection(COL.svcMembers).where({ communityId: community, status: 'pending' }),
      page,
      [['submittedAt', 'desc']],
      (m) => ({
        id: m._id,
        title: m.name,
        detail: `在职党员报到${m.unitName ? ` · ${m.unitName}` : ''}`,
        at: iso(m.submittedAt),
        overdue: false,
        route: PAGES.svcReview,
      }),
    ),
  ])
  const items = [...units.items, ...members.items].sort((a, b) => b.at.localeCompare(a.at)).slice(0, HOME_ITEMS)
  return { kind: 'checkins', route: PAGES.svcReview, count: units.total + members.total, items }
}

/** The member's own yearly check-in, when this year's is missing or was returned: one read. */
export async function checkinDue(db: Database, openid: string, now: Date): Promise<HomeGroupView> {
  const { data } = await db
    .collection(COL.svcMembers)
    .where({ _id: ids.member(openid) })
    .limit(1)
    .get()
  const m = data[0] as MemberDoc | undefined
  const year = yearOf(now)
  const status = m ? currentStatus(m, year) : 'none'
  // Pending: the secretary's turn. Approved this year: done.
  if (status === 'pending' || status === 'approved')
    return { kind: 'checkinDue', route: PAGES.svcMember, count: 0, items: [] }
  const detail =
    status === 'returned'
      ? `报到被退回${m?.reason ? `：${m.reason}` : ''}，请修改后重新提交`
      : m?.approvedYear
        ? `上次报到是 ${m.approvedYear} 年，请到居住地社区报到`
        : '请到居住地社区报到'
  const item: HomeItemView = {
    id: m?._id ?? ids.member(openid),
    title: `${year} 年度在职党员报到`,
    detail,
    at: iso(m?.submittedAt ?? now),
    overdue: true,
    route: PAGES.svcMember,
  }
  return { kind: 'checkinDue', route: PAGES.svcMember, count: 1, items: [item] }
}

/** Wishes the member claimed and has not yet delivered. */
export function claimedWishes(db: Database, openid: string, now: Date): Promise<HomeGroupView> {
  const q = db
    .collection(COL.svcWishes)
    .where({ claimerOpenid: openid, status: 'claimed', hidden: db.command.neq(true) })
  return newest<WishDoc>('claimedWishes', PAGES.svcWishes, q, [['claimedAt', 'desc']], (w) => ({
    id: w._id,
    title: w.title,
    detail: w.address,
    at: iso(w.claimedAt ?? w.createdAt),
    deadline: iso(w.dueAt),
    overdue: new Date(w.dueAt).getTime() < now.getTime(),
    route: PAGES.svcWishes,
  }))
}

/** Activities of the member's communities running at some point of today (Shanghai day). */
export function activitiesToday(db: Database, communityIds: string[], now: Date): Promise<HomeGroupView> {
  const _ = db.command
  const { start, end } = dayRange(now)
  const q = db
    .collection(COL.svcActivities)
    .where({ communityId: _.in(communityIds), startAt: _.lt(end), endAt: _.gt(start) })
  return newest<ActivityDoc>('activitiesToday', PAGES.svcActivities, q, [['startAt', 'desc']], (a) => ({
    id: a._id,
    title: a.title,
    detail: a.place.name,
    at: iso(a.startAt),
    overdue: false,
    route: PAGES.svcActivity(a._id),
  }))
}
