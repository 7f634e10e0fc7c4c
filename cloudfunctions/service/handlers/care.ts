import { addressOf } from '../../shared/address'
import { COL } from '../../shared/collections'
import type { Ctx, Handler } from '../../shared/dispatch'
import type { Transaction } from '../../shared/db-types'
import { conflict, ensure, notFound } from '../../shared/errors'
import {
  findCareInTx,
  ids,
  listCommunityCare,
  listGridCare,
  listHouseholdsCare,
  listWishesInHand,
  putCareInTx,
  repo,
  updateWishCareInTx,
  type CareDoc,
} from '../repo'
import { careMarkView, careView } from '../views'

/**
 * 重点关爱 (issue 15 §5). One record per household, `svc_care` `ids.care(householdId)`: marked by the
 * secretary with the household's consent (who consented, the day, who recorded it), revoked by the
 * household or the secretary (the record stays, `status: revoked`); marking again after a revocation
 * copies the old record to `ids.careVersion(householdId, n)` (`status: superseded`) first, so no consent is lost. The reason (`kinds`,
 * `note`) leaves the function only in `care.list` (the secretary) and `care.mine` (the household); the
 * grid worker's `care.patrol` and the wishes carry the mark alone.
 */

/** The household's wishes still in hand (open, claimed or delivered) carry the mark: a household has a few. */
const OPEN_WISHES_LIMIT = 50

/** Inside the marking or revoking transaction: the household's wishes in hand take the mark (their own field only). */
async function markWishes(ctx: Ctx<unknown>, tx: Transaction, householdId: string, care: boolean): Promise<void> {
  for (const w of await listWishesInHand(ctx.db, householdId, OPEN_WISHES_LIMIT))
    await updateWishCareInTx(tx, w._id, care)
}

export const careMark: Handler<'service.care.mark'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const household = await repo.household(db, input.householdId)
    if (!household) throw notFound('房屋')
    ensure(actor.isSecretaryOf(household.communityId), '只能标记本社区的住户')
    await ctx.checkText(input.note, input.consentBy)
    const headId = ids.care(household._id)
    const after = await ctx.transaction(async (tx) => {
      const prior = await findCareInTx(tx, headId)
      if (prior?.status === 'active') throw conflict('该住户已是重点关爱住户')
      if (prior)
        await putCareInTx(tx, {
          ...prior,
          _id: ids.careVersion(household._id, prior.version),
          status: 'superseded',
          headId,
          supersededAt: now,
        })
      const doc: CareDoc = {
        _id: headId,
        householdId: household._id,
        communityId: household.communityId,
        streetId: household.streetId,
        gridId: household.gridId,
        buildingId: household.buildingId,
        address: addressOf(household),
        status: 'active',
        kinds: [...new Set(input.kinds)],
        note: input.note || undefined,
        consentBy: input.consentBy,
        consentAt: new Date(input.consentAt),
        recordedBy: actor.openid,
        recordedByName: actor.name || '社区书记',
        markedAt: now,
        version: (prior?.version ?? 0) + 1,
      }
      await putCareInTx(tx, doc)
      await markWishes(ctx, tx, household._id, true)
      // The audit keeps that it happened and with whose consent, not why (the reason is the household's).
      await ctx.audit(
        `${COL.svcCare}/${headId}`,
        prior ? { status: prior.status } : null,
        { status: 'active', consentAt: doc.consentAt, version: doc.version },
        tx,
      )
      return doc
    })
    return careView(after)
  },
}

export const careRevoke: Handler<'service.care.revoke'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const household = await repo.household(db, input.householdId)
    if (!household) throw notFound('房屋')
    const own = actor.has('resident', household._id)
    ensure(own || actor.isSecretaryOf(household.communityId), '只有本户居民或社区书记可以撤销')
    await ctx.checkText(input.reason)
    const headId = ids.care(household._id)
    const after = await ctx.transaction(async (tx) => {
      const cur = await findCareInTx(tx, headId)
      if (!cur) throw notFound('重点关爱记录')
      if (cur.status !== 'active') throw conflict('该标记已撤销')
      const doc: CareDoc = {
        ...cur,
        _id: headId,
        status: 'revoked',
        revokedAt: now,
        revokedBy: actor.openid,
        revokedByName: own ? '本户居民' : `社区书记 ${actor.name}`.trim(),
        revokeReason: input.reason || undefined,
      }
      await putCareInTx(tx, doc)
      await markWishes(ctx, tx, household._id, false)
      await ctx.audit(
        `${COL.svcCare}/${headId}`,
        { status: 'active' },
        { status: 'revoked', by: own ? 'household' : 'secretary' },
        tx,
      )
      return doc
    })
    return careView(after)
  },
}

export const careList: Handler<'service.care.list'> = {
  run(ctx) {
    const { db, actor, input } = ctx
    ensure(actor.isSecretaryOf(input.communityId), '只能查看本社区的重点关爱住户')
    return listCommunityCare(db, input.communityId, input.revoked, input, careView)
  },
}

export const carePatrol: Handler<'service.care.patrol'> = {
  run(ctx) {
    const { db, actor, input } = ctx
    ensure(actor.has('grid_worker', input.gridId), '只能查看您所在网格的重点关爱住户')
    return listGridCare(db, input.gridId, input, careMarkView)
  },
}

export const careMine: Handler<'service.care.mine'> = {
  async run(ctx) {
    const { db, actor } = ctx
    const households = actor.grants('resident').map((g) => g.scopeId)
    if (!households.length) return { items: [] }
    return { items: (await listHouseholdsCare(db, households)).map(careView) }
  },
}
