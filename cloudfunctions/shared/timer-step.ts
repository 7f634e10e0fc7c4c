import { DomainError } from './errors'

/**
 * One item's step in a timer run. Another run (or a person) getting there first (CONFLICT) is not a
 * failure; any other error is logged and the run goes on, so one broken item never holds back the rest.
 * Answers whether the step did its work.
 */
export async function timerStep(fn: string, what: string, work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work()
    return true
  } catch (e) {
    if (!(e instanceof DomainError && e.code === 'CONFLICT'))
      console.error(JSON.stringify({ fn, timer: 'tick', what, error: e instanceof Error ? e.message : String(e) }))
    return false
  }
}
