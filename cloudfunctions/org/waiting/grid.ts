import { CATEGORY_LABEL, type EventStatus } from '../../../types/grid-enums'
import type { HomeGroupView, HomeItemView } from '../../../types/org'
import { HIDDEN_TEXT, REPORT_KIND_LABEL } from '../../../types/moderation'
import type { RoleGrant } from '../../../types/roles'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { handlerKeysOf, isOverdue, OPEN_FOR_HANDLER } from '../../grid/public'
import type { EventDoc, SummonsDoc } from '../../grid/public'
import { iso, newest } from './newest'
import { PAGES } from './pages'

const place = (e: EventDoc) => `${CATEGORY_LABEL[e.category]}·${e.place}`

function eventItem(e: EventDoc, now: Date, detail: string): HomeItemView {
  return {
    id: e._id,
    title: place(e),
    detail,
    at: iso(e.createdAt),
    ...(e.deadline && OPEN_FOR_HANDLER.includes(e.status) ? { deadline: iso(e.deadline) } : {}),
    overdue: isOverdue({ status: e.status, deadline: e.deadline ? new Date(e.deadline) : undefined }, now),
    route: PAGES.gridEvent(e._id),
  }
}

const handling = OPEN_FOR_HANDLER as EventStatus[]

/** A summons of an event held or removed by moderation names no place (the reporter wrote it), as grid's summonsView. */
const EVENT_UNDER_REVIEW = `${REPORT_KIND_LABEL.event}（${HIDDEN_TEXT.held}）`

/** Events of the communities waiting for a handler (reported) or for the secretary's ruling (deciding). */
export function eventsToDispatch(db: Database, communityIds: string[], now: Date): Promise<HomeGroupView> {
  const q = db.collection(COL.gridEvents).where({
    communityId: db.command.in(communityIds),
    status: db.command.in(['reported', 'deciding']),
    hidden: db.command.neq(true),
  })
  return newest<EventDoc>('dispatch', PAGES.gridBoard, q, [['createdAt', 'desc']], (e) =>
    eventItem(e, now, `${e.gridName} · ${e.status === 'deciding' ? '重开两次，待书记裁定' : '待派单'}`),
  )
}

/** Events reported on the grid worker's grids, not yet dispatched. */
export function gridReported(db: Database, gridIds: string[], now: Date): Promise<HomeGroupView> {
  const q = db
    .collection(COL.gridEvents)
    .where({ gridId: db.command.in(gridIds), status: 'reported', hidden: db.command.neq(true) })
  return newest<EventDoc>('gridReported', PAGES.gridBoard, q, [['createdAt', 'desc']], (e) =>
    eventItem(e, now, `${e.gridName} · ${e.reporterName} 上报`),
  )
}

/** The street's events past their deadline and not yet done (the overdue queue). */
export function overdueEvents(db: Database, streetIds: string[], now: Date): Promise<HomeGroupView> {
  const _ = db.command
  const q = db
    .collection(COL.gridEvents)
    .where({ streetId: _.in(streetIds), status: _.in(handling), deadline: _.lt(now), hidden: _.neq(true) })
  return newest<EventDoc>('overdueEvents', PAGES.gridOverdue, q, [['deadline', 'asc']], (e) =>
    eventItem(e, now, `${e.communityName ?? ''} ${e.gridName} · ${e.handler?.name ?? ''}`.trim()),
  )
}

/** Events dispatched to the person's company, unit, community or to them as a member, still to fix. */
export function handlingEvents(db: Database, openid: string, roles: RoleGrant[], now: Date): Promise<HomeGroupView> {
  const _ = db.command
  const q = db
    .collection(COL.gridEvents)
    .where({ handlerKey: _.in(handlerKeysOf(openid, roles)), status: _.in(handling), hidden: _.neq(true) })
  return newest<EventDoc>('handling', PAGES.gridInbox, q, [['createdAt', 'desc']], (e) =>
    eventItem(e, now, `${e.gridName} · ${e.status === 'assigned' ? '待接单' : '处置中'}`),
  )
}

/** Events the person reported that the handler marked done: the reporter confirms or reopens. */
export function eventsToConfirm(db: Database, openid: string, now: Date): Promise<HomeGroupView> {
  const q = db.collection(COL.gridEvents).where({ reporter: openid, status: 'done' })
  return newest<EventDoc>('eventsToConfirm', PAGES.gridMine, q, [['createdAt', 'desc']], (e) =>
    eventItem(e, now, `${e.handler?.name ?? '处置方'}已办结，请确认`),
  )
}

function summonsItem(s: SummonsDoc, now: Date, detail: string): HomeItemView {
  const ends = new Date(s.windowEndsAt)
  return {
    id: s._id,
    title: s.eventHidden ? EVENT_UNDER_REVIEW : s.eventTitle,
    detail,
    at: iso(s.createdAt),
    deadline: iso(ends),
    overdue: now.getTime() > ends.getTime(),
    route: PAGES.gridEvent(s.eventId),
  }
}

/** Whistle summons of the person's company or unit not yet answered (late answers are still taken). */
export function summonsToAnswer(db: Database, openid: string, roles: RoleGrant[], now: Date): Promise<HomeGroupView> {
  const keys = handlerKeysOf(openid, roles).filter((k) => k.startsWith('unit:') || k.startsWith('company:'))
  const q = db.collection(COL.gridSummons).where({ partyKey: db.command.in(keys), outcome: 'pending' })
  return newest<SummonsDoc>('summons', PAGES.gridInbox, q, [['createdAt', 'desc']], (s) => ({
    ...summonsItem(s, now, `召集${s.partyName}：请报到承诺或说明理由`),
    route: PAGES.gridInbox,
  }))
}

/** Summons in the communities whose answer window has passed in silence (the secretary follows them up). */
export function unansweredSummons(db: Database, communityIds: string[], now: Date): Promise<HomeGroupView> {
  const _ = db.command
  const q = db
    .collection(COL.gridSummons)
    .where({ communityId: _.in(communityIds), outcome: 'pending', windowEndsAt: _.lt(now) })
  return newest<SummonsDoc>('unanswered', PAGES.gridBoard, q, [['createdAt', 'desc']], (s) =>
    summonsItem(s, now, `${s.partyName} 超时未应答`),
  )
}
