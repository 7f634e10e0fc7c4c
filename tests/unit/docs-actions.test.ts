import { ACTION_PAGES, actionTable, BEGIN, COMMAND, END, pages, withBlock } from '../../scripts/docs-actions'
import { CONTRACT, type FunctionName } from '../../types/index'
import { action } from '../../types/action'
import * as z from 'zod'

describe('the action tables of the docs are the contract (issue 16 §10)', () => {
  test.each(pages().map((p) => [p.fn, p]))('%s: docs page is up to date', (_fn, p) => {
    // The failure names the command that brings the page back in step.
    const state =
      p.current === p.expected
        ? 'up to date'
        : `docs/${ACTION_PAGES[p.fn]} is stale (its action table differs from CONTRACT.${p.fn}): run \`${COMMAND}\` and commit the page`
    expect(state).toBe('up to date')
  })

  test('every function of the contract has a page with a table that lists each of its actions', () => {
    expect(Object.keys(ACTION_PAGES).sort()).toEqual(Object.keys(CONTRACT).sort())
    for (const p of pages()) {
      for (const name of Object.keys(CONTRACT[p.fn])) expect(p.current).toContain(`| \`${name}\` |`)
    }
  })

  test('a summary or audience change in the contract changes the table', () => {
    const registry = {
      'thing.make': action({
        summary: '做一件事',
        roles: ['secretary', 'street_admin'],
        input: z.object({}),
        output: z.null(),
      }),
      'thing.list': action({ summary: '列出 | 全部', roles: ['authenticated'], input: z.object({}), output: z.null() }),
    }
    const table = actionTable('council' as FunctionName, registry)
    expect(table).toContain('| `thing.make` | `secretary`, `street_admin` | 做一件事 |')
    expect(table).toContain('| `thing.list` | anyone signed in | 列出 \\| 全部 |')
    const page = `# T\n\nprose before\n\n${BEGIN}\nold table\n${END}\n\nprose after\n`
    const next = withBlock(page, table)
    expect(next).toBe(`# T\n\nprose before\n\n${table}\n\nprose after\n`)
    expect(withBlock(next, table)).toBe(next)
  })

  test('a page without exactly one block is refused', () => {
    expect(() => withBlock('no markers', 'x', 'a.md')).toThrow('a.md: needs exactly one')
    expect(() => withBlock(`${BEGIN}${END}${BEGIN}${END}`, 'x')).toThrow('needs exactly one')
    expect(() => withBlock(`${END}${BEGIN}`, 'x')).toThrow('needs exactly one')
  })
})
