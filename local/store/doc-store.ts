/**
 * Durable document store: SQLite (better-sqlite3, WAL) holds the truth, one SQLite transaction per
 * acknowledged write or commit; an in-memory per-collection cache answers reads, evaluated by
 * mingo. The cache assumes this process is the only writer of the file.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { createCodec, type Codec } from './codec'
import {
  aggregateIn,
  cloneValue,
  deepFreeze,
  equalityTerms,
  indexKey,
  isPlainObject,
  type Doc,
  type FindOptions,
} from './engine'
import { StoreError, collectionNotExist } from './errors'
import {
  idKey,
  planInsert,
  planRemove,
  planUpdate,
  runCount,
  runFind,
  type Mutation,
  type ReadView,
  type Scope,
  type UpdateOptions,
  type UpdateOutcome,
  type ViewEntry,
} from './ops'

export type { Doc, FindOptions } from './engine'
export type { Mutation, ReadView, Scope, UpdateOptions, UpdateOutcome, ViewEntry } from './ops'

export interface DocStoreOptions {
  /** SQLite file; its directory is created if missing. */
  file: string
  /** FULL: fsync per commit (survives power loss). NORMAL: survives process crash only. Default FULL. */
  synchronous?: 'FULL' | 'NORMAL'
  codec?: Codec
}

/** Largest page a single read may return (CloudBase refuses more). */
export const MAX_LIMIT = 1000

interface Entry extends ViewEntry {
  /** Store write sequence of the last change: transactions compare it with their start. */
  ver: number
}

/** One collection's cache plus lazily built equality indexes (field → value key → doc keys). */
class CollectionCache {
  readonly docs = new Map<string, Entry>()
  /** Versions of deleted docs, kept only while a transaction might need them. */
  readonly tombstones = new Map<string, number>()
  private readonly indexes = new Map<string, Map<string, Set<string>>>()
  nextSeq = 0

  constructor(readonly name: string) {}

  private static keysOf(value: unknown): string[] {
    const values = Array.isArray(value) ? value : [value]
    const keys: string[] = []
    for (const v of values) {
      const k = indexKey(v)
      if (k !== undefined) keys.push(k)
    }
    return keys
  }

  private index(field: string): Map<string, Set<string>> {
    let idx = this.indexes.get(field)
    if (!idx) {
      idx = new Map()
      this.indexes.set(field, idx)
      for (const e of this.docs.values()) this.indexAdd(idx, field, e)
    }
    return idx
  }

  private indexAdd(idx: Map<string, Set<string>>, field: string, e: ViewEntry): void {
    for (const k of CollectionCache.keysOf(e.doc[field])) {
      let bucket = idx.get(k)
      if (!bucket) idx.set(k, (bucket = new Set()))
      bucket.add(e.key)
    }
  }

  private indexRemove(idx: Map<string, Set<string>>, field: string, e: ViewEntry): void {
    for (const k of CollectionCache.keysOf(e.doc[field])) {
      const bucket = idx.get(k)
      bucket?.delete(e.key)
      if (bucket && bucket.size === 0) idx.delete(k)
    }
  }

  put(key: string, doc: Doc, ver: number): void {
    const old = this.docs.get(key)
    if (old) for (const [f, idx] of this.indexes) this.indexRemove(idx, f, old)
    const entry: Entry = { key, doc, seq: old ? old.seq : this.nextSeq++, ver }
    this.docs.set(key, entry)
    this.tombstones.delete(key)
    for (const [f, idx] of this.indexes) this.indexAdd(idx, f, entry)
  }

  delete(key: string, ver: number, keepTombstone: boolean): void {
    const old = this.docs.get(key)
    if (!old) return
    for (const [f, idx] of this.indexes) this.indexRemove(idx, f, old)
    this.docs.delete(key)
    if (keepTombstone) this.tombstones.set(key, ver)
  }

  get(key: string): Entry | undefined {
    return this.docs.get(key)
  }

