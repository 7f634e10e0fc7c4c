import type { Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, notFound } from '../../shared/errors'
import { confirmProblem, nextOnConfirm, nextOnReport, reportProblem } from '../domain/rectifications'
import {
  bumpAggregateInTx,
  findAggregateInTx,
  findRectificationInTx,
  listCompanyRectifications,
  listHouseholdRectifications,
  repo,
  updateRectificationInTx,
  type RectEvent,
  type RectificationDoc,
} from '../repo'
import { rectificationView } from '../views'

/** Company staff (or the street) list the company's items; no rater identity in them. */
export const rectificationList: Handler<'property.rectification.list'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const company = await repo.company(db, input.companyId)
    if (!company) throw notFound('物业公司')
    ensure(
      actor.has('property_staff', company._id) || actor.isStreetAdminOf(company.streetId),
      '只能查看本公司的整改事项',
    )
    return listCompanyRectifications(db, company._id, input.status, input, (r) => rectificationView(r, now))
  },
}

/** The items raised by the caller's households (every member of a household sees them). */
export const rectificationMine: Handler<'property.rectification.mine'> = {
  run(ctx) {
    const { db, actor, input, now } = ctx
    const households = actor.grants('resident').map((g) => g.scopeId)
    return listHouseholdRectifications(db, households, input, (r) => rectificationView(r, now, 'household'))
  },
}

/** The company reports progress (in progress) or completion (reported, awaiting the resident). */
export const rectificationReport: Handler<'property.rectification.report'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const rect = await repo.rectification(db, input.rectificationId)
    if (!rect) throw notFound('整改事项')
    ensure(actor.has('property_staff', rect.companyId), '只能处理本公司的整改事项')
    const problem = reportProblem(rect.status)
    if (problem) throw conflict(problem)
    await ctx.checkText(input.text)
    const event: RectEvent = {
      kind: input.done ? 'reported' : 'progress',
      text: input.text,
      byName: actor.name,
      at: now,
    }
    const saved = await ctx.transaction(async (tx) => {
      const fresh = await findRectificationInTx(tx, rect._id)
      if (!fresh || reportProblem(fresh.status)) throw conflict('该事项状态已变化，请刷新')
      const after: RectificationDoc = {
        ...fresh,
        status: nextOnReport(fresh.status, input.done),
        events: [...fresh.events, event],
        updatedAt: now,
      }
      await updateRectificationInTx(tx, rect._id, { status: after.status, events: after.events, updatedAt: now })
      // The resident confirming is of the rating household: anonymous and by the day, as the rating itself.
      await ctx.audit(
        `${COL.propertyRectifications}/${rect._id}`,
        { status: fresh.status },
        { status: after.status },
        tx,
        '居民',
      )
      return after
    })
    return rectificationView(saved, now, 'household')
  },
}

/** The resident confirms it fixed (counted as resolved) or not (back to the company). */
export const rectificationConfirm: Handler<'property.rectification.confirm'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const rect = await repo.rectification(db, input.rectificationId)
    if (!rect) throw notFound('整改事项')
    ensure(actor.has('resident', rect.householdId), '只能确认您家提出的整改事项')
    const problem = confirmProblem(rect.status)
    if (problem) throw conflict(problem)
    await ctx.checkText(input.comment)
    const event: RectEvent = {
      kind: input.fixed ? 'confirmed' : 'not_fixed',
      ...(input.comment ? { text: input.comment } : {}),
      byName: '居民',
      at: now,
    }
    const saved = await ctx.transaction(async (tx) => {
      const fresh = await findRectificationInTx(tx, rect._id)
      if (!fresh || confirmProblem(fresh.status)) throw conflict('该事项状态已变化，请刷新')
      const after: RectificationDoc = {
        ...fresh,
        status: nextOnConfirm(input.fixed),
        reopenCount: fresh.reopenCount + (input.fixed ? 0 : 1),
        events: [...fresh.events, event],
        updatedAt: now,
      }
      await updateRectificationInTx(tx, rect._id, {
        status: after.status,
        reopenCount: after.reopenCount,
        events: after.events,
        updatedAt: now,
      })
      // An item whose rating an upheld objection excluded counts in no list, resolved or not.
      if (input.fixed && !fresh.excluded) {
        const agg = await findAggregateInTx(tx, rect.periodId, rect.companyId)
        await bumpAggregateInTx(ctx, tx, rect, agg, { sums: {}, households: 0, held: 0, rectResolved: 1 })
      }
      // The resident confirming is of the rating household: anonymous and by the day, as the rating itself.
      await ctx.audit(
        `${COL.propertyRectifications}/${rect._id}`,
        { status: fresh.status },
        { status: after.status },
        tx,
        '居民',
      )
      return after
    })
    return rectificationView(saved, now, 'household')
  },
}
