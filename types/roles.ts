import * as z from 'zod'

/** Roles of SPEC §1 and §9. Every grant is scoped; permission checks compare scopes, never names alone. */
export const ROLES = [
  'resident',
  'member',
  'unit_liaison',
  'secretary',
  'property_staff',
  'street_admin',
  'grid_worker',
  /** 楼栋长 (党员中心户 / 楼道党小组): one or more buildings of a grid (issue 15 §3). */
  'building_leader',
] as const
export type Role = (typeof ROLES)[number]

export const SCOPE_TYPES = ['street', 'community', 'grid', 'household', 'unit', 'company'] as const
export type ScopeType = (typeof SCOPE_TYPES)[number]

/** The scope type each role is granted on. */
export const ROLE_SCOPE: Record<Role, ScopeType> = {
  resident: 'household',
  member: 'community',
  unit_liaison: 'unit',
  secretary: 'community',
  property_staff: 'company',
  street_admin: 'street',
  grid_worker: 'grid',
  building_leader: 'grid',
}

export const ROLE_LABEL: Record<Role, string> = {
  resident: '居民',
  member: '在职党员',
  unit_liaison: '单位联络员',
  secretary: '社区书记',
  property_staff: '物业人员',
  street_admin: '街道管理员',
  grid_worker: '网格员',
  building_leader: '楼栋长',
}

export const roleGrantSchema = z.object({
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: z.string(),
  scopeName: z.string(),
  /** Ancestors of the scope, denormalised so scope checks need no extra reads. */
  communityId: z.string().optional(),
  streetId: z.string().optional(),
  /**
   * Opaque id of this grant (random, never the openid): how an ending, a holder list and the history
   * name it. Given when the grant is written (cloudfunctions/shared/person.ts).
   */
  grantId: z.string().optional(),
})
export type RoleGrant = z.infer<typeof roleGrantSchema>

/** Roles the level above can end with `role.end` (a resident's role ends when the household binding does). */
export const ENDABLE_ROLES = [
  'member',
  'unit_liaison',
  'secretary',
  'property_staff',
  'street_admin',
  'grid_worker',
  'building_leader',
] as const
export type EndableRole = (typeof ENDABLE_ROLES)[number]

/** Who may call an action: a role name is only the first filter; handlers check the scope. */
export type Audience = Role | 'authenticated'
