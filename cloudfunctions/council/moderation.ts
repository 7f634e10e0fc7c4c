import { createHash } from 'crypto'
import { COL } from '../shared/collections'
import type { Database } from '../shared/cloud'
import type { ModerationKind } from '../shared/moderation'
import { belongsTo } from './domain/access'
import {
  findRatingByPublicId,
  listUsersGrantedOn,
  repo,
  type RatingDoc,
  type ResolutionDoc,
  type TopicDoc,
} from './repo'

/** The council's reportable kinds: a topic (title, body, photos) and the comment of a resolution rating. */

const topicPage = (id: string) => `packages/council/pages/topic/index?id=${id}`

export const topicKind: ModerationKind<TopicDoc> = {
  kind: 'topic',
  collection: COL.councilTopics,
  reviewer: 'community',
  find: (db, id) => repo.topic(db, id),
  describe: (t) => ({
    targetId: t._id,
    docId: t._id,
    communityId: t.communityId,
    streetId: t.streetId,
    authorOpenid: t.authorOpenid,
    authorHouseholds: [],
    content: { title: t.title, text: t.body, photos: t.photos ?? [] },
    page: topicPage(t._id),
  }),
  maySee: async (ctx, t) => belongsTo(ctx.actor.roles, t),
}

/**
 * A resolution rating's id as people see it: derived from the stored id (which names the household)
 * by a one-way hash, so the comment list never says whose it is.
 */
export const ratingPublicId = (ratingDocId: string) =>
  `rc_${createHash('sha256').update(`tongxinyuan:rc:${ratingDocId}`).digest('base64url').slice(0, 16)}`

async function ratingByPublicId(
  db: Database,
  publicId: string,
): Promise<(RatingDoc & { communityId: string; streetId: string }) | null> {
  const r = await findRatingByPublicId(db, publicId)
  if (!r) return null
  const res = await repo.resolution(db, r.resolutionId)
  return res ? { ...r, communityId: res.communityId, streetId: res.streetId } : null
}

/** Rated by a household, never by a named person: the household is the author, its members are told. */
export const resolutionCommentKind: ModerationKind<RatingDoc & Pick<ResolutionDoc, 'communityId' | 'streetId'>> = {
  kind: 'resolution_comment',
  collection: COL.councilRatings,
  reviewer: 'community',
  find: ratingByPublicId,
  describe: (r) => ({
    targetId: r.publicId ?? ratingPublicId(r._id),
    docId: r._id,
    communityId: r.communityId,
    streetId: r.streetId,
    authorHouseholds: [r.householdId],
    content: { text: r.comment ?? '', photos: [] },
    page: `packages/council/pages/resolution/index?id=${r.resolutionId}`,
  }),
  maySee: async (ctx, r) => !!r.comment && belongsTo(ctx.actor.roles, r),
  async recipients(ctx, r) {
    return (await listUsersGrantedOn(ctx.db, r.householdId))
      .filter((u) => u.roles.some((g) => g.role === 'resident' && g.scopeId === r.householdId))
      .map((u) => u._id)
      .slice(0, 10)
  },
}

export const councilKinds = [topicKind, resolutionCommentKind] as const
