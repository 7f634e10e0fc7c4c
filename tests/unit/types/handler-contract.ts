/**
 * Type test (issue 16 §6), checked by `npx tsc --noEmit -p .` (CI's typecheck), not run by jest: a
 * handler's input and output come from its action's schemas, so a handler that drifts from the
 * contract does not compile. Each `@ts-expect-error` below fails the typecheck if the drift it marks
 * ever compiles again.
 */
import type { CouncilActions } from '../../../types/council'
import type { Ctx, Handler, HandlerInput, Routes } from '../../../cloudfunctions/shared/dispatch'

// The contract: `council.vote.remind` takes `{ voteId }` and answers `{ sent: number }`.

/** In step with the contract: compiles. */
export const inStep: Handler<'council.vote.remind'> = {
  async run(ctx) {
    const voteId: string = ctx.input.voteId
    return { sent: voteId.length }
  },
}

/** Reads a field the schema does not have. */
export const readsMissingField: Handler<'council.vote.remind'> = {
  async run(ctx) {
    // @ts-expect-error — `force` is not in the input schema
    return { sent: ctx.input.force ? 1 : 0 }
  },
}

/** Declares its own input type with a field the schema lacks (what 102 handlers did by hand). */
export const declaresMissingField: Handler<'council.vote.remind'> = {
  // @ts-expect-error — the schema gives no `force`, and `run` is checked contravariantly
  async run(ctx: Ctx<{ voteId: string; force: boolean }>) {
    return { sent: ctx.input.force ? 1 : 0 }
  },
}

/** Declares a field with another type than the schema's. */
export const declaresWrongType: Handler<'council.vote.remind'> = {
  // @ts-expect-error — `voteId` is a string in the schema
  async run(ctx: Ctx<{ voteId: number }>) {
    return { sent: ctx.input.voteId }
  },
}

/** Answers what the output schema does not accept. */
export const answersWrongOutput: Handler<'council.vote.remind'> = {
  // @ts-expect-error — `sent` is a number in the output schema
  async run() {
    return { sent: 'all' }
  },
}

/** An action the contract does not have is no handler type at all. */
// @ts-expect-error — there is no `council.vote.cancel`
export type NoSuchAction = Handler<'council.vote.cancel'>

/** A handler written as a bare method with a hand-written input is refused where the routes are assembled. */
const methodWithMissingField = {
  async run(ctx: Ctx<{ voteId: string; force: boolean }>) {
    return { sent: ctx.input.force ? 1 : 0 }
  },
}
export const routes: Pick<Routes<CouncilActions>, 'vote.remind'> = {
  // @ts-expect-error — Route.run is a property, so the method's parameter is checked contravariantly too
  'vote.remind': methodWithMissingField,
}

/** HandlerInput names the parsed input for helpers a handler passes its input to. */
export const remindInput: HandlerInput<'council.vote.remind'> = { voteId: 'v1' }
// @ts-expect-error — and it has no room for what the schema lacks
export const remindInputDrifted: HandlerInput<'council.vote.remind'> = { voteId: 'v1', force: true }
