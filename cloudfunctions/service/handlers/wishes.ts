import type { Ctx, Handler } from '../../shared/dispatch'
import { addressOf } from '../../shared/address'
import { COL } from '../../shared/collections'
import { conflict, ensure, forbidden, invalid, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { notify, TEMPLATES } from '../../shared/notify'
import { yearOf, quarterOf } from '../../shared/period'
import { CLAIM_HISTORY_LIMIT, claimDueAt, claimLapsed, claimProblem } from '../domain/wishes'
import {
  addWishInTx,
  bumpLedgers,
  findWishInTx,
  ids,
  isCared,
  listWishes,
  putWishInTx,
  repo,
  type MemberDoc,
  type WishDoc,
} from '../repo'
import { wishView } from '../views'
import { wishKind } from '../moderation'
import { holdOnStore, stateOf } from '../../shared/moderation'

/** 微心愿: a resident posts, one member claims, delivers, the resident confirms and thanks. */

const MAX_DAYS = 90

export const wishCreate: Handler<'service.wish.create'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const own = actor.grants('resident')
    const householdId = input.householdId ?? own[0]?.scopeId
    if (!householdId) throw invalid('请选择房屋', ['householdId'])
    const household = await repo.household(db, householdId)
    if (!household) throw notFound('房屋')
    ctx.within(household)
    const asResident = actor.has('resident', household._id)
    ensure(asResident || actor.isSecretaryOf(household.communityId), '只能为自家或本社区居民发布心愿')
    const dueAt = new Date(input.dueAt)
    if (dueAt.getTime() <= now.getTime()) throw invalid('期望日期须晚于现在', ['dueAt'])
    if (dueAt.getTime() > now.getTime() + MAX_DAYS * 86400_000)
      throw invalid(`期望日期最多 ${MAX_DAYS} 天内`, ['dueAt'])
    const residentName = asResident ? actor.name : input.residentName
    if (!residentName) throw invalid('请填写居民姓名', ['residentName'])
    const [verdict, care] = await Promise.all([
      ctx.checkItemText(input.title, input.detail, input.residentName),
      isCared(db, household._id),
    ])
    return ctx.onceTx(input.requestId, async (tx) => {
      const doc: WishDoc = {
        _id: newId('wish'),
        communityId: household.communityId,
        streetId: household.streetId,
        householdId: household._id,
        address: addressOf(household),
        care: care || undefined,
        residentOpenid: asResident ? actor.openid : undefined,
        residentName,
        postedBy: actor.openid,
        title: input.title,
        detail: input.detail,
        dueAt,
        status: 'open',
        createdAt: now,
      }
      // A wish the platform wants looked at is stored held, in the secretary's review queue.
      if (verdict === 'review') Object.assign(doc, await holdOnStore(ctx, tx, wishKind, wishKind.describe(doc)))
      await addWishInTx(tx, doc)
      await ctx.audit(`${COL.svcWishes}/${doc._id}`, null, { title: doc.title, status: 'open', dueAt }, tx)
      return wishView(doc, actor, now)
    })
  },
}

export const wishList: Handler<'service.wish.list'> = {
  run(ctx) {
    const { db, actor, input, now } = ctx
    // Held and removed wishes are left out, except to their household and poster (shown marked).
    const own = [{ postedBy: actor.openid }, ...actor.grants('resident').map((g) => ({ householdId: g.scopeId }))]
    const q = {
      communityId: input.communityId,
      status: input.status,
      now,
      own,
      mineOf: input.mine ? actor.openid : undefined,
    }
    // Members (who claim) see 重点关爱 households' wishes first (issue 15 §5); others in due order, so the order tells them nothing.
    const order: [string, 'asc' | 'desc'][] = actor.has('member', input.communityId)
      ? [
          ['care', 'desc'],
          ['dueAt', 'asc'],
        ]
      : [['dueAt', 'asc']]
    return listWishes(db, q, order, input, (w) => wishView(w, actor, now))
  },
}

