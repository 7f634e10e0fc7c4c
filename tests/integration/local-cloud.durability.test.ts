/**
 * Durability of the local cloud under kill -9: a child writes through the REAL SDK (plain adds and
 * a two-account transfer transaction) and is SIGKILLed after N acknowledged writes. Reopening the
 * store must show every acknowledged add and an intact transaction invariant. Runs accumulate in
 * one data dir, so each child also recovers what the previous one left behind.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DocStore } from '../../local/store/doc-store'

const ROOT = path.resolve(__dirname, '..', '..')
const WRITER = path.join(ROOT, 'tests', 'fixtures', 'durability-writer.ts')
const TOTAL = 1_000_000

interface RunResult {
  ackedAdds: string[]
  ackedTx: string[]
  signal: NodeJS.Signals | null
  stderr: string
  ms: number
}

/** Starts the writer and SIGKILLs it once `killAfter` ACK lines have arrived. */
function runWriter(dataDir: string, sync: 'FULL' | 'NORMAL', tag: string, killAfter: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now()
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, sync, tag], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const ackedAdds: string[] = []
    const ackedTx: string[] = []
    let buf = ''
    let stderr = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      buf += chunk
      let nl: number
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl)
        buf = buf.slice(nl + 1)
        const m = /^ACK (add|tx) (\S+)$/.exec(line)
        if (!m) continue
        ;(m[1] === 'add' ? ackedAdds : ackedTx).push(m[2])
        if (ackedAdds.length + ackedTx.length === killAfter) child.kill('SIGKILL')
      }
    })
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk
    })
    child.on('error', reject)
    // 'close' fires after stdout is drained: every ACK the child wrote before dying is counted.
    child.on('close', (_code, signal) => resolve({ ackedAdds, ackedTx, signal, stderr, ms: Date.now() - t0 }))
  })
}

test('no acknowledged write is lost and no transaction is half-applied after kill -9', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-durability-'))
  const runs: Array<{ sync: 'FULL' | 'NORMAL'; killAfter: number }> = [
    { sync: 'FULL', killAfter: 151 },
    { sync: 'NORMAL', killAfter: 600 },
    { sync: 'FULL', killAfter: 1333 },
  ]
  const allAdds: string[] = []
  const allTx: string[] = []
  try {
    for (const [i, run] of runs.entries()) {
      const r = await runWriter(dir, run.sync, `r${i}`, run.killAfter)
      expect({ signal: r.signal, stderr: r.stderr }).toEqual({ signal: 'SIGKILL', stderr: '' })
      expect(r.ackedAdds.length + r.ackedTx.length).toBeGreaterThanOrEqual(run.killAfter)
      allAdds.push(...r.ackedAdds)
      allTx.push(...r.ackedTx)

      const store = DocStore.open({ file: path.join(dir, 'db.sqlite') })
      try {
        const missingAdds = allAdds.filter((id) => store.get('dur_adds', id) === undefined)
        const missingTx = allTx.filter((id) => store.get('dur_xfer', id) === undefined)
        expect({ missingAdds, missingTx }).toEqual({ missingAdds: [], missingTx: [] })
        // At most the one write in flight at the kill is committed but not acknowledged.
        expect(store.count('dur_adds') - allAdds.length).toBeGreaterThanOrEqual(0)
        expect(store.count('dur_adds') - allAdds.length).toBeLessThanOrEqual(i + 1)
        expect(store.count('dur_xfer') - allTx.length).toBeLessThanOrEqual(i + 1)
        const a = store.get('dur_acct', 'a')?.bal as number
        const b = store.get('dur_acct', 'b')?.bal as number
        expect(a + b).toBe(TOTAL)
        expect(b).toBe(store.count('dur_xfer'))
      } finally {
        store.close()
      }

      console.log(
        `durability run ${i} (${run.sync}): killed after ${r.ackedAdds.length} adds + ${r.ackedTx.length} tx acks, ${r.ms} ms incl. startup`,
      )
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}, 60_000)
