// The harness first: it loads local/seed/seed.ts, which local/seed/property.ts imports back.
import { openCloud, P, type Cloud } from '../harness'
import { OPEN_PERIOD } from '../../../local/seed/property'
import { workbookText } from '../exposure'

/**
 * The period export lists ratings without saying whose they are: within an estate its rows follow the
 * ratings' random public ids, not their `_id`s, which follow the households' ids (a street admin knows
 * every household's id, name and floor).
 */

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

it('orders an estate’s rows by public id, not by household', async () => {
  const { data } = await h.db
    .collection('property_ratings')
    .where({ periodId: OPEN_PERIOD, companyId: 'co-1' })
    .limit(1)
    .get()
  const { _id: _, ...base } = data[0] as Record<string, unknown>
  // Household 101 comes before 102; their public ids put 102's rating first.
  const rating = (room: string, publicId: string, comment: string) => ({
    ...base,
    _id: `rt:${OPEN_PERIOD}:co-1:h-hx-1-1-${room}`,
    householdId: `h-hx-1-1-${room}`,
    publicId,
    comment,
    hasComment: true,
  })
  h.store.insert('property_ratings', [
    rating('101', 'rt_zzzzzzzz', '一零一的意见'),
    rating('102', 'rt_00000000', '一零二的意见'),
  ])
  const x = await h.ok<{ fileId: string; rows: number }>(
    'export',
    'property.period',
    { periodId: OPEN_PERIOD },
    P.admin,
  )
  const text = await workbookText(h, x.fileId)
  expect(text).toContain('一零一的意见')
  expect(text.indexOf('一零二的意见')).toBeLessThan(text.indexOf('一零一的意见'))
})

it('keeps each estate’s rows together, company by company', async () => {
  const x = await h.ok<{ fileId: string; rows: number }>(
    'export',
    'property.period',
    { periodId: OPEN_PERIOD },
    P.admin,
  )
  const rows = JSON.parse(await workbookText(h, x.fileId)) as unknown[][]
  const keys = rows.slice(1, 1 + x.rows).map((r) => `${r[1]}|${r[2]}`)
  const blocks = keys.filter((k, i) => i === 0 || k !== keys[i - 1])
  expect(new Set(blocks).size).toBe(blocks.length)
  expect(blocks.length).toBeGreaterThan(1)
})
