import { COL } from '../shared/collections'
import type { ModerationKind } from '../shared/moderation'
import { canSee } from './access'
import { eventTitle } from './domain/rules'
import { listSummonsIdsOfEvent, repo, updateSummonsInTx, type EventDoc } from './repo'

/**
 * A grid event report (网格吹哨): whoever sees the event may report it (its grid's staff, the
 * community's secretary, its handler and summoned parties); the secretary reviews. The summons of a
 * whistled event copy its title (which names the reporter's place), so they are flagged with it.
 */
export const eventKind: ModerationKind<EventDoc> = {
  kind: 'event',
  collection: COL.gridEvents,
  reviewer: 'community',
  find: (db, id) => repo.event(db, id),
  describe: (e) => ({
    targetId: e._id,
    docId: e._id,
    communityId: e.communityId,
    streetId: e.streetId,
    authorOpenid: e.reporter,
    authorHouseholds: [],
    content: { title: eventTitle(e), text: e.description, photos: e.photos ?? [] },
    page: `packages/grid/pages/event/index?id=${e._id}`,
  }),
  maySee: (ctx, e) => canSee(ctx, e),
  async prepare(ctx, e) {
    if (!e.whistled) return []
    return listSummonsIdsOfEvent(ctx.db, e._id)
  },
  async cascade(_ctx, tx, _e, flags, prepared) {
    for (const id of prepared as string[]) await updateSummonsInTx(tx, id, { eventHidden: flags.hidden })
  },
}

export const gridKinds = [eventKind] as const
