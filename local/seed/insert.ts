import type { Database } from '../../cloudfunctions/shared/db-types'
import { COL } from '../../cloudfunctions/shared/collections'
import { isPlainObject } from '../store/engine'
import { withGrantIds } from './grants'

/** The local store, for writing seed documents in bulk (local/store/doc-store.ts). */
export interface BulkStore {
  insert(coll: string, docs: Record<string, unknown>[]): unknown
  codec: { stringify(v: unknown): string; parse(text: string): unknown }
}

let bulk: BulkStore | null = null

/**
 * The bench's large scales: seed documents go straight into the local store, many per SQLite
 * transaction, instead of one SDK request each (100× is ≈ 300,000 documents). Each document makes the
 * round trip through the store's codec first (fields set to `undefined` left out, as the SDK does), so what is kept is what a write through the SDK keeps
 * (tests/integration/seed-bulk.test.ts compares the two). `null` goes back to the SDK.
 */
export function seedInBulk(store: BulkStore | null): void {
  bulk = store
}

/** A field set to `undefined` is left out, as the SDK leaves it out of what it sends (the codec would keep a null). */
function withoutUndefined(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutUndefined)
  if (!isPlainObject(v)) return v
  const out: Record<string, unknown> = {}
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = withoutUndefined(x)
  return out
}

/** Insert in small concurrent batches through the real SDK (the store acks each write durably), or in bulk. */
export async function insertAll(db: Database, collection: string, given: object[]): Promise<void> {
  // Seeded grants carry what the functions stamp on every grant (an id and the day given).
  const docs = collection === COL.users ? given.map(withGrantIds) : given
  if (bulk) {
    const store = bulk
    const CHUNK = 5000
    for (let i = 0; i < docs.length; i += CHUNK) {
      store.insert(
        collection,
        docs
          .slice(i, i + CHUNK)
          .map((d) => store.codec.parse(store.codec.stringify(withoutUndefined(d))) as Record<string, unknown>),
      )
    }
    return
  }
  const BATCH = 64
  for (let i = 0; i < docs.length; i += BATCH) {
    await Promise.all(docs.slice(i, i + BATCH).map((d) => db.collection(collection).add({ data: d })))
  }
}
