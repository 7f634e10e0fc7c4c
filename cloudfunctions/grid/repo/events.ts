import type { PageInput } from '../../../types/common'
import type { EventStatus } from '../../../types/grid'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Filter, type Transaction } from '../../shared/db-types'
import { visibleWhere } from '../../shared/moderation'
import { fetchPage } from '../../shared/paging'
import { OPEN_FOR_HANDLER } from '../domain/rules'
import type { EventDoc } from './shapes'
import { txPut } from '../../shared/store'

/** Events reported by one person, newest first: a page (count + get). */
export function listEventsReportedBy<V>(db: Database, reporter: string, page: PageInput, view: (e: EventDoc) => V) {
  return fetchPage<EventDoc, V>(db.collection(COL.gridEvents).where({ reporter }), page, [['createdAt', 'desc']], view)
}

/** Events matching a filter the caller built (the board, the inbox, a 楼栋长's list), newest first: a page. */
export function listEventsNewestFirst<V>(db: Database, where: Filter, page: PageInput, view: (e: EventDoc) => V) {
  return fetchPage<EventDoc, V>(db.collection(COL.gridEvents).where(where), page, [['createdAt', 'desc']], view)
}

/** A street's events past their deadline still owed by their handler (held and removed ones left out), most overdue first: a page. */
export function listOverdueEvents<V>(
  db: Database,
  streetId: string,
  now: Date,
  page: PageInput,
  view: (e: EventDoc) => V,
) {
  const _ = db.command
  const q = db
    .collection(COL.gridEvents)
    .where(visibleWhere(db, { streetId, status: _.in(OPEN_FOR_HANDLER as EventStatus[]), deadline: _.lt(now) }))
  return fetchPage<EventDoc, V>(q, page, [['deadline', 'asc']], view)
}

/** Events still owed by their handler, due in (now, soon] and not reminded since their assignment: at most `batch`, soonest first. */
export async function listEventsDueSoon(
  db: Database,
  scope: { communityId?: string },
  now: Date,
  soon: Date,
  batch: number,
): Promise<EventDoc[]> {
  const _ = db.command
  const { data } = await db
    .collection(COL.gridEvents)
    .where({
      ...scope,
      status: _.in(OPEN_FOR_HANDLER as EventStatus[]),
      deadline: _.and(_.gt(now), _.lte(soon)),
      remindedAt: _.exists(false),
    })
    .orderBy('deadline', 'asc')
    .limit(batch)
    .get()
  return data as EventDoc[]
}

export const findEventInTx = (tx: Transaction, id: string) => txGetOrNull<EventDoc>(tx, COL.gridEvents, id)
export const putEventInTx = (tx: Transaction, e: EventDoc) => txPut(tx, COL.gridEvents, e)
