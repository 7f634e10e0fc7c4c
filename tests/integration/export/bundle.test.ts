import { existsSync, readFileSync, statSync } from 'fs'
import { join } from 'path'
import { build } from 'esbuild'
import { bundleOptions, functionNames } from '../../../scripts/build-cloud'
import { openCloud, P, type Cloud } from '../harness'

/**
 * The deploy artefacts: the export bundle (exceljs inlined) runs on the same transport as the source,
 * and it is the only bundle that carries exceljs, so every other function stays small (issue 16 §1).
 */
const dist = (fn: string) => join(__dirname, '../../../cloudfunctions', fn, 'dist/index.js')
/** A path only exceljs's writer puts in a bundle. */
const EXCELJS_MARK = 'xl/worksheets/sheet'
const BUNDLE_BUDGET = 600 * 1024

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

describe('the bundled export function', () => {
  it('exists (npm test runs build:cloud first)', () => {
    expect(existsSync(dist('export'))).toBe(true)
  })

  it('exports a ledger workbook through the bundled exceljs and the local storage', async () => {
    const { main } = require(dist('export')) as { main: (e: unknown) => Promise<unknown> }
    const env = (await h.rawMain(
      main,
      { action: 'service.ledgers', input: { communityId: 'c-hx', year: 2026 } },
      P.secHx,
    )) as { ok: boolean; data: { fileId: string; rows: number } }
    expect(env.ok).toBe(true)
    expect(env.data.rows).toBe(4)
    expect(existsSync(join(h.dir, 'uploads', env.data.fileId.replace('cloud://local/', '')))).toBe(true)
  })

  it('refuses by scope exactly like the source', async () => {
    const { main } = require(dist('export')) as { main: (e: unknown) => Promise<unknown> }
    const env = (await h.rawMain(
      main,
      { action: 'service.ledgers', input: { communityId: 'c-hx', year: 2026 } },
      P.secYg,
    )) as { ok: boolean; error: { code: string } }
    expect(env.error.code).toBe('FORBIDDEN')
  })
})

describe('the other bundles', () => {
  it('carry no exceljs and stay within 600 KB', () => {
    const others = functionNames().filter((fn) => fn !== 'export')
    expect(others.sort()).toEqual(['council', 'grid', 'org', 'property', 'service'])
    const found = others.map((fn) => ({
      fn,
      exceljs: readFileSync(dist(fn), 'utf8').includes(EXCELJS_MARK),
      overBudget: statSync(dist(fn)).size > BUNDLE_BUDGET,
    }))
    expect(found).toEqual(others.map((fn) => ({ fn, exceljs: false, overBudget: false })))
    expect(readFileSync(dist('export'), 'utf8')).toContain(EXCELJS_MARK)
  })

  it('each build only their own module’s contract when they load (labels come from types/<module>-enums.ts)', async () => {
    // Building a contract's schemas is most of a cold start beyond the SDK's: a function that showed
    // another module's label used to build that module's whole contract too (docs/decisions.md).
    const contracts = ['council', 'grid', 'org', 'property', 'service']
    const root = join(__dirname, '../../..')
    const found = await Promise.all(
      contracts.map(async (fn) => {
        const { metafile } = await build({ ...bundleOptions(fn), write: false, absWorkingDir: root })
        return { fn, contracts: contracts.filter((c) => `types/${c}.ts` in metafile.inputs) }
      }),
    )
    expect(found).toEqual(contracts.map((fn) => ({ fn, contracts: [fn] })))
  })
})
