import { COL } from '../shared/collections'
import type { ModerationKind } from '../shared/moderation'
import { repo, updateRectificationInTx, type RatingDoc } from './repo'

/**
 * A property rating's comment and photos (物业红黑榜). Only the company's staff and the street admin
 * read them, so they are who report them; the street admin reviews (a street-level record). Hiding
 * touches the content only: the stars count as ever. The rectification item copies the comment, so it
 * is flagged with it.
 */
export const ratingCommentKind: ModerationKind<RatingDoc> = {
  kind: 'rating_comment',
  collection: COL.propertyRatings,
  reviewer: 'street',
  find: (db, id) => repo.ratingByPublicId(db, id),
  describe: (r) => ({
    targetId: r.publicId,
    docId: r._id,
    communityId: r.communityId,
    streetId: r.streetId,
    authorOpenid: r.raterOpenid,
    authorHouseholds: [r.householdId],
    content: { text: r.comment ?? '', photos: r.photos ?? [] },
    page: 'packages/property/pages/rate/index',
  }),
  maySee: async (ctx, r) =>
    (!!r.comment || (r.photos ?? []).length > 0) &&
    (ctx.actor.has('property_staff', r.companyId) || ctx.actor.isStreetAdminOf(r.streetId)),
  async cascade(ctx, tx, r, flags) {
    if (!r.rectificationId) return
    await updateRectificationInTx(tx, r.rectificationId, {
      hidden: flags.hidden,
      moderation: ctx.db.command.set(flags.moderation),
    })
  },
}

export const propertyKinds = [ratingCommentKind] as const
