import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { database } from '../cloudfunctions/shared/cloud'
import { FUNCTIONS } from '../local/functions'
import { applyDevelopmentEnv } from '../local/dev-env'
import { createLocalCloud } from '../local/runtime'
import { seedDemo, seedInBulk } from '../local/seed/seed'
import type { ActionRow, Scenario } from './types'

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

/**
 * Run every scenario `iterations` times against a fresh local cloud seeded at `scale`× the demo data
 * (written in bulk: 100× is ≈ 300,000 documents). Reports p50/p95 latency, the p95 of the CPU time
 * each call took, and the most database requests any one call needed.
 */
export async function runActions(
  scenarios: Scenario[],
  scale: number,
  iterations: number,
): Promise<{ rows: ActionRow[]; seedSeconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), `tx-bench-${scale}x-`))
  const local = createLocalCloud({ dataDir: dir, synchronous: 'NORMAL' })
  process.env.BOOTSTRAP_ADMIN_OPENID = 'o-bench-bootstrap'
  applyDevelopmentEnv()
  try {
    const seeded = Date.now()
    seedInBulk(local.store)
    try {
      await seedDemo(database(), scale)
    } finally {
      seedInBulk(null)
    }
    const seedSeconds = (Date.now() - seeded) / 1000
    const rows: ActionRow[] = []
    for (const s of scenarios) {
      const times: number[] = []
      const cpu: number[] = []
      let requests = 0
      let failures = 0
      if (s.setup) await s.setup(database())
      const runs = Math.min(iterations, s.iterations ?? iterations)
      for (let i = 0; i < runs; i++) {
        const c = process.cpuUsage()
        const t = process.hrtime.bigint()
        const { result, dbRequests } = await local.invoke(
          FUNCTIONS[s.fn],
          { action: s.action, input: s.input(i) },
          { openid: s.openid(i) },
        )
        times.push(Number(process.hrtime.bigint() - t) / 1e6)
        const used = process.cpuUsage(c)
        cpu.push((used.user + used.system) / 1000)
        requests = Math.max(requests, dbRequests)
        const env = result as { ok: boolean; data?: unknown }
        if (env.ok) s.collect?.(env.data)
        else if (!s.note) failures++
      }
      times.sort((a, b) => a - b)
      cpu.sort((a, b) => a - b)
      rows.push({
        action: s.label ?? `${s.fn}.${s.action}`,
        p50: pct(times, 50),
        p95: pct(times, 95),
        cpu95: pct(cpu, 95),
        requests,
        failures,
        note: s.note,
        grows: s.grows,
        slow: s.slow,
      })
    }
    return { rows, seedSeconds }
  } finally {
    local.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
