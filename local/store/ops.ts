/**
 * Planning of reads and writes against a read view. The same planner serves plain writes
 * (view = committed state, applied at once) and transactional ones (view = committed state plus
 * the transaction's own writes, applied at commit), so both follow identical semantics.
 */
import { randomBytes } from 'node:crypto'
import type { Codec } from './codec'
import {
  applyOperators,
  cloneValue,
  countIn,
  findIn,
  isOperatorUpdate,
  isPlainObject,
  upsertSeed,
  type Doc,
  type FindOptions,
} from './engine'
import { StoreError, duplicateKey } from './errors'

export interface ViewEntry {
  readonly key: string
  readonly doc: Doc
  /** Natural (insertion) order, what results follow when no orderBy is given. */
  readonly seq: number
}

/** What a planner may read: one collection, as some reader sees it. */
export interface ReadView {
  readonly name: string
  get(key: string): ViewEntry | undefined
  /** Superset of the documents matching `query`, in natural order. */
  candidates(query: Doc): ViewEntry[]
}

/** One document's new state (`after: null` = deleted). */
export interface Mutation {
  readonly coll: string
  readonly key: string
  readonly after: Doc | null
  /** Canonical EJSON of `after`, when the planner already computed it. */
  readonly text?: string
}

export interface UpdateOptions {
  multi: boolean
  /** true: `data` holds update operators; false: `data` replaces the document. */
  merge: boolean
  upsert: boolean
}

export interface UpdateOutcome {
  matched: number
  /** Documents whose content actually changed (MongoDB nModified). */
  modified: number
  upsertedId?: unknown
  /** State after the write of the first matched (or upserted) document. */
  first?: Doc
}

/** The operations the wire needs, answered either directly by the store or inside a transaction. */
export interface Scope {
  find(coll: string, query: Doc, opts?: FindOptions): Doc[]
  insert(coll: string, docs: Doc[]): unknown[]
  update(coll: string, query: Doc, data: Doc, opts: UpdateOptions): UpdateOutcome
  remove(coll: string, query: Doc, opts: { multi: boolean }): number
}

/** CloudBase-style id: 32 hex chars. */
export function newId(): string {
  return randomBytes(16).toString('hex')
}

/** Storage key for an _id; strings map to themselves so the common case stays readable in SQLite. */
export function idKey(id: unknown): string {
  if (typeof id === 'string') return id
  if (typeof id === 'number') return `\u0001n:${id}`
  return `\u0001j:${JSON.stringify(id)}`
}

function checkId(id: unknown): void {
  if (id === undefined || id === null || Array.isArray(id) || id instanceof RegExp) {
    throw new StoreError('DATABASE_REQUEST_FAILED', `invalid _id: ${String(id)}`)
  }
}

export function runFind(view: ReadView, query: Doc, opts: FindOptions = {}): Doc[] {
  return findIn(
    view.candidates(query).map((e) => e.doc),
    query,
    opts,
  )
}

export function runCount(view: ReadView, query: Doc): number {
  return countIn(
    view.candidates(query).map((e) => e.doc),
    query,
  )
}

export function planInsert(view: ReadView, docs: Doc[]): { ids: unknown[]; mutations: Mutation[] } {
  const seen = new Set<string>()
  const ids: unknown[] = []
  const mutations: Mutation[] = []
  for (const raw of docs) {
    if (!isPlainObject(raw)) throw new StoreError('DATABASE_REQUEST_FAILED', 'document must be an object')
    for (const k of Object.keys(raw)) {
      if (k.startsWith('$')) throw new StoreError('DATABASE_REQUEST_FAILED', `field names cannot start with $: ${k}`)
    }
    // Cloned: the stored copy gets frozen, and the caller's object must stay the caller's.
    const doc: Doc = raw._id === undefined ? { _id: newId(), ...cloneValue(raw) } : cloneValue(raw)
    checkId(doc._id)
    const key = idKey(doc._id)
    if (seen.has(key) || view.get(key)) throw duplicateKey(view.name, doc._id)
    seen.add(key)
    ids.push(doc._id)
    mutations.push({ coll: view.name, key, after: doc })
  }
  return { ids, mutations }
}

export function planUpdate(
  view: ReadView,
  codec: Codec,
  query: Doc,
  data: Doc,
  opts: UpdateOptions,
): UpdateOutcome & { mutations: Mutation[] } {
  const operators = opts.merge && isOperatorUpdate(data)
  // merge without operators: the SDK only sends this for raw updates; treat fields as $set.
  const modifier: Doc = operators ? data : { $set: data }
  if (!opts.merge) {
    if (isOperatorUpdate(data))
      throw new StoreError('DATABASE_REQUEST_FAILED', 'replacement document cannot contain update operators')
  }
  const matches = runFind(view, query, opts.multi ? {} : { limit: 1 })
  const mutations: Mutation[] = []
  let modified = 0
  let first: Doc | undefined
  for (const before of matches) {
    let after: Doc
    if (opts.merge) {
      after = applyOperators(before, modifier)
    } else {
      if (data._id !== undefined && idKey(data._id) !== idKey(before._id)) {
        throw new StoreError('DATABASE_REQUEST_FAILED', 'cannot change _id of a document')
      }
      after = { _id: before._id, ...cloneValue(omitId(data)) }
    }
    if (idKey(after._id) !== idKey(before._id))
      throw new StoreError('DATABASE_REQUEST_FAILED', 'cannot change _id of a document')
    const text = codec.stringify(after)
    if (first === undefined) first = after
    if (text !== codec.stringify(before)) {
      modified += 1
      mutations.push({ coll: view.name, key: idKey(after._id), after, text })
    }
  }
  if (matches.length === 0 && opts.upsert) {
    const seed = upsertSeed(query)
    let doc: Doc = opts.merge ? applyOperators(seed, modifier) : { ...cloneValue(omitId(data)) }
    if (doc._id === undefined) doc = { _id: seed._id ?? newId(), ...doc }
    const inserted = planInsert(view, [doc])
    return { matched: 0, modified: 0, upsertedId: doc._id, first: doc, mutations: inserted.mutations }
  }
  return { matched: matches.length, modified, first, mutations }
}

export function planRemove(view: ReadView, query: Doc, multi: boolean): Mutation[] {
  const matches = runFind(view, query, multi ? {} : { limit: 1 })
  return matches.map((d) => ({ coll: view.name, key: idKey(d._id), after: null }))
}

function omitId(d: Doc): Doc {
  const rest: Doc = {}
  for (const k of Object.keys(d)) if (k !== '_id') rest[k] = d[k]
  return rest
}
