import { canRequestNewBinding, householdCodeProblem, isDecidable } from '../../../cloudfunctions/org/domain/bindings'

const now = new Date('2026-11-23T08:00:00Z')
const later = new Date('2026-12-01T00:00:00Z')

describe('household codes', () => {
  it('accepts an unused, unexpired code for its own household', () => {
    expect(householdCodeProblem({ householdId: 'h1', usedBy: null, expiresAt: later }, 'h1', now)).toBeNull()
  })
  it('refuses a missing code', () => {
    expect(householdCodeProblem(null, 'h1', now)).toBe('户码无效')
  })
  it('refuses a revoked code', () => {
    expect(householdCodeProblem({ householdId: 'h1', usedBy: null, expiresAt: later, revoked: true }, 'h1', now)).toBe(
      '户码无效',
    )
  })
  it('refuses a code of another household', () => {
    expect(householdCodeProblem({ householdId: 'h2', usedBy: null, expiresAt: later }, 'h1', now)).toBe(
      '户码与所选房屋不符',
    )
  })
  it('refuses a used code', () => {
    expect(householdCodeProblem({ householdId: 'h1', usedBy: 'o9', expiresAt: later }, 'h1', now)).toBe('户码已被使用')
  })
  it('refuses a code at its expiry instant', () => {
    expect(householdCodeProblem({ householdId: 'h1', usedBy: null, expiresAt: now }, 'h1', now)).toBe('户码已过期')
  })
})

describe('binding transitions', () => {
  it('allows a new request unless already verified', () => {
    expect(
      [undefined, 'pending', 'rejected', 'superseded', 'verified'].map((s) => canRequestNewBinding(s as never)),
    ).toEqual([true, true, true, true, false])
  })
  it('decides only pending bindings', () => {
    expect(['pending', 'verified', 'rejected', 'superseded'].map((s) => isDecidable(s as never))).toEqual([
      true,
      false,
      false,
      false,
    ])
  })
})
