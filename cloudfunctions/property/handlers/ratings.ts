import { requireOwnPhotos } from '../../shared/photos'
import { addressOf } from '../../shared/address'
import { HeldByAnother, ownerHasLeft } from '../../shared/household-voice'
import type { Transaction, Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, forbidden, invalid, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { notify, TEMPLATES } from '../../shared/notify'
import { addDays, canRate } from '../domain/periods'
import { ratedCompanyOf } from '../domain/serving'
import {
  aggregateDelta,
  initialStatus,
  isNewHousehold,
  lowDimensions,
  opensRectification,
  ratingId,
} from '../domain/ratings'
import { rectificationId } from '../domain/rectifications'
import {
  bumpAggregateInTx,
  findAggregateInTx,
  findPeriodInTx,
  findRatingInTx,
  findRectificationInTx,
  listCompanyRatings,
  listHeldRatings,
  putRatingInTx,
  putRectificationInTx,
  putRevisionInTx,
  repo,
  updateRatingInTx,
  updateRectificationInTx,
  type RatingDoc,
  type RectificationDoc,
} from '../repo'
import { anonymousRatingView, myRatingView, periodView } from '../views'
import { ratingCommentKind } from '../moderation'
import { ensureEditable, holdIfReview, shown } from '../../shared/moderation'

/** What the audit log records as the actor of a rating: never the rater or the household (nor the exact time). */
const RATER = 'rating'

/** A low rating with a comment opens one rectification item (id derived from the rating), dated by its period's start. */
async function openRectification(
  tx: Transaction,
  r: RatingDoc,
  period: { start: Date },
  rule: { replyDays: number; fixDays: number },
  now: Date,
): Promise<void> {
  const rect: RectificationDoc = {
    _id: rectificationId(r.publicId),
    ratingId: r.publicId,
    periodId: r.periodId,
    periodStart: period.start,
    streetId: r.streetId,
    companyId: r.companyId,
    companyName: r.companyName,
    estateName: r.estateName,
    householdId: r.householdId,
    lowDims: r.lowDims,
    comment: r.comment ?? '',
    status: 'open',
    answerDueAt: addDays(now, rule.replyDays),
    dueAt: addDays(now, rule.fixDays),
    reopenCount: 0,
    events: [{ kind: 'opened', text: r.comment, byName: '居民', at: now }],
    createdAt: now,
    updatedAt: now,
    // A comment held for review is held on the item that copies it too.
    ...(r.hidden ? { hidden: true, moderation: r.moderation } : {}),
  }
  await putRectificationInTx(tx, rect)
}

/** The household's estate, the company serving it and the open period, with the household's rating. */
export const ratingContext: Handler<'property.rating.context'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    ensure(actor.has('resident', input.householdId), '只能查看您已认证房屋的评价')
    const household = await repo.household(db, input.householdId)
    if (!household) throw notFound('房屋')
    const [estate, period] = await Promise.all([
      repo.estate(db, household.estateId),
      repo.openPeriod(db, household.streetId),
    ])
    const rated = estate ? ratedCompanyOf(estate, period) : null
    const company = rated ? { id: rated.companyId, streetId: household.streetId, name: rated.companyName } : null
    const rating = period && company ? await repo.rating(db, ratingId(period._id, company.id, household._id)) : null
    // A rating by a member who has since left is the household's: a remaining member may change it.
    const raterLeft =
      !!rating &&
      rating.raterOpenid !== actor.openid &&
      (await ownerHasLeft(db, household._id, (openid) => openid === rating.raterOpenid))
    return {
      householdId: household._id,
      estateName: estate?.name ?? '',
      company,
      period: period ? periodView(period, ctx.now) : null,
      rating: rating ? myRatingView(rating, actor.openid, raterLeft) : null,
    }
  },
}

/**
 * One rating per household, company and period (deterministic _id), written in one transaction with
 * the company's aggregate (and a rectification item for a low rating with a comment). An edit by the
 * same rater replaces the stars (old version kept as a revision); another member of the household
 * sees the household's rating instead.
 */
