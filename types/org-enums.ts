/**
 * org — streets, communities, invitations, bindings: the enums and their labels, plain constants with no
 * schema. Its contract (types/org.ts) re-exports them; a module that only shows a label imports this file, so
 * loading it builds none of the contract's schemas (a cloud function's cold start builds only its own contract:
 * docs/decisions.md).
 */

export const INVITABLE_ROLES = ['secretary', 'property_staff', 'street_admin'] as const
export type InvitableRole = (typeof INVITABLE_ROLES)[number]
/** Roles an invitation can give: those above (invitation.create) and a grid post (grid staff.appoint). */
export const INVITATION_ROLES = [...INVITABLE_ROLES, 'grid_worker', 'building_leader'] as const
export type InvitationRole = (typeof INVITATION_ROLES)[number]

export const BINDING_STATUS = ['pending', 'verified', 'rejected', 'superseded', 'ended'] as const
export type BindingStatus = (typeof BINDING_STATUS)[number]

export const BINDING_STATUS_LABEL: Record<BindingStatus, string> = {
  pending: '待社区审核',
  verified: '已认证',
  rejected: '未通过',
  superseded: '已更换',
  ended: '已解除',
}

export const APPLICATION_STATUS = ['pending', 'approved', 'rejected'] as const
