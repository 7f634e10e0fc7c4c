import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import type { StatsCounters } from '../domain/rules'
import { ids } from './ids'
import type { EventDoc, GridRef, StatsDoc } from './shapes'
import { txPut } from '../../shared/store'

/** A community has a handful of grids; 100 is the bound (as org's child lists). */
const GRIDS_LIMIT = 100

/** A community's grids in order and the counters of the community and its grids: two requests in parallel. */
export async function gridStatsOf(db: Database, communityId: string): Promise<{ grids: GridRef[]; stats: StatsDoc[] }> {
  const [{ data: grids }, { data: stats }] = await Promise.all([
    db.collection(COL.grids).where({ communityId }).orderBy('no', 'asc').limit(GRIDS_LIMIT).get(),
    db
      .collection(COL.gridStats)
      .where({ communityId })
      .limit(GRIDS_LIMIT + 1)
      .get(),
  ])
  return { grids: grids as GridRef[], stats: stats as StatsDoc[] }
}

/** Add to the grid's and the community's counters inside the transaction (read-modify-write: no lost update). */
export async function bumpStatsInTx(
  tx: Transaction,
  e: Pick<EventDoc, 'gridId' | 'communityId'>,
  change: (c: StatsCounters) => StatsCounters,
) {
  for (const [scopeType, scopeId] of [
    ['grid', e.gridId],
    ['community', e.communityId],
  ] as const) {
    const _id = ids.stats(scopeType, scopeId)
    const prior = await txGetOrNull<StatsDoc>(tx, COL.gridStats, _id)
    const base: StatsCounters = prior ?? { reported: 0, handled: 0, onTime: 0, reopened: 0, hist: {} }
    const next = change({ ...base, hist: { ...base.hist } })
    await txPut<StatsDoc>(tx, COL.gridStats, { _id, scopeType, scopeId, communityId: e.communityId, ...next })
  }
}
