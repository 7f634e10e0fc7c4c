import type { RoleGrant } from '../../../types/roles'

/** A unit's agreements, check-ins and 双反馈 letters: for its liaison and the secretary of its community. */
export function mayReadUnitRecords(roles: RoleGrant[], unit: { unitId: string; communityId: string }): boolean {
  return roles.some(
    (g) =>
      (g.role === 'unit_liaison' && g.scopeId === unit.unitId) ||
      (g.role === 'secretary' && g.scopeId === unit.communityId),
  )
}
