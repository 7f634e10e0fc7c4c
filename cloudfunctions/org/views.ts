import type { BindingView, InvitationView, LiaisonApplicationView } from '../../types/org'
import { maskCode, maskPhone } from '../shared/mask'
import { invitationState } from './domain/invitations'
import type { BindingDoc, CommunityDoc, InvitationDoc, LiaisonApplicationDoc } from './repo'

const iso = (d: Date | undefined) => (d ? new Date(d).toISOString() : undefined)

/** The applicant sees their own phone whole; everyone else sees it masked. */
export function bindingView(b: BindingDoc, viewerOpenid: string): BindingView {
  return {
    id: b._id,
    householdId: b.householdId,
    address: b.address,
    communityId: b.communityId,
    communityName: b.communityName,
    status: b.status,
    method: b.method,
    reason: b.reason,
    applicantName: b.applicantName,
    applicantPhone: b.openid === viewerOpenid ? b.applicantPhone : maskPhone(b.applicantPhone),
    createdAt: iso(b.createdAt)!,
    decidedAt: iso(b.decidedAt),
    decidedByName: b.decidedByName,
    endedAt: iso(b.endedAt),
    endReason: b.endReason,
    endedByName: b.endedByName,
  }
}

export function invitationView(inv: InvitationDoc, now: Date, showCode: boolean): InvitationView {
  return {
    id: inv._id,
    code: showCode ? inv.code : maskCode(inv.code),
    role: inv.role,
    post: inv.post,
    scopeId: inv.scopeId,
    scopeName: inv.scopeName,
    status: invitationState(inv, now),
    expiresAt: iso(inv.expiresAt)!,
    createdAt: iso(inv.createdAt)!,
    usedByName: inv.usedByName,
  }
}

export function applicationView(a: LiaisonApplicationDoc, viewerOpenid: string): LiaisonApplicationView {
  return {
    id: a._id,
    communityId: a.communityId,
    unitName: a.unitName,
    partyBody: a.partyBody,
    applicantName: a.applicantName,
    applicantPhone: (a.openid === viewerOpenid ? a.applicantPhone : maskPhone(a.applicantPhone))!,
    status: a.status,
    reason: a.reason,
    createdAt: iso(a.createdAt)!,
  }
}

export const communityView = (c: CommunityDoc) => ({
  id: c._id,
  streetId: c.streetId,
  name: c.name,
  address: c.address,
  gridCount: c.gridCount ?? 0,
  estateCount: c.estateCount ?? 0,
  householdCount: c.householdCount ?? 0,
})
