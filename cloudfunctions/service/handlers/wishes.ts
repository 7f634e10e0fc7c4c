import type { PageInput } from '../../../types/common'
import type { WishStatus } from '../../../types/service'
import type { Ctx } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { txGetOrNull } from '../../shared/db-types'
import { conflict, ensure, forbidden, invalid, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { notify, TEMPLATES } from '../../shared/notify'
import { fetchPage } from '../../shared/paging'
import { yearOf, quarterOf } from '../domain/period'
import { claimProblem } from '../domain/wishes'
import { bumpLedgers, ids, load, txPut, type MemberDoc, type WishDoc } from '../repo'
import { wishView } from '../views'
import { wishKind } from '../moderation'
import { holdOnStore, stateOf, visibleWhere } from '../../shared/moderation'

/** 微心愿: a resident posts, one member claims, delivers, the resident confirms and thanks. */

const MAX_DAYS = 90

interface CreateInput { requestId: string; title: string; detail?: string; dueAt: string; householdId?: string; residentName?: string }

export const wishCreate = {
  async run(ctx: Ctx<CreateInput>) {
    const { db, actor, input, now } = ctx
    const own = actor.grants('resident')
    const householdId = input.householdId ?? own[0]?.scopeId
    if (!householdId) throw invalid('请选择房屋', ['householdId'])
    const household = await load.household(db, householdId)
    if (!household) throw notFound('房屋')
    ctx.within(household)
    const asResident = actor.has('resident', household._id)
    ensure(asResident || actor.isSecretaryOf(household.communityId), '只能为自家或本社区居民发布心愿')
    const dueAt = new Date(input.dueAt)
    if (dueAt.getTime() <= now.getTime()) throw invalid('期望日期须晚于现在', ['dueAt'])
    if (dueAt.getTime() > now.getTime() + MAX_DAYS * 86400_000) throw invalid(`期望日期最多 ${MAX_DAYS} 天内`, ['dueAt'])
    const residentName = asResident ? actor.name : input.residentName
    if (!residentName) throw invalid('请填写居民姓名', ['residentName'])
    const verdict = await ctx.checkItemText(input.title, input.detail, input.residentName)
    return ctx.onceTx(input.requestId, async (tx) => {
      const doc: WishDoc = {
        _id: newId('wish'), communityId: household.communityId, streetId: household.streetId, householdId: household._id, address: household.address,
        residentOpenid: asResident ? actor.openid : undefined, residentName, postedBy: actor.openid, title: input.title, detail: input.detail,
        dueAt, status: 'open', createdAt: now,
      }
      // A wish the platform wants looked at is stored held, in the secretary's review queue.
      if (verdict === 'review') Object.assign(doc, await holdOnStore(ctx, tx, wishKind, wishKind.describe(doc)))
      await tx.collection(COL.svcWishes).add({ data: Object.fromEntries(Object.entries(doc).filter(([, v]) => v !== undefined)) })
      await ctx.audit(`${COL.svcWishes}/${doc._id}`, null, { title: doc.title, status: 'open', dueAt }, tx)
      return wishView(doc, actor, now)
    })
  },
}

export const wishList = {
  run(ctx: Ctx<PageInput & { communityId: string; status: WishStatus | 'all'; mine: boolean }>) {
    const { db, actor, input, now } = ctx
    const _ = db.command
    const filter: Record<string, unknown> = { communityId: input.communityId }
    if (input.status === 'open') Object.assign(filter, { status: 'open', dueAt: _.gte(now) })
    else if (input.status === 'returned') Object.assign(filter, { status: 'open', dueAt: _.lt(now) })
    else if (input.status !== 'all') filter.status = input.status
    // Held and removed wishes are left out, except to their household and poster (shown marked).
    const own = [{ postedBy: actor.openid }, ...actor.grants('resident').map((g) => ({ householdId: g.scopeId }))]
    const q = input.mine
      ? db.collection(COL.svcWishes).where(_.and(visibleWhere(db, filter, ...own), _.or({ residentOpenid: actor.openid }, { claimerOpenid: actor.openid })) as Record<string, unknown>)
      : db.collection(COL.svcWishes).where(visibleWhere(db, filter, ...own))
    return fetchPage<WishDoc, ReturnType<typeof wishView>>(q, input, [['dueAt', 'asc']], (w) => wishView(w, actor, now))
  },
}

export const wishClaim = {
  async run(ctx: Ctx<{ wishId: string }>) {
    const { db, actor, input, now } = ctx
    const wish = await load.wish(db, input.wishId)
    if (!wish) throw notFound('心愿')
    ensure(actor.has('member', wish.communityId), '只有本社区报到党员可以认领')
    const problem = claimProblem(wish, now)
    if (problem) throw conflict(problem)
    if (stateOf(wish)) throw conflict('该心愿正在审核，暂不能认领')
    let after: WishDoc = wish
    await ctx.transaction(async (tx) => {
      const fresh = await txGetOrNull<WishDoc>(tx, COL.svcWishes, wish._id)
      if (!fresh) throw notFound('心愿')
      const p = claimProblem(fresh, now) ?? (stateOf(fresh) ? '该心愿正在审核，暂不能认领' : null)
      if (p) throw conflict(p)
      after = { ...fresh, status: 'claimed', claimerOpenid: actor.openid, claimerName: actor.name, claimedAt: now }
      await txPut(tx, COL.svcWishes, after)
      await ctx.audit(`${COL.svcWishes}/${wish._id}`, { status: 'open' }, { status: 'claimed', claimer: actor.openid }, tx)
    })
    if (wish.residentOpenid) {
      await notify({
        toOpenid: wish.residentOpenid,
        templateId: TEMPLATES.wishClaimed,
        page: 'packages/service/pages/wishes/index',
        data: { thing1: { value: wish.title.slice(0, 20) }, name2: { value: actor.name.slice(0, 10) } },
      })
    }
    return wishView(after, actor, now)
  },
}

export const wishDeliver = {
  async run(ctx: Ctx<{ wishId: string; note: string }>) {
    const { db, actor, input, now } = ctx
    const wish = await load.wish(db, input.wishId)
    if (!wish) throw notFound('心愿')
    ensure(wish.claimerOpenid === actor.openid, '只有认领人可以标记送达')
    if (wish.status !== 'claimed') throw conflict('心愿不在已认领状态')
    await ctx.checkText(input.note)
    let after: WishDoc = wish
    await ctx.transaction(async (tx) => {
      const fresh = await txGetOrNull<WishDoc>(tx, COL.svcWishes, wish._id)
      if (!fresh || fresh.status !== 'claimed' || fresh.claimerOpenid !== actor.openid) throw conflict('心愿不在已认领状态')
      after = { ...fresh, status: 'delivered', deliveredAt: now, deliveredNote: input.note }
      await txPut(tx, COL.svcWishes, after)
      await ctx.audit(`${COL.svcWishes}/${wish._id}`, { status: 'claimed' }, { status: 'delivered', note: input.note }, tx)
    })
    return wishView(after, actor, now)
  },
}

export const wishConfirm = {
  async run(ctx: Ctx<{ wishId: string; rating: number; thanks?: string }>) {
    const { db, actor, input, now } = ctx
    const wish = await load.wish(db, input.wishId)
    if (!wish) throw notFound('心愿')
    if (!actor.has('resident', wish.householdId)) throw forbidden('只有许愿的住户可以确认')
    if (wish.status !== 'delivered') throw conflict('心愿尚未送达')
    await ctx.checkText(input.thanks)
    const claimer = await load.member(db, ids.member(wish.claimerOpenid!))
    let after: WishDoc = wish
    await ctx.transaction(async (tx) => {
      const fresh = await txGetOrNull<WishDoc>(tx, COL.svcWishes, wish._id)
      if (!fresh || fresh.status !== 'delivered') throw conflict('心愿尚未送达')
      after = { ...fresh, status: 'confirmed', confirmedAt: now, rating: input.rating, thanks: input.thanks }
      await txPut(tx, COL.svcWishes, after)
      const m: Partial<MemberDoc> = claimer ?? {}
      await bumpLedgers(
        tx,
        { openid: fresh.claimerOpenid!, memberId: ids.member(fresh.claimerOpenid!), name: fresh.claimerName ?? m.name ?? '', unitId: m.unitId, unitName: m.unitName ?? '', communityId: fresh.communityId },
        [String(yearOf(now)), quarterOf(now)],
        { wishes: 1, ratingSum: input.rating, ratingCount: 1 },
        now,
      )
      await ctx.audit(`${COL.svcWishes}/${wish._id}`, { status: 'delivered' }, { status: 'confirmed', rating: input.rating }, tx)
    })
    return wishView(after, actor, now)
  },
}
