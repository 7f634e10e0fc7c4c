/**
 * Checks the compiled mini-program (dist/, from `npm run build:weapp`): every page written under src/
 * is declared in app.json and was emitted, and the packages stay inside their size budgets.
 */
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')
const SRC = path.join(ROOT, 'src')
const DIST = path.join(ROOT, 'dist')
const KB = 1024
/** Issue 16: main ≤ 430 KB (1.5 × Taro's 287 KB floor), all packages together ≤ 1.5 MB (bench/budgets.ts). */
const MAIN_BUDGET = 430 * KB
const TOTAL_BUDGET = 1536 * KB
const SUBPACKAGE_LIMIT = 2048 * KB

interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
  preloadRule?: Record<string, { packages?: string[] }>
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? walk(p) : [p]
  })
}

const rel = (from: string, p: string) => path.relative(from, p).split(path.sep).join('/')

/** Every page in the source tree: a folder with index.config.ts (pages/… or packages/<root>/pages/…). */
function sourcePages(): string[] {
  return walk(SRC)
    .filter((f) => f.endsWith(`${path.sep}index.config.ts`))
    .map((f) => rel(SRC, f).replace(/\.config\.ts$/, ''))
    .sort()
}

const app: AppJson = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'))
const subPackages = app.subPackages ?? app.subpackages ?? []
const declared = [
  ...app.pages,
  ...subPackages.flatMap((sp) => sp.pages.map((p) => `${sp.root.replace(/\/$/, '')}/${p}`)),
]
const bytes = (files: string[]) => files.reduce((sum, f) => sum + fs.statSync(f).size, 0)
const distFiles = walk(DIST)
const inRoot = (f: string, root: string) => rel(DIST, f).startsWith(`${root.replace(/\/$/, '')}/`)

describe('weapp build output', () => {
  test('app.json declares every page written under src/', () => {
    const pages = sourcePages()
    expect(pages.length).toBeGreaterThan(0)
    expect(declared.slice().sort()).toEqual(pages)
  })

  test('every declared page was emitted with its js, wxml and json', () => {
    const missing = declared.flatMap((p) =>
      ['.js', '.wxml', '.json'].map((ext) => `${p}${ext}`).filter((f) => !fs.existsSync(path.join(DIST, f))),
    )
    expect(missing).toEqual([])
  })

  test('the home page is the entry and the admin subpackage is preloaded from it', () => {
    expect(app.pages[0]).toBe('pages/home/index')
    expect(subPackages.map((s) => s.root)).toContain('packages/admin')
    expect(app.preloadRule?.['pages/home/index']?.packages).toContain('packages/admin')
  })

  test(`the main package is at most ${MAIN_BUDGET / KB} KB`, () => {
    const main = distFiles.filter((f) => !subPackages.some((sp) => inRoot(f, sp.root)))
    expect(bytes(main)).toBeLessThanOrEqual(MAIN_BUDGET)
  })

  test(`all packages together are at most ${TOTAL_BUDGET / KB} KB`, () => {
    expect(bytes(distFiles)).toBeLessThanOrEqual(TOTAL_BUDGET)
  })

  test('the main package carries the small build of zod, not zod itself', () => {
    const vendors = fs.readFileSync(path.join(DIST, 'vendors.js'), 'utf8')
    // Classic zod's JSON-schema processors are never in zod/mini; their error text names them.
    expect(vendors).not.toMatch(/toJSONSchema|Transforms cannot be represented in JSON Schema/)
    expect(vendors).toMatch(/Invalid input/)
  })

  test('no package carries a chart library: one module of ours draws every chart', () => {
    // Names F2 (AntV G underneath) keeps through minification: its tick algorithm and a marker attribute.
    const chartLib = distFiles.filter(
      (f) => f.endsWith('.js') && /wilkinson-extended|markerStartOffset/.test(fs.readFileSync(f, 'utf8')),
    )
    expect(chartLib.map((f) => rel(DIST, f))).toEqual([])
  })

  test('each subpackage is under the 2 MB platform limit', () => {
    expect(subPackages.length).toBeGreaterThan(0)
    for (const sp of subPackages) {
      const size = bytes(distFiles.filter((f) => inRoot(f, sp.root)))
      expect({ root: sp.root, overLimit: size >= SUBPACKAGE_LIMIT }).toEqual({ root: sp.root, overLimit: false })
    }
  })

  test('what each page preloads stays under the 2 MB preload limit, with room to grow', () => {
    // WeChat checks the total of the subpackages preloaded from one page against 2 MB at upload.
    const PRELOAD_BUDGET = 1536 * KB
    for (const [page, rule] of Object.entries(app.preloadRule ?? {})) {
      const total = (rule.packages ?? []).reduce(
        (sum, root) => sum + bytes(distFiles.filter((f) => inRoot(f, root))),
        0,
      )
      expect({ page, overBudget: total >= PRELOAD_BUDGET }).toEqual({ page, overBudget: false })
    }
  })
})
