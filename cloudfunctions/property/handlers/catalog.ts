import type { PageInput } from '../../../types/common'
import type { RuleInput } from '../../../types/property'
import type { Ctx } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { txGetOrNull } from '../../shared/db-types'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { fetchPage } from '../../shared/paging'
import { addDays, overlaps, periodId, periodLabel, periodOf } from '../domain/periods'
import { ruleDocId } from '../domain/rules'
import { findById, repo, type CompanyDoc, type EstateDoc, type PeriodDoc, type RuleDoc } from '../repo'
import { effectsOf, periodView, redPropertyView, ruleView } from '../views'
import { whistleRecord } from '../../grid/repo'
import { commitmentView, type CommitmentDoc } from '../../org/handlers/joint'

/** Companies, rules and periods: what the street sets up. */

export const companyList = {
  run(ctx: Ctx<PageInput & { streetId: string }>) {
    const q = ctx.db.collection(COL.companies).where({ streetId: ctx.input.streetId })
    return fetchPage<CompanyDoc, { id: string; streetId: string; name: string }>(q, ctx.input, [['name', 'asc']], (c) => ({ id: c._id, streetId: c.streetId, name: c.name }))
  },
}

/** A company's page: the estates it serves now, and its placement and served estates in each published period (live versions). */
export const companyGet = {
  async run(ctx: Ctx<{ companyId: string }>) {
    const { db, input } = ctx
    const company = await repo.company(db, input.companyId)
    if (!company) throw notFound('物业公司')
    const [{ data: estates }, history, whistle, partyOrg, { data: commitments }] = await Promise.all([
      db.collection(COL.estates).where({ companyId: company._id }).orderBy('name', 'asc').limit(100).get(),
      repo.history(db, company.streetId, 12),
      whistleRecord(db, 'company', company._id, ctx.now),
      repo.partyOrg(db, company._id),
      db.collection(COL.jointCommitments).where({ affiliationId: company._id }).orderBy('claimedAt', 'desc').limit(20).get(),
    ])
    // Each period names the estates the company served then (frozen inputs), not the ones it serves now.
    const points = history
      .map((p) => ({ p, e: p.entries.find((x) => x.companyId === company._id) }))
      .filter((x) => x.e)
      .map(({ p, e }) => ({
        periodId: p.periodId, periodLabel: p.periodLabel, publicationId: p._id, placement: e!.placement, score: e!.score, rank: e!.rank, reasons: e!.reasons,
        estates: p.inputs.find((i) => i.companyId === company._id)?.estates ?? [],
        effects: effectsOf(p.effects, company._id),
      }))
      .reverse()
    // The current list is the latest period's (history is newest first by period start).
    const entry = history[0]?.entries.find((x) => x.companyId === company._id)
    const current = entry ? { ...entry, effects: effectsOf(history[0].effects, company._id) } : null
    return {
      company: { id: company._id, streetId: company.streetId, name: company.name },
      estates: (estates as EstateDoc[]).map((e) => ({ id: e._id, name: e.name, communityId: e.communityId })),
      current,
      currentPublicationId: history[0]?._id ?? null,
      history: points,
      whistle,
      redProperty: partyOrg ? redPropertyView(partyOrg) : null,
      commitments: (commitments as CommitmentDoc[]).map((c) => commitmentView(c, ctx.now)),
    }
  },
}

/** A new company of the street (companies are otherwise seeded with the organisation). */
export const companyCreate = {
  async run(ctx: Ctx<{ requestId: string; streetId: string; name: string }>) {
    const { db, actor, input, now } = ctx
    ensure(actor.isStreetAdminOf(input.streetId), '只能为您管理的街道登记物业公司')
    const street = await findById<{ _id: string }>(db, COL.streets, input.streetId)
    if (!street) throw notFound('街道')
    await ctx.checkText(input.name)
    return ctx.onceTx(input.requestId, async (tx) => {
      const { total } = await db.collection(COL.companies).where({ streetId: input.streetId, name: input.name }).count()
      if (total > 0) throw conflict('本街道已有同名物业公司')
      const doc = { _id: newId('co'), streetId: input.streetId, name: input.name, createdAt: now, createdBy: actor.openid }
      const { _id, ...rest } = doc
      await tx.collection(COL.companies).doc(_id).set({ data: rest })
      await ctx.audit(`${COL.companies}/${doc._id}`, null, { name: doc.name, streetId: doc.streetId }, tx)
      return { id: doc._id, streetId: doc.streetId, name: doc.name }
    })
  },
}

