import { openCloud, P, rid, type Cloud } from '../harness'

/** company.create and company.assignEstate: the street sets up companies and who serves each estate. */

const PERIOD = 'per:st-jinxiu:2026-11'
const good = { cleaning: 5, order: 5, repairs: 5, greening: 5, attitude: 5, fees: 5 }

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

describe('company set-up', () => {
  let newCo = ''

  it('registers a company in the street', async () => {
    const c = await h.ok<{ id: string; name: string }>('property', 'company.create', { requestId: rid(), streetId: 'st-jinxiu', name: '新桥物业服务有限公司' }, P.admin)
    newCo = c.id
    const page = await h.ok<{ total: number }>('property', 'company.list', { streetId: 'st-jinxiu' }, P.liu)
    expect(page.total).toBe(7)
  })

  it('refuses a duplicate name, a secretary, another street and an empty name', async () => {
    await h.expectRefused('property', 'company.create', { requestId: rid(), streetId: 'st-jinxiu', name: '新桥物业服务有限公司' }, P.admin, 'CONFLICT')
    await h.expectRefused('property', 'company.create', { requestId: rid(), streetId: 'st-jinxiu', name: '书记建的' }, P.secHx, 'FORBIDDEN')
    await h.expectRefused('property', 'company.create', { requestId: rid(), streetId: 'st-other', name: '别的街道' }, P.admin, 'FORBIDDEN')
    await h.expectRefused('property', 'company.create', { requestId: rid(), streetId: 'st-jinxiu', name: ' ' }, P.admin, 'INVALID_INPUT')
  })

  it('moves an estate to another company: new ratings go to it, earlier ones keep theirs', async () => {
    const before = await h.ok<{ companyId: string }>('property', 'rating.submit', { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-2-1-101', stars: good }, 'o-res-chen')
    expect(before.companyId).toBe('co-2')
    const moved = await h.ok<{ previousCompanyId: string; companyName: string }>('property', 'company.assignEstate', { estateId: 'e-hx-2', companyId: newCo }, P.admin)
    expect(moved).toMatchObject({ previousCompanyId: 'co-2', companyName: '新桥物业服务有限公司' })
    const ctx = await h.ok<{ company: { id: string }; rating: unknown }>('property', 'rating.context', { householdId: 'h-hx-2-1-101' }, 'o-res-chen')
    expect(ctx.company.id).toBe(newCo)
    expect(ctx.rating).toBeNull()
    const { total } = await h.db.collection('property_ratings').where({ householdId: 'h-hx-2-1-101', companyId: 'co-2' }).count()
    expect(total).toBe(1)
  })

  it('refuses the company already serving, a secretary, a company of another street and an unknown estate', async () => {
    await h.expectRefused('property', 'company.assignEstate', { estateId: 'e-hx-2', companyId: newCo }, P.admin, 'CONFLICT')
    await h.expectRefused('property', 'company.assignEstate', { estateId: 'e-hx-2', companyId: 'co-2' }, P.secHx, 'FORBIDDEN')
    await h.db.collection('companies').add({ data: { _id: 'co-elsewhere', streetId: 'st-other', name: '外街物业' } })
    await h.expectRefused('property', 'company.assignEstate', { estateId: 'e-hx-2', companyId: 'co-elsewhere' }, P.admin, 'INVALID_INPUT')
    await h.expectRefused('property', 'company.assignEstate', { estateId: 'e-none', companyId: 'co-2' }, P.admin, 'NOT_FOUND')
  })
})
