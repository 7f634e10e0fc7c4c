import { createReadStream, existsSync, statSync } from 'fs'
import type { ServerResponse } from 'http'
import { extname, join, normalize, resolve } from 'path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webp': 'image/webp',
}

/** Serve a file from `root`; paths that escape it are refused. Returns false when there is no such file. */
export function serveFile(root: string, urlPath: string, res: ServerResponse): boolean {
  const base = resolve(root)
  const file = resolve(join(base, normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '')))
  if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) return false
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': extname(file) === '.html' ? 'no-cache' : 'max-age=3600',
  })
  createReadStream(file).pipe(res)
  return true
}
