import type { RoleGrant } from '../../../types/roles'
import { ROUTES } from '../../services/nav'

/** Pages of the council subpackage. */
export const COUNCIL = {
  index: '/packages/council/pages/index/index',
  topic: ROUTES.topic,
  propose: (communityId: string) => `/packages/council/pages/propose/index?communityId=${communityId}`,
  meeting: (id: string) => `/packages/council/pages/meeting/index?id=${encodeURIComponent(id)}`,
  meetingEdit: (communityId: string, id?: string) =>
    `/packages/council/pages/meeting-edit/index?communityId=${communityId}${id ? `&id=${encodeURIComponent(id)}` : ''}`,
  vote: (id: string) => `/packages/council/pages/vote/index?id=${encodeURIComponent(id)}`,
  voteOpenOnTopic: (topicId: string) =>
    `/packages/council/pages/vote-open/index?topicId=${encodeURIComponent(topicId)}`,
  voteOpen: (meetingId: string, itemId: string) =>
    `/packages/council/pages/vote-open/index?meetingId=${encodeURIComponent(meetingId)}&itemId=${itemId}`,
  resolution: (id: string) => `/packages/council/pages/resolution/index?id=${encodeURIComponent(id)}`,
  roll: (id: string) => `/packages/council/pages/roll/index?id=${encodeURIComponent(id)}`,
  inbox: '/packages/council/pages/inbox/index',
}

/** The communities the person belongs to, the secretary's first. */
export function myCommunities(roles: RoleGrant[]): { id: string; name: string; secretary: boolean }[] {
  const out = new Map<string, { id: string; name: string; secretary: boolean }>()
  for (const g of roles) {
    const id = g.role === 'secretary' || g.role === 'member' ? g.scopeId : g.communityId
    if (!id) continue
    const secretary = g.role === 'secretary'
    const prior = out.get(id)
    out.set(id, {
      id,
      name: g.role === 'secretary' || g.role === 'member' ? g.scopeName : (prior?.name ?? id),
      secretary: secretary || !!prior?.secretary,
    })
  }
  return [...out.values()].sort((a, b) => Number(b.secretary) - Number(a.secretary))
}

export const isResidentOf = (roles: RoleGrant[], communityId: string) =>
  roles.some((g) => g.role === 'resident' && g.communityId === communityId)
export const canProposeIn = (roles: RoleGrant[], communityId: string) =>
  roles.some(
    (g) =>
      (g.role === 'resident' && g.communityId === communityId) || (g.role === 'member' && g.scopeId === communityId),
  )
export const isSecretaryOf = (roles: RoleGrant[], communityId: string) =>
  roles.some((g) => g.role === 'secretary' && g.scopeId === communityId)

/** dm² → "1,234.56 ㎡" */
export const m2 = (dm2: number) =>
  `${(dm2 / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ㎡`
export const pct = (n: number, d: number) => (d ? `${((n / d) * 100).toFixed(1)}%` : '—')
