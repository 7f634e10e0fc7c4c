import type { Handler } from '../../shared/dispatch'
import { ensure, notFound } from '../../shared/errors'
import { maySeeStats } from '../domain/rules'
import { gridStatsOf, repo } from '../repo'
import { communityStatsView } from '../views'

/** Three requests: the community, then its grids and the counters of the community and its grids. */
export const statsGet: Handler<'grid.stats.get'> = {
  async run(ctx) {
    const community = await repo.community(ctx.db, ctx.input.communityId)
    if (!community) throw notFound('社区')
    ensure(maySeeStats(ctx.actor.roles, community), '只能查看您所在社区的统计')
    const { grids, stats } = await gridStatsOf(ctx.db, community._id)
    return communityStatsView(community, grids, stats)
  },
}
