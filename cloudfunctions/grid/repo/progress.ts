import type { ProgressView } from '../../../types/grid'
import { PROGRESS_PREVIEW } from '../../../types/grid-enums'
import type { PageInput } from '../../../types/common'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import type { Transaction } from '../../shared/db-types'
import { fetchPage } from '../../shared/paging'
import { ids } from './ids'
import type { EventDoc, ProgressDoc, ProgressEntry } from './shapes'
import { txPut } from '../../shared/store'

/**
 * Append a step to an event inside the caller's transaction (which has read the event): the step's own
 * record, and the event's new preview and count to write with it. Two steps at once both read the same
 * count, so one transaction conflicts — no step is lost or numbered twice.
 */
export async function appendProgressInTx(
  tx: Transaction,
  e: EventDoc,
  step: Omit<ProgressEntry, 'seq'>,
): Promise<Pick<EventDoc, 'progress' | 'progressCount'>> {
  const seq = (e.progressCount ?? 0) + 1
  const entry: ProgressEntry = { ...step, seq }
  await txPut<ProgressDoc>(tx, COL.gridProgress, {
    _id: ids.progress(e._id, seq),
    eventId: e._id,
    communityId: e.communityId,
    gridId: e.gridId,
    ...entry,
  })
  return { progress: [...e.progress, entry].slice(-PROGRESS_PREVIEW), progressCount: seq }
}

/** An event's handling steps, newest first: a page. */
export function listProgress(db: Database, eventId: string, page: PageInput, view: (p: ProgressDoc) => ProgressView) {
  return fetchPage<ProgressDoc, ProgressView>(
    db.collection(COL.gridProgress).where({ eventId }),
    page,
    [['seq', 'desc']],
    view,
  )
}
