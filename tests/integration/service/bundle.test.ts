import { existsSync } from 'fs'
import { join } from 'path'
import { openCloud, P, type Cloud } from '../harness'

/** The deploy artefact (esbuild bundle with exceljs inlined) must run on the same transport as the source. */
const bundle = join(__dirname, '../../../cloudfunctions/service/dist/index.js')

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

describe('the bundled service function', () => {
  it('exists (npm test runs build:cloud first)', () => {
    expect(existsSync(bundle)).toBe(true)
  })

  it('exports a ledger workbook through the bundled exceljs and the local storage', async () => {
    const { main } = require(bundle) as { main: (e: unknown) => Promise<unknown> }
    const env = (await h.rawMain(main, { action: 'export.ledgers', input: { communityId: 'c-hx', year: 2026 } }, P.secHx)) as { ok: boolean; data: { fileId: string; rows: number } }
    expect(env.ok).toBe(true)
    expect(env.data.rows).toBe(4)
    expect(existsSync(join(h.dir, 'uploads', env.data.fileId.replace('cloud://local/', '')))).toBe(true)
  })

  it('refuses by scope exactly like the source', async () => {
    const { main } = require(bundle) as { main: (e: unknown) => Promise<unknown> }
    const env = (await h.rawMain(main, { action: 'dashboard', input: { communityId: 'c-hx', year: 2026 } }, P.secYg)) as { ok: boolean; error: { code: string } }
    expect(env.error.code).toBe('FORBIDDEN')
  })
})
