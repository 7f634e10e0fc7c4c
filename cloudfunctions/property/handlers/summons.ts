import type { Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, forbidden, invalid, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { findSummonsInTx, listSummons, putSummonsInTx, repo, updateSummonsInTx, type SummonsDoc } from '../repo'
import { summonsView } from '../views'

/** 约谈: recorded for a company on the black list of a live publication. */
export const summonsCreate: Handler<'property.summons.create'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const pub = await repo.publication(db, input.publicationId)
    if (!pub) throw notFound('榜单')
    ensure(actor.isStreetAdminOf(pub.streetId), '只能记录您所在街道的约谈')
    if (!pub.live) throw conflict('该榜单已被新版本替代，请在最新榜单上记录约谈')
    const entry = pub.entries.find((e) => e.companyId === input.companyId)
    if (!entry || entry.placement !== 'black') throw invalid('只能约谈本期黑榜上的物业', ['companyId'])
    if (input.followUpDate < input.date) throw invalid('跟进日期不能早于约谈日期', ['followUpDate'])
    await ctx.checkText(input.attendees, input.problems, input.commitments)
    return ctx.onceTx(input.requestId, async (tx) => {
      const doc: SummonsDoc = {
        _id: newId('sum'),
        streetId: pub.streetId,
        publicationId: pub._id,
        periodId: pub.periodId,
        periodLabel: pub.periodLabel,
        companyId: entry.companyId,
        companyName: entry.companyName,
        date: input.date,
        attendees: input.attendees,
        problems: input.problems,
        commitments: input.commitments,
        followUpDate: input.followUpDate,
        followUps: [],
        by: actor.openid,
        byName: actor.name,
        createdAt: now,
      }
      await putSummonsInTx(tx, doc)
      await ctx.audit(
        `${COL.propertySummons}/${doc._id}`,
        null,
        { companyId: doc.companyId, date: doc.date, followUpDate: doc.followUpDate },
        tx,
      )
      return summonsView(doc)
    })
  },
}

export const summonsList: Handler<'property.summons.list'> = {
  run(ctx) {
    const { db, actor, input } = ctx
    if (!actor.isStreetAdminOf(input.streetId)) {
      if (!input.companyId || !actor.has('property_staff', input.companyId)) throw forbidden('只能查看本公司的约谈记录')
    }
    return listSummons(db, input.streetId, input.companyId, input, summonsView)
  },
}

export const summonsFollowUp: Handler<'property.summons.followUp'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const s = await repo.summons(db, input.summonsId)
    if (!s) throw notFound('约谈记录')
    ensure(actor.isStreetAdminOf(s.streetId), '只能跟进您所在街道的约谈')
    await ctx.checkText(input.text)
    const saved = await ctx.transaction(async (tx) => {
      const fresh = await findSummonsInTx(tx, s._id)
      if (!fresh) throw notFound('约谈记录')
      const followUps = [...fresh.followUps, { text: input.text, by: actor.openid, byName: actor.name, at: now }]
      await updateSummonsInTx(tx, s._id, { followUps })
      await ctx.audit(
        `${COL.propertySummons}/${s._id}`,
        { followUps: fresh.followUps.length },
        { followUps: followUps.length },
        tx,
      )
      return { ...fresh, followUps }
    })
    return summonsView(saved)
  },
}
