/**
 * `npm run build:cloud`: bundle each cloud function with esbuild into cloudfunctions/<fn>/dist/index.js
 * (shared runtime and types inlined; wx-server-sdk left external, installed by CloudBase from the
 * function's package.json). The result is what WeChat DevTools uploads.
 */
import { build, type BuildOptions, type Plugin } from 'esbuild'
import { existsSync, readdirSync, statSync } from 'fs'
import { join } from 'path'

const root = join(__dirname, '..', 'cloudfunctions')

/**
 * The contract's schemas on the small build of zod the mini-program uses (src/services/zod-lite.ts:
 * same checks, issues and messages, tests/unit/front/zod-lite.test.ts). Classic zod builds ≈ 50 methods
 * onto every schema it makes, and a function makes its whole contract when it loads: with zod-lite
 * a function's cold require costs ≈ 40 ms less and its bundle ≈ 60 KB less (docs/decisions.md).
 * The tests run the sources on zod itself; tests/integration/bundle.test.ts runs a bundle.
 */
const zodLite: Plugin = {
  name: 'zod-lite',
  setup(b) {
    b.onResolve({ filter: /^zod$/ }, () => ({ path: join(__dirname, '..', 'src', 'services', 'zod-lite.ts') }))
  },
}

export function functionNames(): string[] {
  return readdirSync(root).filter(
    (d) =>
      d !== 'shared' &&
      statSync(join(root, d)).isDirectory() &&
      existsSync(join(root, d, 'index.ts')) &&
      existsSync(join(root, d, 'package.json')),
  )
}

/** How every function is bundled: the deploy build below, and the tests that look into a bundle (tests/integration/export/bundle.test.ts). */
export function bundleOptions(fn: string) {
  return {
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
    plugins: [zodLite],
  } satisfies BuildOptions
}

async function main() {
  for (const fn of functionNames()) {
    const started = Date.now()
    const res = await build(bundleOptions(fn))
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
