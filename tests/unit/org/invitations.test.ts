import { invitationState, inviterScope, type InviteScope } from '../../../cloudfunctions/org/domain/invitations'
import { addGrant } from '../../../cloudfunctions/shared/person'
import type { RoleGrant } from '../../../types/roles'

const streetAdmin = (streetId: string): RoleGrant => ({
  role: 'street_admin',
  scopeType: 'street',
  scopeId: streetId,
  scopeName: 'S',
  streetId,
})
const secretary = (communityId: string, streetId = 'st1'): RoleGrant => ({
  role: 'secretary',
  scopeType: 'community',
  scopeId: communityId,
  scopeName: 'C',
  communityId,
  streetId,
})
const community = (id: string, streetId: string): InviteScope => ({ type: 'community', id, name: id, streetId })
const company = (id: string, streetId: string, serves: string[]): InviteScope => ({
  type: 'company',
  id,
  name: id,
  streetId,
  servesCommunityIds: serves,
})

describe('who may invite whom', () => {
  it('lets a street admin invite a secretary of a community in their street', () => {
    expect(inviterScope([streetAdmin('st1')], 'secretary', community('c1', 'st1'))).toBe('st1')
  })
  it('refuses a street admin inviting into another street', () => {
    expect(inviterScope([streetAdmin('st1')], 'secretary', community('c9', 'st2'))).toBeNull()
  })
  it('refuses a secretary inviting another secretary', () => {
    expect(inviterScope([secretary('c1')], 'secretary', community('c1', 'st1'))).toBeNull()
  })
  it('lets a secretary invite staff of a company serving their community, acting from that community', () => {
    expect(inviterScope([secretary('c1')], 'property_staff', company('k1', 'st1', ['c1']))).toBe('c1')
  })
  it('refuses a secretary inviting staff of a company that does not serve their community', () => {
    expect(inviterScope([secretary('c1')], 'property_staff', company('k1', 'st1', ['c2']))).toBeNull()
  })
  it('refuses a role whose scope type does not match the target', () => {
    expect(inviterScope([streetAdmin('st1')], 'street_admin', community('c1', 'st1'))).toBeNull()
  })
  it('refuses a resident or member', () => {
    const grants: RoleGrant[] = [{ role: 'member', scopeType: 'community', scopeId: 'c1', scopeName: 'C' }]
    expect(inviterScope(grants, 'property_staff', company('k1', 'st1', ['c1']))).toBeNull()
  })
})

describe('invitation state', () => {
  const now = new Date('2026-11-23T08:00:00Z')
  it('is open before expiry and unused', () => {
    expect(invitationState({ usedBy: null, expiresAt: new Date('2026-11-23T08:00:01Z') }, now)).toBe('open')
  })
  it('is expired exactly at the expiry instant', () => {
    expect(invitationState({ usedBy: null, expiresAt: now }, now)).toBe('expired')
  })
  it('is used once redeemed, even after expiry', () => {
    expect(invitationState({ usedBy: 'o1', expiresAt: new Date('2020-01-01') }, now)).toBe('used')
  })
})

describe('role grants', () => {
  it('adds a grant once only', () => {
    const g = secretary('c1')
    expect(addGrant(addGrant([], g), g)).toEqual([g])
  })
  it('keeps grants on other scopes', () => {
    expect(addGrant([secretary('c1')], secretary('c2')).map((x) => x.scopeId)).toEqual(['c1', 'c2'])
  })
})
