import type { CareMarkView, CareView } from '../../types/care'
import type {
  ActivityView,
  AgreementView,
  AssessmentView,
  AttendanceView,
  LetterView,
  MemberView,
  NeedOfferView,
  NeedView,
  ProjectUpdateView,
  ProjectView,
  ResourceView,
  UnitDisputeView,
  UnitMemberView,
  UnitSettlementView,
  UnitView,
  WishMessageView,
  WishView,
} from '../../types/service'
import { formatQuantity } from '../../types/service'
import type { Actor } from '../shared/actor'
import { maskPhone } from '../shared/mask'
import { memberRecordId } from '../shared/pseudonym'
import { shown } from '../shared/moderation'
import { currentStatus, isOverdue } from './domain/checkin'
import { unitLinkOf } from './domain/unit-link'
import { hasUnit, memberKindOf } from './domain/member-kind'
import { claimLapsed, effectiveWishStatus } from './domain/wishes'
import type {
  ActivityDoc,
  AgreementDoc,
  AssessmentDoc,
  AttendanceDoc,
  CareDoc,
  LetterDoc,
  MemberDoc,
  NeedDoc,
  NeedOfferDoc,
  ProjectDoc,
  ProjectUpdateDoc,
  ResourceDoc,
  UnitDoc,
  WishDoc,
  WishMessageDoc,
} from './repo'

export const iso = (d: Date | undefined) => (d ? new Date(d).toISOString() : undefined)
const isoReq = (d: Date) => new Date(d).toISOString()

export function unitView(u: UnitDoc, actor: Actor, year: number): UnitView {
  const c = u.checkin
  // SPEC §3: a phone is whole only to its owner — the liaison who entered it with the check-in (not the secretary, not a second liaison).
  const phoneOwner = !!c && c.submittedBy === actor.openid && actor.has('unit_liaison', u._id)
  return {
    id: u._id,
    communityId: u.communityId,
    name: u.name,
    partyBody: u.partyBody,
    contactName: u.contactName,
    contactPhone: phoneOwner ? u.contactPhone : maskPhone(u.contactPhone),
    resources: u.resources ?? [],
    commitments: u.commitments ?? [],
    status: currentStatus(c, year),
    year: c?.year,
    approvedYear: u.approvedYear,
    overdue: isOverdue(u.approvedYear, year),
    reason: c?.status === 'returned' ? c.reason : undefined,
    gridIds: u.gridIds ?? [],
    gridNames: u.gridNames ?? [],
    submittedAt: iso(c?.submittedAt),
    decidedAt: iso(c?.decidedAt),
    decidedByName: c?.decidedByName,
  }
}

/** The liaison's dispute of the member's unit, while it stands. */
function disputeView(m: MemberDoc): UnitDisputeView | undefined {
  const d = m.unitDisputed ? m.unitDispute : undefined
  return d ? { reason: d.reason, byName: d.byName, at: isoReq(d.at) } : undefined
}

/** The confirmation of the member's current unit, while it stands. */
const confirmOf = (m: MemberDoc) =>
  m.unitId && m.unitConfirm?.unitId === m.unitId && !m.unitDisputed ? m.unitConfirm : undefined

/** What a unit's liaison sees of a member who names the unit: name, community and check-in state, nothing of their home. */
export function unitMemberView(m: MemberDoc, year: number): UnitMemberView {
  const confirm = confirmOf(m)
  return {
    memberId: m._id,
    name: m.name,
    communityName: m.communityName,
    status: currentStatus(m, year),
    year: m.year,
    overdue: isOverdue(m.approvedYear, year),
    submittedAt: isoReq(m.submittedAt),
    link: unitLinkOf(m),
    confirmedByName: confirm?.byName,
    confirmedAt: iso(confirm?.at),
    dispute: disputeView(m),
  }
}

function settlementView(m: MemberDoc): UnitSettlementView | undefined {
  const s = m.unitSettlement
  return s
    ? { outcome: s.outcome, reason: s.reason, unitName: s.unitName, byName: s.byName, at: isoReq(s.at) }
    : undefined
}

export function memberView(m: MemberDoc, year: number): MemberView {
  return {
    id: m._id,
    communityId: m.communityId,
    name: m.name,
    kind: memberKindOf(m),
    originOrg: m.originOrg,
    unitId: m.unitId,
    unitName: m.unitName,
    householdId: m.householdId,
    address: m.address,
    skills: m.skills,
    availability: m.availability,
    status: currentStatus(m, year),
    year: m.year,
    approvedYear: m.approvedYear,
    overdue: isOverdue(m.approvedYear, year),
    reason: m.status === 'returned' || m.status === 'ended' ? m.reason : undefined,
    gridId: m.gridId,
    gridName: m.gridName,
    buildingIds: m.buildingIds ?? [],
    buildingNames: m.buildingNames ?? [],
    unitLink: hasUnit(m) ? unitLinkOf(m) : undefined,
    unitConfirmedByName: confirmOf(m)?.byName,
    unitDispute: disputeView(m),
    unitSettlement: settlementView(m),
    submittedAt: isoReq(m.submittedAt),
    decidedByName: m.decidedByName,
  }
}

