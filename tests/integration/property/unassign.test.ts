import { openCloud, P, rid, type Cloud } from '../harness'

/**
 * company.unassignEstate (issue 12 §1): a company that no longer serves an estate keeps that estate's
 * ratings for the period in progress (ratings already given keep the company they rated, and households
 * still rating this period rate it too), receives none from the next period, and its published lists
 * are unchanged.
 */

const PERIOD = 'per:st-jinxiu:2026-11'
const OCTOBER_LIST = `pub:per:st-jinxiu:2026-10:1`
const good = { cleaning: 5, order: 5, repairs: 5, greening: 5, attitude: 5, fees: 5 }

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

type Context = { company: { id: string } | null; rating: { companyId: string } | null }
type Served = { companyId: string; estates: string[] }[]

/** A verified member of another 翠竹苑 household (a one-time 户码 from the secretary). */
async function neighbour(householdId: string, openid: string) {
  const { code } = await h.ok<{ code: string }>(
    'org',
    'householdCode.issue',
    { requestId: rid(), householdId, ttlDays: 7 },
    P.secHx,
  )
  await h.ok(
    'org',
    'binding.request',
    { requestId: rid(), householdId, name: '邻居', phone: '13800004444', householdCode: code },
    openid,
  )
}

describe('a company stops serving an estate', () => {
  let octoberInputs = ''

  it('is refused to a secretary, for an unknown estate, and changes nothing', async () => {
    octoberInputs = JSON.stringify(await h.ok('property', 'list.inputs', { publicationId: OCTOBER_LIST }, P.liu))
    await h.expectRefused('property', 'company.unassignEstate', { estateId: 'e-hx-2' }, P.secHx, 'FORBIDDEN')
    await h.expectRefused('property', 'company.unassignEstate', { estateId: 'e-none' }, P.admin, 'NOT_FOUND')
  })

  it('keeps the current period’s ratings with the company: those given and those still to come', async () => {
    const given = await h.ok<{ companyId: string }>(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-2-1-101', stars: good },
      'o-res-chen',
    )
    expect(given.companyId).toBe('co-2')
    const out = await h.ok<{ previousCompanyId: string; keepsPeriodLabel: string | null }>(
      'property',
      'company.unassignEstate',
      { estateId: 'e-hx-2', reason: '物业服务合同到期' },
      P.admin,
    )
    expect(out).toMatchObject({ previousCompanyId: 'co-2', keepsPeriodLabel: '2026年11月' })
    const estates = await h.ok<{ items: { id: string; companyId?: string }[] }>(
      'org',
      'estate.list',
      { communityId: 'c-hx' },
      P.liu,
    )
    expect(estates.items.find((e) => e.id === 'e-hx-2')?.companyId).toBeUndefined()
    await neighbour('h-hx-2-1-102', 'o-cuizhu-102')
    const ctx = await h.ok<Context>('property', 'rating.context', { householdId: 'h-hx-2-1-102' }, 'o-cuizhu-102')
    expect(ctx.company?.id).toBe('co-2')
    const later = await h.ok<{ companyId: string }>(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-2-1-102', stars: good },
      'o-cuizhu-102',
    )
    expect(later.companyId).toBe('co-2')
    const { data } = await h.db
      .collection('property_ratings')
      .where({ householdId: 'h-hx-2-1-101', periodId: PERIOD })
      .get()
    expect((data[0] as { companyId: string }).companyId).toBe('co-2')
  })

  it('still names the estate among the company’s for that period, and not among what it serves now', async () => {
    const preview = await h.ok<{ served: Served }>('property', 'list.preview', { periodId: PERIOD }, P.admin)
    expect(preview.served.find((s) => s.companyId === 'co-2')?.estates).toEqual(['翠竹苑'])
    const page = await h.ok<{ estates: { name: string }[] }>('property', 'company.get', { companyId: 'co-2' }, P.liu)
    expect(page.estates).toEqual([])
  })

  it('refuses to unassign again (no company now), and changes nothing', async () => {
    await h.expectRefused('property', 'company.unassignEstate', { estateId: 'e-hx-2' }, P.admin, 'CONFLICT')
  })

  it('sends no rating to it from the next period', async () => {
    await h.ok('property', 'period.close', { periodId: PERIOD }, P.admin)
    h.setNow(new Date('2026-12-02T02:00:00Z'))
    const december = await h.ok<{ id: string }>(
      'property',
      'period.open',
      { requestId: rid(), streetId: 'st-jinxiu' },
      P.admin,
    )
    const ctx = await h.ok<Context>('property', 'rating.context', { householdId: 'h-hx-2-1-102' }, 'o-cuizhu-102')
    expect(ctx.company).toBeNull()
    await h.expectRefused(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: december.id, householdId: 'h-hx-2-1-102', stars: good },
      'o-cuizhu-102',
      'INVALID_INPUT',
    )
    const preview = await h.ok<{ served: Served }>('property', 'list.preview', { periodId: december.id }, P.admin)
    expect(preview.served.find((s) => s.companyId === 'co-2')?.estates).toEqual([])
    // A new company assigned later receives the estate's ratings from then on.
    await h.ok('property', 'company.assignEstate', { estateId: 'e-hx-2', companyId: 'co-3' }, P.admin)
    expect(
      (await h.ok<Context>('property', 'rating.context', { householdId: 'h-hx-2-1-102' }, 'o-cuizhu-102')).company?.id,
    ).toBe('co-3')
  })

  it('leaves the published lists exactly as they were: the same inputs, recomputed to the same list', async () => {
    expect(JSON.stringify(await h.ok('property', 'list.inputs', { publicationId: OCTOBER_LIST }, P.liu))).toBe(
      octoberInputs,
    )
    expect(
      await h.ok<{ matches: boolean }>('property', 'list.recompute', { publicationId: OCTOBER_LIST }, P.liu),
    ).toMatchObject({ matches: true })
  })
})