export const ratingSubmit: Handler<'property.rating.submit'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    ensure(actor.has('resident', input.householdId), '只有本户已认证的居民可以评价')
    const household = await repo.household(db, input.householdId)
    if (!household) throw notFound('房屋')
    ctx.within(household)
    const [estate, period] = await Promise.all([repo.estate(db, household.estateId), repo.period(db, input.periodId)])
    if (!period || period.streetId !== household.streetId) throw notFound('评价周期')
    if (!canRate(period.status)) throw conflict('本期评价已结束')
    const rated = estate ? ratedCompanyOf(estate, period) : null
    if (!estate || !rated) throw invalid('您所在小区暂无物业公司', ['householdId'])
    const companyId = rated.companyId
    if (actor.has('property_staff', companyId)) throw forbidden('物业人员不能评价本公司')
    const user = actor.user as { bindingId?: string } | null
    const [ruleDoc, binding] = await Promise.all([
      repo.currentRule(db, household.streetId),
      user?.bindingId ? repo.binding(db, user.bindingId) : Promise.resolve(null),
    ])
    const verifiedAt = binding && binding.householdId === household._id ? binding.decidedAt : undefined
    const verdict = await ctx.checkItemText(input.comment)
    await requireOwnPhotos(ctx, input.photos)
    const rule = ruleDoc.rule
    const id = ratingId(period._id, companyId, household._id)
    // One transaction: the rating, its aggregate, its rectification item, the audit and the request's done mark.
    // `formerRater`: a member who has left the household, whose rating this caller may take over.
    const submit = (formerRater?: string) =>
      ctx.onceTx(input.requestId, async (tx) => {
        // The close (and so the publication) may have happened since the check above: a rating never lands after it.
        const fresh = await findPeriodInTx(tx, period._id)
        if (!fresh || !canRate(fresh.status)) throw conflict('本期评价已结束')
        const before = await findRatingInTx(tx, id)
        const agg = await findAggregateInTx(tx, period._id, companyId)
        if (before && before.raterOpenid !== actor.openid && before.raterOpenid !== formerRater)
          throw new HeldByAnother(before.raterOpenid)
        if (before) ensureEditable(before)
        const isNew = !before && isNewHousehold(verifiedAt, now, rule)
        const status = before ? before.status : initialStatus(isNew, agg?.newHouseholds ?? 0, rule)
        const comment = input.comment && input.comment.length ? input.comment : undefined
        const lowDims = lowDimensions(input.stars)
        const publicId = before?.publicId ?? newId('rt')
        const rectId = rectificationId(publicId)
        const opens = status === 'counted' && !before?.rectificationId && opensRectification(input.stars, comment)
        const doc: RatingDoc = {
          _id: id,
          publicId,
          periodId: period._id,
          streetId: period.streetId,
          companyId,
          companyName: rated.companyName,
          estateId: estate._id,
          estateName: estate.name,
          communityId: household.communityId,
          householdId: household._id,
          address: addressOf(household),
          raterOpenid: actor.openid,
          ...(verifiedAt ? { verifiedAt } : {}),
          stars: input.stars,
          ...(comment ? { comment } : {}),
          hasComment: !!comment,
          photos: input.photos,
          status,
          low: lowDims.length > 0,
          lowDims,
          ...(before?.rectificationId || opens ? { rectificationId: rectId } : {}),
          ...(before?.answer
            ? {
                answer: before.answer,
                answeredAt: before.answeredAt,
                answeredBy: before.answeredBy,
                answeredByName: before.answeredByName,
              }
            : {}),
          edits: before ? before.edits + 1 : 0,
          createdAt: before?.createdAt ?? now,
          updatedAt: now,
          // What moderation decided stays with the rating (a photo removed stays hidden); a comment the
          // platform's check wants looked at is held for the street admin from the moment it is stored.
          ...(before?.moderation ? { moderation: before.moderation } : {}),
          ...(before?.hiddenPhotos ? { hiddenPhotos: before.hiddenPhotos } : {}),
        }
        if (comment)
          Object.assign(doc, await holdIfReview(ctx, tx, ratingCommentKind, ratingCommentKind.describe(doc), verdict))
        if (before) {
          const { _id: _old, ...snapshot } = before
          await putRevisionInTx(tx, { kind: 'rating', targetId: id, snapshot, supersededBy: actor.openid, at: now })
        }
        await putRatingInTx(tx, doc)
        const delta = aggregateDelta(before, doc)
        await bumpAggregateInTx(
          ctx,
          tx,
          { periodId: period._id, streetId: period.streetId, companyId },
          agg,
          {
            ...delta,
            newHouseholds: isNew ? 1 : 0,
            rectTotal: opens ? 1 : 0,
          },
          { whileOpen: true },
        )
        if (opens) await openRectification(tx, doc, period, rule, now)
        // Anonymous and by the day, as a ballot: the stored id names the household and the caller is the rater.
        await ctx.audit(
          `${COL.propertyRatings}/${publicId}`,
          before ? { status: before.status } : null,
          { rating: before ? 'changed' : 'given', status: doc.status },
          tx,
          RATER,
        )
        return myRatingView(doc, actor.openid)
      })
    return submit().catch(async (e: unknown) => {
      if (!(e instanceof HeldByAnother)) throw e
      if (!(await ownerHasLeft(db, household._id, (openid) => openid === e.owner)))
        throw conflict('本户本期已由家人评价，每户每期只能评价一次')
      return submit(e.owner)
    })
  },
}

/** Company staff (or the street) read the company's ratings: anonymous views only. */
export const ratingInbox: Handler<'property.rating.inbox'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    const company = await repo.company(db, input.companyId)
    if (!company) throw notFound('物业公司')
    ensure(
      actor.has('property_staff', company._id) || actor.isStreetAdminOf(company.streetId),
      '只能查看本公司收到的评价',
    )
    return listCompanyRatings(
      db,
      { companyId: company._id, periodId: input.periodId, onlyComments: input.onlyComments },
      input,
      (r) => anonymousRatingView(r),
    )
  },
}