  /**
   * The keys an equality index narrows `query` to: the smallest bucket of its equality terms, else for an
   * `$or` whose every branch has one, the union of the branches' (as a database unions index scans).
   * Undefined when no index helps (every document is a candidate).
   */
  private keysFor(query: Doc): Set<string> | undefined {
    let best: Set<string> | undefined
    for (const { field, value } of equalityTerms(query)) {
      const bucket = this.index(field).get(indexKey(value) as string) ?? new Set<string>()
      if (!best || bucket.size < best.size) best = bucket
      if (!best.size) return best
    }
    if (best || !Array.isArray(query.$or) || !query.$or.length || !query.$or.every(isPlainObject)) return best
    const union = new Set<string>()
    for (const branch of query.$or as Doc[]) {
      const keys = this.keysFor(branch)
      if (!keys) return undefined
      for (const k of keys) union.add(k)
    }
    return union
  }

  /** Candidates for `query`: by _id, else by the most selective equality index, else everything. */
  candidates(query: Doc): ViewEntry[] {
    const id = query._id
    if (typeof id === 'string' || typeof id === 'number') {
      const e = this.docs.get(idKey(id))
      return e ? [e] : []
    }
    if (
      isPlainObject(id) &&
      Object.keys(id).length === 1 &&
      Array.isArray(id.$in) &&
      id.$in.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      const out: Entry[] = []
      for (const k of new Set(id.$in.map(idKey))) {
        const e = this.docs.get(k)
        if (e) out.push(e)
      }
      return out.sort((a, b) => a.seq - b.seq)
    }
    const best = this.keysFor(query)
    if (!best) return [...this.docs.values()]
    const out: Entry[] = []
    for (const k of best) {
      const e = this.docs.get(k)
      if (e) out.push(e)
    }
    return out.sort((a, b) => a.seq - b.seq)
  }
}

export class DocStore implements Scope {
  readonly codec: Codec
  readonly file: string
  private readonly db: Database.Database
  /** Known collections; the cache is loaded on first use. */
  private readonly colls = new Map<string, CollectionCache | null>()
  private writeSeq = 0
  private closed = false
  /** Set by the transaction manager while transactions are open (deleted docs need versions). */
  keepTombstones = false
  private readonly stmts: {
    upsert: Database.Statement<[string, string, string]>
    del: Database.Statement<[string, string]>
    load: Database.Statement<[string], { id: string; doc: string }>
    addColl: Database.Statement<[string, number]>
  }

