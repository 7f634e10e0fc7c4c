/**
 * The local cloud over HTTP (`npm run serve`, used by `npm start`): opens the durable store under
 * DATA_DIR, seeds the demo data on first run, and serves the H5 app and the cloud functions on
 * 127.0.0.1:PORT (loopback only). Fires the functions' timer triggers every TIMER_SECONDS (60).
 */
import { mkdirSync } from 'fs'
import { createServer } from 'http'
import { join, resolve } from 'path'
import { database } from '../cloudfunctions/shared/cloud'
import { createApp, defaultH5Dir } from './http/app'
import { applyDevelopmentEnv } from './dev-env'
import { createLocalCloud } from './runtime'
import { seedDemo } from './seed/seed'
import { startTimers } from './timers'

async function main() {
  applyDevelopmentEnv()
  const port = Number(process.env.PORT ?? 8787)
  const dataDir = resolve(process.env.DATA_DIR ?? join(__dirname, '..', '.data'))
  mkdirSync(dataDir, { recursive: true })
  const local = createLocalCloud({ dataDir })
  const { seeded } = await seedDemo(database(), Number(process.env.DEMO_SCALE ?? 1))
  const handler = createApp({
    invoke: local.invoke,
    h5Dir: process.env.H5_DIR ?? defaultH5Dir,
    uploadsDir: join(dataDir, 'uploads'),
  })
  const server = createServer((req, res) => void handler(req, res))
  // The functions' timer triggers (vote close and reminders, deadline-near notices); TIMER_SECONDS=0 turns them off.
  const timerSeconds = Number(process.env.TIMER_SECONDS ?? 60)
  const stopTimers = timerSeconds > 0 ? startTimers(local.invoke, timerSeconds) : () => {}
  server.listen(port, '127.0.0.1', () => {
    console.log(
      `同心圆 local cloud: http://127.0.0.1:${port}  (data: ${dataDir}${seeded ? ', demo data created' : ''})`,
    )
  })
  const stop = () => {
    stopTimers()
    server.close(() => {
      local.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
