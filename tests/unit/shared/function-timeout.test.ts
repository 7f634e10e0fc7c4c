import { readdirSync, readFileSync } from 'fs'
import { join } from 'path'
import { FUNCTION_TIMEOUT_MS } from '../../../cloudfunctions/shared/idempotency'

/** A request claim older than FUNCTION_TIMEOUT_MS is taken over: no function may run longer than that. */
test('every cloud function times out within the idempotency takeover age', () => {
  const root = join(__dirname, '..', '..', '..', 'cloudfunctions')
  const timeouts = Object.fromEntries(
    readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'shared')
      .map((d) => [
        d.name,
        (JSON.parse(readFileSync(join(root, d.name, 'config.json'), 'utf8')) as { timeout: number }).timeout * 1000,
      ]),
  )
  expect(Object.keys(timeouts).sort()).toEqual(['council', 'export', 'grid', 'org', 'property', 'service'])
  expect(Object.values(timeouts).every((ms) => ms <= FUNCTION_TIMEOUT_MS)).toBe(true)
  expect(Math.max(...Object.values(timeouts))).toBe(FUNCTION_TIMEOUT_MS)
})
