import { COL } from '../shared/collections'
import type { ModerationKind } from '../shared/moderation'
import { repo, type WishDoc } from './repo'

/**
 * A 微心愿: people of its community (and its street admin) read it, so they may report it; the
 * secretary reviews. Its household wrote it (a secretary may post for a resident: then the household
 * is still the author, and the poster is told).
 */
export const wishKind: ModerationKind<WishDoc> = {
  kind: 'wish',
  collection: COL.svcWishes,
  reviewer: 'community',
  find: (db, id) => repo.wish(db, id),
  describe: (w) => ({
    targetId: w._id,
    docId: w._id,
    communityId: w.communityId,
    streetId: w.streetId,
    authorOpenid: w.residentOpenid ?? w.postedBy,
    authorHouseholds: [w.householdId],
    content: { title: w.title, text: w.detail ?? '', photos: [] },
    page: 'packages/service/pages/wishes/index',
  }),
  maySee: async (ctx, w) =>
    ctx.actor.roles.some((g) => g.communityId === w.communityId || g.scopeId === w.communityId) ||
    ctx.actor.isStreetAdminOf(w.streetId),
}

export const serviceKinds = [wishKind] as const
