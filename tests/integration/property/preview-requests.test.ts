import { openCloud, P, type Cloud } from '../harness'

/**
 * list.preview's database requests do not grow with the street: the estates each company serves are
 * read grouped by company in one request, however many estates there are (issue 16: 8 at 1×, 9 at 10×).
 */

const PERIOD = 'per:st-jinxiu:2026-11'
type Served = { companyId: string; estates: string[] }[]

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

it('needs as many requests with 250 more estates on the street, and names every one', async () => {
  const before = await h.call<{ served: Served }>('property', 'list.preview', { periodId: PERIOD }, P.admin)
  expect(before.env.ok).toBe(true)
  const added = Array.from({ length: 250 }, (_, i) => ({
    _id: `e-many-${String(i).padStart(3, '0')}`,
    communityId: 'c-hx',
    streetId: 'st-jinxiu',
    name: `新苑${String(i).padStart(3, '0')}`,
    companyId: 'co-1',
    companyName: '锦绣物业',
  }))
  h.store.insert('estates', added)
  const after = await h.call<{ served: Served }>('property', 'list.preview', { periodId: PERIOD }, P.admin)
  if (!after.env.ok) throw new Error(after.env.error.code)
  expect(after.dbRequests).toBe(before.dbRequests)
  const co1 = after.env.data.served.find((s) => s.companyId === 'co-1')
  expect(co1?.estates).toEqual(['和谐家园', ...added.map((e) => e.name)].sort())
})
