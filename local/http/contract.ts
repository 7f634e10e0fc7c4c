import { z } from 'zod'
import { CONTRACT } from '../../types'

/** GET /cloud/_contract: every function and action, with the action's input as JSON Schema. */
export function describeContract() {
  return {
    functions: Object.entries(CONTRACT).map(([name, actions]) => ({
      name,
      actions: Object.entries(actions).map(([action, spec]) => ({
        name: action,
        summary: spec.summary,
        roles: [...spec.roles],
        input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }),
      })),
    })),
  }
}
