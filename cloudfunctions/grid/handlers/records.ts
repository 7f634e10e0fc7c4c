import type { WorkerRecordView } from '../../../types/grid'
import type { Handler } from '../../shared/dispatch'
import { ensure } from '../../shared/errors'
import { yearOf } from '../../shared/period'
import { listStaffOfCommunity, workerTallies } from '../repo'

/** The Beijing calendar year `year` as instants, start inclusive, end exclusive. */
const yearRange = (year: number) => ({
  start: new Date(Date.UTC(year, 0, 1) - 8 * 3600_000),
  end: new Date(Date.UTC(year + 1, 0, 1) - 8 * 3600_000),
})

/**
 * Each grid worker's year as a record, for the community's secretary: events they reported and how
 * those were handled (first fixes, on time, mean hours), events they dispatched, and residents' ratings
 * of the handling on their grid (events reported by anyone but the community's grid staff). Counts and
 * means only — no score and no rank (the State Council's rules: records of service, not assessments by
 * numbers). Requests: the appointments, then three grouped reads, whatever the events.
 */
export const staffRecord: Handler<'grid.staff.record'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    ensure(actor.isSecretaryOf(input.communityId), '只能查看您所在社区网格员的工作记录')
    const year = input.year ?? yearOf(now)
    const { start, end } = yearRange(year)
    const all = await listStaffOfCommunity(db, input.communityId)
    // In post at some point of the year: appointed before its end, not removed before its start.
    const staff = all.filter(
      (s) =>
        new Date(s.appointedAt).getTime() < end.getTime() &&
        (!s.removedAt || new Date(s.removedAt).getTime() >= start.getTime()),
    )
    const openids = [...new Set(staff.map((s) => s.openid))]
    if (!openids.length) return { year, items: [] }
    const { reported, dispatched, rated } = await workerTallies(db, input.communityId, start, end, openids)
    const byReporter = new Map(reported.map((x) => [x._id, x]))
    const byDispatcher = new Map(dispatched.map((x) => [x._id, x.n]))
    const byGrid = new Map(rated.map((x) => [x._id, x]))
    const items: WorkerRecordView[] = staff.map((s) => {
      const r = byReporter.get(s.openid)
      const g = byGrid.get(s.gridId)
      return {
        staffId: s._id,
        name: s.name,
        post: s.post,
        gridId: s.gridId,
        gridName: s.gridName,
        active: s.status === 'active',
        reported: r?.reported ?? 0,
        handled: r?.handled ?? 0,
        onTime: r?.onTime ?? 0,
        meanHours: r && r.handled ? Math.round((r.hours / r.handled) * 10) / 10 : null,
        dispatched: byDispatcher.get(s.openid) ?? 0,
        residentRatings: { count: g?.n ?? 0, average: g && g.n ? Math.round((g.stars / g.n) * 10) / 10 : null },
      }
    })
    // By grid, then post, then name: an order of the roster, not of performance.
    const POSTS = ['branch_secretary', 'leader', 'worker', 'cadre']
    items.sort(
      (a, b) =>
        a.gridId.localeCompare(b.gridId, 'en', { numeric: true }) ||
        POSTS.indexOf(a.post) - POSTS.indexOf(b.post) ||
        a.name.localeCompare(b.name, 'zh'),
    )
    return { year, items }
  },
}
