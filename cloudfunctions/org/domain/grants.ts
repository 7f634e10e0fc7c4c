import type { Role, RoleGrant } from '../../../types/roles'

/**
 * Who may end a grant (issue 12 §1): the level above, over what it could give. The street admin ends
 * secretaries and admins of the street and property staff of its companies; the secretary ends property
 * staff of a company serving an estate of the community, and the community's unit liaisons, members
 * (their 报到) and grid staff. A resident's role ends with the household binding, never here.
 */
export interface GrantScope {
  role: Role
  scopeId: string
  communityId?: string
  streetId?: string
}

const holds = (roles: RoleGrant[], role: Role, scopeId: string | undefined) =>
  !!scopeId && roles.some((g) => g.role === role && g.scopeId === scopeId)

/** The role the caller ends it as, or null. `companyServesMine`: the company serves an estate of a community the caller is secretary of. */
export function endAuthority(
  roles: RoleGrant[],
  grant: GrantScope,
  companyServesMine: boolean,
): 'street_admin' | 'secretary' | null {
  switch (grant.role) {
    case 'secretary':
    case 'street_admin':
      return holds(roles, 'street_admin', grant.streetId) ? 'street_admin' : null
    case 'property_staff':
      if (holds(roles, 'street_admin', grant.streetId)) return 'street_admin'
      return companyServesMine ? 'secretary' : null
    case 'unit_liaison':
    case 'member':
    case 'grid_worker':
    case 'building_leader':
      return holds(roles, 'secretary', grant.communityId) ? 'secretary' : null
    case 'resident':
      return null
  }
}

/** A resident leaves through the household (binding.leave); every other role can be stepped down from. */
export const canStepDown = (role: Role) => role !== 'resident'
