import type { InvitableRole } from '../../../types/org'
import type { RoleGrant, ScopeType } from '../../../types/roles'

/** The target of an invitation, resolved from the database. */
export type InviteScope =
  | { type: 'street'; id: string; name: string; streetId: string }
  | { type: 'community'; id: string; name: string; streetId: string }
  | { type: 'company'; id: string; name: string; streetId: string; servesCommunityIds: string[] }

export const SCOPE_OF_INVITED_ROLE: Record<InvitableRole, ScopeType> = {
  street_admin: 'street',
  secretary: 'community',
  property_staff: 'company',
}

/**
 * Who may invite whom (SPEC §3): the street invites secretaries of its communities, further admins
 * of itself and staff of its companies; a secretary invites staff of a company serving its community.
 * Returns the administrative scope the inviter acts from, or null when not allowed.
 */
export function inviterScope(grants: RoleGrant[], role: InvitableRole, scope: InviteScope): string | null {
  if (SCOPE_OF_INVITED_ROLE[role] !== scope.type) return null
  const streetAdmin = grants.find((g) => g.role === 'street_admin' && g.scopeId === scope.streetId)
  if (streetAdmin) return streetAdmin.scopeId
  if (role === 'property_staff' && scope.type === 'company') {
    const sec = grants.find((g) => g.role === 'secretary' && scope.servesCommunityIds.includes(g.scopeId))
    if (sec) return sec.scopeId
  }
  return null
}

export type InvitationState = 'open' | 'used' | 'expired'

export function invitationState(inv: { usedBy: string | null; expiresAt: Date }, now: Date): InvitationState {
  if (inv.usedBy) return 'used'
  return inv.expiresAt.getTime() <= now.getTime() ? 'expired' : 'open'
}

export const addHours = (d: Date, h: number) => new Date(d.getTime() + h * 3600_000)
