import type { Page, PageInput } from '../../../types/common'
import type { Tier, TopicStatus } from '../../../types/council'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import type { Doc, Transaction } from '../../shared/db-types'
import { visibleWhere } from '../../shared/moderation'
import { fetchPage } from '../../shared/paging'
import { withSearch } from '../../shared/search'
import type { SecondDoc, TopicDoc } from './docs'
import { addInTx, findInTx, putInTx } from './tx'
import { txUpdate } from '../../shared/store'

export const findTopicInTx = (tx: Transaction, id: string) => findInTx<TopicDoc>(tx, COL.councilTopics, id)
/** A new topic (`add`: its id is new). */
export const putTopicInTx = (tx: Transaction, t: TopicDoc) => addInTx(tx, COL.councilTopics, t)
export const updateTopicInTx = (tx: Transaction, id: string, patch: Doc) => txUpdate(tx, COL.councilTopics, id, patch)

export const findSecondInTx = (tx: Transaction, id: string) => findInTx<SecondDoc>(tx, COL.councilSeconds, id)
export const putSecondInTx = (tx: Transaction, s: SecondDoc) => putInTx(tx, COL.councilSeconds, s)

/**
 * A page of the community's topics, newest first, by status, tier and words of the title. Held and
 * removed topics are left out, except the viewer's own (shown marked). Two requests.
 */
export function listTopics<V>(
  db: Database,
  f: { communityId: string; status?: TopicStatus; tier?: Tier; q?: string },
  viewerOpenid: string,
  page: PageInput,
  view: (t: TopicDoc) => V,
): Promise<Page<V>> {
  const filter: Record<string, unknown> = { communityId: f.communityId }
  if (f.status) filter.status = f.status
  if (f.tier) filter.tier = f.tier
  const where = withSearch(db, visibleWhere(db, filter, { authorOpenid: viewerOpenid }), f.q, ['title'])
  return fetchPage<TopicDoc, V>(db.collection(COL.councilTopics).where(where), page, [['createdAt', 'desc']], view)
}
