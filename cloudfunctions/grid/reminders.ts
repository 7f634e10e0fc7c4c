import type { Ctx } from '../shared/dispatch'
import { COL } from '../shared/collections'
import { TEMPLATES } from '../shared/notify'
import { loadEventInTx } from './access'
import { eventTitle, OPEN_FOR_HANDLER } from './domain/rules'
import { notifyParty } from './notices'
import { listEventsDueSoon, putEventInTx } from './repo'

/**
 * Deadline-near notices: events of the scope still owed by their handler, due within `withinHours` and
 * not reminded since their assignment. The secretary's 催办 (event.remind) for one community; the timer
 * (timers.ts) for every community. Each event is marked in a transaction first, so two runs never remind
 * twice. Returns how many were reminded.
 */
export async function remindDue(
  ctx: Ctx<unknown>,
  scope: { communityId?: string },
  withinHours: number,
  batch: number,
): Promise<number> {
  const { db, now } = ctx
  const soon = new Date(now.getTime() + withinHours * 3600_000)
  const due = await listEventsDueSoon(db, scope, now, soon, batch)
  let reminded = 0
  for (const e of due) {
    ctx.within(e)
    const marked = await ctx.transaction(async (tx) => {
      const fresh = await loadEventInTx(tx, e._id)
      if (fresh.remindedAt || !OPEN_FOR_HANDLER.includes(fresh.status)) return false
      await putEventInTx(tx, { ...fresh, remindedAt: now })
      await ctx.audit(`${COL.gridEvents}/${e._id}`, { remindedAt: null }, { remindedAt: now }, tx)
      return true
    })
    if (!marked || !e.handler) continue
    reminded++
    await notifyParty(
      ctx,
      { ...e.handler, openid: e.handlerOpenid },
      TEMPLATES.gridDeadlineNear,
      `packages/grid/pages/event/index?id=${e._id}`,
      `即将超期：${eventTitle(e)}`,
    )
  }
  return reminded
}