/**
 * The company serving an estate from now on. Ratings already given keep the company they rated
 * (each rating stores it); each publication freezes the estates each company served.
 */
export const companyAssignEstate = {
  async run(ctx: Ctx<{ estateId: string; companyId: string }>) {
    const { db, actor, input } = ctx
    const [estate, company] = await Promise.all([repo.estate(db, input.estateId), repo.company(db, input.companyId)])
    if (!estate || !company) throw notFound('小区或物业公司')
    ensure(actor.isStreetAdminOf(estate.streetId), '只能调整您所在街道的小区')
    if (company.streetId !== estate.streetId) throw invalid('该物业公司不属于本街道', ['companyId'])
    const previous = estate.companyId ?? null
    if (previous === company._id) throw conflict('该小区已由这家物业服务')
    await ctx.transaction(async (tx) => {
      const fresh = await txGetOrNull<EstateDoc>(tx, COL.estates, estate._id)
      if ((fresh?.companyId ?? null) !== previous) throw conflict('小区的服务物业刚被修改，请刷新')
      await tx.collection(COL.estates).doc(estate._id).update({ data: { companyId: company._id, companyName: company.name } })
      await ctx.audit(`${COL.estates}/${estate._id}`, { companyId: previous }, { companyId: company._id }, tx)
    })
    return { estateId: estate._id, estateName: estate.name, companyId: company._id, companyName: company.name, previousCompanyId: previous }
  },
}

export const ruleCurrent = {
  async run(ctx: Ctx<{ streetId: string }>) {
    return ruleView(await repo.currentRule(ctx.db, ctx.input.streetId))
  },
}

/** Any version of the street's rule, so a publication's frozen rule can be checked against it (0: the built-in default). */
export const ruleGet = {
  async run(ctx: Ctx<{ streetId: string; version: number }>) {
    const { db, input } = ctx
    if (input.version === 0) return ruleView(repo.defaultRule(input.streetId))
    const doc = await findById<RuleDoc>(db, COL.propertyRules, ruleDocId(input.streetId, input.version))
    if (!doc) throw notFound(`第 ${input.version} 版评分规则`)
    return ruleView(doc)
  },
}

/** A new rule version; the old ones stay (publications name the version they used). */
export const rulePublish = {
  async run(ctx: Ctx<{ requestId: string; streetId: string; rule: RuleInput }>) {
    const { db, actor, input, now } = ctx
    ensure(actor.isStreetAdminOf(input.streetId), '只能为您管理的街道设置规则')
    return ctx.onceTx(input.requestId, async (tx) => {
      const current = await repo.currentRule(db, input.streetId)
      const doc: RuleDoc = {
        _id: ruleDocId(input.streetId, current.version + 1), streetId: input.streetId, version: current.version + 1,
        rule: input.rule, createdAt: now, createdBy: actor.openid, createdByName: actor.name,
      }
      if (await txGetOrNull(tx, COL.propertyRules, doc._id)) throw conflict('规则刚被他人修改，请刷新后重试')
      const { _id, ...rest } = doc
      await tx.collection(COL.propertyRules).doc(_id).set({ data: rest })
      await ctx.audit(`${COL.propertyRules}/${doc._id}`, { version: current.version }, { version: doc.version, rule: doc.rule }, tx)
      return ruleView(doc)
    })
  },
}

/**
 * Opens the period containing now (by the rule's cadence). Periods of a street follow each other and
 * never overlap: one opens only after the latest has ended (so a change of cadence takes effect at the
 * next boundary of both, and no household rates the same days twice). The transaction links the
 * latest period to the new one, so two opens at once cannot both pass.
 */
