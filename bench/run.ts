/**
 * `npm run bench`: sizes and speed against the budgets of issue 16 (bench/budgets.ts), printed as
 * tables (ARCHITECTURE §6). Not a test: it measures, and exits 1 when a budget is missed.
 *   - the mini-program's packages (dist/, from `npm run build:weapp`): main, each subpackage, all;
 *   - the two ways to draw the charts;
 *   - each cloud function's bundle and cold require, beside the floor (a bundle of wx-server-sdk alone);
 *   - every action at 1×, 10× and 100× the demo data: latency, CPU time and database requests, which
 *     must be the same at every scale.
 * BENCH_SCALES=1,10 and BENCH_ITERATIONS=10 make a quicker run.
 */
import { existsSync } from 'fs'
import { join } from 'path'
import { functionNames } from '../scripts/build-cloud'
import { runActions } from './actions'
import { BUDGET, EXCEL_FUNCTION, KB, SCALES } from './budgets'
import { allScenarios } from './scenarios'
import { bundleStats, chartOptions, floorBundle, packageSizes } from './sizes'
import type { ActionRow } from './types'

const kb = (b: number) => (b / KB).toFixed(1)
const ms = (n: number) => n.toFixed(1)
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 40)
/** Every budget missed in this run, in words. */
const missed: string[] = []

function verdict(ok: boolean, what: string): string {
  if (!ok) missed.push(what)
  return ok ? 'ok' : '**OVER**'
}

function packagesTable() {
  console.log('## Mini-program packages (dist/)\n')
  if (!existsSync(join(__dirname, '..', 'dist', 'app.json'))) {
    missed.push('dist/ missing: run npm run build:weapp')
    console.log('(dist/ missing: run npm run build:weapp)\n')
    return
  }
  console.log('| package | KB | budget KB | |\n|---|---:|---:|---|')
  const sizes = packageSizes()
  for (const p of sizes) {
    const budget = p.name === 'main' ? BUDGET.mainKB : BUDGET.subpackageKB
    console.log(
      `| ${p.name} | ${kb(p.bytes)} | ${budget} | ${verdict(p.bytes <= budget * KB, `package ${p.name} over ${budget} KB`)} |`,
    )
  }
  const total = sizes.reduce((s, p) => s + p.bytes, 0)
  console.log(
    `| **all packages** | ${kb(total)} | ${BUDGET.totalKB} | ${verdict(total <= BUDGET.totalKB * KB, `all packages over ${BUDGET.totalKB} KB`)} |\n`,
  )
}

function chartsTable() {
  console.log('## Drawing the three charts (minified bundle; docs/decisions.md)\n')
  console.log('| option | KB |\n|---|---:|')
  for (const c of chartOptions()) console.log(`| ${c.name} | ${c.bytes === null ? 'not installed' : kb(c.bytes)} |`)
  console.log('')
}

function bundlesTable() {
  const runs = Number(process.env.BENCH_REQUIRE_RUNS ?? 9)
  console.log(`## Cloud function bundles (cold require: ${runs} fresh node processes each, interleaved)\n`)
  const floor = { name: 'floor (wx-server-sdk only)', file: floorBundle() }
  const fns = functionNames().map((name) => ({
    name,
    file: join(__dirname, '..', 'cloudfunctions', name, 'dist', 'index.js'),
  }))
  const [base, ...stats] = bundleStats([floor, ...fns], runs)
  console.log(`| bundle | KB | budget KB | require CPU ms (median) | × floor | budget | best wall ms | |`)
  console.log('|---|---:|---:|---:|---:|---:|---:|---|')
  console.log(`| ${base.name} | ${kb(base.bytes)} | | ${ms(base.cpuMs)} | 1.00 | | ${ms(base.wallMs)} | |`)
  for (const s of stats) {
    const ratio = s.cpuMs / base.cpuMs
    if (s.name === EXCEL_FUNCTION) {
      console.log(
        `| ${s.name} | ${kb(s.bytes)} | — | ${ms(s.cpuMs)} | ${ratio.toFixed(2)} | — | ${ms(s.wallMs)} | exceljs lives here only |`,
      )
      continue
    }
    const ok = s.bytes <= BUDGET.bundleKB * KB && ratio <= BUDGET.requireVsFloor
    console.log(
      `| ${s.name} | ${kb(s.bytes)} | ${BUDGET.bundleKB} | ${ms(s.cpuMs)} | ${ratio.toFixed(2)} | ${BUDGET.requireVsFloor} | ${ms(s.wallMs)} | ${verdict(ok, `bundle ${s.name}: ${kb(s.bytes)} KB, require ${ratio.toFixed(2)} × the floor`)} |`,
    )
  }
  console.log(
    '\nThe require budget is judged on CPU time: on a shared machine the wall time is mostly waiting for a core.\n',
  )
}

