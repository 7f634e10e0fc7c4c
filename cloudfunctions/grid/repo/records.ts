import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import type { StaffDoc } from './shapes'

type Agg = {
  aggregate: {
    sum(x: unknown): unknown
    cond(x: unknown[]): unknown
    eq(x: unknown[]): unknown
    gt(x: unknown[]): unknown
  }
}

/** Appointments of a community read at most (six grids of four posts, with the removed ones kept). */
const STAFF_LIMIT = 200

/** Every appointment of the community, active or removed (one read). */
export async function listStaffOfCommunity(db: Database, communityId: string): Promise<StaffDoc[]> {
  const { data } = await db
    .collection(COL.gridStaff)
    .where({ communityId, status: db.command.in(['active', 'removed']) })
    .limit(STAFF_LIMIT)
    .get()
  return data as StaffDoc[]
}

export interface ReportTally {
  _id: string
  reported: number
  handled: number
  onTime: number
  hours: number
}
export interface DispatchTally {
  _id: string
  n: number
}
export interface RatingTally {
  _id: string
  n: number
  stars: number
}

/**
 * The community's events of [start, end) added up for the workers `openids`: per reporter (how their
 * reports were handled), per dispatcher, and per grid the residents' ratings (events reported by anyone
 * but them). Three grouped reads in parallel, whatever the events.
 */
export async function workerTallies(
  db: Database,
  communityId: string,
  start: Date,
  end: Date,
  openids: string[],
): Promise<{ reported: ReportTally[]; dispatched: DispatchTally[]; rated: RatingTally[] }> {
  const _ = db.command
  const $ = (_ as unknown as Agg).aggregate
  const inYear = { communityId, createdAt: _.and(_.gte(start), _.lt(end)) }
  const [reported, dispatched, rated] = await Promise.all([
    db
      .collection(COL.gridEvents)
      .aggregate()
      .match({ ...inYear, reporter: _.in(openids) })
      .group({
        _id: '$reporter',
        reported: $.sum(1),
        handled: $.sum($.cond([$.gt(['$handlingHours', 0]), 1, 0])),
        onTime: $.sum($.cond([$.eq(['$firstDoneOnTime', true]), 1, 0])),
        hours: $.sum('$handlingHours'),
      })
      .limit(STAFF_LIMIT)
      .end(),
    db
      .collection(COL.gridEvents)
      .aggregate()
      .match({ ...inYear, assignedBy: _.in(openids) })
      .group({ _id: '$assignedBy', n: $.sum(1) })
      .limit(STAFF_LIMIT)
      .end(),
    db
      .collection(COL.gridEvents)
      .aggregate()
      .match({ ...inYear, reporter: _.nin(openids), rating: _.gt(0) })
      .group({ _id: '$gridId', n: $.sum(1), stars: $.sum('$rating') })
      .limit(STAFF_LIMIT)
      .end(),
  ])
  return {
    reported: reported.list as ReportTally[],
    dispatched: dispatched.list as DispatchTally[],
    rated: rated.list as RatingTally[],
  }
}
