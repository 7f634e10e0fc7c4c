import { cnTime } from '../../../cloudfunctions/shared/clock'

describe('cnTime: the wall time a notice shows is Beijing time', () => {
  it('adds eight hours to UTC', () => {
    expect(cnTime(new Date('2026-11-25T11:30:00Z'))).toBe('2026-11-25 19:30')
  })
  it('rolls over to the next day, month and year', () => {
    expect(cnTime(new Date('2026-11-25T18:57:00Z'))).toBe('2026-11-26 02:57')
    expect(cnTime(new Date('2026-12-31T16:05:00Z'))).toBe('2027-01-01 00:05')
  })
})