async function actionsTable() {
  console.log(
    `## Actions through the local runtime (${ITERATIONS} calls each; scales ${SCALES.map((s) => `${s}×`).join(', ')})\n`,
  )
  const byScale = new Map<number, ActionRow[]>()
  for (const scale of SCALES) {
    const started = Date.now()
    const { rows, seedSeconds } = await runActions(allScenarios(), scale, ITERATIONS)
    byScale.set(scale, rows)
    const mb = (process.memoryUsage().rss / 1e6).toFixed(0)
    console.log(
      `- ${scale}×: seeded in ${seedSeconds.toFixed(0)} s, ran in ${((Date.now() - started) / 1000 - seedSeconds).toFixed(0)} s, ${mb} MB resident`,
    )
  }
  const ref = SCALES.includes(10) ? 10 : SCALES[SCALES.length - 1]
  const head = SCALES.map((s) => `p50 ${s}× | p95 ${s}×`).join(' | ')
  console.log(
    `\nLatency in ms (wall); CPU p95 at ${ref}× is what the latency budget (${BUDGET.p95Ms} ms) is judged on.\n`,
  )
  console.log(
    `| action | ${head} | CPU p95 ${ref}× | requests ${SCALES.map((s) => `${s}×`).join(' / ')} | constant | note |`,
  )
  console.log(`|---|${SCALES.map(() => '---:|---:').join('|')}|---:|---|---|---|`)
  const first = byScale.get(SCALES[0])!
  for (let i = 0; i < first.length; i++) {
    const rows = SCALES.map((s) => byScale.get(s)![i])
    const at = rows[SCALES.indexOf(ref)]
    const a = first[i].action
    const constant = rows.every((r) => r.requests === rows[0].requests)
    const failures = rows.reduce((n, r) => n + r.failures, 0)
    const slow = at.cpu95 >= BUDGET.p95Ms
    if (!constant && !first[i].grows) missed.push(`${a}: requests ${rows.map((r) => r.requests).join(' / ')}`)
    if (slow && !first[i].slow) missed.push(`${a}: CPU p95 ${ms(at.cpu95)} ms at ${ref}×`)
    if (failures) missed.push(`${a}: ${failures} failed calls`)
    const notes = [
      first[i].note,
      first[i].grows && `grows: ${first[i].grows}`,
      first[i].slow && `slow: ${first[i].slow}`,
      failures ? `**${failures} failed calls**` : '',
    ]
      .filter(Boolean)
      .join('; ')
    const cells = rows.map((r) => `${ms(r.p50)} | ${ms(r.p95)}`).join(' | ')
    console.log(
      `| ${a} | ${cells} | ${slow ? `**${ms(at.cpu95)}**` : ms(at.cpu95)} | ${rows.map((r) => r.requests).join(' / ')} | ${constant ? 'yes' : first[i].grows ? 'grows (by design)' : '**NO**'} | ${notes} |`,
    )
  }
  console.log('')
}

async function main() {
  process.env.TX_QUIET = '1'
  packagesTable()
  chartsTable()
  bundlesTable()
  await actionsTable()
  if (missed.length === 0) {
    console.log('Every budget met.')
    return
  }
  console.log(`${missed.length} budget(s) missed:\n${missed.map((m) => `- ${m}`).join('\n')}`)
  process.exitCode = 1
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
