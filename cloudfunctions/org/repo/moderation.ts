import type { Page, PageInput } from '../../../types/common'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import type { CaseDoc } from '../../shared/moderation'
import { fetchPage } from '../../shared/paging'

/**
 * A reviewer's moderation cases: the held ones first-come first-served, or the decided ones (restored or
 * removed) newest first. One page (count + get).
 */
export function listReviewCases<V>(
  db: Database,
  reviewerKey: string,
  held: boolean,
  page: PageInput,
  view: (c: CaseDoc) => V,
): Promise<Page<V>> {
  const _ = db.command
  const q = db
    .collection(COL.moderationCases)
    .where({ reviewerKey, status: held ? 'held' : _.in(['restored', 'removed']) })
  return fetchPage<CaseDoc, V>(q, page, held ? [['heldAt', 'asc']] : [['decidedAt', 'desc']], view)
}
