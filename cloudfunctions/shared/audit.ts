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
}

/** Append-only: every state change writes one of these, inside the same transaction when there is one. */
export async function appendAudit(w: Writer, entry: AuditEntry): Promise<void> {
  await w.collection(COL.audit).add({ data: { ...entry, before: entry.before ?? null, after: entry.after ?? null } })
}
