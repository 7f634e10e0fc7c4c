import type { Page, PageInput } from '../../../types/common'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import type { Doc, Transaction } from '../../shared/db-types'
import { fetchPage } from '../../shared/paging'
import type { AttendanceDoc, MeetingDoc } from './docs'
import { addInTx, findInTx, putInTx } from './tx'
import { txUpdate } from '../../shared/store'

export const findMeetingInTx = (tx: Transaction, id: string) => findInTx<MeetingDoc>(tx, COL.councilMeetings, id)
/** A new meeting (`add`: its id is new). */
export const putMeetingInTx = (tx: Transaction, m: MeetingDoc) => addInTx(tx, COL.councilMeetings, m)
export const updateMeetingInTx = (tx: Transaction, id: string, patch: Doc) =>
  txUpdate(tx, COL.councilMeetings, id, patch)

export const findAttendanceInTx = (tx: Transaction, id: string) =>
  findInTx<AttendanceDoc>(tx, COL.councilAttendance, id)
export const putAttendanceInTx = (tx: Transaction, a: AttendanceDoc) => putInTx(tx, COL.councilAttendance, a)

/** Statuses of the meetings people other than the secretary see (never a draft). */
const SHOWN = ['published', 'started', 'ended']

/** A page of the community's meetings, latest start first; drafts only for the secretary. Two requests. */
export function listMeetings<V>(
  db: Database,
  communityId: string,
  withDrafts: boolean,
  page: PageInput,
  view: (m: MeetingDoc) => V,
): Promise<Page<V>> {
  const filter: Record<string, unknown> = { communityId }
  if (!withDrafts) filter.status = db.command.in(SHOWN)
  return fetchPage<MeetingDoc, V>(db.collection(COL.councilMeetings).where(filter), page, [['startsAt', 'desc']], view)
}

/** A page of the meetings not yet ended that invited any of these party keys, soonest first. Two requests. */
export function listMeetingsInviting<V>(
  db: Database,
  keys: string[],
  page: PageInput,
  view: (m: MeetingDoc) => V,
): Promise<Page<V>> {
  const q = db
    .collection(COL.councilMeetings)
    .where({ inviteKeys: db.command.in(keys), status: db.command.in(['published', 'started']) })
  return fetchPage<MeetingDoc, V>(q, page, [['startsAt', 'asc']], view)
}

/** A page of a meeting's sign-ins, in the order they came. Two requests. */
export function listAttendance<V>(
  db: Database,
  meetingId: string,
  page: PageInput,
  view: (a: AttendanceDoc) => V,
): Promise<Page<V>> {
  return fetchPage<AttendanceDoc, V>(
    db.collection(COL.councilAttendance).where({ meetingId }),
    page,
    [['at', 'asc']],
    view,
  )
}

/** The sign-ins of a meeting's invited parties (at most 200, one read; none asked when nobody was invited). */
export async function listInvitedAttendance(db: Database, meetingId: string, keys: string[]): Promise<AttendanceDoc[]> {
  if (!keys.length) return []
  return (
    await db
      .collection(COL.councilAttendance)
      .where({ meetingId, inviteKey: db.command.in(keys) })
      .orderBy('at', 'asc')
      .limit(200)
      .get()
  ).data as AttendanceDoc[]
}
