import { readdirSync, readFileSync } from 'fs'
import { join, relative } from 'path'

/**
 * Wall time is read only through src/services/time (Beijing whatever the device's zone): a local
 * getter or locale date formatting anywhere else in src would show the device's zone again.
 */
const SRC = join(__dirname, '../../../src')
const ALLOWED = new Set(['services/time.ts'])
const LOCAL_TIME =
  /\.(getFullYear|getMonth|getDate|getDay|getHours|getMinutes|getSeconds|toLocaleDateString|toLocaleTimeString|toTimeString|toDateString)\(|new Date\([^)]*\)\.toLocaleString\(/

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : [],
  )
}

it('no source file outside services/time reads local wall time', () => {
  const offenders = files(SRC)
    .filter((f) => !ALLOWED.has(relative(SRC, f)))
    .flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => [`${relative(SRC, f)}:${i + 1}`, line] as const),
    )
    .filter(([, line]) => LOCAL_TIME.test(line))
    .map(([at, line]) => `${at} ${line.trim()}`)
  expect(offenders).toEqual([])
})
