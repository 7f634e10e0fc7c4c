import type { Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { ruleDocId } from '../domain/rules'
import { closePeriod, newPeriod, openInTx, openProblem } from '../periods'
import {
  countCompaniesNamed,
  findEstateInTx,
  findRuleInTx,
  listCompanies,
  listEstatesOf,
  listPeriods,
  putCompanyInTx,
  putRuleInTx,
  repo,
  updateEstateInTx,
  type RuleDoc,
} from '../repo'
import { effectsOf, periodView, redPropertyView, ruleView } from '../views'
import { whistleRecord } from '../../shared/whistle-record'
import { commitmentView, latestCommitments } from '../../shared/commitments'

/** Companies, rules and periods: what the street sets up. */

export const companyList: Handler<'property.company.list'> = {
  run(ctx) {
    return listCompanies(ctx.db, ctx.input.streetId, ctx.input.q, ctx.input, (c) => ({
      id: c._id,
      streetId: c.streetId,
      name: c.name,
    }))
  },
}

/** A company's page: the estates it serves now, and its placement and served estates in each published period (live versions). */
export const companyGet: Handler<'property.company.get'> = {
  async run(ctx) {
    const { db, input } = ctx
    const company = await repo.company(db, input.companyId)
    if (!company) throw notFound('物业公司')
    const [estates, history, whistle, partyOrg, commitments] = await Promise.all([
      listEstatesOf(db, { companyId: company._id }),
      repo.history(db, company.streetId, 12),
      whistleRecord(db, 'company', company._id, ctx.now),
      repo.partyOrg(db, company._id),
      latestCommitments(db, 'company', company._id, 20),
    ])
    // Each period names the estates the company served then (frozen inputs), not the ones it serves now.
    const points = history
      .map((p) => ({ p, e: p.entries.find((x) => x.companyId === company._id) }))
      .filter((x) => x.e)
      .map(({ p, e }) => ({
        periodId: p.periodId,
        periodLabel: p.periodLabel,
        publicationId: p._id,
        placement: e!.placement,
        score: e!.score,
        rank: e!.rank,
        reasons: e!.reasons,
        estates: p.inputs.find((i) => i.companyId === company._id)?.estates ?? [],
        effects: effectsOf(p.effects, company._id),
      }))
      .reverse()
    // The current list is the latest period's (history is newest first by period start).
    const entry = history[0]?.entries.find((x) => x.companyId === company._id)
    const current = entry ? { ...entry, effects: effectsOf(history[0].effects, company._id) } : null
    return {
      company: { id: company._id, streetId: company.streetId, name: company.name },
      estates: estates.map((e) => ({ id: e._id, name: e.name, communityId: e.communityId })),
      current,
      currentPublicationId: history[0]?._id ?? null,
      history: points,
      whistle,
      redProperty: partyOrg ? redPropertyView(partyOrg) : null,
      commitments: commitments.map((c) => commitmentView(c, ctx.now)),
    }
  },
}

/** A new company of the street (companies are otherwise seeded with the organisation). */
export const companyCreate: Handler<'property.company.create'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    ensure(actor.isStreetAdminOf(input.streetId), '只能为您管理的街道登记物业公司')
    const street = await repo.street(db, input.streetId)
    if (!street) throw notFound('街道')
    await ctx.checkText(input.name)
    return ctx.onceTx(input.requestId, async (tx) => {
      if ((await countCompaniesNamed(db, input.streetId, input.name)) > 0) throw conflict('本街道已有同名物业公司')
      const doc = {
        _id: newId('co'),
        streetId: input.streetId,
        name: input.name,
        createdAt: now,
        createdBy: actor.openid,
      }
      await putCompanyInTx(tx, doc)
      await ctx.audit(`${COL.companies}/${doc._id}`, null, { name: doc.name, streetId: doc.streetId }, tx)
      return { id: doc._id, streetId: doc.streetId, name: doc.name }
    })
  },
}

/**
 * The company serving an estate from now on. Ratings already given keep the company they rated
 * (each rating stores it); each publication freezes the estates each company served.
 */
export const companyAssignEstate: Handler<'property.company.assignEstate'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    const [estate, company] = await Promise.all([repo.estate(db, input.estateId), repo.company(db, input.companyId)])
    if (!estate || !company) throw notFound('小区或物业公司')
    ensure(actor.isStreetAdminOf(estate.streetId), '只能调整您所在街道的小区')
    if (company.streetId !== estate.streetId) throw invalid('该物业公司不属于本街道', ['companyId'])
    const previous = estate.companyId ?? null
    if (previous === company._id) throw conflict('该小区已由这家物业服务')
    await ctx.transaction(async (tx) => {
      const fresh = await findEstateInTx(tx, estate._id)
      if ((fresh?.companyId ?? null) !== previous) throw conflict('小区的服务物业刚被修改，请刷新')
      await updateEstateInTx(tx, estate._id, { companyId: company._id, companyName: company.name })
      await ctx.audit(`${COL.estates}/${estate._id}`, { companyId: previous }, { companyId: company._id }, tx)
    })
    return {
      estateId: estate._id,
      estateName: estate.name,
      companyId: company._id,
      companyName: company.name,
      previousCompanyId: previous,
    }
  },
}

