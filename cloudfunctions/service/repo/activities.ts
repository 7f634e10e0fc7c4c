import type { Page, PageInput } from '../../../types/common'
import type { ActivityView, AttendanceStatus, Presence } from '../../../types/service'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { pageOf, txAdd, txPut, txUpdate } from './store'

/** 服务活动 and each member's attendance (one per member and activity, `ids.attendance`). */

export interface ActivityDoc {
  _id: string
  communityId: string
  streetId: string
  title: string
  kind: ActivityView['kind']
  place: { name: string; lat: number; lng: number }
  radiusM: number
  startAt: Date
  endAt: Date
  graceMin: number
  capacity: number
  signupCount: number
  createdBy: string
  createdByName: string
  createdAt: Date
}

export interface AttendanceDoc {
  _id: string
  activityId: string
  activityTitle: string
  communityId: string
  streetId: string
  openid: string
  memberId: string
  memberName: string
  unitId?: string
  unitName: string
  status: AttendanceStatus
  signedUpAt?: Date
  signedInAt?: Date
  inMethod?: 'qr' | 'location'
  inTokenSec?: number
  signedOutAt?: Date
  outMethod?: 'qr' | 'location'
  minutes: number
  /** Set by every location step to `pending`; the organiser confirms or rejects (activity.confirmPresence). */
  presence?: Presence
  presenceAt?: Date
  presenceBy?: string
  presenceByName?: string
  presenceReason?: string
  /** Periods of the activity (its start), for the ledger. */
  year: number
  quarter: string
  month: number
  confirmedAt?: Date
  confirmedBy?: string
  confirmedByName?: string
  manual?: {
    reason: string
    minutes: number
    enteredBy: string
    enteredByName: string
    approvedBy?: string
    approvedByName?: string
  }
}

// ---- reads

/** A page of the community's activities, latest start first. */
export function listActivities<V>(
  db: Database,
  communityId: string,
  input: PageInput,
  view: (a: ActivityDoc) => V,
): Promise<Page<V>> {
  return pageOf(db, COL.svcActivities, { communityId }, input, [['startAt', 'desc']], view)
}

/** A page of an activity's attendance, by member name. */
export function listAttendance<V>(
  db: Database,
  activityId: string,
  input: PageInput,
  view: (t: AttendanceDoc) => V,
): Promise<Page<V>> {
  return pageOf(db, COL.svcAttendance, { activityId }, input, [['memberName', 'asc']], view)
}

/** Up to `limit` of an activity's attendance still only signed up (one request): who a reminder goes to. */
export async function listSignedUp(db: Database, activityId: string, limit: number): Promise<AttendanceDoc[]> {
  const { data } = await db.collection(COL.svcAttendance).where({ activityId, status: 'signed_up' }).limit(limit).get()
  return data as AttendanceDoc[]
}

/** A page of a member's confirmed attendance of one year, latest sign-in first (their ledger's entries). */
export function listConfirmedAttendance<V>(
  db: Database,
  openid: string,
  year: number,
  input: PageInput,
  view: (t: AttendanceDoc) => V,
): Promise<Page<V>> {
  return pageOf(db, COL.svcAttendance, { openid, year, status: 'confirmed' }, input, [['signedInAt', 'desc']], view)
}

// ---- inside a transaction

export const addActivityInTx = (tx: Transaction, doc: ActivityDoc) => txAdd(tx, COL.svcActivities, doc)
export const findActivityInTx = (tx: Transaction, id: string) => txGetOrNull<ActivityDoc>(tx, COL.svcActivities, id)
export const updateActivityInTx = (tx: Transaction, id: string, patch: Pick<ActivityDoc, 'signupCount'>) =>
  txUpdate(tx, COL.svcActivities, id, patch)

export const findAttendanceInTx = (tx: Transaction, id: string) => txGetOrNull<AttendanceDoc>(tx, COL.svcAttendance, id)
export const putAttendanceInTx = (tx: Transaction, doc: AttendanceDoc) => txPut(tx, COL.svcAttendance, doc)
