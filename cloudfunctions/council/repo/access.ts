import type { Ctx } from '../../shared/dispatch'
import { ensure } from '../../shared/errors'
import { belongsTo } from '../domain/access'
import { repo } from './readers'

/**
 * A list of a community's council records is for people of that community (and its street admin).
 * Grants carry their community, so only a street admin needs the community read (to learn its street).
 */
export async function ensureCommunityReader(ctx: Ctx<unknown>, communityId: string): Promise<void> {
  const { actor, db } = ctx
  if (belongsTo(actor.roles, { communityId, streetId: '\u0000' })) return
  const isAdmin = actor.roles.some((g) => g.role === 'street_admin')
  const community = isAdmin ? await repo.community(db, communityId) : null
  ensure(
    community && belongsTo(actor.roles, { communityId, streetId: community.streetId }),
    '只能查看您所在社区的议事内容',
  )
}
