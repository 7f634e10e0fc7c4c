import type { MemberCandidateView } from '../../../types/grid'
import { COL } from '../../shared/collections'
import type { Handler } from '../../shared/dispatch'
import { ensure, notFound } from '../../shared/errors'
import { fetchPage } from '../../shared/paging'
import { yearOf } from '../../shared/period'
import { findById, type EventDoc } from '../repo'
import { isGridLeader } from './staff'

/** The fields of a service 报到 record (`svc_members`, owned by service) this module reads. */
export interface MemberRecord { _id: string; openid: string; name: string; unitName: string; status: string; approvedYear?: number; gridId?: string; gridName?: string }

/**
 * Members the event can be dispatched to: the approved 报到 records of the event's community (approval
 * grants `member` on the community, which `event.assign` checks). A page of them: count + one read.
 */
export const eventMembers: Handler<'grid.event.members'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const e = await findById<EventDoc>(db, COL.gridEvents, input.eventId)
    if (!e) throw notFound('事件')
    ensure(actor.isSecretaryOf(e.communityId) || (await isGridLeader(ctx, e.gridId)), '只有本社区书记或本网格网格长可以派单')
    const year = yearOf(now)
    const q = db.collection(COL.svcMembers).where({ communityId: e.communityId, status: 'approved' })
    return fetchPage<MemberRecord, MemberCandidateView>(q, input, [['submittedAt', 'desc']], (m) => ({
      id: m._id, name: m.name, unitName: m.unitName, gridName: m.gridName, onGrid: m.gridId === e.gridId, overdue: (m.approvedYear ?? 0) < year,
    }))
  },
}
