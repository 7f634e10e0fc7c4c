import { openCloud, P, type Cloud } from '../harness'
import { workbookText } from '../exposure'

/**
 * 我的数据 as Excel (issue 12 §3): the export function writes the caller's own records — a 说明 sheet
 * and one sheet per section that has rows — at the person's own path, and nobody else's.
 */
type File = { fileId: string; url: string; fileName: string; rows: number }

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

it('exports the caller’s records as a workbook: her phone, her household, no other resident', async () => {
  const f = await h.ok<File>('export', 'org.mydata', {}, P.liu)
  expect(f.fileName).toMatch(/^我的数据-\d{4}-\d{2}-\d{2}\.xlsx$/)
  expect(f.rows).toBeGreaterThan(0)
  const text = await workbookText(h, f.fileId)
  expect(text).toContain('说明')
  expect(text).toContain('13800000004') // her own phone, whole
  expect(text).not.toContain(P.liu) // never an openid
  expect(text).not.toContain('张德福') // another resident of her building
})

it('answers each person with their own file, overwriting their earlier one', async () => {
  const first = await h.ok<File>('export', 'org.mydata', {}, P.liu)
  const again = await h.ok<File>('export', 'org.mydata', {}, P.liu)
  const other = await h.ok<File>('export', 'org.mydata', {}, P.secHx)
  expect(again.fileId).toBe(first.fileId)
  expect(other.fileId).not.toBe(first.fileId)
  expect(await workbookText(h, other.fileId)).not.toContain('13800000004')
})

it('refuses a caller the platform does not name, storing nothing', async () => {
  await h.expectRefused('export', 'org.mydata', {}, null, 'UNAUTHENTICATED')
})