/**
 * A company stops serving an estate, dated now. The period in progress (any period starting at or before
 * this instant) still sends the estate's ratings to it — its households rated or may still rate the
 * company that served them that period — and from the next period nobody receives them until a company
 * is assigned. The estate keeps the company as `formerCompany` for that; it no longer serves it for
 * anything else (dispatch, invitations, its page). Published lists are frozen and do not change.
 */
export const companyUnassignEstate: Handler<'property.company.unassignEstate'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const estate = await repo.estate(db, input.estateId)
    if (!estate) throw notFound('小区')
    ensure(actor.isStreetAdminOf(estate.streetId), '只能调整您所在街道的小区')
    if (!estate.companyId) throw conflict('该小区目前没有服务的物业公司')
    await ctx.checkText(input.reason)
    const open = await repo.openPeriod(db, estate.streetId)
    const former = { companyId: estate.companyId, companyName: estate.companyName ?? '', until: now }
    await ctx.transaction(async (tx) => {
      const fresh = await findEstateInTx(tx, estate._id)
      if ((fresh?.companyId ?? null) !== estate.companyId) throw conflict('小区的服务物业刚被修改，请刷新')
      const _ = db.command
      await updateEstateInTx(tx, estate._id, {
        companyId: _.remove(),
        companyName: _.remove(),
        formerCompany: _.set(former),
      })
      await ctx.audit(
        `${COL.estates}/${estate._id}`,
        { companyId: estate.companyId },
        { companyId: null, ratedUntil: now, reason: input.reason ?? null },
        tx,
      )
    })
    return {
      estateId: estate._id,
      estateName: estate.name,
      previousCompanyId: former.companyId,
      previousCompanyName: former.companyName,
      endedAt: now.toISOString(),
      keepsPeriodLabel: open ? open.label : null,
    }
  },
}

export const ruleCurrent: Handler<'property.rule.current'> = {
  async run(ctx) {
    return ruleView(await repo.currentRule(ctx.db, ctx.input.streetId))
  },
}

/** Any version of the street's rule, so a publication's frozen rule can be checked against it (0: the built-in default). */
export const ruleGet: Handler<'property.rule.get'> = {
  async run(ctx) {
    const { db, input } = ctx
    if (input.version === 0) return ruleView(repo.defaultRule(input.streetId))
    const doc = await repo.rule(db, input.streetId, input.version)
    if (!doc) throw notFound(`第 ${input.version} 版评分规则`)
    return ruleView(doc)
  },
}

/** A new rule version; the old ones stay (publications name the version they used). */
export const rulePublish: Handler<'property.rule.publish'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    ensure(actor.isStreetAdminOf(input.streetId), '只能为您管理的街道设置规则')
    return ctx.onceTx(input.requestId, async (tx) => {
      const current = await repo.currentRule(db, input.streetId)
      const doc: RuleDoc = {
        _id: ruleDocId(input.streetId, current.version + 1),
        streetId: input.streetId,
        version: current.version + 1,
        rule: input.rule,
        createdAt: now,
        createdBy: actor.openid,
        createdByName: actor.name,
      }
      if (await findRuleInTx(tx, doc._id)) throw conflict('规则刚被他人修改，请刷新后重试')
      await putRuleInTx(tx, doc)
      await ctx.audit(
        `${COL.propertyRules}/${doc._id}`,
        { version: current.version },
        { version: doc.version, rule: doc.rule },
        tx,
      )
      return ruleView(doc)
    })
  },
}

/**
 * Opens the period containing now (by the rule's cadence). Periods of a street follow each other and
 * never overlap (periods.ts `openProblem`). With `autoPeriods` in the rule the period is marked to run
 * on the timer: it closes at its end and the next opens (timers.ts). The transaction links the latest
 * period to the new one, so two opens at once cannot both pass.
 */
export const periodOpen: Handler<'property.period.open'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    ensure(actor.isStreetAdminOf(input.streetId), '只能管理您所在街道的评价周期')
    const street = await repo.street(db, input.streetId)
    if (!street) throw notFound('街道')
    const [{ rule }, latest] = await Promise.all([
      repo.currentRule(db, input.streetId),
      repo.latestPeriod(db, input.streetId),
    ])
    const doc = newPeriod(ctx, input.streetId, rule)
    // One transaction: the period, the link from the one before it, the audit and the request's done mark.
    return ctx.onceTx(input.requestId, async (tx) => {
      const problem = await openProblem(ctx, input.streetId, latest, doc)
      if (problem) throw conflict(problem)
      await openInTx(ctx, tx, doc, latest)
      return periodView(doc, now)
    })
  },
}

/** The street closes the open period, early or at its end (the timer closes an automatic one at its end). */
export const periodClose: Handler<'property.period.close'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const period = await repo.period(db, input.periodId)
    if (!period) throw notFound('评价周期')
    ensure(actor.isStreetAdminOf(period.streetId), '只能管理您所在街道的评价周期')
    if (period.status !== 'open') throw conflict('该周期已结束')
    const { rule } = await repo.currentRule(db, period.streetId)
    return periodView(await closePeriod(ctx, period, rule), now)
  },
}

export const periodList: Handler<'property.period.list'> = {
  run(ctx) {
    return listPeriods(ctx.db, ctx.input.streetId, ctx.input, (p) => periodView(p, ctx.now))
  },
}
