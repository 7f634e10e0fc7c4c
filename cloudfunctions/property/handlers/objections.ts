import { MAX_EXCLUDED } from '../../../types/property'
import type { Ctx, Handler, HandlerInput } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, forbidden, invalid, notFound } from '../../shared/errors'
import { exclusionDelta, objectionId } from '../domain/objections'
import { canObject } from '../domain/periods'
import {
  bumpAggregateInTx,
  countObjectionsOf,
  findAggregateInTx,
  findObjectionInTx,
  findPeriodInTx,
  findRatingInTx,
  findRectificationInTx,
  listObjections,
  listRatingsByPublicIds,
  markInputsChangedInTx,
  putObjectionInTx,
  repo,
  updateObjectionInTx,
  updateRatingInTx,
  updateRectificationInTx,
  type ObjectionDoc,
  type RatingDoc,
  type RectificationDoc,
} from '../repo'
import { objectionView } from '../views'

/** Objections (SPEC §6): a company objects to its result in the window; the street decides, and an upheld objection has an effect. */

const PENDING = '本公司本期已有一条异议待街道处理，处理后才能再提'

/**
 * One pending objection per company and period: the n-th objection has a deterministic id, so two
 * sent at once collide; the transaction refuses while the previous one is pending. Filing moves the
 * period's input version, so a publication racing the last moments of the window is refused and
 * sees the objection when retried.
 */
export const objectionSubmit: Handler<'property.objection.submit'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    ensure(actor.has('property_staff', input.companyId), '只能为本公司提出异议')
    const [period, company] = await Promise.all([repo.period(db, input.periodId), repo.company(db, input.companyId)])
    if (!period || !company || company.streetId !== period.streetId) throw notFound('评价周期或物业')
    if (!canObject(period, now)) throw conflict('不在异议期内')
    await ctx.checkText(input.text)
    // One transaction: the objection, the period's input mark, the audit and the request's done mark.
    return ctx.onceTx(input.requestId, async (tx) => {
      const total = await countObjectionsOf(db, period._id, company._id)
      const doc: ObjectionDoc = {
        _id: objectionId(period._id, company._id, total + 1),
        periodId: period._id,
        streetId: period.streetId,
        companyId: company._id,
        companyName: company.name,
        text: input.text,
        status: 'pending',
        by: actor.openid,
        byName: actor.name,
        createdAt: now,
      }
      if (await findObjectionInTx(tx, doc._id)) throw conflict(PENDING)
      const previous = total > 0 ? await findObjectionInTx(tx, objectionId(period._id, company._id, total)) : null
      if (previous?.status === 'pending') throw conflict(PENDING)
      const fresh = await findPeriodInTx(tx, period._id)
      if (!fresh || !canObject(fresh, now)) throw conflict('不在异议期内')
      await putObjectionInTx(tx, doc)
      await markInputsChangedInTx(ctx, tx, period._id)
      await ctx.audit(`${COL.propertyObjections}/${doc._id}`, null, { status: 'pending', companyId: company._id }, tx)
      return objectionView(doc)
    })
  },
}

export const objectionList: Handler<'property.objection.list'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    const period = await repo.period(db, input.periodId)
    if (!period) throw notFound('评价周期')
    if (!actor.isStreetAdminOf(period.streetId)) {
      if (!input.companyId || !actor.has('property_staff', input.companyId)) throw forbidden('只能查看本公司的异议')
    }
    return listObjections(db, period._id, input.companyId, input, objectionView)
  },
}

type DecideInput = HandlerInput<'property.objection.decide'>

/** The named ratings, checked to be the objection's company's counted ratings of its period. One request. */
async function ratingsToExclude(ctx: Ctx<DecideInput>, obj: ObjectionDoc): Promise<RatingDoc[]> {
  const ids = [...new Set(ctx.input.ratingIds)]
  const ratings = await listRatingsByPublicIds(ctx.db, ids, MAX_EXCLUDED)
  if (ratings.length !== ids.length) throw notFound('评价')
  if (ratings.some((r) => r.companyId !== obj.companyId || r.periodId !== obj.periodId))
    throw invalid('只能剔除本公司本期的评价', ['ratingIds'])
  if (ratings.some((r) => r.status !== 'counted')) throw conflict('只能剔除已计入的评价')
  return ratings
}

/**
 * The street decides an objection with its reasons. Upheld, it has the effect the street chose:
 * `exclude` marks the named ratings excluded (kept, with the reason) and takes them — stars,
 * households and the rectification items they opened — out of the company's aggregate in the same
 * transaction, so the list (previewed or published next) no longer counts them; `annotate` puts the
 * decision beside the company's placement. Both are frozen with the period's publication.
 */
export const objectionDecide: Handler<'property.objection.decide'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const obj = await repo.objection(db, input.objectionId)
    if (!obj) throw notFound('异议')
    ensure(actor.isStreetAdminOf(obj.streetId), '只能处理您所在街道的异议')
    if (obj.status !== 'pending') throw conflict('该异议已处理')
    await ctx.checkText(input.decision)
    const excluding = input.upheld && input.effect === 'exclude' ? await ratingsToExclude(ctx, obj) : []
    const status = input.upheld ? ('upheld' as const) : ('rejected' as const)
    const decided = {
      status,
      decision: input.decision,
      decidedBy: actor.openid,
      decidedByName: actor.name,
      decidedAt: now,
      ...(input.upheld ? { effect: input.effect, excludedRatingIds: excluding.map((r) => r.publicId) } : {}),
    }
    await ctx.transaction(async (tx) => {
      const fresh = await findObjectionInTx(tx, obj._id)
      if (fresh?.status !== 'pending') throw conflict('该异议已处理')
      if (excluding.length) {
        const period = await findPeriodInTx(tx, obj.periodId)
        if (period?.status !== 'closed') throw conflict('只能在榜单发布前剔除评价')
        const agg = await findAggregateInTx(tx, obj.periodId, obj.companyId)
        const ratings: RatingDoc[] = []
        const items: RectificationDoc[] = []
        for (const r of excluding) {
          const current = await findRatingInTx(tx, r._id)
          if (current?.status !== 'counted') throw conflict('只能剔除已计入的评价')
          ratings.push(current)
          const exclusion = {
            reason: input.decision,
            objectionId: obj._id,
            by: actor.openid,
            byName: actor.name,
            at: now,
          }
          await updateRatingInTx(tx, r._id, { status: 'excluded', exclusion })
          const item = current.rectificationId ? await findRectificationInTx(tx, current.rectificationId) : null
          if (item && !item.excluded) {
            items.push(item)
            await updateRectificationInTx(tx, item._id, { excluded: true })
          }
        }
        await bumpAggregateInTx(ctx, tx, obj, agg, exclusionDelta(ratings, items))
      }
      await updateObjectionInTx(tx, obj._id, decided)
      await ctx.audit(
        `${COL.propertyObjections}/${obj._id}`,
        { status: 'pending' },
        { status, decision: input.decision, effect: input.effect ?? null, excluded: decided.excludedRatingIds ?? [] },
        tx,
      )
    })
    return objectionView({ ...obj, ...decided })
  },
}
