import type { Handler } from '../../shared/dispatch'
import { notFound } from '../../shared/errors'
import { ensureMaySee } from '../access'
import { listProgress, repo } from '../repo'
import { progressView } from '../views'
import { stateOf } from '../../shared/moderation'

/**
 * An event's whole handling history, newest first, for whoever sees the event (issue 11 §6: paged, never
 * cut). The event, at most one summons count, then count + page: constant in the history's length.
 */
export const progressList: Handler<'grid.progress.list'> = {
  async run(ctx) {
    const { db, input } = ctx
    const e = await repo.event(db, input.eventId)
    if (!e) throw notFound('事件')
    await ensureMaySee(ctx, e)
    // The steps of a held or removed event quote it: only its reporter sees them.
    if (stateOf(e) && e.reporter !== ctx.actor.openid)
      return { items: [], total: 0, page: input.page, pageSize: input.pageSize }
    return listProgress(db, e._id, input, progressView)
  },
}
