/**
 * `npm run bench`: sizes and speed, printed as tables (ARCHITECTURE §6). Not a test: it measures.
 * Every action's database request count must be the same at 1× and 10× the demo data.
 */
import { existsSync } from 'fs'
import { join } from 'path'
import { functionNames } from '../scripts/build-cloud'
import { runActions } from './actions'
import { allScenarios } from './scenarios'
import { bundleStats, packageSizes } from './sizes'

const KB = (b: number) => (b / 1024).toFixed(1)
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 40)
const MAIN_BUDGET_KB = 600

async function main() {
  process.env.TX_QUIET = '1'
  console.log('## Mini-program packages (dist/)\n')
  if (existsSync(join(__dirname, '..', 'dist', 'app.json'))) {
    console.log('| package | KB | budget |\n|---|---:|---|')
    for (const p of packageSizes()) console.log(`| ${p.name} | ${KB(p.bytes)} | ${p.name === 'main' ? `${MAIN_BUDGET_KB} KB ${p.bytes / 1024 < MAIN_BUDGET_KB ? 'ok' : 'OVER'}` : '2048 KB'} |`)
  } else console.log('(dist/ missing: run npm run build:weapp)')

  console.log('\n## Cloud function bundles\n')
  console.log('| function | KB | cold require ms (median of 5) |\n|---|---:|---:|')
  for (const b of bundleStats(functionNames())) console.log(`| ${b.name} | ${KB(b.bytes)} | ${b.requireMs.toFixed(0)} |`)

  console.log(`\n## Actions through the local runtime (${ITERATIONS} calls each)\n`)
  const one = await runActions(allScenarios(), 1, ITERATIONS)
  const ten = await runActions(allScenarios(), 10, ITERATIONS)
  console.log('| action | p50 ms 1× | p95 ms 1× | p50 ms 10× | p95 ms 10× | db requests 1× | db requests 10× | constant | note |')
  console.log('|---|---:|---:|---:|---:|---:|---:|---|---|')
  let bad = 0
  for (const r of one) {
    const t = ten.find((x) => x.action === r.action)!
    const constant = r.requests === t.requests
    if (!constant || t.p95 >= 50 || r.failures || t.failures) bad++
    const notes = [r.note, r.failures || t.failures ? `${r.failures + t.failures} failed calls` : ''].filter(Boolean).join('; ')
    console.log(`| ${r.action} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${t.p50.toFixed(1)} | ${t.p95.toFixed(1)} | ${r.requests} | ${t.requests} | ${constant ? 'yes' : 'NO'} | ${notes} |`)
  }
  console.log(`\n${bad === 0 ? 'All actions: request counts constant from 1× to 10×, p95 < 50 ms at 10×.' : `${bad} action(s) miss a target (see table).`}`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
