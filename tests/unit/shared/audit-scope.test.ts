import { Actor } from '../../../cloudfunctions/shared/actor'
import { actorScope } from '../../../cloudfunctions/shared/dispatch'
import type { RoleGrant } from '../../../types/roles'

const grant = (
  role: RoleGrant['role'],
  scopeType: RoleGrant['scopeType'],
  scopeId: string,
  streetId: string,
  communityId?: string,
): RoleGrant => ({ role, scopeType, scopeId, scopeName: scopeId, streetId, ...(communityId ? { communityId } : {}) })
const actor = (...roles: RoleGrant[]) =>
  new Actor('o-x', { _id: 'o-x', name: 'x', roles, createdAt: new Date(0), updatedAt: new Date(0) })

/** Whose log an entry goes to when the handler did not say (docs/decisions.md, the audit log). */
describe('actorScope', () => {
  it('is the street and community of a person whose grants are all in one community', () => {
    expect(
      actorScope(
        actor(
          grant('secretary', 'community', 'c-1', 's-1', 'c-1'),
          grant('resident', 'household', 'h-1', 's-1', 'c-1'),
        ),
      ),
    ).toEqual({ streetId: 's-1', communityId: 'c-1' })
  })

  it('is the street only when the grants span communities of one street, or one is the street itself', () => {
    expect(
      actorScope(
        actor(grant('member', 'community', 'c-1', 's-1', 'c-1'), grant('resident', 'household', 'h-2', 's-1', 'c-2')),
      ),
    ).toEqual({ streetId: 's-1' })
    expect(actorScope(actor(grant('street_admin', 'street', 's-1', 's-1')))).toEqual({ streetId: 's-1' })
    expect(actorScope(actor(grant('property_staff', 'company', 'co-1', 's-1')))).toEqual({ streetId: 's-1' })
  })

  it('is nothing for grants in two streets, or none: the entry is in no street’s log rather than the wrong one', () => {
    expect(
      actorScope(
        actor(
          grant('secretary', 'community', 'c-1', 's-1', 'c-1'),
          grant('resident', 'household', 'h-9', 's-2', 'c-9'),
        ),
      ),
    ).toBeNull()
    expect(actorScope(actor())).toBeNull()
    expect(actorScope(new Actor('system:timer', null))).toBeNull()
  })
})