export const needView = (n: NeedDoc): NeedView => ({
  id: n._id,
  communityId: n.communityId,
  title: n.title,
  detail: n.detail,
  source: n.source,
  quantity: n.quantity,
  quantityText: n.quantity ? formatQuantity(n.quantity) : undefined,
  status: n.status,
  gridEventId: n.gridEventId,
  projectId: n.projectId,
  createdAt: isoReq(n.createdAt),
})

export const needOfferView = (o: NeedOfferDoc): NeedOfferView => ({
  id: o._id,
  needId: o.needId,
  needTitle: o.needTitle,
  communityId: o.communityId,
  ownerType: o.ownerType,
  ownerId: o.ownerId,
  ownerName: o.ownerName,
  resourceId: o.resourceId,
  resourceTitle: o.resourceTitle,
  note: o.note,
  status: o.status,
  createdAt: isoReq(o.createdAt),
  decidedByName: o.decidedByName,
  decidedAt: iso(o.decidedAt),
  reason: o.reason,
  projectId: o.projectId,
})

/** Who posts a project's progress: its owner — the unit's liaison or the member — or the community's secretary. */
export function canUpdateProject(p: Pick<ProjectDoc, 'communityId' | 'ownerType' | 'ownerId'>, actor?: Actor): boolean {
  if (!actor) return false
  if (actor.isSecretaryOf(p.communityId)) return true
  return p.ownerType === 'unit' ? actor.has('unit_liaison', p.ownerId) : memberRecordId(actor.openid) === p.ownerId
}

export const resourceView = (r: ResourceDoc): ResourceView => ({
  id: r._id,
  communityId: r.communityId,
  title: r.title,
  detail: r.detail,
  ownerType: r.ownerType,
  ownerId: r.ownerId,
  ownerName: r.ownerName,
  createdAt: isoReq(r.createdAt),
})

export const projectView = (p: ProjectDoc, now: Date, actor?: Actor): ProjectView => ({
  id: p._id,
  communityId: p.communityId,
  title: p.title,
  needId: p.needId,
  needTitle: p.needTitle,
  resourceId: p.resourceId,
  resourceTitle: p.resourceTitle,
  unitId: p.unitId,
  ownerType: p.ownerType,
  ownerId: p.ownerId,
  ownerName: p.ownerName,
  deadline: isoReq(p.deadline),
  progress: p.progress,
  status: p.status,
  lastNote: p.lastNote,
  updateCount: p.updateCount ?? 0,
  overdue: p.status === 'active' && new Date(p.deadline).getTime() < now.getTime(),
  createdAt: isoReq(p.createdAt),
  canUpdate: p.status === 'active' && canUpdateProject(p, actor),
})

export const projectUpdateView = (u: ProjectUpdateDoc): ProjectUpdateView => ({
  seq: u.seq,
  progress: u.progress,
  note: u.note,
  byName: u.byName,
  at: isoReq(u.at),
})

export const agreementView = (
  a: AgreementDoc,
  lists: { needs: NeedDoc[]; resources: ResourceDoc[]; projects: ProjectDoc[] },
  now: Date,
  actor?: Actor,
): AgreementView => ({
  id: a._id,
  unitId: a.unitId,
  unitName: a.unitName,
  communityId: a.communityId,
  communityName: a.communityName,
  year: a.year,
  commitments: a.commitments,
  resourceLines: a.resources,
  status: a.unitSignedAt ? 'signed' : 'awaiting_signature',
  approvedAt: isoReq(a.approvedAt),
  approvedByName: a.approvedByName,
  unitSignedAt: iso(a.unitSignedAt),
  unitSignedByName: a.unitSignedByName,
  carriedFrom: a.carriedFrom,
  needs: lists.needs.map(needView),
  resources: lists.resources.map(resourceView),
  projects: lists.projects.map((p) => projectView(p, now, actor)),
})

export function activityView(a: ActivityDoc, mine?: AttendanceDoc | null): ActivityView {
  return {
    id: a._id,
    communityId: a.communityId,
    streetId: a.streetId,
    title: a.title,
    kind: a.kind,
    place: a.place,
    radiusM: a.radiusM,
    startAt: isoReq(a.startAt),
    endAt: isoReq(a.endAt),
    graceMin: a.graceMin,
    capacity: a.capacity,
    signupCount: a.signupCount,
    createdByName: a.createdByName,
    mine: mine
      ? {
          status: mine.status,
          signedInAt: iso(mine.signedInAt),
          signedOutAt: iso(mine.signedOutAt),
          minutes: mine.minutes,
          presence: mine.presence,
        }
      : undefined,
  }
}

export const attendanceView = (t: AttendanceDoc): AttendanceView => ({
  id: t._id,
  activityId: t.activityId,
  activityTitle: t.activityTitle,
  memberName: t.memberName,
  memberId: t.memberId,
  status: t.status,
  signedInAt: iso(t.signedInAt),
  signedOutAt: iso(t.signedOutAt),
  inMethod: t.inMethod,
  outMethod: t.outMethod,
  minutes: t.minutes,
  presence: t.presence,
  presenceByName: t.presenceByName,
  confirmedByName: t.confirmedByName,
  manual: t.manual
    ? { reason: t.manual.reason, enteredByName: t.manual.enteredByName, approvedByName: t.manual.approvedByName }
    : undefined,
})

