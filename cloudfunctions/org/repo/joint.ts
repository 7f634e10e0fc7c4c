import type { Page, PageInput } from '../../../types/common'
import type { AffiliationKind, AgendaSource, CommitteeScope } from '../../../types/joint'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import type { CommitmentDoc } from '../../shared/commitments'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { fetchPage } from '../../shared/paging'
import { findById } from '../../shared/store'
import type { UserRecord } from './index'
import { txPut } from '../../shared/store'

/** Stored shapes and reads/writes of the 大党委 roster, the 联席会议 and their commitments (issue 15 §2). */

export interface Affiliation {
  kind: AffiliationKind
  id?: string
  name: string
}
export interface CommitteeMemberDoc {
  _id: string
  scopeType: CommitteeScope
  scopeId: string
  streetId: string
  name: string
  post: string
  title: string
  affiliation: Affiliation
  termStart: string
  termEnd: string
  appointedAt: Date
  appointedBy: string
  appointedByName: string
  endedAt?: Date
  endedBy?: string
  endReason?: string
}
export interface AgendaItem {
  id: string
  source: AgendaSource
  refId?: string
  title: string
  commitmentId?: string
}
export interface JointMeetingDoc {
  _id: string
  scopeType: CommitteeScope
  scopeId: string
  streetId: string
  title: string
  date: string
  cadence: 'monthly' | 'quarterly'
  /** `notified`: the meeting was sent to the people linked to the member's unit or company (absent on records from before notices). */
  agenda: AgendaItem[]
  invited: { memberId: string; name: string; affiliationName: string; notified?: boolean }[]
  present: string[]
  convenedBy: string
  convenedByName: string
  createdAt: Date
}

export const findCommitteeMember = (db: Database, id: string) =>
  findById<CommitteeMemberDoc>(db, COL.committeeMembers, id)
export const findJointMeeting = (db: Database, id: string) => findById<JointMeetingDoc>(db, COL.jointMeetings, id)
export const findCommitment = (db: Database, id: string) => findById<CommitmentDoc>(db, COL.jointCommitments, id)

/** A roster has at most 100 members over its history: one read, whatever else the street holds. */
const ROSTER_CAP = 100
export async function listRoster(db: Database, scopeId: string): Promise<CommitteeMemberDoc[]> {
  const { data } = await db
    .collection(COL.committeeMembers)
    .where({ scopeId })
    .orderBy('termStart', 'asc')
    .limit(ROSTER_CAP)
    .get()
  return data as CommitteeMemberDoc[]
}

/** A scope's meetings, the latest first: one page. */
export function listJointMeetings<V>(
  db: Database,
  scopeId: string,
  page: PageInput,
  view: (m: JointMeetingDoc) => V,
): Promise<Page<V>> {
  return fetchPage(db.collection(COL.jointMeetings).where({ scopeId }), page, [['date', 'desc']], view)
}

/** A meeting has at most MAX_AGENDA problems, so at most as many commitments: one read. */
export async function listMeetingCommitments(db: Database, meetingId: string): Promise<CommitmentDoc[]> {
  const { data } = await db
    .collection(COL.jointCommitments)
    .where({ meetingId })
    .orderBy('claimedAt', 'asc')
    .limit(100)
    .get()
  return data as CommitmentDoc[]
}

/** A unit's or company's commitments, the latest claimed first: one page. */
export function listCommitmentsOf<V>(
  db: Database,
  affiliationId: string,
  page: PageInput,
  view: (c: CommitmentDoc) => V,
): Promise<Page<V>> {
  return fetchPage(db.collection(COL.jointCommitments).where({ affiliationId }), page, [['claimedAt', 'desc']], view)
}

/** 督办: a scope's open commitments whose deadline is before `today` (a Beijing date), the most overdue first. */
export function listOverdueCommitments<V>(
  db: Database,
  scopeId: string,
  today: string,
  page: PageInput,
  view: (c: CommitmentDoc) => V,
): Promise<Page<V>> {
  const q = db.collection(COL.jointCommitments).where({ scopeId, status: 'open', deadline: db.command.lt(today) })
  return fetchPage(q, page, [['deadline', 'asc']], view)
}

/** The role through which a unit or company is reached in 同心圆: its liaisons, its staff. */
const SPEAKS_FOR = { unit: 'unit_liaison', company: 'property_staff' } as const
/** People read for one meeting's notices at most (a few liaisons or staff for each of ≤ 50 invited bodies). */
const REACHABLE_CAP = 100

/** The people who speak for each of these units and companies (by body id): one read for all of them. */
export async function listSpokespeople(
  db: Database,
  bodies: { kind: 'unit' | 'company'; id: string }[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>()
  if (!bodies.length) return out
  const { data } = await db
    .collection(COL.users)
    .where({ 'roles.scopeId': db.command.in([...new Set(bodies.map((b) => b.id))]) })
    .limit(REACHABLE_CAP)
    .get()
  for (const b of bodies) {
    const people = (data as UserRecord[])
      .filter((u) => u.roles.some((g) => g.role === SPEAKS_FOR[b.kind] && g.scopeId === b.id))
      .map((u) => u._id)
    if (people.length) out.set(b.id, people)
  }
  return out
}

export const putCommitteeMemberInTx = (tx: Transaction, doc: CommitteeMemberDoc) => txPut(tx, COL.committeeMembers, doc)
export const findCommitteeMemberInTx = (tx: Transaction, id: string) =>
  txGetOrNull<CommitteeMemberDoc>(tx, COL.committeeMembers, id)
export async function updateCommitteeMemberInTx(
  tx: Transaction,
  id: string,
  patch: Partial<Omit<CommitteeMemberDoc, '_id'>>,
): Promise<void> {
  await tx.collection(COL.committeeMembers).doc(id).update({ data: patch })
}

export const putJointMeetingInTx = (tx: Transaction, doc: JointMeetingDoc) => txPut(tx, COL.jointMeetings, doc)
export const findJointMeetingInTx = (tx: Transaction, id: string) =>
  txGetOrNull<JointMeetingDoc>(tx, COL.jointMeetings, id)
export async function updateJointMeetingInTx(
  tx: Transaction,
  id: string,
  patch: Partial<Omit<JointMeetingDoc, '_id'>>,
): Promise<void> {
  await tx.collection(COL.jointMeetings).doc(id).update({ data: patch })
}

export const putCommitmentInTx = (tx: Transaction, doc: CommitmentDoc) => txPut(tx, COL.jointCommitments, doc)
export const findCommitmentInTx = (tx: Transaction, id: string) =>
  txGetOrNull<CommitmentDoc>(tx, COL.jointCommitments, id)
export async function updateCommitmentInTx(
  tx: Transaction,
  id: string,
  patch: Partial<Omit<CommitmentDoc, '_id'>>,
): Promise<void> {
  await tx.collection(COL.jointCommitments).doc(id).update({ data: patch })
}
