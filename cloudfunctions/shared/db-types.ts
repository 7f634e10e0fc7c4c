/**
 * The subset of wx-server-sdk's database API the functions use, typed for promise use only.
 * The runtime object is the SDK's own; this is a typing facade, not a wrapper.
 */
/** Documents written: any plain object. Documents read come back as `unknown` and are cast by the repo. */
export type Doc = object
export type Filter = Record<string, unknown>

export interface Query {
  where(filter: Filter): Query
  orderBy(field: string, dir: 'asc' | 'desc'): Query
  skip(n: number): Query
  limit(n: number): Query
  field(projection: Record<string, boolean>): Query
  get(): Promise<{ data: unknown[] }>
  count(): Promise<{ total: number }>
  update(arg: { data: Doc }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface DocRef {
  get(): Promise<{ data: unknown }>
  set(arg: { data: Doc }): Promise<{ _id: string; stats: { updated: number; created: number } }>
  update(arg: { data: Doc }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface Collection extends Query {
  doc(id: string): DocRef
  add(arg: { data: Doc }): Promise<{ _id: string }>
  aggregate(): Aggregate
}

export interface Aggregate {
  match(q: Filter): Aggregate
  group(g: Doc): Aggregate
  sort(s: Record<string, 1 | -1>): Aggregate
  project(p: Doc): Aggregate
  limit(n: number): Aggregate
  skip(n: number): Aggregate
  end(): Promise<{ list: unknown[] }>
}

/** Inside a transaction: doc-level reads and writes only (as CloudBase allows). get() of a missing doc THROWS (the SDK's throwOnNotFound): read with txGetOrNull. */
export interface TxDocRef {
  get(): Promise<{ data: unknown }>
  set(arg: { data: Doc }): Promise<unknown>
  update(arg: { data: Doc }): Promise<unknown>
  remove(): Promise<unknown>
}
export interface Transaction {
  collection(name: string): { doc(id: string): TxDocRef; add(arg: { data: Doc }): Promise<{ _id: string }> }
  rollback(reason?: unknown): Promise<void>
}

export interface Command {
  inc(n: number): unknown
  in(values: unknown[]): unknown
  nin(values: unknown[]): unknown
  gt(v: unknown): unknown
  gte(v: unknown): unknown
  lt(v: unknown): unknown
  lte(v: unknown): unknown
  neq(v: unknown): unknown
  exists(b: boolean): unknown
  /** An array element matching all of these (e.g. a person's grant of one role on one scope). */
  elemMatch(q: Filter): unknown
  push(v: unknown): unknown
  /** Replace a nested object whole (a plain object in update data would be merged field by field). */
  set(v: unknown): unknown
  remove(): unknown
  and(...c: unknown[]): unknown
  or(...c: unknown[]): unknown
  /** An array field with an element matching all of the conditions. */
  elemMatch(c: Record<string, unknown>): unknown
}

export interface Database {
  collection(name: string): Collection
  command: Command
  serverDate(opts?: { offset?: number }): unknown
  /** A regular-expression match in a query (finding by part of a name; leaving finds a person's idempotency marks by their id). */
  RegExp(opts: { regexp: string; options?: string }): unknown
  runTransaction<T>(fn: (tx: Transaction) => Promise<T>, retries?: number): Promise<T>
}

/**
 * wx-server-sdk throws "document.get:fail document with _id … does not exist" for a missing doc,
 * also inside a transaction (the transaction itself stays usable). Read as null instead.
 */
export async function txGetOrNull<T>(tx: Transaction, collection: string, id: string): Promise<T | null> {
  try {
    const { data } = await tx.collection(collection).doc(id).get()
    return (data as T | null) ?? null
  } catch (e) {
    if (/does not exist/.test(String((e as { errMsg?: string })?.errMsg ?? (e as Error)?.message ?? e))) return null
    throw e
  }
}
