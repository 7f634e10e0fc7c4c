import { useParam } from '../../services/nav'
import type { RoleGrant } from '../../../types/roles'
import type { CommitteeScope } from '../../../types/joint'

/** Pages of the 大党委 / 联席会议 subpackage (issue 15 §2). */
const q = (s: Scope) => `scopeType=${s.scopeType}&scopeId=${encodeURIComponent(s.scopeId)}`
export const JOINT = {
  committee: (s?: Scope) => `/packages/joint/pages/committee/index${s ? `?${q(s)}` : ''}`,
  meetings: (s?: Scope) => `/packages/joint/pages/meetings/index${s ? `?${q(s)}` : ''}`,
  convene: (s: Scope) => `/packages/joint/pages/convene/index?${q(s)}`,
  meeting: (id: string) => `/packages/joint/pages/meeting/index?id=${encodeURIComponent(id)}`,
  commitments: '/packages/joint/pages/commitments/index',
}

/** The scope a link named (`scopeType`, `scopeId`), read once per page. */
export interface ScopeParam {
  scopeId: string
  scopeType: string
}
export const useScopeParam = (): ScopeParam => ({ scopeId: useParam('scopeId'), scopeType: useParam('scopeType') })

/** A community's 大党委 or the street's 大工委, and whether this person runs it (appoints, convenes). */
export interface Scope {
  scopeType: CommitteeScope
  scopeId: string
  name: string
  manages: boolean
  /** The street of the scope (for the companies a member may come from). */
  streetId?: string
}

/**
 * The rosters a person can see, the ones they run first: the secretary's community, the street admin's
 * street (and its 大工委), and the community of every other role they hold (residents, members, liaisons,
 * grid staff).
 */
export function myScopes(roles: RoleGrant[]): Scope[] {
  const out = new Map<string, Scope>()
  const add = (s: Scope) => {
    const prior = out.get(s.scopeId)
    if (!prior || (s.manages && !prior.manages) || (prior.name === prior.scopeId && s.name !== s.scopeId))
      out.set(s.scopeId, { ...s, manages: s.manages || !!prior?.manages })
  }
  for (const g of roles) {
    if (g.role === 'secretary')
      add({ scopeType: 'community', scopeId: g.scopeId, name: g.scopeName, manages: true, streetId: g.streetId })
    else if (g.role === 'street_admin')
      add({ scopeType: 'street', scopeId: g.scopeId, name: g.scopeName, manages: true, streetId: g.scopeId })
    else if (g.role === 'member')
      add({ scopeType: 'community', scopeId: g.scopeId, name: g.scopeName, manages: false, streetId: g.streetId })
    else if (g.communityId)
      add({ scopeType: 'community', scopeId: g.communityId, name: g.communityId, manages: false, streetId: g.streetId })
  }
  return [...out.values()].sort((a, b) => Number(b.manages) - Number(a.manages))
}

/** The scope named in the page's query (from a link), else the person's first. */
export function chosenScope(scopes: Scope[], route: ScopeParam): Scope | undefined {
  const id = route.scopeId
  const type = route.scopeType as CommitteeScope
  if (!id) return scopes[0]
  return (
    scopes.find((s) => s.scopeId === id) ?? {
      scopeType: type === 'street' ? 'street' : 'community',
      scopeId: id,
      name: '',
      manages: false,
    }
  )
}

/** The commitments a person reports progress on: their unit's (liaison) and their company's (staff). */
export function myOwners(roles: RoleGrant[]): { kind: 'unit' | 'company'; id: string; name: string }[] {
  return roles
    .filter((g) => g.role === 'unit_liaison' || g.role === 'property_staff')
    .map((g) => ({
      kind: g.role === 'unit_liaison' ? ('unit' as const) : ('company' as const),
      id: g.scopeId,
      name: g.scopeName,
    }))
}
