/**
 * Answers the @cloudbase/database 1.4.3 wire protocol (what `Db.reqClass#send` receives) from the
 * local store. Request params carry EJSON strings; responses carry EJSON strings where the SDK
 * parses them. Unknown actions throw, so an SDK upgrade that changes the vocabulary fails loudly.
 */
import { currentInvocation } from './context'
import type { DocStore } from './store/doc-store'
import { MAX_LIMIT } from './store/doc-store'
import type { Doc, SortSpec } from './store/engine'
import { isPlainObject } from './store/engine'
import { StoreError } from './store/errors'
import type { Scope } from './store/ops'
import type { TransactionManager } from './store/transactions'

export interface WireBackend {
  store: DocStore
  transactions: TransactionManager
  /** Clock for db.serverDate(). */
  now: () => Date
}

export type WireParams = Record<string, unknown>
export interface WireResponse {
  requestId: string
  data?: Record<string, unknown>
  transactionId?: string
}

/** The SDK's default page size when no limit is given (query.js). */
const DEFAULT_LIMIT = 100
const TX_ONLY_DOCS =
  'a transaction only allows single-document operations (doc().get/set/update/remove, collection.add)'

let requestSeq = 0

type Handler = (b: WireBackend, p: WireParams) => Omit<WireResponse, 'requestId'>

function str(p: WireParams, key: string): string {
  const v = p[key]
  if (typeof v !== 'string' || v === '') throw new StoreError('INVALID_PARAM', `missing ${key}`)
  return v
}

function parseDoc(b: WireBackend, text: unknown, what: string): Doc {
  if (text === undefined || text === null || text === '') return {}
  if (typeof text !== 'string') throw new StoreError('INVALID_PARAM', `${what} must be an EJSON string`)
  let v: unknown
  try {
    v = b.store.codec.parse(text, b.now)
  } catch (e) {
    throw new StoreError('INVALID_PARAM', `${what} is not valid EJSON: ${(e as Error).message}`)
  }
  if (!isPlainObject(v)) throw new StoreError('INVALID_PARAM', `${what} must be an object`)
  return v
}

function txId(p: WireParams): string | undefined {
  const t = p.transactionId
  return typeof t === 'string' && t !== '' ? t : undefined
}

/** Plain scope or the transaction's; transactions refuse where()-style (multi-document) requests. */
function scopeFor(b: WireBackend, p: WireParams): Scope {
  const id = txId(p)
  if (!id) return b.store
  if (p.queryType !== undefined && p.queryType !== 'DOC') throw new StoreError('DATABASE_REQUEST_FAILED', TX_ONLY_DOCS)
  return b.transactions.scope(id)
}

function sortSpec(b: WireBackend, p: WireParams): SortSpec | undefined {
  const order = parseDoc(b, p.order, 'order')
  const keys = Object.keys(order)
  if (!keys.length) return undefined
  const spec: SortSpec = {}
  for (const k of keys) spec[k] = order[k] === -1 ? -1 : 1
  return spec
}

