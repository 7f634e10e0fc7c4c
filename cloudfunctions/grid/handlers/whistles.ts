import { COL } from '../../shared/collections'
import type { Ctx, Handler } from '../../shared/dispatch'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { TEMPLATES } from '../../shared/notify'
import { quarterOf } from '../../shared/period'
import { summonsView, whistleRecord } from '../../shared/whistle-record'
import { answerOutcome, eventTitle, handlerKeysOf } from '../domain/rules'
import {
  findEventInTx,
  findSummonsInTx,
  ids,
  listSummonsFor,
  listUnitsOfGrid,
  putEventInTx,
  putSummonsInTx,
  putWhistleInTx,
  repo,
  settingsOf,
  type EventDoc,
  type SummonsDoc,
  type WhistleDoc,
} from '../repo'
import { ensureNotHeld, isGridLeader, loadEvent } from '../access'
import { notifyParty } from '../notices'

type Party = { type: 'unit' | 'company'; id: string; name: string }

/** The parties a whistle may summon for an event: the estate's property company and the grid's responsible units. */
async function summonable(ctx: Ctx<unknown>, e: EventDoc): Promise<Party[]> {
  const { db } = ctx
  const [estate, units] = await Promise.all([
    e.estateId ? repo.estate(db, e.estateId) : Promise.resolve(null),
    listUnitsOfGrid(db, e.communityId, e.gridId),
  ])
  const out: Party[] = []
  if (estate?.companyId) out.push({ type: 'company', id: estate.companyId, name: estate.companyName ?? '物业公司' })
  for (const u of units) {
    if ((u.gridIds ?? []).includes(e.gridId)) out.push({ type: 'unit', id: u._id, name: u.name })
  }
  return out
}

export const whistleParties: Handler<'grid.whistle.parties'> = {
  async run(ctx) {
    const e = await loadEvent(ctx, ctx.input.eventId)
    ensure(
      ctx.actor.isSecretaryOf(e.communityId) || (await isGridLeader(ctx, e.gridId)),
      '只有本社区书记或本网格网格长可以查看',
    )
    return { items: await summonable(ctx, e) }
  },
}

const CLOSED = ['closed', 'converted']

/** Summon several parties at once; each gets a summons with the street's answer window. */
export const whistleBlow: Handler<'grid.whistle.blow'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const e = await loadEvent(ctx, input.eventId)
    ensure(actor.isSecretaryOf(e.communityId), '只有本社区书记可以吹哨')
    if (CLOSED.includes(e.status)) throw conflict('事件已办结，不能吹哨')
    ensureNotHeld(e)
    const keys = [...new Set(input.parties.map((p) => `${p.type}:${p.id}`))]
    if (keys.length !== input.parties.length) throw invalid('召集方重复', ['parties'])
    const [allowed, settings] = await Promise.all([summonable(ctx, e), settingsOf(db, e.streetId)])
    const parties = input.parties.map((p) => {
      const found = allowed.find((a) => a.type === p.type && a.id === p.id)
      if (!found)
        throw invalid(p.type === 'company' ? '只能召集事件所在小区的物业公司' : '只能召集本网格的责任单位', ['parties'])
      return found
    })
    await ctx.checkText(input.note)
    return ctx.onceTx(
      input.requestId,
      async (tx) => {
        const windowEndsAt = new Date(now.getTime() + settings.whistleWindowHours * 3600_000)
        const w: WhistleDoc = {
          _id: newId('whistle'),
          eventId: e._id,
          communityId: e.communityId,
          streetId: e.streetId,
          note: input.note,
          windowEndsAt,
          parties,
          blownBy: actor.openid,
          blownByName: actor.name,
          createdAt: now,
        }
        const summons: SummonsDoc[] = parties.map((p) => ({
          _id: ids.summons(w._id, p.type, p.id),
          whistleId: w._id,
          eventId: e._id,
          eventTitle: eventTitle(e),
          communityId: e.communityId,
          streetId: e.streetId,
          partyType: p.type,
          partyId: p.id,
          partyName: p.name,
          partyKey: `${p.type}:${p.id}`,
          quarter: quarterOf(now),
          windowEndsAt,
          outcome: 'pending',
          createdAt: now,
        }))
        const fresh = await findEventInTx(tx, e._id)
        if (!fresh || CLOSED.includes(fresh.status)) throw conflict('事件已办结，不能吹哨')
        await putWhistleInTx(tx, w)
        for (const s of summons) await putSummonsInTx(tx, s)
        await putEventInTx(tx, { ...fresh, _id: e._id, whistled: true, updatedAt: now })
        await ctx.audit(`${COL.gridWhistles}/${w._id}`, null, { eventId: e._id, parties: keys, windowEndsAt }, tx)
        return { summons: summons.map((s) => summonsView(s, now)) }
      },
      async () => {
        for (const p of parties)
          await notifyParty(ctx, p, TEMPLATES.gridWhistle, 'packages/grid/pages/inbox/index', `吹哨：${eventTitle(e)}`)
      },
    )
  },
}

export const whistleInbox: Handler<'grid.whistle.inbox'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const keys = handlerKeysOf(actor.openid, actor.roles).filter(
      (k) => k.startsWith('unit:') || k.startsWith('company:'),
    )
    if (!keys.length) return { items: [], total: 0, page: input.page, pageSize: input.pageSize }
    return listSummonsFor(db, keys, input, (s) => summonsView(s, now))
  },
}

/** Answer a summons once: 报到 with a commitment, or a reason. After the window it is still taken, recorded as late. */
export const whistleAnswer: Handler<'grid.whistle.answer'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const s = await repo.summons(db, input.summonsId)
    if (!s) throw notFound('召集')
    ensure(
      actor.has(s.partyType === 'unit' ? 'unit_liaison' : 'property_staff', s.partyId),
      '只有被召集的单位或物业可以应答',
    )
    if (s.outcome !== 'pending') throw conflict('已应答，不能重复应答')
    await ctx.checkText(input.text)
    let after = s
    await ctx.transaction(async (tx) => {
      const fresh = await findSummonsInTx(tx, s._id)
      if (!fresh || fresh.outcome !== 'pending') throw conflict('已应答，不能重复应答')
      const outcome = answerOutcome(new Date(fresh.windowEndsAt), now)
      after = {
        ...fresh,
        _id: s._id,
        outcome,
        answerKind: input.kind,
        answerText: input.text,
        answeredBy: actor.openid,
        answeredByName: actor.name,
        answeredAt: now,
      }
      await putSummonsInTx(tx, after)
      await ctx.audit(`${COL.gridSummons}/${s._id}`, { outcome: 'pending' }, { outcome, kind: input.kind }, tx)
    })
    return summonsView(after, now)
  },
}

/** A unit's or company's record of summons for a quarter: what the 双反馈 letter and the company page show. */
export const whistleRecordAction: Handler<'grid.whistle.record'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    if (input.partyType === 'unit') {
      const unit = await repo.unit(db, input.partyId)
      if (!unit) throw notFound('单位')
      ensure(
        actor.has('unit_liaison', input.partyId) ||
          actor.isSecretaryOf(unit.communityId) ||
          actor.isStreetAdminOf(unit.streetId),
        '只能查看本单位的记录',
      )
    } else {
      // A company's record is public, like its page on the list.
      if (!(await repo.company(db, input.partyId))) throw notFound('物业公司')
    }
    return whistleRecord(db, input.partyType, input.partyId, now, input.quarter)
  },
}
