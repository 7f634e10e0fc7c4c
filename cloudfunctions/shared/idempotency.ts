import { COL } from './collections'
import type { Database } from './cloud'
import { conflict, isDuplicateKey } from './errors'

interface RequestDoc {
  _id: string
  state: 'running' | 'done'
  result?: unknown
  at: Date
}

/**
 * Phones drop and retry: a create action keyed by the client's requestId runs once; a repeat
 * returns the first result. The key is a deterministic _id, so two concurrent repeats cannot both run.
 */
export async function once<T>(
  db: Database,
  key: { fn: string; action: string; openid: string; requestId: string },
  now: Date,
  run: () => Promise<T>,
): Promise<T> {
  const _id = `${key.fn}:${key.action}:${key.openid}:${key.requestId}`
  const requests = db.collection(COL.requests)
  try {
    await requests.add({ data: { _id, state: 'running', at: now } })
  } catch (e) {
    if (!isDuplicateKey(e)) throw e
    const { data } = await requests.where({ _id }).limit(1).get()
    const prior = data[0] as RequestDoc | undefined
    if (prior?.state === 'done') return prior.result as T
    throw conflict('上一次提交仍在处理，请稍后刷新')
  }
  try {
    const result = await run()
    await requests.doc(_id).update({ data: { state: 'done', result } })
    return result
  } catch (e) {
    // A failed attempt must not block the retry.
    await requests.doc(_id).remove().catch(() => undefined)
    throw e
  }
}
