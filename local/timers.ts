/**
 * The local stand-in for CloudBase timer triggers: every function whose config.json declares a
 * `timer` trigger is called with `{ Type: 'Timer', TriggerName }` and no identity, as the platform
 * does. Locally all triggers run on one fixed interval (the cron expressions are for CloudBase).
 */
import { existsSync, readFileSync } from 'fs'
import { join } from 'path'
import { FUNCTIONS } from './functions'

interface Trigger {
  fn: string
  name: string
}

/** The timer triggers declared in cloudfunctions/<fn>/config.json. */
export function declaredTimers(root = join(__dirname, '..', 'cloudfunctions')): Trigger[] {
  const out: Trigger[] = []
  for (const fn of Object.keys(FUNCTIONS)) {
    const file = join(root, fn, 'config.json')
    if (!existsSync(file)) continue
    const config = JSON.parse(readFileSync(file, 'utf8')) as { triggers?: { name: string; type: string }[] }
    for (const t of config.triggers ?? []) if (t.type === 'timer') out.push({ fn, name: t.name })
  }
  return out
}

type Invoke = (
  main: (event: unknown) => Promise<unknown>,
  event: unknown,
  opts: { openid: string | null },
) => Promise<{ result: unknown }>

/** Fires every declared trigger once: what the platform would do at its scheduled time. */
export async function fireTimers(
  invoke: Invoke,
  triggers = declaredTimers(),
  now = new Date(),
): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {}
  for (const t of triggers) {
    const { result } = await invoke(
      FUNCTIONS[t.fn],
      { Type: 'Timer', TriggerName: t.name, Time: now.toISOString() },
      { openid: null },
    )
    results[`${t.fn}.${t.name}`] = result
  }
  return results
}

/** Fires the triggers every `seconds` (one run at a time); returns a stop function. */
export function startTimers(invoke: Invoke, seconds: number): () => void {
  // config.json is read once, at start-up, not on every run.
  const triggers = declaredTimers()
  let running = false
  const handle = setInterval(() => {
    if (running) return
    running = true
    fireTimers(invoke, triggers)
      .catch((e) => console.error('timer run failed', e))
      .finally(() => {
        running = false
      })
  }, seconds * 1000)
  handle.unref()
  return () => clearInterval(handle)
}
