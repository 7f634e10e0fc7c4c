import type { Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { notify, TEMPLATES } from '../../shared/notify'
import { maskPhones } from '../domain/wishes'
import { findWishInTx, listWishMessages, putWishMessageInTx, repo, type WishDoc, type WishMessageDoc } from '../repo'
import { wishMessageView, wishSide } from '../views'

/**
 * The resident and the member who claimed their wish reach each other in the app: a message thread on the
 * wish, one per claim (`claimNo`), between the household (or the secretary who posted for a resident without
 * the app) and the claimer. Text is content-checked and mobile numbers are masked before it is stored, so no
 * whole number is shown to anyone; a later claimer starts a new thread and does not read the earlier one.
 */

const live = (w: WishDoc) => w.status === 'claimed' || w.status === 'delivered'

export const wishMessage: Handler<'service.wish.message'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const wish = await repo.wish(db, input.wishId)
    if (!wish) throw notFound('心愿')
    const side = wishSide(wish, actor)
    ensure(side, '只有许愿居民和认领党员可以留言')
    if (!live(wish)) throw conflict('心愿当前没有认领，无法留言')
    await ctx.checkText(input.text)
    const text = maskPhones(input.text)
    const other = side === 'claimer' ? wish.residentOpenid : wish.claimerOpenid
    return ctx.onceTx(
      input.requestId,
      async (tx) => {
        // The claim may have ended or changed hands since the wish was read: the message belongs to the claim it was written in.
        const fresh = await findWishInTx(tx, wish._id)
        if (!fresh || !live(fresh) || fresh.claimNo !== wish.claimNo || wishSide(fresh, actor) !== side)
          throw conflict('心愿的认领已变化，请刷新')
        const doc: WishMessageDoc = {
          _id: newId('wmsg'),
          wishId: wish._id,
          communityId: wish.communityId,
          claimNo: wish.claimNo ?? 1,
          side,
          by: actor.openid,
          byName: actor.name,
          text,
          at: now,
        }
        await putWishMessageInTx(tx, doc)
        await ctx.audit(`${COL.svcWishMessages}/${doc._id}`, null, { wishId: wish._id, claimNo: doc.claimNo, side }, tx)
        return wishMessageView(doc, actor)
      },
      async () => {
        if (other)
          await notify({
            toOpenid: other,
            templateId: TEMPLATES.wishMessage,
            page: 'packages/service/pages/wishes/index',
            data: { thing1: { value: wish.title.slice(0, 20) }, name2: { value: actor.name.slice(0, 10) } },
          })
      },
    )
  },
}

/** The current claim's messages, newest first, to its two sides only. Paged: four requests. */
export const wishMessages: Handler<'service.wish.messages'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    const wish = await repo.wish(db, input.wishId)
    if (!wish) throw notFound('心愿')
    ensure(
      wish.claimNo && wishSide(wish, actor) && (live(wish) || wish.status === 'confirmed'),
      '只有许愿居民和当前认领党员可以查看留言',
    )
    return listWishMessages(db, wish._id, wish.claimNo, input, (m) => wishMessageView(m, actor))
  },
}
