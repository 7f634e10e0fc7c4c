/**
 * `npm run docs:actions`: the action tables of the docs, generated from the contract. Each cloud
 * function's table — action, the roles that may call it (the contract's first filter; handlers check
 * the scope) and the contract's one-line summary — is written between `<!-- actions:begin -->` and
 * `<!-- actions:end -->` in its page. tests/unit/docs-actions.test.ts fails when a page is stale.
 */
import { readFileSync, writeFileSync } from 'fs'
import { join } from 'path'
import type { Registry } from '../types/action'
import { CONTRACT, type FunctionName } from '../types/index'
import type { Audience } from '../types/roles'

export const DOCS_DIR = join(__dirname, '..', 'docs')

/** The page that carries each function's table (`export` has no page of its own: the architecture's section). */
export const ACTION_PAGES: Record<FunctionName, string> = {
  org: 'org.md',
  service: 'service.md',
  council: 'council.md',
  property: 'property.md',
  grid: 'grid.md',
  export: 'architecture.md',
}

export const BEGIN = '<!-- actions:begin -->'
export const END = '<!-- actions:end -->'
export const COMMAND = 'npm run docs:actions'

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')
const who = (roles: readonly Audience[]) =>
  roles.includes('authenticated') ? 'anyone signed in' : roles.map((r) => `\`${r}\``).join(', ')

/** The generated block of one function, markers included. */
export function actionTable(fn: FunctionName, registry: Registry = CONTRACT[fn]): string {
  const rows = Object.entries(registry).map(([name, a]) => `| \`${name}\` | ${who(a.roles)} | ${cell(a.summary)} |`)
  return [
    BEGIN,
    `<!-- generated from the contract (CONTRACT.${fn}, types/) by \`${COMMAND}\`: edit the contract, not this table -->`,
    `${rows.length} actions. *Who* is the contract's audience, the first filter; the handler checks the scope.`,
    '',
    '| action | who | what |',
    '|---|---|---|',
    ...rows,
    END,
  ].join('\n')
}

/** `page` with its block replaced by `block`; a page without exactly one pair of markers is an error. */
export function withBlock(page: string, block: string, name = 'page'): string {
  const start = page.indexOf(BEGIN)
  const end = page.indexOf(END)
  if (start < 0 || end < start || page.indexOf(BEGIN, start + 1) >= 0 || page.indexOf(END, end + 1) >= 0) {
    throw new Error(`${name}: needs exactly one ${BEGIN} … ${END} block`)
  }
  return page.slice(0, start) + block + page.slice(end + END.length)
}

/** Every page as it is and as the contract says it should be. */
export function pages(dir = DOCS_DIR): { fn: FunctionName; file: string; current: string; expected: string }[] {
  return (Object.keys(ACTION_PAGES) as FunctionName[]).map((fn) => {
    const file = join(dir, ACTION_PAGES[fn])
    const current = readFileSync(file, 'utf8')
    return { fn, file, current, expected: withBlock(current, actionTable(fn), ACTION_PAGES[fn]) }
  })
}

if (require.main === module) {
  for (const p of pages()) {
    if (p.current === p.expected) continue
    writeFileSync(p.file, p.expected)
    console.log(`docs/${ACTION_PAGES[p.fn]}: ${p.fn} actions rewritten`)
  }
}
