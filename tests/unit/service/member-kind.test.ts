import { hasUnit, memberKindOf } from '../../../cloudfunctions/service/domain/member-kind'

describe('member kinds (issue 15 §4)', () => {
  it('reads a record stored without a kind as in-service', () => {
    expect(memberKindOf({})).toBe('in_service')
    expect(memberKindOf(null)).toBe('in_service')
    expect(hasUnit({})).toBe(true)
  })

  it('gives retired and mobile members no unit', () => {
    expect(memberKindOf({ kind: 'retired' })).toBe('retired')
    expect(hasUnit({ kind: 'retired' })).toBe(false)
    expect(hasUnit({ kind: 'mobile' })).toBe(false)
    expect(hasUnit({ kind: 'in_service' })).toBe(true)
  })
})
