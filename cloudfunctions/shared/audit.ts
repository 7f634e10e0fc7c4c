import { COL } from './collections'
import type { Doc } from './db-types'

/** Anything with collection().add(): the database or an open transaction. */
interface Writer {
  collection(name: string): { add(arg: { data: Doc }): Promise<unknown> }
}

export interface AuditEntry {
  fn: string
  action: string
  actor: string
  /** `<collection>/<id>` of the record that changed. */
  target: string
  before: unknown
  after: unknown
  at: Date
  requestId?: string
  /**
   * Whose log it is in (the street admin reads the street's): the record's street and community when the
   * handler said (`ctx.within`), else the caller's when all their grants are in one street. Absent on
   * entries written before the log could be read, and on those that belong to no street (a photo upload).
   */
  streetId?: string
  communityId?: string
  /** The caller's person key (the log's "by person" filter; never the openid). Absent when anonymous. */
  actorKey?: string
  /** Written under a label instead of the person, with the day only (a ballot, a rating, a report). */
  anonymous?: true
}

/** Where an entry belongs: a street, and a community inside it when known. */
export interface AuditScope {
  streetId: string
  communityId?: string
}

/** Append-only: every state change writes one of these, inside the same transaction when there is one. */
export async function appendAudit(w: Writer, entry: AuditEntry): Promise<void> {
  await w.collection(COL.audit).add({ data: { ...entry, before: entry.before ?? null, after: entry.after ?? null } })
}
