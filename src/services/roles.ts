import { ROLE_LABEL, type Role, type RoleGrant } from '../../types/roles'

/** The caller's grants of one role (each with its scope). */
export function grantsOf(roles: RoleGrant[] | undefined, role: Role): RoleGrant[] {
  return (roles ?? []).filter((g) => g.role === role)
}

export function hasRole(roles: RoleGrant[] | undefined, role: Role): boolean {
  return grantsOf(roles, role).length > 0
}

/** e.g. "社区书记 · 幸福里社区" */
export function grantText(g: { role: string; scopeName: string }): string {
  const label = (ROLE_LABEL as Record<string, string>)[g.role] ?? g.role
  return g.scopeName ? `${label} · ${g.scopeName}` : label
}
