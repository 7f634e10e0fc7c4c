import { execFileSync } from 'child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs'
import { join, relative } from 'path'
import { buildSync } from 'esbuild'

const ROOT = join(__dirname, '..')

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  )
}

/** Mini-program package sizes from dist/: main = everything outside the subpackage roots. */
export function packageSizes(): { name: string; bytes: number }[] {
  const dist = join(ROOT, 'dist')
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[]
    subpackages?: { root: string }[]
  }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const sizes = new Map<string, number>([['main', 0], ...roots.map((r) => [r, 0] as [string, number])])
  for (const f of filesUnder(dist)) {
    const rel = relative(dist, f)
    const root = roots.find((r) => rel.startsWith(r + '/'))
    sizes.set(root ?? 'main', (sizes.get(root ?? 'main') ?? 0) + statSync(f).size)
  }
  return [...sizes].map(([name, bytes]) => ({ name, bytes }))
}

/**
 * The floor a function's cold start cannot go below: a bundle that only requires wx-server-sdk,
 * bundled like the functions (scripts/build-cloud.ts) into bench/.floor/, beside the repository's
 * node_modules so it loads the very same SDK.
 */
export function floorBundle(): string {
  const dir = join(__dirname, '.floor')
  mkdirSync(dir, { recursive: true })
  const entry = join(dir, 'entry.js')
  writeFileSync(
    entry,
    "const cloud = require('wx-server-sdk')\nexports.main = async () => ({ ok: true, sdk: typeof cloud.init })\n",
  )
  const outfile = join(dir, 'index.js')
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    minify: true,
    external: ['wx-server-sdk'],
    logLevel: 'warning',
  })
  return outfile
}

export interface BundleStat {
  name: string
  bytes: number
  /** Median CPU time (user + system) of the require, ms: what it costs when a core is free. */
  cpuMs: number
  /** Fastest wall-clock time of the runs, ms (the others waited for a core). */
  wallMs: number
}

/** One cold `require` in a fresh node process: [wall ms, cpu ms]. */
function requireOnce(file: string): [number, number] {
  const script = `const c=process.cpuUsage();const t=process.hrtime.bigint();require(${JSON.stringify(file)});const d=process.cpuUsage(c);console.log(Number(process.hrtime.bigint()-t)/1e6, (d.user+d.system)/1000)`
  const [wall, cpu] = String(
    execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TENCENTCLOUD: 'true' } }),
  )
    .trim()
    .split(' ')
    .map(Number)
  return [wall, cpu]
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/**
 * Each bundle's size and cold require, the runs interleaved (floor, a, b, …, floor, a, b, …) so the
 * machine's load falls on all of them alike.
 */
export function bundleStats(
  bundles: { name: string; file: string }[],
  runs = Number(process.env.BENCH_REQUIRE_RUNS ?? 9),
): BundleStat[] {
  const times = new Map(bundles.map((b) => [b.name, { wall: [] as number[], cpu: [] as number[] }]))
  for (let i = 0; i < runs; i++) {
    for (const b of bundles) {
      const [wall, cpu] = requireOnce(b.file)
      times.get(b.name)!.wall.push(wall)
      times.get(b.name)!.cpu.push(cpu)
    }
  }
  return bundles.map((b) => ({
    name: b.name,
    bytes: statSync(b.file).size,
    cpuMs: median(times.get(b.name)!.cpu),
    wallMs: Math.min(...times.get(b.name)!.wall),
  }))
}

/**
 * The two ways to draw the charts, bundled minified as a mini-program would carry them: F2 with the
 * components the three charts used, and our module (src/components/Chart/draw.ts). docs/decisions.md.
 */
export function chartOptions(): { name: string; bytes: number | null }[] {
  const size = (contents: string) => {
    try {
      const out = buildSync({
        stdin: { contents, resolveDir: ROOT, loader: 'ts' },
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        write: false,
        logLevel: 'silent',
      })
      return out.outputFiles[0].contents.length
    } catch {
      return null
    }
  }
  return [
    {
      name: '@antv/f2 (Axis, Canvas, Chart, Interval, Line, Point)',
      bytes: size("export { Axis, Canvas, Chart, Interval, Line, Point, createElement } from '@antv/f2'"),
    },
    { name: 'src/components/Chart/draw.ts (ours)', bytes: size("export * from './src/components/Chart/draw'") },
  ]
}
