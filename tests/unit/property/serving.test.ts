import { ratedCompanyOf } from '../../../cloudfunctions/property/domain/serving'

const nov = { start: new Date('2026-10-31T16:00:00Z') }
const dec = { start: new Date('2026-11-30T16:00:00Z') }
const stopped = new Date('2026-11-23T02:00:00Z')

describe('which company an estate’s ratings of a period go to', () => {
  it('is the company serving it now', () => {
    expect(ratedCompanyOf({ companyId: 'co-1', companyName: '安居' }, nov)).toEqual({
      companyId: 'co-1',
      companyName: '安居',
    })
  })
  it('is the company that stopped serving it, for the period in progress when it stopped', () => {
    const e = { formerCompany: { companyId: 'co-2', companyName: '恒泰', until: stopped } }
    expect(ratedCompanyOf(e, nov)).toEqual({ companyId: 'co-2', companyName: '恒泰' })
    expect(ratedCompanyOf(e, dec)).toBeNull()
  })
  it('is the new company from the next period when one was assigned meanwhile', () => {
    const e = {
      companyId: 'co-3',
      companyName: '绿苑',
      formerCompany: { companyId: 'co-2', companyName: '恒泰', until: stopped },
    }
    expect(ratedCompanyOf(e, nov)?.companyId).toBe('co-2')
    expect(ratedCompanyOf(e, dec)?.companyId).toBe('co-3')
  })
  it('is the company now when there is no period', () => {
    expect(ratedCompanyOf({ companyId: 'co-1' }, null)?.companyId).toBe('co-1')
  })
})
