import type { Handler } from '../../shared/dispatch'
import { ensure } from '../../shared/errors'
import { caseView } from '../../shared/moderation'
import { listReviewCases } from '../repo/moderation'

/**
 * The review queue, one for every module: a secretary's holds the community's items, a street admin's
 * the street's property rating comments. Held items first-come first-served; decided ones newest first.
 * Two requests (count + page).
 */
export const moderationQueue: Handler<'org.moderation.queue'> = {
  run(ctx) {
    const { db, actor, input } = ctx
    const reviewerKey = input.communityId ? `community:${input.communityId}` : `street:${input.streetId}`
    ensure(
      input.communityId ? actor.isSecretaryOf(input.communityId) : actor.isStreetAdminOf(input.streetId!),
      '只能查看您负责审核的内容',
    )
    return listReviewCases(db, reviewerKey, input.status === 'held', input, caseView)
  },
}