/** The company answers a rating; a newer answer supersedes the older one (kept). Answering opens work on its rectification item. */
export const ratingAnswer: Handler<'property.rating.answer'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const rating = await repo.ratingByPublicId(db, input.ratingId)
    if (!rating) throw notFound('评价')
    ensure(actor.has('property_staff', rating.companyId), '只能答复本公司收到的评价')
    await ctx.checkText(input.text)
    const after: RatingDoc = {
      ...rating,
      answer: input.text,
      answeredAt: now,
      answeredBy: actor.openid,
      answeredByName: actor.name,
    }
    await ctx.transaction(async (tx) => {
      const fresh = await findRatingInTx(tx, rating._id)
      if (!fresh) throw notFound('评价')
      if (fresh.answer) {
        await putRevisionInTx(tx, {
          kind: 'answer',
          targetId: rating._id,
          snapshot: { answer: fresh.answer, answeredAt: fresh.answeredAt, answeredByName: fresh.answeredByName },
          supersededBy: actor.openid,
          at: now,
        })
      }
      await updateRatingInTx(tx, rating._id, {
        answer: input.text,
        answeredAt: now,
        answeredBy: actor.openid,
        answeredByName: actor.name,
      })
      if (fresh.rectificationId) {
        const rect = await findRectificationInTx(tx, fresh.rectificationId)
        if (rect && rect.status === 'open') {
          await updateRectificationInTx(tx, rect._id, {
            status: 'in_progress',
            updatedAt: now,
            events: [...rect.events, { kind: 'answered', text: input.text, byName: actor.name, at: now }],
          })
        }
      }
      await ctx.audit(
        `${COL.propertyRatings}/${rating.publicId}`,
        { answer: fresh.answer ?? null },
        { answer: input.text },
        tx,
      )
    })
    await notify({
      toOpenid: rating.raterOpenid,
      templateId: TEMPLATES.ratingAnswered,
      page: 'packages/property/pages/rate/index',
      data: { thing1: { value: rating.companyName.slice(0, 20) }, thing2: { value: input.text.slice(0, 20) } },
    })
    return anonymousRatingView(after)
  },
}

const reviewView = (r: RatingDoc) => {
  const m = shown(r, false)
  return {
    id: r.publicId,
    periodId: r.periodId,
    companyName: r.companyName,
    address: r.address,
    verifiedAt: (r.verifiedAt ? new Date(r.verifiedAt) : new Date(r.createdAt)).toISOString(),
    stars: r.stars,
    comment: m.blank ?? r.comment,
    status: r.status,
    createdAt: new Date(r.createdAt).toISOString(),
    ...m.fields,
  }
}

/** The street's held ratings; with `periodId`, that period's only (what still blocks its publication). */
export const reviewList: Handler<'property.review.list'> = {
  run(ctx) {
    const { db, actor, input } = ctx
    ensure(actor.isStreetAdminOf(input.streetId), '只能复核您所在街道的评价')
    return listHeldRatings(db, input.streetId, input.periodId, input, reviewView)
  },
}

/** Held → counted (added to the aggregate now) or rejected (kept, never counted). */
export const reviewDecide: Handler<'property.review.decide'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const rating = await repo.ratingByPublicId(db, input.ratingId)
    if (!rating) throw notFound('评价')
    ensure(actor.isStreetAdminOf(rating.streetId), '只能复核您所在街道的评价')
    if (rating.status !== 'held') throw conflict('该评价已复核')
    await ctx.checkText(input.reason)
    const status = input.approve ? ('counted' as const) : ('rejected' as const)
    const opens = input.approve && !rating.rectificationId && opensRectification(rating.stars, rating.comment)
    const [{ rule }, period] = await Promise.all([
      repo.currentRule(db, rating.streetId),
      repo.period(db, rating.periodId),
    ])
    if (!period) throw notFound('评价周期')
    const after: RatingDoc = {
      ...rating,
      status,
      ...(opens ? { rectificationId: rectificationId(rating.publicId) } : {}),
    }
    await ctx.transaction(async (tx) => {
      const fresh = await findRatingInTx(tx, rating._id)
      if (fresh?.status !== 'held') throw conflict('该评价已复核')
      const agg = await findAggregateInTx(tx, rating.periodId, rating.companyId)
      await updateRatingInTx(tx, rating._id, {
        status,
        reviewedBy: actor.openid,
        reviewedAt: now,
        ...(input.reason ? { reviewReason: input.reason } : {}),
        ...(opens ? { rectificationId: after.rectificationId } : {}),
      })
      await bumpAggregateInTx(ctx, tx, rating, agg, {
        ...aggregateDelta(fresh, { stars: fresh.stars, status }),
        rectTotal: opens ? 1 : 0,
      })
      if (opens) await openRectification(tx, after, period, rule, now)
      await ctx.audit(
        `${COL.propertyRatings}/${rating.publicId}`,
        { status: 'held' },
        { status, reason: input.reason ?? null },
        tx,
      )
    })
    return reviewView(after)
  },
}
