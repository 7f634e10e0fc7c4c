import type { MyDataCellKind, MyDataColumnView, MyDataRow } from '../../../types/mydata'
import type { Actor } from '../../shared/actor'
import type { Database } from '../../shared/cloud'
import type { CollectionName } from '../../shared/collections'
import type { Filter } from '../../shared/db-types'

/** Whose data, read how, when. */
export interface Who {
  db: Database
  actor: Actor
  now: Date
}

/**
 * One section of 我的数据: its columns, how many rows it has and a slice of them, newest first.
 * `count` costs at most one database request (two for the live ballots), `rows` at most three (the
 * slice and up to two look-ups of what the rows refer to), `page` both at once — whatever the size
 * of the data.
 */
export interface SectionSource {
  columns: MyDataColumnView[]
  count(w: Who): Promise<number>
  rows(w: Who, skip: number, limit: number): Promise<MyDataRow[]>
  page(w: Who, skip: number, limit: number): Promise<{ total: number; rows: MyDataRow[] }>
}

export const col = (key: string, title: string, kind: MyDataCellKind = 'text'): MyDataColumnView => ({
  key,
  title,
  kind,
})

/** An instant as the wire carries it (a `time` cell), or null. */
export const at = (d: Date | string | undefined | null): string | null => (d ? new Date(d).toISOString() : null)

/** Text or null: empty strings and absent values are the same to a reader. */
export const txt = (s: string | undefined | null): string | null => (s ? s : null)

/**
 * A section over one collection: the filter finds the person's rows (null: they can have none), the
 * order puts the newest first, `join` looks up what a slice refers to in one or two requests, `row`
 * makes each row (pure).
 */
export function querySection<T, J = undefined>(spec: {
  columns: MyDataColumnView[]
  collection: CollectionName
  where: (w: Who) => Filter | null
  order: [string, 'asc' | 'desc'][]
  join?: (w: Who, docs: T[]) => Promise<J>
  row: (doc: T, joined: J, w: Who) => MyDataRow
}): SectionSource {
  const source: SectionSource = {
    columns: spec.columns,
    async count(w) {
      const filter = spec.where(w)
      if (!filter) return 0
      return (await w.db.collection(spec.collection).where(filter).count()).total
    },
    async rows(w, skip, limit) {
      const filter = spec.where(w)
      if (!filter) return []
      let q = w.db.collection(spec.collection).where(filter)
      for (const [field, dir] of spec.order) q = q.orderBy(field, dir)
      const docs = (await q.skip(skip).limit(limit).get()).data as T[]
      const joined = (docs.length && spec.join ? await spec.join(w, docs) : undefined) as J
      return docs.map((d) => spec.row(d, joined, w))
    },
    async page(w, skip, limit) {
      const [total, rows] = await Promise.all([source.count(w), source.rows(w, skip, limit)])
      return { total, rows }
    },
  }
  return source
}

/** A section held in memory already (the person record) or read whole in one request: sliced here. */
export function listSection<T>(spec: {
  columns: MyDataColumnView[]
  load: (w: Who) => Promise<T[]> | T[]
  row: (item: T, w: Who) => MyDataRow
}): SectionSource {
  return {
    columns: spec.columns,
    async count(w) {
      return (await spec.load(w)).length
    },
    async rows(w, skip, limit) {
      return (await spec.load(w)).slice(skip, skip + limit).map((x) => spec.row(x, w))
    },
    async page(w, skip, limit) {
      const all = await spec.load(w)
      return { total: all.length, rows: all.slice(skip, skip + limit).map((x) => spec.row(x, w)) }
    },
  }
}

/** Documents by id, one request (ids ≤ a page), as a map. */
export async function byIds<T extends { _id: string }>(
  db: Database,
  collection: CollectionName,
  ids: string[],
): Promise<Map<string, T>> {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  const { data } = await db
    .collection(collection)
    .where({ _id: db.command.in(unique) })
    .limit(unique.length)
    .get()
  return new Map((data as T[]).map((d) => [d._id, d]))
}
