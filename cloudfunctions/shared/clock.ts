/**
 * The clock handlers read through ctx.now. In the cloud it is the system clock; the local runtime,
 * tests and the bench set their own so expiry and windows can be tested at exact instants.
 */
let source: () => Date = () => new Date()

export const now = (): Date => source()

export function setClock(fn: () => Date): void {
  source = fn
}
