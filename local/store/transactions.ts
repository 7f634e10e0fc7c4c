/**
 * Transactions over the DocStore, modelled on MongoDB's: writes are buffered per transaction and
 * committed in one SQLite transaction; a write conflicts (and dooms the transaction) when the doc
 * changed after the transaction started or another open transaction already wrote it. Reads see
 * the latest committed state plus the transaction's own writes (not a strict snapshot).
 */
import { randomBytes } from 'node:crypto'
import type { DocStore } from './doc-store'
import type { Doc, FindOptions } from './engine'
import { StoreError, transactionConflict } from './errors'
import {
  planInsert,
  planRemove,
  planUpdate,
  runFind,
  type Mutation,
  type ReadView,
  type Scope,
  type UpdateOptions,
  type UpdateOutcome,
  type ViewEntry,
} from './ops'

interface PendingWrite {
  doc: Doc | null
  seq: number
}

interface Tx {
  readonly id: string
  readonly startSeq: number
  readonly startedAt: number
  /** coll → key → buffered state. */
  readonly writes: Map<string, Map<string, PendingWrite>>
}

export interface TransactionOptions {
  /** An open transaction older than this is aborted (MongoDB: transactionLifetimeLimitSeconds = 60). */
  lifetimeMs?: number
}

// New docs sort after every committed one in natural order until the commit assigns their place.
const NEW_DOC_SEQ = Number.MAX_SAFE_INTEGER / 2
const lockKey = (coll: string, key: string): string => `${coll}\u0000${key}`

export class TransactionManager {
  private readonly open = new Map<string, Tx>()
  /** Which transaction holds each written doc. */
  private readonly writers = new Map<string, string>()
  /** Transactions killed by a conflict (id → when), so later calls report the conflict. */
  private readonly doomed = new Map<string, number>()
  private readonly lifetimeMs: number
  private newDocs = 0

  constructor(
    private readonly store: DocStore,
    opts: TransactionOptions = {},
  ) {
    this.lifetimeMs = opts.lifetimeMs ?? 60_000
  }

  get openCount(): number {
    return this.open.size
  }

  start(): string {
    const id = randomBytes(16).toString('hex')
    const now = Date.now()
    for (const [d, at] of this.doomed) if (now - at > this.lifetimeMs) this.doomed.delete(d)
    this.open.set(id, { id, startSeq: this.store.seq, startedAt: now, writes: new Map() })
    this.store.keepTombstones = true
    return id
  }

  private end(tx: Tx): void {
    for (const [coll, docs] of tx.writes) {
      for (const key of docs.keys()) {
        const lk = lockKey(coll, key)
        if (this.writers.get(lk) === tx.id) this.writers.delete(lk)
      }
    }
    tx.writes.clear()
    this.open.delete(tx.id)
    if (this.open.size === 0) {
      this.store.keepTombstones = false
      this.store.clearTombstones()
    }
  }

  private expired(tx: Tx): boolean {
    return Date.now() - tx.startedAt > this.lifetimeMs
  }

  private get(id: string): Tx {
    if (this.doomed.has(id)) throw transactionConflict()
    const tx = this.open.get(id)
    if (!tx)
      throw new StoreError('DATABASE_TRANSACTION_FAIL', `transaction ${id} not found (committed, aborted or expired)`)
    if (this.expired(tx)) {
      this.end(tx)
      throw new StoreError('DATABASE_TRANSACTION_FAIL', `transaction ${id} expired`)
    }
    return tx
  }

  /** Committed state overlaid with the transaction's own writes. */
  private view(tx: Tx, coll: string): ReadView {
    const base = this.store.view(coll)
    const own = tx.writes.get(coll)
    if (!own || own.size === 0) return base
    const entry = (key: string, w: PendingWrite): ViewEntry | undefined =>
      w.doc ? { key, doc: w.doc, seq: w.seq } : undefined
    return {
      name: coll,
      get: (key) => {
        const w = own.get(key)
        return w ? entry(key, w) : base.get(key)
      },
      candidates: (query) => {
        const out = base.candidates(query).filter((e) => !own.has(e.key))
        for (const [key, w] of own) {
          const e = entry(key, w)
          if (e) out.push(e)
        }
        return out.sort((a, b) => a.seq - b.seq)
      },
    }
  }

  /** Conflict rule, then buffer. A conflict releases everything the transaction held. */
  private buffer(tx: Tx, mutations: readonly Mutation[]): void {
    for (const m of mutations) {
      const holder = this.writers.get(lockKey(m.coll, m.key))
      let heldByOther = holder !== undefined && holder !== tx.id
      if (heldByOther && holder !== undefined) {
        const other = this.open.get(holder)
        if (!other || this.expired(other)) {
          if (other) this.end(other)
          heldByOther = false
        }
      }
      if (heldByOther || this.store.version(m.coll, m.key) > tx.startSeq) {
        this.end(tx)
        this.doomed.set(tx.id, Date.now())
        throw transactionConflict()
      }
    }
    for (const m of mutations) {
      let own = tx.writes.get(m.coll)
      if (!own) tx.writes.set(m.coll, (own = new Map()))
      const prev = own.get(m.key)
      const committed = this.store.view(m.coll).get(m.key)
      const seq = prev?.seq ?? committed?.seq ?? NEW_DOC_SEQ + this.newDocs++
      own.set(m.key, { doc: m.after, seq })
      this.writers.set(lockKey(m.coll, m.key), tx.id)
    }
  }

  /** Operations inside transaction `id` (the Scope the wire uses). */
  scope(id: string): Scope {
    return {
      find: (coll: string, query: Doc, opts?: FindOptions): Doc[] =>
        runFind(this.view(this.get(id), coll), query, opts),
      insert: (coll: string, docs: Doc[]): unknown[] => {
        const tx = this.get(id)
        const { ids, mutations } = planInsert(this.view(tx, coll), docs)
        this.buffer(tx, mutations)
        return ids
      },
      update: (coll: string, query: Doc, data: Doc, opts: UpdateOptions): UpdateOutcome => {
        const tx = this.get(id)
        const { mutations, ...outcome } = planUpdate(this.view(tx, coll), this.store.codec, query, data, opts)
        this.buffer(tx, mutations)
        return outcome
      },
      remove: (coll: string, query: Doc, opts: { multi: boolean }): number => {
        const tx = this.get(id)
        const mutations = planRemove(this.view(tx, coll), query, opts.multi)
        this.buffer(tx, mutations)
        return mutations.length
      },
    }
  }

  commit(id: string): void {
    if (this.doomed.delete(id)) throw transactionConflict()
    const live = this.get(id)
    const mutations: Mutation[] = []
    for (const [coll, docs] of live.writes) {
      const committed = this.store.view(coll)
      for (const [key, w] of docs) {
        // A plain write may have landed after ours was buffered: first committer wins.
        if (this.store.version(coll, key) > live.startSeq) {
          this.end(live)
          throw transactionConflict()
        }
        if (w.doc === null && !committed.get(key)) continue // inserted then removed
        mutations.push({ coll, key, after: w.doc })
      }
    }
    try {
      this.store.apply(mutations)
    } finally {
      this.end(live)
    }
  }

  abort(id: string): void {
    if (this.doomed.delete(id)) return
    const tx = this.open.get(id)
    if (!tx)
      throw new StoreError('DATABASE_TRANSACTION_FAIL', `transaction ${id} not found (committed, aborted or expired)`)
    this.end(tx)
  }
}
