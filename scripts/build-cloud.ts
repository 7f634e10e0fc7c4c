/**
 * `npm run build:cloud`: bundle each cloud function with esbuild into cloudfunctions/<fn>/dist/index.js
 * (shared runtime and types inlined; wx-server-sdk left external, installed by CloudBase from the
 * function's package.json). The result is what WeChat DevTools uploads.
 */
import { build } from 'esbuild'
import { existsSync, readdirSync, statSync } from 'fs'
import { join } from 'path'

const root = join(__dirname, '..', 'cloudfunctions')

export function functionNames(): string[] {
  return readdirSync(root).filter((d) => d !== 'shared' && statSync(join(root, d)).isDirectory() && existsSync(join(root, d, 'index.ts')) && existsSync(join(root, d, 'package.json')))
}

async function main() {
  for (const fn of functionNames()) {
    const started = Date.now()
    const res = await build({
      entryPoints: [join(root, fn, 'index.ts')],
      outfile: join(root, fn, 'dist', 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      minify: true,
      sourcemap: false,
      external: ['wx-server-sdk'],
      logLevel: 'warning',
      metafile: true,
    })
    const bytes = Object.values(res.metafile.outputs).reduce((s, o) => s + o.bytes, 0)
    console.log(`cloudfunctions/${fn}/dist/index.js  ${(bytes / 1024).toFixed(1)} KB  ${Date.now() - started} ms`)
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
