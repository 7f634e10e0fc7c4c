import type { Page, PageInput } from '../../../types/common'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import type { Doc, Transaction } from '../../shared/db-types'
import { fetchPage } from '../../shared/paging'
import { BALLOT_BOXES, type TurnoutSnapshot } from '../domain/disclosure'
import type { BallotDoc, BoxDoc, CommunityAreaRef, VoteDoc } from './docs'
import { findInTx, putInTx } from './tx'
import { txUpdate } from '../../shared/store'

export const findVoteInTx = (tx: Transaction, id: string) => findInTx<VoteDoc>(tx, COL.councilVotes, id)
export const putVoteInTx = (tx: Transaction, v: VoteDoc) => putInTx(tx, COL.councilVotes, v)
export const updateVoteInTx = (tx: Transaction, id: string, patch: Doc) => txUpdate(tx, COL.councilVotes, id, patch)

export const findBoxInTx = (tx: Transaction, id: string) => findInTx<BoxDoc>(tx, COL.councilBallotBoxes, id)
export const putBoxInTx = (tx: Transaction, b: BoxDoc) => putInTx(tx, COL.councilBallotBoxes, b)
export const updateBoxInTx = (tx: Transaction, id: string, patch: Doc) =>
  txUpdate(tx, COL.councilBallotBoxes, id, patch)

export const findBallotInTx = (tx: Transaction, id: string) => findInTx<BallotDoc>(tx, COL.councilBallots, id)
export const putBallotInTx = (tx: Transaction, b: BallotDoc) => putInTx(tx, COL.councilBallots, b)
export const updateBallotInTx = (tx: Transaction, id: string, patch: Doc) => txUpdate(tx, COL.councilBallots, id, patch)

/** The community's area version in the transaction that opens a vote counting area (org household.setArea moves it too). */
export const findCommunityAreaInTx = (tx: Transaction, id: string) =>
  findInTx<CommunityAreaRef>(tx, COL.communities, id)
export const updateCommunityAreaInTx = (tx: Transaction, id: string, patch: Doc) =>
  txUpdate(tx, COL.communities, id, patch)

/** A page of the community's votes (of one meeting, if given), latest opening first. Two requests. */
export function listVotes<V>(
  db: Database,
  communityId: string,
  meetingId: string | undefined,
  page: PageInput,
  view: (v: VoteDoc) => V,
): Promise<Page<V>> {
  const where = { communityId, ...(meetingId ? { meetingId } : {}) }
  return fetchPage<VoteDoc, V>(db.collection(COL.councilVotes).where(where), page, [['opensAt', 'desc']], view)
}

/** Store a refreshed turnout only if nobody refreshed or closed the vote since `v` was read (one conditional update). */
export async function updateVoteTurnout(db: Database, v: VoteDoc, turnout: TurnoutSnapshot): Promise<void> {
  await db
    .collection(COL.councilVotes)
    .where({ _id: v._id, 'turnout.at': v.turnout.at, closedAt: db.command.exists(false) })
    .update({ data: { turnout: db.command.set(turnout) } })
}

/**
 * Households of a vote's scope (estates and/or buildings of one community) and their total floor
 * area: one aggregate request, whatever the number of households.
 */
export async function eligibleTotals(db: Database, communityId: string, estateIds: string[], buildingIds: string[]) {
  const _ = db.command
  const $ = (_ as unknown as { aggregate: { sum(v: unknown): unknown } }).aggregate
  const or: Record<string, unknown>[] = []
  if (estateIds.length) or.push({ estateId: _.in(estateIds) })
  if (buildingIds.length) or.push({ buildingId: _.in(buildingIds) })
  const { list } = await db
    .collection(COL.households)
    .aggregate()
    .match(
      (or.length === 1 ? { communityId, ...or[0] } : _.and({ communityId }, _.or(...or))) as Record<string, unknown>,
    )
    .group({ _id: null, households: $.sum(1), areaDm2: $.sum('$floorAreaDm2') })
    .end()
  const row = list[0] as { households?: number; areaDm2?: number } | undefined
  return { households: row?.households ?? 0, areaDm2: row?.areaDm2 ?? 0 }
}

/** The ballot boxes of a vote added up (one read of BALLOT_BOXES documents): households and area that voted. */
export async function boxTotals(db: Database, voteId: string) {
  const { data } = await db.collection(COL.councilBallotBoxes).where({ voteId }).limit(BALLOT_BOXES).get()
  return (data as BoxDoc[]).reduce(
    (t, b) => ({ households: t.households + (b.households ?? 0), areaDm2: t.areaDm2 + (b.areaDm2 ?? 0) }),
    { households: 0, areaDm2: 0 },
  )
}

/** The ballots of a vote, summed per option: one aggregate request however many ballots there are. */
export async function countBallots(db: Database, voteId: string) {
  const $ = (db.command as unknown as { aggregate: { sum(v: unknown): unknown } }).aggregate
  const { list } = await db
    .collection(COL.councilBallots)
    .aggregate()
    .match({ voteId })
    .group({ _id: '$choice', households: $.sum(1), areaDm2: $.sum('$floorAreaDm2') })
    .limit(50)
    .end()
  return (list as { _id: string; households: number; areaDm2: number }[]).map((r) => ({
    key: r._id,
    households: r.households,
    areaDm2: r.areaDm2,
  }))
}

/** Votes whose close has passed and that are not counted yet, earliest close first (the timer counts them). */
export async function listVotesToClose(db: Database, now: Date, limit: number): Promise<VoteDoc[]> {
  const _ = db.command
  const { data } = await db
    .collection(COL.councilVotes)
    .where({ closesAt: _.lte(now), closedAt: _.exists(false) })
    .orderBy('closesAt', 'asc')
    .limit(limit)
    .get()
  return data as VoteDoc[]
}

/** Open votes closing within `withinMs` that have not been reminded, earliest close first (the timer reminds them). */
export async function listVotesToRemind(db: Database, now: Date, withinMs: number, limit: number): Promise<VoteDoc[]> {
  const _ = db.command
  const { data } = await db
    .collection(COL.councilVotes)
    .where({
      opensAt: _.lte(now),
      closesAt: _.and(_.gt(now), _.lte(new Date(now.getTime() + withinMs))),
      remindedAt: _.exists(false),
      closedAt: _.exists(false),
    })
    .orderBy('closesAt', 'asc')
    .limit(limit)
    .get()
  return data as VoteDoc[]
}
