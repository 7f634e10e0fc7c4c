#!/usr/bin/env node
// `npm start`: build the H5 app when it is missing or older than the sources, then serve it on the local cloud.
import { spawnSync } from 'child_process'
import { existsSync, readdirSync, statSync } from 'fs'
import { join } from 'path'

const newest = (dir) => {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}
const stale =
  !existsSync('dist-h5/index.html') || Math.max(newest('src'), newest('types')) > statSync('dist-h5/index.html').mtimeMs
if (stale || process.env.REBUILD === '1') {
  const b = spawnSync('npm', ['run', '--silent', 'build:h5'], { stdio: 'inherit' })
  if (b.status !== 0) process.exit(b.status ?? 1)
}
const s = spawnSync('npx', ['tsx', 'local/server.ts'], { stdio: 'inherit' })
process.exit(s.status ?? 0)