function nonNegativeInt(p: WireParams, key: string): number | undefined {
  const v = p[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw new StoreError('INVALID_PARAM', `${key} must be a non-negative integer`)
  return v
}

const handlers: Record<string, Handler> = {
  'database.getDocument': (b, p) => {
    const coll = str(p, 'collectionName')
    const limit = nonNegativeInt(p, 'limit') || DEFAULT_LIMIT
    if (limit > MAX_LIMIT) throw new StoreError('INVALID_PARAM', `limit must be at most ${MAX_LIMIT}`)
    const offset = nonNegativeInt(p, 'offset') ?? 0
    const projection = parseDoc(b, p.projection, 'projection')
    const docs = scopeFor(b, p).find(coll, parseDoc(b, p.query, 'query'), {
      sort: sortSpec(b, p),
      skip: offset,
      limit,
      projection: Object.keys(projection).length ? projection : undefined,
    })
    return { data: { list: docs.map((d) => b.store.codec.stringify(d)), limit, offset } }
  },

  'database.calculateDocument': (b, p) => {
    const coll = str(p, 'collectionName')
    if (txId(p)) throw new StoreError('DATABASE_REQUEST_FAILED', TX_ONLY_DOCS)
    return { data: { total: b.store.count(coll, parseDoc(b, p.query, 'query')) } }
  },

  'database.insertDocument': (b, p) => {
    const coll = str(p, 'collectionName')
    if (!Array.isArray(p.data) || p.data.length === 0)
      throw new StoreError('INVALID_PARAM', 'data must be a non-empty array')
    const docs = p.data.map((d: unknown, i: number) => parseDoc(b, d, `data[${i}]`))
    return { data: { insertedIds: scopeFor(b, p).insert(coll, docs) } }
  },

  'database.modifyDocument': (b, p) => {
    const coll = str(p, 'collectionName')
    const out = scopeFor(b, p).update(coll, parseDoc(b, p.query, 'query'), parseDoc(b, p.data, 'data'), {
      multi: p.multi === true,
      merge: p.merge !== false,
      upsert: p.upsert === true,
    })
    return { data: { updated: out.modified, upsert_id: out.upsertedId ?? null } }
  },

  'database.modifyAndReturnDoc': (b, p) => {
    const coll = str(p, 'collectionName')
    const out = scopeFor(b, p).update(coll, parseDoc(b, p.query, 'query'), parseDoc(b, p.data, 'data'), {
      multi: false,
      merge: true,
      upsert: false,
    })
    return { data: { updated: out.modified, doc: out.first ? b.store.codec.stringify(out.first) : null } }
  },

  'database.removeDocument': (b, p) => {
    const coll = str(p, 'collectionName')
    const deleted = scopeFor(b, p).remove(coll, parseDoc(b, p.query, 'query'), { multi: p.multi === true })
    return { data: { deleted } }
  },

  'database.aggregateDocuments': (b, p) => {
    const coll = str(p, 'collectionName')
    if (!Array.isArray(p.stages)) throw new StoreError('INVALID_PARAM', 'stages must be an array')
    const pipeline = p.stages.map((s: unknown): Doc => {
      if (!isPlainObject(s) || typeof s.stageKey !== 'string' || typeof s.stageValue !== 'string') {
        throw new StoreError('INVALID_PARAM', 'each stage needs stageKey and stageValue')
      }
      return { [s.stageKey]: b.store.codec.parse(s.stageValue, b.now) }
    })
    return { data: { list: b.store.aggregate(coll, pipeline).map((d) => b.store.codec.stringify(d)) } }
  },

  'database.startTransaction': (b) => ({ transactionId: b.transactions.start() }),

  'database.commitTransaction': (b, p) => {
    b.transactions.commit(str(p, 'transactionId'))
    return {}
  },

  'database.abortTransaction': (b, p) => {
    b.transactions.abort(str(p, 'transactionId'))
    return {}
  },

  // db.createCollection(name) sends this action name (not "createCollection").
  'database.addCollection': (b, p) => {
    const name = str(p, 'collectionName')
    if (!b.store.createCollection(name)) {
      throw new StoreError('DATABASE_COLLECTION_ALREADY_EXIST', `collection already exists: ${name}`)
    }
    return {}
  },
}

/** Actions this backend answers (for diagnostics and tests). */
export const WIRE_ACTIONS: readonly string[] = Object.keys(handlers)

/** Stand-in for node-sdk's TcbDBApiHttpRequester: same `send` contract, answered in-process. */
export class LocalRequester {
  constructor(private readonly backend: () => WireBackend) {}

  async send(action: string, params: WireParams = {}, _opts?: unknown): Promise<WireResponse> {
    const inv = currentInvocation()
    if (inv) inv.dbRequests += 1
    requestSeq += 1
    const requestId = `local-db-${requestSeq}`
    const handler = Object.prototype.hasOwnProperty.call(handlers, action) ? handlers[action] : undefined
    if (!handler) {
      throw new Error(`local cloud: unknown database wire action "${action}" (answered: ${WIRE_ACTIONS.join(', ')})`)
    }
    try {
      return { requestId, ...handler(this.backend(), params) }
    } catch (e) {
      if (e instanceof StoreError) e.requestId = requestId
      throw e
    }
  }
}

/** A class the SDK can `new Db.reqClass(config)`, bound to whichever backend is current. */
export function requesterClassFor(backend: () => WireBackend): new (config?: unknown) => LocalRequester {
  return class BoundLocalRequester extends LocalRequester {
    constructor(_config?: unknown) {
      super(backend)
    }
  }
}
