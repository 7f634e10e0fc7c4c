import type { z } from 'zod'
import type { Audience } from './roles'

/**
 * One action of a cloud function as both sides see it: the input and output schemas and the
 * audience (roles that may call it at all). Scope checks happen in the function's route.
 */
export interface ActionContract<I extends z.ZodTypeAny = z.ZodTypeAny, O extends z.ZodTypeAny = z.ZodTypeAny> {
  input: I
  output: O
  roles: readonly Audience[]
  /** A one-line description shown in /cloud/_contract and the docs. */
  summary: string
}

export const action = <I extends z.ZodTypeAny, O extends z.ZodTypeAny>(c: ActionContract<I, O>) => c

export type Registry = Record<string, ActionContract>
export type InputOf<R extends Registry, A extends keyof R> = z.input<R[A]['input']>
export type OutputOf<R extends Registry, A extends keyof R> = z.output<R[A]['output']>
