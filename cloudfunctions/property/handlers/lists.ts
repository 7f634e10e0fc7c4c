import type { ListEntry } from '../../../types/property'
import type { Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, notFound } from '../../shared/errors'
import { publishProblem } from '../domain/periods'
import { computeList, sameList } from '../domain/scoring'
import {
  countHeldRatings,
  countPendingObjections,
  findPeriodInTx,
  putPublicationInTx,
  repo,
  updatePeriodInTx,
  updatePublicationInTx,
  type PublicationDoc,
  type RuleDoc,
} from '../repo'
import { periodView, publicationView, servedOf, withEffects } from '../views'

export const listPreview: Handler<'property.list.preview'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const period = await repo.period(db, input.periodId)
    if (!period) throw notFound('评价周期')
    const admin = actor.isStreetAdminOf(period.streetId)
    const staffOf = actor
      .grants('property_staff')
      .filter((g) => g.streetId === period.streetId)
      .map((g) => g.scopeId)
    ensure(admin || staffOf.length > 0, '只能预览您所在街道的榜单')
    const [rule, inputs, effects] = await Promise.all([
      repo.currentRule(db, period.streetId),
      repo.listInputs(db, period, now),
      repo.objectionEffects(db, period._id),
    ])
    const list = computeList(inputs, rule.rule)
    const mine = (x: { companyId: string }) => admin || staffOf.includes(x.companyId)
    return {
      period: periodView(period, now),
      ruleVersion: rule.version,
      streetMean: list.streetMean,
      entries: withEffects(list.entries.filter(mine), effects, inputs),
      served: servedOf(inputs).filter(mine),
    }
  },
}

/**
 * Publish: freeze the rule version and every input with the computed list. A second publication of
 * the same period supersedes the first (kept, marked superseded) — never overwritten. The street's
 * current list is the live publication of the latest period (by its start): publishing an older
 * period after a newer one adds it to the history and leaves the newer list current.
 */
export const listPublish: Handler<'property.list.publish'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const period = await repo.period(db, input.periodId)
    if (!period) throw notFound('评价周期')
    ensure(actor.isStreetAdminOf(period.streetId), '只能发布您所在街道的榜单')
    // Two count queries, whatever the number of objections or ratings.
    const [pendingObjections, heldRatings] = await Promise.all([
      countPendingObjections(db, period._id),
      countHeldRatings(db, period._id),
    ])
    const blockers = { pendingObjections, heldRatings }
    const problem = publishProblem(period, blockers, now)
    if (problem) throw conflict(problem)
    const [rule, inputs, current, effects] = await Promise.all([
      repo.currentRule(db, period.streetId),
      repo.listInputs(db, period, now),
      repo.currentPublication(db, period.streetId),
      repo.objectionEffects(db, period._id),
    ])
    const list = computeList(inputs, rule.rule)
    const version = (period.publishedVersion ?? 0) + 1
    const doc: PublicationDoc = {
      _id: `pub:${period._id}:${version}`,
      streetId: period.streetId,
      periodId: period._id,
      periodKey: period.key,
      periodLabel: period.label,
      periodStart: period.start,
      periodEnd: period.end,
      version,
      ruleVersion: rule.version,
      rule: rule.rule,
      inputs,
      streetMean: list.streetMean,
      entries: list.entries,
      effects,
      cutoff: now,
      publishedAt: now,
      publishedBy: actor.openid,
      publishedByName: actor.name,
      live: true,
    }
    // One transaction: the publication, the period and the request's done mark commit together.
    return ctx.onceTx(input.requestId, async (tx) => {
      const fresh = await findPeriodInTx(tx, period._id)
      if (!fresh || (fresh.publishedVersion ?? 0) !== version - 1) throw conflict('榜单刚被他人发布，请刷新')
      // The next period may have been opened since the check above: then this list is final.
      const again = publishProblem(fresh, blockers, now)
      if (again) throw conflict(again)
      // An input written after the one read before gathering (a rating, review, confirmation, assessment) would be left out.
      if ((fresh.inputVersion ?? 0) !== (period.inputVersion ?? 0)) throw conflict('数据刚有变化，请重试')
      await putPublicationInTx(tx, doc)
      const previous = version > 1 ? `pub:${period._id}:${version - 1}` : null
      if (previous) await updatePublicationInTx(tx, previous, { live: false, supersededAt: now })
      await updatePeriodInTx(tx, period._id, { status: 'published', publishedVersion: version })
      await ctx.audit(
        `${COL.propertyPublications}/${doc._id}`,
        previous ? { supersedes: previous } : null,
        { ruleVersion: rule.version, entries: doc.entries.map((e) => `${e.companyId}:${e.placement}`) },
        tx,
      )
      // Current unless a later period's list is already out (then this one is history only).
      const isCurrent =
        !current ||
        current.periodId === period._id ||
        new Date(current.periodStart).getTime() <= new Date(period.start).getTime()
      return { ...publicationView(doc), current: isCurrent }
    })
  },
}

export const listCurrent: Handler<'property.list.current'> = {
  async run(ctx) {
    const pub = await repo.currentPublication(ctx.db, ctx.input.streetId)
    return pub ? publicationView(pub) : null
  },
}

/** Recompute a publication from its frozen inputs and rule: anyone can check the list. */
export const listRecompute: Handler<'property.list.recompute'> = {
  async run(ctx) {
    const pub = await repo.publication(ctx.db, ctx.input.publicationId)
    if (!pub) throw notFound('榜单')
    const again = computeList(pub.inputs, pub.rule as RuleDoc['rule'])
    return {
      publicationId: pub._id,
      matches: again.streetMean === pub.streetMean && sameList(again.entries, pub.entries as ListEntry[]),
      entries: again.entries,
    }
  },
}
