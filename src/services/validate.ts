import type { z } from 'zod'
import { issuesByField } from './errors'

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> }

/**
 * Checks form values with the action's own zod schema (the one the cloud function uses again), so
 * the person gets the same Chinese messages before anything is sent.
 */
export function validate<S extends z.ZodTypeAny>(schema: S, value: unknown): Validated<z.input<S>> {
  const res = schema.safeParse(value)
  if (res.success) return { ok: true, data: value as z.input<S> }
  const issues = res.error.issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: i.message,
  }))
  return { ok: false, errors: issuesByField(issues) }
}
