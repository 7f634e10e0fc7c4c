import { randomCode } from '../../../cloudfunctions/shared/ids'
import { maskCode, maskIdNumber, maskPhone } from '../../../cloudfunctions/shared/mask'

describe('masking', () => {
  it('masks the middle four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
  })
  it('masks an ID number but its first and last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X')
  })
  it('masks short values entirely', () => {
    expect(maskPhone('12345')).toBe('*****')
  })
  it('masks codes in lists', () => {
    expect(maskCode('ABCDEFGH')).toBe('AB****GH')
  })
})

describe('one-time codes', () => {
  it('are 8 characters from an alphabet without look-alike characters', () => {
    const codes = Array.from({ length: 500 }, () => randomCode(8))
    for (const c of codes) expect(c).toMatch(/^[A-HJKMNP-Z2-9]{8}$/)
    expect(new Set(codes).size).toBe(codes.length)
  })
})
