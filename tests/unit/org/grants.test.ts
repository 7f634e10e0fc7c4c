import { canStepDown, endAuthority } from '../../../cloudfunctions/org/domain/grants'
import { canRequestNewBinding, isClosed } from '../../../cloudfunctions/org/domain/bindings'
import { dm2Text, revisionId } from '../../../cloudfunctions/org/domain/register'
import type { RoleGrant } from '../../../types/roles'

const g = (role: RoleGrant['role'], scopeId: string, extra: Partial<RoleGrant> = {}): RoleGrant => ({
  role,
  scopeType: 'community',
  scopeId,
  scopeName: '',
  streetId: 'st-1',
  ...extra,
})
const admin = [g('street_admin', 'st-1', { scopeType: 'street' })]
const secretary = [g('secretary', 'c-1', { communityId: 'c-1' })]

describe('who may end a grant (the level above)', () => {
  it('lets the street admin end secretaries and admins of the street and property staff of its companies', () => {
    expect(
      endAuthority(admin, { role: 'secretary', scopeId: 'c-1', communityId: 'c-1', streetId: 'st-1' }, false),
    ).toBe('street_admin')
    expect(endAuthority(admin, { role: 'street_admin', scopeId: 'st-1', streetId: 'st-1' }, false)).toBe('street_admin')
    expect(endAuthority(admin, { role: 'property_staff', scopeId: 'co-1', streetId: 'st-1' }, false)).toBe(
      'street_admin',
    )
  })
  it('does not let a street admin end what belongs to another street, nor what the secretary gives', () => {
    expect(
      endAuthority(admin, { role: 'secretary', scopeId: 'c-9', communityId: 'c-9', streetId: 'st-9' }, false),
    ).toBeNull()
    expect(
      endAuthority(admin, { role: 'member', scopeId: 'c-1', communityId: 'c-1', streetId: 'st-1' }, false),
    ).toBeNull()
    expect(
      endAuthority(admin, { role: 'grid_worker', scopeId: 'g-1', communityId: 'c-1', streetId: 'st-1' }, false),
    ).toBeNull()
  })
  it('lets the secretary end members, liaisons and grid staff of the community, and staff of a company serving it', () => {
    for (const role of ['member', 'unit_liaison', 'grid_worker'] as const) {
      expect(endAuthority(secretary, { role, scopeId: 'x', communityId: 'c-1', streetId: 'st-1' }, false)).toBe(
        'secretary',
      )
      expect(endAuthority(secretary, { role, scopeId: 'x', communityId: 'c-2', streetId: 'st-1' }, false)).toBeNull()
    }
    expect(endAuthority(secretary, { role: 'property_staff', scopeId: 'co-1', streetId: 'st-1' }, true)).toBe(
      'secretary',
    )
    expect(endAuthority(secretary, { role: 'property_staff', scopeId: 'co-1', streetId: 'st-1' }, false)).toBeNull()
  })
  it('lets nobody end a secretary but the street, and nobody end a resident here', () => {
    expect(
      endAuthority(secretary, { role: 'secretary', scopeId: 'c-1', communityId: 'c-1', streetId: 'st-1' }, false),
    ).toBeNull()
    expect(
      endAuthority(
        [...admin, ...secretary],
        { role: 'resident', scopeId: 'h-1', communityId: 'c-1', streetId: 'st-1' },
        true,
      ),
    ).toBeNull()
  })
  it('lets anyone step down from anything but a resident’s role', () => {
    expect(canStepDown('secretary')).toBe(true)
    expect(canStepDown('resident')).toBe(false)
  })
})

describe('household bindings that ended', () => {
  it('let the person request a new one, and a request for the same household starts afresh', () => {
    expect(canRequestNewBinding('ended')).toBe(true)
    expect(isClosed('ended')).toBe(true)
    expect(isClosed('verified')).toBe(false)
  })
})

describe('versions of the register', () => {
  it('name one version per target and show areas in 平方米 with two decimals', () => {
    expect(revisionId('h-1', 2)).toBe('rev:h-1:v2')
    expect(dm2Text(8850)).toBe('88.50 平方米')
    expect(dm2Text(12345)).toBe('123.45 平方米')
  })
})
