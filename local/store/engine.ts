/**
 * MongoDB-language evaluation over in-memory documents, delegated to mingo.
 * Pure functions: no storage, no transactions — the store and the transaction manager decide
 * which documents are visible and what gets written.
 */
import { Aggregator, ProcessingMode, Query, update as mingoUpdate } from 'mingo'
// moduleResolution "node" ignores package exports, so the declaration file is named directly.
import type { AnyObject, Options } from 'mingo/types/types'
import { StoreError } from './errors'

export type Doc = Record<string, unknown>
export type SortSpec = Record<string, 1 | -1>

export interface FindOptions {
  sort?: SortSpec
  skip?: number
  limit?: number
  projection?: Doc
}

const QUERY_OPTIONS: Partial<Options> = { idKey: '_id' }

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false
  const proto: unknown = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

/** Deep copy of plain objects/arrays/Dates; other values (BSON types, Buffers) are immutable enough to share. */
export function cloneValue<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x: unknown) => cloneValue(x)) as unknown as T
  if (v instanceof Date) return new Date(v.getTime()) as unknown as T
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(v)) out[k] = cloneValue(v[k])
    return out as T
  }
  return v
}

/** Cached documents are shared by reference between readers, so they are frozen to make accidental mutation throw. */
export function deepFreeze<T>(v: T): T {
  if (Array.isArray(v)) {
    for (const x of v) deepFreeze(x)
    Object.freeze(v)
  } else if (isPlainObject(v)) {
    for (const k of Object.keys(v)) deepFreeze(v[k])
    Object.freeze(v)
  }
  return v
}

/** mingo throws plain Errors for bad operators; surface them as the cloud does (a request failure). */
function guard<T>(what: string, fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    if (e instanceof StoreError) throw e
    throw new StoreError('DATABASE_REQUEST_FAILED', `${what}: ${(e as Error).message}`)
  }
}

/** Compiled predicate; call it inside guard() (per-document try/catch would cost more than the test). */
export function compileFilter(query: Doc): (doc: Doc) => boolean {
  const q = guard('invalid query', () => new Query(query as AnyObject, QUERY_OPTIONS))
  return (doc) => q.test(doc as AnyObject)
}

/**
 * Filter + sort + skip + limit + projection, in MongoDB's order (projection last).
 * Filtering is our own loop so an unsorted page stops scanning once it is full (mingo's cursor
 * scans everything); sorting and projection run on the matches only.
 */
export function findIn(docs: readonly Doc[], query: Doc, opts: FindOptions = {}): Doc[] {
  const test = compileFilter(query)
  const skip = opts.skip ?? 0
  const sorted = opts.sort !== undefined && Object.keys(opts.sort).length > 0
  const need = !sorted && opts.limit !== undefined ? skip + opts.limit : Infinity
  const matches: Doc[] = []
  guard('query failed', () => {
    for (const d of docs) {
      if (matches.length >= need) break
      if (test(d)) matches.push(d)
    }
  })
  const hasProjection = opts.projection !== undefined && Object.keys(opts.projection).length > 0
  const keep = hasProjection ? topLevelInclusion(opts.projection as Doc) : null
  if (!sorted && !hasProjection) return matches.slice(skip, opts.limit === undefined ? undefined : skip + opts.limit)
  return guard('query failed', () => {
    const cursor = new Query({}, QUERY_OPTIONS).find<Doc>(
      matches as AnyObject[],
      (keep ? {} : (opts.projection ?? {})) as AnyObject,
    )
    if (sorted) cursor.sort(opts.sort as SortSpec)
    if (skip) cursor.skip(skip)
    if (opts.limit !== undefined) cursor.limit(opts.limit)
    const page = cursor.all()
    return keep ? page.map((d) => pick(d, keep)) : page
  })
}

/**
 * The fields of a projection like `{ a: true, b: 1 }` (top-level fields kept, `_id` too unless it
 * says `_id: false`), or null for any other projection (mingo applies it). Picking these by hand
 * on the page is many times cheaper than mingo's projection of every match (a long export's read).
 */