/** The two sides of a wish's conversation: its household (or the secretary who posted for a resident without the app), and its claimer. */
export function wishSide(w: WishDoc, actor: Actor): 'resident' | 'claimer' | null {
  if (w.claimerOpenid && actor.openid === w.claimerOpenid) return 'claimer'
  if (actor.openid === w.residentOpenid || actor.has('resident', w.householdId)) return 'resident'
  if (!w.residentOpenid && actor.isSecretaryOf(w.communityId)) return 'resident'
  return null
}

export const wishMessageView = (m: WishMessageDoc, actor: Actor): WishMessageView => ({
  id: m._id,
  side: m.side,
  byName: m.byName,
  text: m.text,
  at: isoReq(m.at),
  mine: m.by === actor.openid,
})

/** Residents' names and exact rooms are shown only to the people who need them. */
/** A held or removed wish is the placeholder to everyone but its household and whoever posted it. */
export function wishView(w: WishDoc, actor: Actor, now: Date): WishView {
  const status = effectiveWishStatus(w, now)
  const isResident = actor.openid === w.residentOpenid || actor.has('resident', w.householdId)
  const isClaimer = actor.openid === w.claimerOpenid
  const last = w.status === 'open' ? w.claimHistory?.[w.claimHistory.length - 1] : undefined
  const live = status === 'claimed' || status === 'delivered'
  const insider = isResident || isClaimer || actor.isSecretaryOf(w.communityId)
  const parts = w.address.split(' ')
  const mine = isResident || actor.openid === w.postedBy
  const m = shown(w, mine)
  return {
    id: w._id,
    communityId: w.communityId,
    title: m.blank ?? w.title,
    detail: m.blank ? undefined : w.detail,
    address: insider ? w.address : parts.slice(0, 2).join(' '),
    residentName: insider ? w.residentName : `${w.residentName.slice(0, 1)}*`,
    dueAt: isoReq(w.dueAt),
    status,
    claimerName: w.claimerName,
    claimDueAt: status === 'claimed' ? iso(w.claimDueAt) : undefined,
    lastClaimEnd: last
      ? { outcome: last.outcome, claimerName: last.claimerName, at: isoReq(last.endedAt), reason: last.reason }
      : undefined,
    deliveredNote: w.deliveredNote,
    thanks: w.thanks,
    rating: w.rating,
    createdAt: isoReq(w.createdAt),
    ...(w.care && (actor.has('member', w.communityId) || actor.isSecretaryOf(w.communityId)) ? { care: true } : {}),
    canClaim: status === 'open' && actor.has('member', w.communityId) && !m.fields.moderation,
    canDeliver: status === 'claimed' && isClaimer && !claimLapsed(w, now),
    canRelease: status === 'claimed' && isClaimer,
    canConfirm: status === 'delivered' && actor.has('resident', w.householdId),
    canMessage: live && wishSide(w, actor) !== null,
    mine,
    ...m.fields,
  }
}

export const letterView = (l: LetterDoc): LetterView => ({
  id: l._id,
  version: l.version,
  unitId: l.unitId,
  unitName: l.unitName,
  communityId: l.communityId,
  communityName: l.communityName,
  quarter: l.quarter,
  rows: l.rows,
  totalMinutes: l.totalMinutes,
  note: l.note,
  issuedAt: isoReq(l.issuedAt),
  issuedByName: l.issuedByName,
  acknowledgedAt: iso(l.acknowledgedAt),
  whistles: l.whistles,
  commitments: l.commitments,
  acknowledgedByName: l.acknowledgedByName,
  supersededAt: iso(l.supersededAt),
  supersededByName: l.supersededByName,
})

export const assessmentView = (a: AssessmentDoc): AssessmentView => ({
  id: a._id,
  subjectType: a.subjectType,
  subjectId: a.subjectId,
  subjectName: a.subjectName,
  year: a.year,
  grade: a.grade,
  reason: a.reason,
  byName: a.byName,
  at: isoReq(a.at),
  revisions: a.revisions?.length ?? 0,
})

/** A household's 重点关爱 record with its reason: to the secretary (care.list) and the household (care.mine) only. */
export function careView(d: CareDoc): CareView {
  return {
    householdId: d.householdId,
    address: d.address,
    gridId: d.gridId,
    status: d.status,
    kinds: d.kinds,
    note: d.note,
    consentBy: d.consentBy,
    consentAt: iso(d.consentAt)!,
    recordedByName: d.recordedByName,
    markedAt: iso(d.markedAt)!,
    revokedAt: iso(d.revokedAt),
    revokedByName: d.revokedByName,
    revokeReason: d.revokeReason,
  }
}

/** The mark alone, without why (the grid worker's care.patrol). */
export const careMarkView = (d: CareDoc): CareMarkView => ({
  householdId: d.householdId,
  address: d.address,
  gridId: d.gridId,
  since: iso(d.markedAt)!,
})