export const wishClaim: Handler<'service.wish.claim'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const wish = await repo.wish(db, input.wishId)
    if (!wish) throw notFound('心愿')
    ensure(actor.has('member', wish.communityId), '只有本社区报到党员可以认领')
    const problem = claimProblem(wish, now)
    if (problem) throw conflict(problem)
    if (stateOf(wish)) throw conflict('该心愿正在审核，暂不能认领')
    let after: WishDoc = wish
    await ctx.transaction(async (tx) => {
      const fresh = await findWishInTx(tx, wish._id)
      if (!fresh) throw notFound('心愿')
      const p = claimProblem(fresh, now) ?? (stateOf(fresh) ? '该心愿正在审核，暂不能认领' : null)
      if (p) throw conflict(p)
      const claimNo = (fresh.claimNo ?? 0) + 1
      after = {
        ...fresh,
        status: 'claimed',
        claimerOpenid: actor.openid,
        claimerName: actor.name,
        claimedAt: now,
        claimDueAt: claimDueAt(now, fresh.dueAt),
        claimNo,
      }
      await putWishInTx(tx, after)
      await ctx.audit(
        `${COL.svcWishes}/${wish._id}`,
        { status: 'open' },
        { status: 'claimed', claimer: actor.openid, claimNo, claimDueAt: after.claimDueAt },
        tx,
      )
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

export const wishDeliver: Handler<'service.wish.deliver'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const wish = await repo.wish(db, input.wishId)
    if (!wish) throw notFound('心愿')
    ensure(wish.claimerOpenid === actor.openid, '只有认领人可以标记送达')
    if (wish.status !== 'claimed') throw conflict('心愿不在已认领状态')
    if (claimLapsed(wish, now)) throw conflict(LAPSED)
    await ctx.checkText(input.note)
    let after: WishDoc = wish
    await ctx.transaction(async (tx) => {
      const fresh = await findWishInTx(tx, wish._id)
      if (!fresh || fresh.status !== 'claimed' || fresh.claimerOpenid !== actor.openid)
        throw conflict('心愿不在已认领状态')
      if (claimLapsed(fresh, now)) throw conflict(LAPSED)
      after = { ...fresh, status: 'delivered', deliveredAt: now, deliveredNote: input.note }
      await putWishInTx(tx, after)
      await ctx.audit(
        `${COL.svcWishes}/${wish._id}`,
        { status: 'claimed' },
        { status: 'delivered', note: input.note },
        tx,
      )
    })
    return wishView(after, actor, now)
  },
}

const LAPSED = '认领已超过期限，心愿已退回待认领'

/**
 * End a live claim without delivery — released by its claimer or lapsed past its deadline (timer) — in one
 * transaction on the wish: it is open again (待认领, or back to the community if its own date has passed),
 * the claim is kept in `claimHistory`, and the people concerned are told after the commit. `still` re-checks
 * on the fresh document that this is the same claim and that it may end this way, so a delivery, a release
 * and the timer racing on one wish never both land.
 */