export const periodOpen = {
  async run(ctx: Ctx<{ requestId: string; streetId: string }>) {
    const { db, actor, input, now } = ctx
    ensure(actor.isStreetAdminOf(input.streetId), '只能管理您所在街道的评价周期')
    const street = await findById<{ _id: string }>(db, COL.streets, input.streetId)
    if (!street) throw notFound('街道')
    const [{ rule }, latest] = await Promise.all([repo.currentRule(db, input.streetId), repo.latestPeriod(db, input.streetId)])
    const { key, start, end } = periodOf(now, rule.cadence)
    const label = periodLabel(key)
    // One transaction: the period, the link from the one before it, the audit and the request's done mark.
    return ctx.onceTx(input.requestId, async (tx) => {
      if (latest?.status === 'open') throw conflict('已有进行中的评价周期，请先结束它')
      if (latest && !(new Date(latest.end).getTime() <= start.getTime())) {
        // Name the period it collides with: the latest when it overlaps, else the first one that does.
        const hit = overlaps(latest, { start, end }) ? latest : await repo.firstPeriodEndingAfter(db, input.streetId, start)
        if (hit && overlaps(hit, { start, end })) throw conflict(`与已有的周期「${hit.label}」时间重叠，不能开启「${label}」`)
        throw conflict(`已有更晚的周期「${latest.label}」，不能开启更早的「${label}」`)
      }
      const doc: PeriodDoc = {
        _id: periodId(input.streetId, key), streetId: input.streetId, key, label, cadence: rule.cadence, start, end,
        status: 'open', openedAt: now, openedBy: actor.openid,
      }
      if (await txGetOrNull(tx, COL.propertyPeriods, doc._id)) throw conflict(`${doc.label}的评价周期已开启过`)
      if (latest) {
        const fresh = await txGetOrNull<PeriodDoc>(tx, COL.propertyPeriods, latest._id)
        if (fresh?.nextPeriodId) throw conflict('评价周期刚被他人开启，请刷新')
        await tx.collection(COL.propertyPeriods).doc(latest._id).update({ data: { nextPeriodId: doc._id } })
      }
      const { _id, ...rest } = doc
      await tx.collection(COL.propertyPeriods).doc(_id).set({ data: rest })
      await ctx.audit(`${COL.propertyPeriods}/${doc._id}`, null, { status: 'open', key, start, end, after: latest?._id ?? null }, tx)
      return periodView(doc, now)
    })
  },
}

export const periodClose = {
  async run(ctx: Ctx<{ periodId: string }>) {
    const { db, actor, input, now } = ctx
    const period = await repo.period(db, input.periodId)
    if (!period) throw notFound('评价周期')
    ensure(actor.isStreetAdminOf(period.streetId), '只能管理您所在街道的评价周期')
    if (period.status !== 'open') throw conflict('该周期已结束')
    const { rule } = await repo.currentRule(db, period.streetId)
    const after: PeriodDoc = { ...period, status: 'closed', closedAt: now, objectionUntil: addDays(now, rule.objectionDays) }
    await ctx.transaction(async (tx) => {
      const fresh = await txGetOrNull<PeriodDoc>(tx, COL.propertyPeriods, period._id)
      if (fresh?.status !== 'open') throw conflict('该周期已结束')
      await tx.collection(COL.propertyPeriods).doc(period._id).update({ data: { status: 'closed', closedAt: now, objectionUntil: after.objectionUntil } })
      await ctx.audit(`${COL.propertyPeriods}/${period._id}`, { status: 'open' }, { status: 'closed', objectionUntil: after.objectionUntil }, tx)
    })
    return periodView(after, now)
  },
}

export const periodList = {
  run(ctx: Ctx<PageInput & { streetId: string }>) {
    const q = ctx.db.collection(COL.propertyPeriods).where({ streetId: ctx.input.streetId })
    return fetchPage<PeriodDoc, ReturnType<typeof periodView>>(q, ctx.input, [['start', 'desc']], (p) => periodView(p, ctx.now))
  },
}