  constructor(opts: DocStoreOptions) {
    this.file = opts.file
    this.codec = opts.codec ?? createCodec()
    fs.mkdirSync(path.dirname(opts.file), { recursive: true })
    this.db = new Database(opts.file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma(`synchronous = ${opts.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`)
    this.db.pragma('busy_timeout = 5000')
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS colls (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS docs (
        seq INTEGER PRIMARY KEY,
        coll TEXT NOT NULL,
        id TEXT NOT NULL,
        doc TEXT NOT NULL,
        UNIQUE (coll, id)
      );`)
    this.stmts = {
      // ON CONFLICT keeps the row (and its seq), so natural order survives updates and restarts.
      upsert: this.db.prepare(
        'INSERT INTO docs (coll, id, doc) VALUES (?, ?, ?) ON CONFLICT (coll, id) DO UPDATE SET doc = excluded.doc',
      ),
      del: this.db.prepare('DELETE FROM docs WHERE coll = ? AND id = ?'),
      load: this.db.prepare('SELECT id, doc FROM docs WHERE coll = ? ORDER BY seq'),
      addColl: this.db.prepare('INSERT OR IGNORE INTO colls (name, created_at) VALUES (?, ?)'),
    }
    for (const row of this.db.prepare('SELECT name FROM colls').all() as Array<{ name: string }>) {
      this.colls.set(row.name, null)
    }
  }

  static open(opts: DocStoreOptions): DocStore {
    return new DocStore(opts)
  }

  private checkOpen(): void {
    if (this.closed) throw new StoreError('DATABASE_REQUEST_FAILED', 'local store is closed')
  }

  /** Creates a collection; returns false if it already existed. */
  createCollection(name: string): boolean {
    this.checkOpen()
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(name)) throw new StoreError('INVALID_PARAM', `invalid collection name: ${name}`)
    if (this.colls.has(name)) return false
    this.stmts.addColl.run(name, Date.now())
    this.colls.set(name, null)
    return true
  }

  hasCollection(name: string): boolean {
    return this.colls.has(name)
  }

  listCollections(): string[] {
    return [...this.colls.keys()].sort()
  }

  private cache(name: string): CollectionCache {
    this.checkOpen()
    if (!this.colls.has(name)) throw collectionNotExist(name)
    let c = this.colls.get(name)
    if (!c) {
      c = new CollectionCache(name)
      for (const row of this.stmts.load.iterate(name)) {
        c.put(row.id, deepFreeze(this.codec.parse(row.doc) as Doc), 0)
      }
      this.colls.set(name, c)
    }
    return c
  }

  /** Committed state of a collection (throws DATABASE_COLLECTION_NOT_EXIST). */
  view(name: string): ReadView {
    const c = this.cache(name)
    return { name, get: (key) => c.get(key), candidates: (q) => c.candidates(q) }
  }

  /** Write sequence: bumped by every apply(). */
  get seq(): number {
    return this.writeSeq
  }

  /** Sequence of the last change to a doc (0 = unchanged since open, or unknown). */
  version(coll: string, key: string): number {
    const c = this.cache(coll)
    return c.get(key)?.ver ?? c.tombstones.get(key) ?? 0
  }

  clearTombstones(): void {
    for (const c of this.colls.values()) c?.tombstones.clear()
  }

  /** Applies mutations atomically: one SQLite transaction, then the cache. */
  apply(mutations: readonly Mutation[]): void {
    if (mutations.length === 0) return
    const caches = mutations.map((m) => this.cache(m.coll))
    const rows = mutations.map((m) => (m.after === null ? null : (m.text ?? this.codec.stringify(m.after))))
    this.db.transaction(() => {
      mutations.forEach((m, i) => {
        const text = rows[i]
        if (text === null) this.stmts.del.run(m.coll, m.key)
        else this.stmts.upsert.run(m.coll, m.key, text)
      })
    })()
    // Only now, with the commit durable, do readers get to see the change.
    this.writeSeq += 1
    mutations.forEach((m, i) => {
      if (m.after === null) caches[i].delete(m.key, this.writeSeq, this.keepTombstones)
      else caches[i].put(m.key, deepFreeze(m.after), this.writeSeq)
    })
  }

  // ---- plain (non-transactional) operations -------------------------------------------------

  get(coll: string, id: unknown): Doc | undefined {
    return this.cache(coll).get(idKey(id))?.doc
  }

  find(coll: string, query: Doc = {}, opts: FindOptions = {}): Doc[] {
    if (opts.limit !== undefined && opts.limit > MAX_LIMIT) {
      throw new StoreError('INVALID_PARAM', `limit must be at most ${MAX_LIMIT}`)
    }
    return runFind(this.view(coll), query, opts)
  }

  count(coll: string, query: Doc = {}): number {
    return runCount(this.view(coll), query)
  }

  aggregate(coll: string, pipeline: Doc[]): Doc[] {
    const view = this.view(coll)
    // A leading $match narrows the input through the equality indexes; mingo still applies it.
    const first = pipeline[0]
    const match = first && isPlainObject(first.$match) ? first.$match : {}
    const input = view.candidates(match).map((e) => e.doc)
    return aggregateIn(input, pipeline, (name) =>
      this.colls.has(name) ? [...this.cache(name).docs.values()].map((e) => cloneValue(e.doc)) : [],
    )
  }

  insert(coll: string, docs: Doc[]): unknown[] {
    const { ids, mutations } = planInsert(this.view(coll), docs)
    this.apply(mutations)
    return ids
  }

  update(coll: string, query: Doc, data: Doc, opts: UpdateOptions): UpdateOutcome {
    const { mutations, ...outcome } = planUpdate(this.view(coll), this.codec, query, data, opts)
    this.apply(mutations)
    return outcome
  }

  remove(coll: string, query: Doc, opts: { multi: boolean }): number {
    const mutations = planRemove(this.view(coll), query, opts.multi)
    this.apply(mutations)
    return mutations.length
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.db.close()
  }
}
