import { memberRecordId, personKey } from '../../../cloudfunctions/shared/pseudonym'
import { IdSchema } from '../../../types/common'

describe('person keys in ids others see', () => {
  it('are deterministic, distinct per person and carry nothing of the openid', () => {
    expect(personKey('o-member-sun')).toBe(personKey('o-member-sun'))
    expect(personKey('o-member-sun')).not.toBe(personKey('o-member-sum'))
    expect(personKey('o-member-sun')).toMatch(/^[\w-]{20}$/)
    expect(memberRecordId('o-member-sun')).not.toContain('sun')
  })

  it('make ids the contract accepts as input (a member id comes back in ledger.get, hours.manual, event.assign)', () => {
    const longOpenid = 'oABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdef'
    expect(IdSchema.safeParse(memberRecordId(longOpenid)).success).toBe(true)
    expect(IdSchema.safeParse(`at:act_0123456789abcdef0123:${personKey(longOpenid)}`).success).toBe(true)
  })
})
