import type { PageInput } from '../../../types/common'
import type { SummonsView } from '../../../types/grid'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { fetchPage } from '../../shared/paging'
import type { SummonsDoc } from '../../shared/whistle-record'
import type { UnitRef, WhistleDoc } from './shapes'
import { txPut } from '../../shared/store'

/** Summons listed with an event, and flagged with it: at most this many (an event is whistled a few times at most). */
const EVENT_SUMMONS_LIMIT = 50
/** Units responsible for a grid: at most this many are offered (a grid has a few). */
const UNITS_LIMIT = 20

/** An event's summons, first sent first (one read). */
export async function listSummonsOfEvent(db: Database, eventId: string): Promise<SummonsDoc[]> {
  const { data } = await db
    .collection(COL.gridSummons)
    .where({ eventId })
    .orderBy('createdAt', 'asc')
    .limit(EVENT_SUMMONS_LIMIT)
    .get()
  return data as SummonsDoc[]
}

/** The ids of an event's summons, which moderation flags with it (one read). */
export async function listSummonsIdsOfEvent(db: Database, eventId: string): Promise<string[]> {
  const { data } = await db.collection(COL.gridSummons).where({ eventId }).limit(EVENT_SUMMONS_LIMIT).get()
  return (data as { _id: string }[]).map((s) => s._id)
}

/** How many summons of the event went to one of these parties (`<type>:<id>`): one count. */
export async function countSummonsOfEventFor(db: Database, eventId: string, partyKeys: string[]): Promise<number> {
  return (
    await db
      .collection(COL.gridSummons)
      .where({ eventId, partyKey: db.command.in(partyKeys) })
      .count()
  ).total
}

/** The summons sent to these parties, newest first: a page. */
export function listSummonsFor(
  db: Database,
  partyKeys: string[],
  page: PageInput,
  view: (s: SummonsDoc) => SummonsView,
) {
  return fetchPage<SummonsDoc, SummonsView>(
    db.collection(COL.gridSummons).where({ partyKey: db.command.in(partyKeys) }),
    page,
    [['createdAt', 'desc']],
    view,
  )
}

export const findSummonsInTx = (tx: Transaction, id: string) => txGetOrNull<SummonsDoc>(tx, COL.gridSummons, id)
export const putSummonsInTx = (tx: Transaction, s: SummonsDoc) => txPut(tx, COL.gridSummons, s)
export async function updateSummonsInTx(
  tx: Transaction,
  id: string,
  patch: Partial<Omit<SummonsDoc, '_id'>>,
): Promise<void> {
  await tx.collection(COL.gridSummons).doc(id).update({ data: patch })
}
export const putWhistleInTx = (tx: Transaction, w: WhistleDoc) => txPut(tx, COL.gridWhistles, w)

/** The responsible units of the community that name the grid (one read, bounded). */
export async function listUnitsOfGrid(db: Database, communityId: string, gridId: string): Promise<UnitRef[]> {
  const { data } = await db.collection(COL.units).where({ communityId, gridIds: gridId }).limit(UNITS_LIMIT).get()
  return data as UnitRef[]
}
