// Loaded into the e2e server (node --import): lets a journey move the local cloud's clock forward,
// as integration tests do with h.setNow. The offset (ms) is read from E2E_CLOCK_FILE on every reading
// of the clock; no file, no offset.
import { readFileSync } from 'node:fs'

const file = process.env.E2E_CLOCK_FILE
if (file) {
  const { setClock } = await import('../../cloudfunctions/shared/clock.ts')
  setClock(() => {
    let offset = 0
    try {
      offset = Number(readFileSync(file, 'utf8')) || 0
    } catch {
      /* no file: the real clock */
    }
    return new Date(Date.now() + offset)
  })
}
