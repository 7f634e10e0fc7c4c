import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { reviewHeld } from './held'

/**
 * company.create and company.assignEstate: the street sets up companies and who serves each estate;
 * the company page and the lists show the estates served now and in each published period.
 */

const PERIOD = 'per:st-jinxiu:2026-11'
const good = { cleaning: 5, order: 5, repairs: 5, greening: 5, attitude: 5, fees: 5 }

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

type Served = { companyId: string; estates: string[] }[]
type CompanyPage = { estates: { name: string }[]; history: { periodLabel: string; estates: string[] }[] }
let newCo = ''

describe('company set-up', () => {
  it('registers a company in the street', async () => {
    const c = await h.ok<{ id: string; name: string }>(
      'property',
      'company.create',
      { requestId: rid(), streetId: 'st-jinxiu', name: '新桥物业服务有限公司' },
      P.admin,
    )
    newCo = c.id
    const page = await h.ok<{ total: number }>('property', 'company.list', { streetId: 'st-jinxiu' }, P.liu)
    expect(page.total).toBe(7)
  })

  it('refuses a duplicate name, a secretary, another street and an empty name', async () => {
    await h.expectRefused(
      'property',
      'company.create',
      { requestId: rid(), streetId: 'st-jinxiu', name: '新桥物业服务有限公司' },
      P.admin,
      'CONFLICT',
    )
    await h.expectRefused(
      'property',
      'company.create',
      { requestId: rid(), streetId: 'st-jinxiu', name: '书记建的' },
      P.secHx,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'property',
      'company.create',
      { requestId: rid(), streetId: 'st-other', name: '别的街道' },
      P.admin,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'property',
      'company.create',
      { requestId: rid(), streetId: 'st-jinxiu', name: ' ' },
      P.admin,
      'INVALID_INPUT',
    )
  })

  it('moves an estate to another company: new ratings go to it, earlier ones keep theirs', async () => {
    const before = await h.ok<{ companyId: string }>(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-2-1-101', stars: good },
      'o-res-chen',
    )
    expect(before.companyId).toBe('co-2')
    const moved = await h.ok<{ previousCompanyId: string; companyName: string }>(
      'property',
      'company.assignEstate',
      { estateId: 'e-hx-2', companyId: newCo },
      P.admin,
    )
    expect(moved).toMatchObject({ previousCompanyId: 'co-2', companyName: '新桥物业服务有限公司' })
    const ctx = await h.ok<{ company: { id: string }; rating: unknown }>(
      'property',
      'rating.context',
      { householdId: 'h-hx-2-1-101' },
      'o-res-chen',
    )
    expect(ctx.company.id).toBe(newCo)
    expect(ctx.rating).toBeNull()
    const { total } = await h.db
      .collection('property_ratings')
      .where({ householdId: 'h-hx-2-1-101', companyId: 'co-2' })
      .count()
    expect(total).toBe(1)
  })

  it('refuses the company already serving, a secretary, a company of another street and an unknown estate', async () => {
    await h.expectRefused(
      'property',
      'company.assignEstate',
      { estateId: 'e-hx-2', companyId: newCo },
      P.admin,
      'CONFLICT',
    )
    await h.expectRefused(
      'property',
      'company.assignEstate',
      { estateId: 'e-hx-2', companyId: 'co-2' },
      P.secHx,
      'FORBIDDEN',
    )
    await h.db.collection('companies').add({ data: { _id: 'co-elsewhere', streetId: 'st-other', name: '外街物业' } })
    await h.expectRefused(
      'property',
      'company.assignEstate',
      { estateId: 'e-hx-2', companyId: 'co-elsewhere' },
      P.admin,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'property',
      'company.assignEstate',
      { estateId: 'e-none', companyId: 'co-2' },
      P.admin,
      'NOT_FOUND',
    )
  })
})

describe('estates served, now and in each published period', () => {
  it('shows on the company page the estates served now and, per published period, the ones served then', async () => {
    const co2 = await h.ok<CompanyPage>('property', 'company.get', { companyId: 'co-2' }, P.liu)
    // 翠竹苑 moved to the new company above: co-2 serves nothing now, yet served it in August–October.
    expect(co2.estates).toEqual([])
    expect(co2.history.map((p) => `${p.periodLabel}:${p.estates.join('、')}`)).toEqual([
      '2026年8月:翠竹苑',
      '2026年9月:翠竹苑',
      '2026年10月:翠竹苑',
    ])
    const moved = await h.ok<CompanyPage>('property', 'company.get', { companyId: newCo }, P.liu)
    expect(moved.estates.map((e) => e.name)).toEqual(['翠竹苑'])
    expect(moved.history).toEqual([])
  })

  it('names each company’s estates on the street’s preview, and only the own company’s to its staff', async () => {
    await h.ok('property', 'period.close', { periodId: PERIOD }, P.admin)
    const all = await h.ok<{ served: Served }>('property', 'list.preview', { periodId: PERIOD }, P.admin)
    expect(all.served).toHaveLength(7)
    expect(all.served).toEqual(
      expect.arrayContaining([
        { companyId: 'co-1', estates: ['和谐家园'] },
        { companyId: newCo, estates: ['翠竹苑'] },
        { companyId: 'co-2', estates: [] },
      ]),
    )
    const own = await h.ok<{ served: Served }>('property', 'list.preview', { periodId: PERIOD }, 'o-prop-qian')
    expect(own.served).toEqual([{ companyId: 'co-2', estates: [] }])
  })

  it('freezes them with the publication: the list and the company page keep each period’s estates after a later move', async () => {
    await reviewHeld(h, PERIOD)
    h.setNow(new Date(T0.getTime() + 4 * 86_400_000)) // past the 3-day objection window
    const pub = await h.ok<{ id: string; served: Served }>(
      'property',
      'list.publish',
      { requestId: rid(), periodId: PERIOD },
      P.admin,
    )
    expect(pub.served.find((s) => s.companyId === newCo)?.estates).toEqual(['翠竹苑'])
    // The estate goes back to co-2 after November's list: November still names the new company.
    await h.ok('property', 'company.assignEstate', { estateId: 'e-hx-2', companyId: 'co-2' }, P.admin)
    const current = await h.ok<{ id: string; served: Served }>(
      'property',
      'list.current',
      { streetId: 'st-jinxiu' },
      P.liu,
    )
    expect(current.id).toBe(pub.id)
    expect(current.served).toEqual(pub.served)
    const co2 = await h.ok<CompanyPage>('property', 'company.get', { companyId: 'co-2' }, P.admin)
    expect(co2.estates.map((e) => e.name)).toEqual(['翠竹苑'])
    expect(co2.history.map((p) => p.estates.join('、'))).toEqual(['翠竹苑', '翠竹苑', '翠竹苑', ''])
    const moved = await h.ok<CompanyPage>('property', 'company.get', { companyId: newCo }, P.admin)
    expect(moved.estates).toEqual([])
    expect(moved.history.map((p) => `${p.periodLabel}:${p.estates.join('、')}`)).toEqual(['2026年11月:翠竹苑'])
  })
})
