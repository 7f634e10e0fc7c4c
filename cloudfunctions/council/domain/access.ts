import type { AttendeeKind } from '../../../types/council'
import type { RoleGrant } from '../../../types/roles'
import type { Actor } from '../../shared/actor'
import { partyKeysOf } from '../../shared/parties'

/**
 * Who counts as "of" a community for the council: anyone holding a role scoped to it or to
 * something inside it (grants carry their communityId), and the street admin above it.
 */
export function belongsTo(roles: RoleGrant[], community: { communityId: string; streetId: string }): boolean {
  return roles.some(
    (g) =>
      g.scopeId === community.communityId ||
      g.communityId === community.communityId ||
      (g.role === 'street_admin' && g.scopeId === community.streetId),
  )
}

/** Residents (verified, by household) and members of the community may propose and second topics. */
export function canPropose(roles: RoleGrant[], communityId: string): boolean {
  return roles.some(
    (g) =>
      (g.role === 'resident' && g.communityId === communityId) || (g.role === 'member' && g.scopeId === communityId),
  )
}

/** The household a resident acts for: the one asked for (if they hold it), else their only one in the community. */
export function residentHousehold(roles: RoleGrant[], communityId: string, asked?: string): string | null {
  const mine = roles.filter((g) => g.role === 'resident' && g.communityId === communityId).map((g) => g.scopeId)
  if (asked) return mine.includes(asked) ? asked : null
  return mine[0] ?? null
}

/** Topic editing: only the proposer, only while open, only before anyone seconded it or a vote began. */
export function topicEditProblem(t: { status: string; seconds: number; locked: boolean }): string | null {
  if (t.status !== 'open') return '议题已处理，不能再修改'
  if (t.seconds > 0 || t.locked) return '议题已有附议或已进入表决，不能再修改'
  return null
}

const DAY = 86_400_000
/** 急事: decided at once, public within 24 h, ratified by the council within 7 days. */
export const urgentDeadlines = (now: Date) => ({
  publicBy: new Date(now.getTime() + DAY),
  ratifyBy: new Date(now.getTime() + 7 * DAY),
})

/**
 * How a person signs in to a meeting of the community: the kind comes from their roles, never from
 * what they say. The most specific role for the community wins: its secretary (the community's Party
 * organisation), a unit's liaison (as that unit), a member, a grid worker, a resident, the street.
 */
export function attendeeOf(
  roles: RoleGrant[],
  community: { communityId: string; streetId: string },
  invitedAs?: string | null,
): { kind: AttendeeKind; org?: string } | null {
  const of = (g: RoleGrant) => g.scopeId === community.communityId || g.communityId === community.communityId
  const first = (role: RoleGrant['role']) => roles.find((g) => g.role === role && of(g))
  if (first('secretary')) return { kind: 'secretary' }
  const liaison = first('unit_liaison')
  if (liaison) return { kind: 'unit', org: liaison.scopeName }
  if (first('member')) return { kind: 'member' }
  if (first('grid_worker')) return { kind: 'grid' }
  if (first('resident')) return { kind: 'resident' }
  if (roles.some((g) => g.role === 'street_admin' && g.scopeId === community.streetId)) return { kind: 'street' }
  // Not of the community, but invited: staff of an invited company sign in as that company.
  const staff = invitedAs?.startsWith('company:')
    ? roles.find((g) => g.role === 'property_staff' && `company:${g.scopeId}` === invitedAs)
    : undefined
  if (staff) return { kind: 'company', org: staff.scopeName }
  return null
}

/** The first of the caller's party keys the meeting invited (person, unit, company), or null. */
export function invitedAs(actor: Actor, m: { inviteKeys?: string[] }): string | null {
  const invited = m.inviteKeys ?? []
  return invited.length ? (partyKeysOf(actor.openid, actor.roles).find((k) => invited.includes(k)) ?? null) : null
}

/** Whether the caller posts progress on a resolution: the community's secretary, or a person of the responsible party. */
export const mayProgress = (actor: Actor, r: { communityId: string; responsibleKey?: string }) =>
  actor.isSecretaryOf(r.communityId) ||
  (!!r.responsibleKey && partyKeysOf(actor.openid, actor.roles).includes(r.responsibleKey))
