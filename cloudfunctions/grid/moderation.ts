import { COL } from '../shared/collections'
import type { ModerationKind } from '../shared/moderation'
import { canSee, eventTitle } from './handlers/events'
import { findById, type EventDoc } from './repo'

/** At most this many summons of one event are flagged with it (an event is whistled a few times at most). */
const SUMMONS_FLAGGED = 50

/**
 * A grid event report (网格吹哨): whoever sees the event may report it (its grid's staff, the
 * community's secretary, its handler and summoned parties); the secretary reviews. The summons of a
 * whistled event copy its title (which names the reporter's place), so they are flagged with it.
 */
export const eventKind: ModerationKind<EventDoc> = {
  kind: 'event',
  collection: COL.gridEvents,
  reviewer: 'community',
  find: (db, id) => findById<EventDoc>(db, COL.gridEvents, id),
  describe: (e) => ({
    targetId: e._id, docId: e._id, communityId: e.communityId, streetId: e.streetId,
    authorOpenid: e.reporter, authorHouseholds: [],
    content: { title: eventTitle(e), text: e.description, photos: e.photos ?? [] }, page: `packages/grid/pages/event/index?id=${e._id}`,
  }),
  maySee: (ctx, e) => canSee(ctx, e),
  async prepare(ctx, e) {
    if (!e.whistled) return []
    const { data } = await ctx.db.collection(COL.gridSummons).where({ eventId: e._id }).limit(SUMMONS_FLAGGED).get()
    return (data as { _id: string }[]).map((s) => s._id)
  },
  async cascade(_ctx, tx, _e, flags, prepared) {
    for (const id of prepared as string[]) await tx.collection(COL.gridSummons).doc(id).update({ data: { eventHidden: flags.hidden } })
  },
}

export const gridKinds = [eventKind] as const
