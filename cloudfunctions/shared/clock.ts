/**
 * The clock handlers read through ctx.now. In the cloud it is the system clock; the local runtime,
 * tests and the bench set their own so expiry and windows can be tested at exact instants.
 */
let source: () => Date = () => new Date()

export const now = (): Date => source()

export function setClock(fn: () => Date): void {
  source = fn
}

const pad = (n: number) => String(n).padStart(2, '0')
/** Asia/Shanghai wall time for notices and files, e.g. 2026-11-25 19:30 (UTC+8, no daylight saving). */
export function cnTime(d: Date): string {
  const t = new Date(new Date(d).getTime() + 8 * 3600_000)
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`
}
