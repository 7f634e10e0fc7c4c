#!/usr/bin/env node
// `npm test`: build what the tests inspect (weapp output, cloud bundles), then run every jest project.
import { spawnSync } from 'child_process'
import { existsSync } from 'fs'

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, TX_QUIET: '1' } })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

if (existsSync('src/app.config.ts')) run('npm', ['run', '--silent', 'build:weapp'])
if (existsSync('scripts/build-cloud.ts')) run('npm', ['run', '--silent', 'build:cloud'])
run('npx', ['jest', '--ci', ...process.argv.slice(2)])
