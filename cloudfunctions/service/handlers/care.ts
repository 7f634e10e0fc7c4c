import type { CareKind, CareMarkView, CareView } from '../../../types/care'
import { addressOf } from '../../shared/address'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import type { Ctx, Handler } from '../../shared/dispatch'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { conflict, ensure, notFound } from '../../shared/errors'
import { fetchPage } from '../../shared/paging'
import { findById, load, txPut } from '../repo'

/**
 * 重点关爱 (issue 15 §5). One record per household, `svc_care` `care:<householdId>`: marked by the
 * secretary with the household's consent (who consented, the day, who recorded it), revoked by the
 * household or the secretary (the record stays, `status: revoked`); marking again after a revocation
 * copies the old record to `care:<householdId>:v<n>` (`status: superseded`) first, so no consent is lost. The reason (`kinds`,
 * `note`) leaves the function only in `care.list` (the secretary) and `care.mine` (the household); the
 * grid worker's `care.patrol` and the wishes carry the mark alone.
 */

export interface CareDoc {
  _id: string; householdId: string; communityId: string; streetId: string; gridId?: string; buildingId?: string; address: string
  status: 'active' | 'revoked'
  kinds: CareKind[]; note?: string
  consentBy: string; consentAt: Date; recordedBy: string; recordedByName: string; markedAt: Date
  revokedAt?: Date; revokedBy?: string; revokedByName?: string; revokeReason?: string
  version: number
}
/** An earlier record kept when the household is marked again: `status: superseded`, so the lists skip it. */
export interface CareVersionDoc extends Omit<CareDoc, '_id' | 'status'> { _id: string; status: 'superseded'; headId: string; supersededAt: Date }

export const careId = (householdId: string) => `care:${householdId}`
const iso = (d?: Date) => (d ? new Date(d).toISOString() : undefined)

/** The household's wishes still in hand (open, claimed or delivered) carry the mark: a household has a few. */
const OPEN_WISHES_LIMIT = 50

export function careView(d: CareDoc): CareView {
  return {
    householdId: d.householdId, address: d.address, gridId: d.gridId, status: d.status, kinds: d.kinds, note: d.note,
    consentBy: d.consentBy, consentAt: iso(d.consentAt)!, recordedByName: d.recordedByName, markedAt: iso(d.markedAt)!,
    revokedAt: iso(d.revokedAt), revokedByName: d.revokedByName, revokeReason: d.revokeReason,
  }
}
const markView = (d: CareDoc): CareMarkView => ({ householdId: d.householdId, address: d.address, gridId: d.gridId, since: iso(d.markedAt)! })

/** Is the household marked now (one read)? What a new wish copies. */
export async function isCared(db: Database, householdId: string): Promise<boolean> {
  return (await findById<CareDoc>(db, COL.svcCare, careId(householdId)))?.status === 'active'
}

/** Inside the marking or revoking transaction: the household's wishes in hand take the mark (their own field only). */
async function markWishes(ctx: Ctx<unknown>, tx: Transaction, householdId: string, care: boolean): Promise<void> {
  const { data } = await ctx.db.collection(COL.svcWishes).where({ householdId, status: ctx.db.command.in(['open', 'claimed', 'delivered']) }).limit(OPEN_WISHES_LIMIT).get()
  for (const w of data as { _id: string }[]) await tx.collection(COL.svcWishes).doc(w._id).update({ data: { care } })
}

export const careMark: Handler<'service.care.mark'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const household = await load.household(db, input.householdId)
    if (!household) throw notFound('房屋')
    ensure(actor.isSecretaryOf(household.communityId), '只能标记本社区的住户')
    await ctx.checkText(input.note, input.consentBy)
    const headId = careId(household._id)
    const after = await ctx.transaction(async (tx) => {
      const prior = await txGetOrNull<CareDoc>(tx, COL.svcCare, headId)
      if (prior?.status === 'active') throw conflict('该住户已是重点关爱住户')
      if (prior) await txPut<CareVersionDoc>(tx, COL.svcCare, { ...prior, _id: `${headId}:v${prior.version}`, status: 'superseded', headId, supersededAt: now })
      const doc: CareDoc = {
        _id: headId, householdId: household._id, communityId: household.communityId, streetId: household.streetId, gridId: household.gridId, buildingId: household.buildingId,
        address: addressOf(household), status: 'active', kinds: [...new Set(input.kinds)], note: input.note || undefined,
        consentBy: input.consentBy, consentAt: new Date(input.consentAt), recordedBy: actor.openid, recordedByName: actor.name || '社区书记', markedAt: now,
        version: (prior?.version ?? 0) + 1,
      }
      await txPut(tx, COL.svcCare, doc)
      await markWishes(ctx, tx, household._id, true)
      // The audit keeps that it happened and with whose consent, not why (the reason is the household's).
      await ctx.audit(`${COL.svcCare}/${headId}`, prior ? { status: prior.status } : null, { status: 'active', consentAt: doc.consentAt, version: doc.version }, tx)
      return doc
    })
    return careView(after)
  },
}

export const careRevoke: Handler<'service.care.revoke'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const household = await load.household(db, input.householdId)
    if (!household) throw notFound('房屋')
    const own = actor.has('resident', household._id)
    ensure(own || actor.isSecretaryOf(household.communityId), '只有本户居民或社区书记可以撤销')
    await ctx.checkText(input.reason)
    const headId = careId(household._id)
    const after = await ctx.transaction(async (tx) => {
      const cur = await txGetOrNull<CareDoc>(tx, COL.svcCare, headId)
      if (!cur) throw notFound('重点关爱记录')
      if (cur.status !== 'active') throw conflict('该标记已撤销')
      const doc: CareDoc = {
        ...cur, _id: headId, status: 'revoked', revokedAt: now, revokedBy: actor.openid, revokedByName: own ? '本户居民' : `社区书记 ${actor.name}`.trim(),
        revokeReason: input.reason || undefined,
      }
      await txPut(tx, COL.svcCare, doc)
      await markWishes(ctx, tx, household._id, false)
      await ctx.audit(`${COL.svcCare}/${headId}`, { status: 'active' }, { status: 'revoked', by: own ? 'household' : 'secretary' }, tx)
      return doc
    })
    return careView(after)
  },
}

export const careList: Handler<'service.care.list'> = {
  run(ctx) {
    const { db, actor, input } = ctx
    ensure(actor.isSecretaryOf(input.communityId), '只能查看本社区的重点关爱住户')
    const q = db.collection(COL.svcCare).where({ communityId: input.communityId, status: input.revoked ? 'revoked' : 'active' })
    return fetchPage<CareDoc, CareView>(q, input, [['markedAt', 'desc']], careView)
  },
}

export const carePatrol: Handler<'service.care.patrol'> = {
  run(ctx) {
    const { db, actor, input } = ctx
    ensure(actor.has('grid_worker', input.gridId), '只能查看您所在网格的重点关爱住户')
    const q = db.collection(COL.svcCare).where({ gridId: input.gridId, status: 'active' })
    return fetchPage<CareDoc, CareMarkView>(q, input, [['address', 'asc']], markView)
  },
}

export const careMine: Handler<'service.care.mine'> = {
  async run(ctx) {
    const { db, actor } = ctx
    const households = actor.grants('resident').map((g) => g.scopeId)
    if (!households.length) return { items: [] }
    const { data } = await db.collection(COL.svcCare).where({ _id: db.command.in(households.map(careId)) }).limit(households.length).get()
    return { items: (data as CareDoc[]).map(careView) }
  },
}
