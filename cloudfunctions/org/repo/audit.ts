import type { Page, PageInput } from '../../../types/common'
import type { AuditEntry } from '../../shared/audit'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import type { Filter } from '../../shared/db-types'
import { fetchPage } from '../../shared/paging'

/** The audit log as its reader (the street admin's 操作日志) pages it. */

export type StoredAuditEntry = AuditEntry & { _id: string }

/** The entries matching `filter`, newest first: one page (count + get). */
export function listAuditEntries(db: Database, filter: Filter, page: PageInput): Promise<Page<StoredAuditEntry>> {
  return fetchPage<StoredAuditEntry, StoredAuditEntry>(
    db.collection(COL.audit).where(filter),
    page,
    [['at', 'desc']],
    (e) => e,
  )
}
