import { readFileSync } from 'fs'
import { join } from 'path'
import { z } from 'zod'
import { COL } from '../../cloudfunctions/shared/collections'
import { CONTRACT, ERROR_CODES, PageInputSchema } from '../../types'

describe('the contract', () => {
  it('names at least the error codes the runtime relies on', () => {
    for (const c of [
      'UNKNOWN_ACTION',
      'INVALID_INPUT',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'CONFLICT',
      'RATE_LIMITED',
      'CONTENT_REJECTED',
      'INTERNAL',
    ]) {
      expect(ERROR_CODES).toContain(c)
    }
  })

  it('gives every action an input schema that converts to JSON Schema, an output schema and an audience', () => {
    for (const [fn, actions] of Object.entries(CONTRACT)) {
      for (const [name, a] of Object.entries(actions)) {
        expect({ fn, name, roles: a.roles.length > 0 }).toEqual({ fn, name, roles: true })
        const schema = z.toJSONSchema(a.input, { io: 'input', unrepresentable: 'any' }) as { type?: string }
        expect(schema.type).toBe('object')
        expect(typeof a.output.safeParse).toBe('function')
      }
    }
  })

  it('caps page sizes at 50', () => {
    expect(PageInputSchema.safeParse({ pageSize: 50 }).success).toBe(true)
    expect(PageInputSchema.safeParse({ pageSize: 51 }).success).toBe(false)
  })

  it('declares every collection the code uses in database/collections.json', () => {
    const declared = (
      JSON.parse(readFileSync(join(__dirname, '../../database/collections.json'), 'utf8')) as {
        collections: { name: string }[]
      }
    ).collections.map((c) => c.name)
    expect(Object.values(COL).filter((n) => !declared.includes(n))).toEqual([])
  })
})