export async function endClaim(
  ctx: Ctx<unknown>,
  wish: WishDoc,
  outcome: 'released' | 'lapsed',
  still: (w: WishDoc) => string | null,
  reason?: string,
): Promise<WishDoc> {
  const { now } = ctx
  let after: WishDoc = wish
  await ctx.transaction(async (tx) => {
    const fresh = await findWishInTx(tx, wish._id)
    if (
      !fresh ||
      fresh.status !== 'claimed' ||
      fresh.claimNo !== wish.claimNo ||
      fresh.claimerOpenid !== wish.claimerOpenid
    )
      throw conflict('心愿的认领已变化，请刷新')
    const problem = still(fresh)
    if (problem) throw conflict(problem)
    const ended = {
      no: fresh.claimNo ?? 1,
      claimerOpenid: fresh.claimerOpenid!,
      claimerName: fresh.claimerName ?? '',
      claimedAt: fresh.claimedAt ?? now,
      endedAt: now,
      outcome,
      reason,
    }
    after = {
      ...fresh,
      status: 'open',
      claimerOpenid: undefined,
      claimerName: undefined,
      claimedAt: undefined,
      claimDueAt: undefined,
      claimHistory: [...(fresh.claimHistory ?? []), ended].slice(-CLAIM_HISTORY_LIMIT),
    }
    await putWishInTx(tx, after)
    await ctx.audit(
      `${COL.svcWishes}/${wish._id}`,
      { status: 'claimed', claimNo: fresh.claimNo },
      { status: 'open', outcome, reason: reason ?? null },
      tx,
    )
  })
  const page = 'packages/service/pages/wishes/index'
  const title = { value: wish.title.slice(0, 20) }
  if (outcome === 'lapsed')
    await notify({
      toOpenid: wish.claimerOpenid!,
      templateId: TEMPLATES.wishReturned,
      page,
      data: { thing1: title, phrase2: { value: '超期已退回' } },
    })
  if (wish.residentOpenid)
    await notify({
      toOpenid: wish.residentOpenid,
      templateId: TEMPLATES.wishReturned,
      page,
      data: { thing1: title, phrase2: { value: '重新待认领' } },
    })
  return after
}

/** The claimer lets the wish go (待认领 again); the resident is told. */
export const wishRelease: Handler<'service.wish.release'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const wish = await repo.wish(db, input.wishId)
    if (!wish) throw notFound('心愿')
    ensure(wish.claimerOpenid === actor.openid, '只有认领人可以放弃认领')
    if (wish.status !== 'claimed') throw conflict('心愿不在已认领状态')
    await ctx.checkText(input.reason)
    const after = await endClaim(ctx as Ctx<unknown>, wish, 'released', () => null, input.reason)
    return wishView(after, actor, now)
  },
}

/** The timer's step for one wish: a claim past its deadline without delivery returns the wish to 待认领. */
export const returnLapsedClaim = (ctx: Ctx<unknown>, wish: WishDoc) =>
  endClaim(ctx, wish, 'lapsed', (w) => (claimLapsed(w, ctx.now) ? null : '认领尚未超期'))

export const wishConfirm: Handler<'service.wish.confirm'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const wish = await repo.wish(db, input.wishId)
    if (!wish) throw notFound('心愿')
    if (!actor.has('resident', wish.householdId)) throw forbidden('只有许愿的住户可以确认')
    if (wish.status !== 'delivered') throw conflict('心愿尚未送达')
    await ctx.checkText(input.thanks)
    const claimer = await repo.member(db, ids.member(wish.claimerOpenid!))
    let after: WishDoc = wish
    await ctx.transaction(async (tx) => {
      const fresh = await findWishInTx(tx, wish._id)
      if (!fresh || fresh.status !== 'delivered') throw conflict('心愿尚未送达')
      after = { ...fresh, status: 'confirmed', confirmedAt: now, rating: input.rating, thanks: input.thanks }
      await putWishInTx(tx, after)
      const m: Partial<MemberDoc> = claimer ?? {}
      await bumpLedgers(
        tx,
        {
          openid: fresh.claimerOpenid!,
          memberId: ids.member(fresh.claimerOpenid!),
          name: fresh.claimerName ?? m.name ?? '',
          kind: m.kind,
          unitId: m.unitId,
          unitName: m.unitName ?? '',
          communityId: fresh.communityId,
        },
        [String(yearOf(now)), quarterOf(now)],
        { wishes: 1, careWishes: fresh.care ? 1 : 0, ratingSum: input.rating, ratingCount: 1 },
        now,
      )
      await ctx.audit(
        `${COL.svcWishes}/${wish._id}`,
        { status: 'delivered' },
        { status: 'confirmed', rating: input.rating },
        tx,
      )
    })
    return wishView(after, actor, now)
  },
}
