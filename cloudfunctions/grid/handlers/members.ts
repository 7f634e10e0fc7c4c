import type { MemberCandidateView } from '../../../types/grid'
import type { Handler } from '../../shared/dispatch'
import { ensure, notFound } from '../../shared/errors'
import { yearOf } from '../../shared/period'
import { isGridLeader } from '../access'
import { listApprovedMembers, repo } from '../repo'

/**
 * Members the event can be dispatched to: the approved 报到 records of the event's community (approval
 * grants `member` on the community, which `event.assign` checks). A page of them: count + one read.
 */
export const eventMembers: Handler<'grid.event.members'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const e = await repo.event(db, input.eventId)
    if (!e) throw notFound('事件')
    ensure(
      actor.isSecretaryOf(e.communityId) || (await isGridLeader(ctx, e.gridId)),
      '只有本社区书记或本网格网格长可以派单',
    )
    const year = yearOf(now)
    return listApprovedMembers(db, e.communityId, input, (m): MemberCandidateView => ({
      id: m._id,
      name: m.name,
      unitName: m.unitName,
      gridName: m.gridName,
      onGrid: m.gridId === e.gridId,
      overdue: (m.approvedYear ?? 0) < year,
    }))
  },
}
