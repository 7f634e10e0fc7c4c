import type { Ctx } from '../shared/dispatch'
import { COL } from '../shared/collections'
import type { Transaction } from '../shared/db-types'
import { conflict } from '../shared/errors'
import { addDays, overlaps, periodId, periodLabel, periodOf } from './domain/periods'
import type { Rule } from './domain/scoring'
import { findPeriodInTx, putPeriodInTx, repo, updatePeriodInTx, type PeriodDoc } from './repo'

/**
 * A period's life, shared by the street's actions (period.open, period.close) and the timer
 * (timers.ts): the same date rules, the same transactions, so the two can race and one of them wins.
 */

/** The period of `rule`'s cadence containing `now`: its id, key, label and bounds. */
export function periodAt(streetId: string, now: Date, rule: Rule) {
  const { key, start, end } = periodOf(now, rule.cadence)
  return { _id: periodId(streetId, key), key, label: periodLabel(key), start, end }
}

/**
 * Why the period containing `now` cannot open after `latest` (the street's latest period), or null.
 * Periods follow each other and never overlap: one opens only after the latest has ended, so a change
 * of cadence takes effect at the next boundary of both. `hit` names the period it collides with.
 */
export async function openProblem(
  ctx: Ctx<unknown>,
  streetId: string,
  latest: PeriodDoc | null,
  next: { start: Date; end: Date; label: string },
): Promise<string | null> {
  if (!latest) return null
  if (latest.status === 'open') return '已有进行中的评价周期，请先结束它'
  if (new Date(latest.end).getTime() <= next.start.getTime()) return null
  // Name the period it collides with: the latest when it overlaps, else the first one that does.
  const hit = overlaps(latest, next) ? latest : await repo.firstPeriodEndingAfter(ctx.db, streetId, next.start)
  if (hit && overlaps(hit, next)) return `与已有的周期「${hit.label}」时间重叠，不能开启「${next.label}」`
  return `已有更晚的周期「${latest.label}」，不能开启更早的「${next.label}」`
}

/**
 * Inside the caller's transaction: writes the period and links the latest one to it. The deterministic
 * id and the link (read here) make two opens at once — two admins, the admin and the timer, two timer
 * runs — end with one period: the other is CONFLICT.
 */
export async function openInTx(
  ctx: Ctx<unknown>,
  tx: Transaction,
  doc: PeriodDoc,
  latest: PeriodDoc | null,
): Promise<void> {
  if (await findPeriodInTx(tx, doc._id)) throw conflict(`${doc.label}的评价周期已开启过`)
  if (latest) {
    const fresh = await findPeriodInTx(tx, latest._id)
    if (fresh?.nextPeriodId || fresh?.status === 'open') throw conflict('评价周期刚被他人开启，请刷新')
    await updatePeriodInTx(tx, latest._id, { nextPeriodId: doc._id })
  }
  await putPeriodInTx(tx, doc)
  await ctx.audit(
    `${COL.propertyPeriods}/${doc._id}`,
    null,
    { status: 'open', key: doc.key, start: doc.start, end: doc.end, auto: !!doc.auto, after: latest?._id ?? null },
    tx,
  )
}

/** A new period document of `rule`'s cadence at `now`, opened by the caller (a person or the timer). */
export const newPeriod = (ctx: Ctx<unknown>, streetId: string, rule: Rule): PeriodDoc => ({
  ...periodAt(streetId, ctx.now, rule),
  streetId,
  cadence: rule.cadence,
  status: 'open',
  openedAt: ctx.now,
  openedBy: ctx.actor.openid,
  ...(rule.autoPeriods ? { auto: true } : {}),
})

/**
 * Closes an open period into its objection window (close + the rule's days), in a transaction that
 * re-reads it: of the admin and the timer closing at once, one closes and the other is CONFLICT.
 */
export async function closePeriod(ctx: Ctx<unknown>, period: PeriodDoc, rule: Rule): Promise<PeriodDoc> {
  const { now } = ctx
  const after: PeriodDoc = {
    ...period,
    status: 'closed',
    closedAt: now,
    closedBy: ctx.actor.openid,
    objectionUntil: addDays(now, rule.objectionDays),
  }
  await ctx.transaction(async (tx) => {
    const fresh = await findPeriodInTx(tx, period._id)
    if (fresh?.status !== 'open') throw conflict('该周期已结束')
    await updatePeriodInTx(tx, period._id, {
      status: 'closed',
      closedAt: now,
      closedBy: ctx.actor.openid,
      objectionUntil: after.objectionUntil,
    })
    await ctx.audit(
      `${COL.propertyPeriods}/${period._id}`,
      { status: 'open' },
      { status: 'closed', objectionUntil: after.objectionUntil },
      tx,
    )
  })
  return after
}