export function topLevelInclusion(projection: Doc): string[] | null {
  const fields: string[] = []
  let id = true
  for (const [k, v] of Object.entries(projection)) {
    if (k === '_id' && (v === false || v === 0)) id = false
    else if ((v === true || v === 1) && !k.startsWith('$') && !k.includes('.')) fields.push(k)
    else return null
  }
  if (fields.length === 0) return null // `{ _id: false }` alone excludes, it does not pick
  return id && !fields.includes('_id') ? ['_id', ...fields] : fields
}

function pick(doc: Doc, fields: string[]): Doc {
  const out: Doc = {}
  for (const f of fields) if (Object.prototype.hasOwnProperty.call(doc, f)) out[f] = doc[f]
  return out
}

export function countIn(docs: readonly Doc[], query: Doc): number {
  const test = compileFilter(query)
  return guard('query failed', () => {
    let n = 0
    for (const d of docs) if (test(d)) n += 1
    return n
  })
}

const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$pop',
  '$currentDate',
  '$bit',
])

/** True when `data` is an operator document ($set/$inc/...), false for a plain replacement. */
export function isOperatorUpdate(data: Doc): boolean {
  const keys = Object.keys(data)
  const ops = keys.filter((k) => k.startsWith('$'))
  if (ops.length && ops.length !== keys.length) {
    throw new StoreError('DATABASE_REQUEST_FAILED', 'update document mixes operators and fields')
  }
  for (const k of ops) {
    if (!UPDATE_OPERATORS.has(k)) throw new StoreError('DATABASE_REQUEST_FAILED', `unknown update operator ${k}`)
  }
  return ops.length > 0
}

/** Returns a new document: `doc` with the operator update applied (doc itself is not touched). */
export function applyOperators(doc: Doc, modifier: Doc): Doc {
  const next = cloneValue(doc)
  guard('update failed', () =>
    mingoUpdate(next as AnyObject, modifier as AnyObject, undefined, undefined, { cloneMode: 'deep' }),
  )
  return next
}

/** Runs a pipeline; input documents are cloned so stages like $addFields cannot touch the cache. */
export function aggregateIn(docs: readonly Doc[], pipeline: Doc[], resolve: (name: string) => Doc[]): Doc[] {
  return guard('aggregate failed', () => {
    const agg = new Aggregator(pipeline as AnyObject[], {
      ...QUERY_OPTIONS,
      processingMode: ProcessingMode.CLONE_INPUT,
      collectionResolver: (name: string) => resolve(name) as AnyObject[],
    })
    return agg.run(docs as AnyObject[]) as Doc[]
  })
}

/** A value an equality prefilter can hash: what `{field: value}` compares by identity. */
export function indexKey(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return `s:${v}`
    case 'number':
      return Number.isNaN(v) ? undefined : `n:${v}`
    case 'boolean':
      return `b:${v}`
    default:
      return undefined
  }
}

/**
 * Top-level `{field: primitive}` / `{field: {$eq: primitive}}` terms (also inside a top-level
 * $and): every match must have that value, so these can narrow the candidate set safely.
 */
export function equalityTerms(query: Doc): Array<{ field: string; value: unknown }> {
  const out: Array<{ field: string; value: unknown }> = []
  for (const [field, cond] of Object.entries(query)) {
    if (field === '$and' && Array.isArray(cond)) {
      for (const sub of cond) if (isPlainObject(sub)) out.push(...equalityTerms(sub))
      continue
    }
    if (field.startsWith('$') || field.includes('.')) continue
    if (indexKey(cond) !== undefined) {
      out.push({ field, value: cond })
    } else if (isPlainObject(cond) && Object.keys(cond).length === 1 && indexKey(cond.$eq) !== undefined) {
      out.push({ field, value: cond.$eq })
    }
  }
  return out
}

/** Fields an upsert seeds the new document with (MongoDB: the query's equality fields). */
export function upsertSeed(query: Doc): Doc {
  const seed: Doc = {}
  for (const { field, value } of equalityTerms(query)) seed[field] = value
  if (query._id !== undefined && !isPlainObject(query._id)) seed._id = query._id
  return seed
}
