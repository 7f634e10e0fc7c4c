import { COL } from '../../shared/collections'
import type { Handler } from '../../shared/dispatch'
import { ensure } from '../../shared/errors'
import { caseView, type CaseDoc } from '../../shared/moderation'
import { fetchPage } from '../../shared/paging'

/**
 * The review queue, one for every module: a secretary's holds the community's items, a street admin's
 * the street's property rating comments. Held items first-come first-served; decided ones newest first.
 * Two requests (count + page).
 */
export const moderationQueue: Handler<'org.moderation.queue'> = {
  run(ctx) {
    const { db, actor, input } = ctx
    const reviewerKey = input.communityId ? `community:${input.communityId}` : `street:${input.streetId}`
    ensure(input.communityId ? actor.isSecretaryOf(input.communityId) : actor.isStreetAdminOf(input.streetId!), '只能查看您负责审核的内容')
    const _ = db.command
    const held = input.status === 'held'
    const q = db.collection(COL.moderationCases).where({ reviewerKey, status: held ? 'held' : _.in(['restored', 'removed']) })
    return fetchPage<CaseDoc, ReturnType<typeof caseView>>(q, input, held ? [['heldAt', 'asc']] : [['decidedAt', 'desc']], caseView)
  },
}
