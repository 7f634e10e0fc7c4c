import fs from 'node:fs'
import path from 'node:path'
import type { Compiler } from 'webpack'

/**
 * `SIZE_REPORT=<file> npm run build:weapp`: writes which modules went into which output file, with
 * their size before minification, so a package's weight can be traced to its sources.
 */
export class SizeReportPlugin {
  constructor(private readonly file: string) {}

  apply(compiler: Compiler) {
    compiler.hooks.emit.tap('SizeReportPlugin', (compilation) => {
      const root = compiler.context
      const files: Record<string, { module: string; bytes: number }[]> = {}
      for (const chunk of compilation.chunks) {
        const modules = compilation.chunkGraph.getChunkModules(chunk).map((m) => ({
          module: path
            .relative(root, (m as { resource?: string }).resource ?? m.identifier())
            .split(path.sep)
            .join('/'),
          bytes: m.size(),
        }))
        for (const f of chunk.files) if (f.endsWith('.js')) files[f] = modules.sort((a, b) => b.bytes - a.bytes)
      }
      fs.writeFileSync(this.file, JSON.stringify(files, null, 1))
    })
  }
}
