#!/usr/bin/env node
// `npm run test:e2e`: build the H5 app if needed, start the local cloud, drive the journeys in Chromium.
import { spawnSync } from 'child_process'
import { existsSync, readdirSync } from 'fs'
import { join } from 'path'
import { pathToFileURL } from 'url'
import { launch, ROOT, runJourneys, startServer } from '../tests/e2e/lib.mjs'

if (!existsSync(join(ROOT, 'dist-h5/index.html')) || process.env.REBUILD === '1') {
  const b = spawnSync('npm', ['run', '--silent', 'build:h5'], { stdio: 'inherit', cwd: ROOT })
  if (b.status !== 0) process.exit(b.status ?? 1)
}

const only = process.env.E2E_ONLY // e.g. E2E_ONLY=onboarding runs tests/e2e/onboarding.e2e.mjs alone
const files = readdirSync(join(ROOT, 'tests/e2e'))
  .filter((f) => f.endsWith('.e2e.mjs') && (!only || f.startsWith(only)))
  .sort()
const server = await startServer()
const ctx = { ...(await launch()), base: server.base }
let passed = 0
let failed = 0
try {
  for (const f of files) {
    console.log(f)
    const mod = await import(pathToFileURL(join(ROOT, 'tests/e2e', f)).href)
    const r = await runJourneys(mod.journeys, ctx)
    passed += r.passed
    failed += r.failed
  }
} finally {
  await ctx.browser.close()
  await server.stop()
}
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)
