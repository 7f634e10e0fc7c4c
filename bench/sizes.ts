import { execFileSync } from 'child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'fs'
import { join, relative } from 'path'

const ROOT = join(__dirname, '..')

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
}

/** Mini-program package sizes from dist/: main = everything outside the subpackage roots. */
export function packageSizes(): { name: string; bytes: number }[] {
  const dist = join(ROOT, 'dist')
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const sizes = new Map<string, number>([['main', 0], ...roots.map((r) => [r, 0] as [string, number])])
  for (const f of filesUnder(dist)) {
    const rel = relative(dist, f)
    const root = roots.find((r) => rel.startsWith(r + '/'))
    sizes.set(root ?? 'main', (sizes.get(root ?? 'main') ?? 0) + statSync(f).size)
  }
  return [...sizes].map(([name, bytes]) => ({ name, bytes }))
}

/** Each bundled cloud function: size, and the median time of a cold `require` in a fresh node process. */
export function bundleStats(names: string[], runs = 5): { name: string; bytes: number; requireMs: number }[] {
  return names.map((name) => {
    const file = join(ROOT, 'cloudfunctions', name, 'dist', 'index.js')
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      const out = execFileSync(process.execPath, ['-e', `const t=process.hrtime.bigint();require(${JSON.stringify(file)});console.log(Number(process.hrtime.bigint()-t)/1e6)`], {
        env: { ...process.env, TENCENTCLOUD: 'true' },
      })
      times.push(Number(String(out).trim()))
    }
    times.sort((a, b) => a - b)
    return { name, bytes: statSync(file).size, requireMs: times[Math.floor(times.length / 2)] }
  })
}
