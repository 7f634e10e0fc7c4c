import type { ResponsibleKind } from '../../../types/council'
import type { PageInput } from '../../../types/common'
import { COUNCIL_NOTICE_KINDS, type CouncilNoticeKind } from '../../../types/notices'
import type { Ctx } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { txGetOrNull } from '../../shared/db-types'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { fetchPage } from '../../shared/paging'
import { belongsTo, MAX_PROGRESS, residentHousehold } from '../domain/access'
import { findById, ratingId, repo, resolutionId, subscriptionId, type MeetingDoc, type RatingDoc, type ResolutionDoc, type SubscriptionDoc } from '../repo'
import { resolutionView } from '../views'
import { ensureCommunityReader } from './common'

async function loadResolution(ctx: Ctx<unknown>, id: string): Promise<ResolutionDoc> {
  const r = await repo.resolution(ctx.db, id)
  if (!r) throw notFound('决议')
  return r
}

interface RecordInput { meetingId: string; itemId: string; voteId?: string; decision: string; responsibleKind: ResponsibleKind; responsibleName: string; deadline: string }

/** One resolution per agenda item (`res:<meetingId>:<itemId>`), once the meeting has started. */
export const resolutionRecord = {
  async run(ctx: Ctx<RecordInput>) {
    const { db, actor, input, now } = ctx
    const m = await findById<MeetingDoc>(db, COL.councilMeetings, input.meetingId)
    if (!m) throw notFound('会议')
    ensure(actor.isSecretaryOf(m.communityId), '只能为您所在社区的会议记录决议')
    if (m.status !== 'started' && m.status !== 'ended') throw conflict('会议开始后才能记录决议')
    const item = m.agenda.find((a) => a.itemId === input.itemId)
    if (!item) throw invalid('议程项不存在', ['itemId'])
    if (input.voteId) {
      const v = await repo.vote(db, input.voteId)
      if (!v || v.meetingId !== m._id || v.itemId !== item.itemId) throw invalid('表决不属于该议程项', ['voteId'])
      if (!v.closedAt) throw conflict('表决尚未计票')
    }
    await ctx.checkText(input.decision, input.responsibleName)
    const r: ResolutionDoc = {
      _id: resolutionId(m._id, item.itemId), communityId: m.communityId, streetId: m.streetId,
      meetingId: m._id, meetingTitle: m.title, itemId: item.itemId, itemTitle: item.title,
      ...(input.voteId ? { voteId: input.voteId } : {}),
      decision: input.decision, responsibleKind: input.responsibleKind, responsibleName: input.responsibleName,
      deadline: new Date(input.deadline), status: 'open', progress: [], ratingCount: 0, ratingSum: 0,
      createdBy: actor.openid, createdAt: now,
    }
    await ctx.transaction(async (tx) => {
      if (await txGetOrNull<ResolutionDoc>(tx, COL.councilResolutions, r._id)) throw conflict('该议程项已有决议')
      const { _id, ...rest } = r
      await tx.collection(COL.councilResolutions).doc(_id).set({ data: rest })
      await ctx.audit(`${COL.councilResolutions}/${r._id}`, null, { decision: r.decision, responsible: r.responsibleName, deadline: r.deadline }, tx)
    })
    return resolutionView(r, now)
  },
}

export const resolutionProgress = {
  async run(ctx: Ctx<{ resolutionId: string; note: string; status: 'in_progress' | 'done' }>) {
    const { actor, input, now } = ctx
    const r = await loadResolution(ctx, input.resolutionId)
    ensure(actor.isSecretaryOf(r.communityId), '只能更新您所在社区的决议')
    if (r.status === 'done') throw conflict('决议已办结')
    if ((r.progress ?? []).length >= MAX_PROGRESS) throw conflict('进展记录已达上限')
    await ctx.checkText(input.note)
    const entry = { at: now, note: input.note, byName: actor.name, status: input.status }
    const next: ResolutionDoc = { ...r, status: input.status, progress: [...(r.progress ?? []), entry], ...(input.status === 'done' ? { doneAt: now } : {}) }
    await ctx.transaction(async (tx) => {
      const fresh = await txGetOrNull<ResolutionDoc>(tx, COL.councilResolutions, r._id)
      if (!fresh || fresh.status === 'done') throw conflict('决议已办结')
      if ((fresh.progress ?? []).length !== (r.progress ?? []).length) throw conflict('进展已被他人更新，请刷新')
      await tx.collection(COL.councilResolutions).doc(r._id).update({
        data: { status: next.status, progress: ctx.db.command.push(entry), ...(next.doneAt ? { doneAt: next.doneAt } : {}) },
      })
      await ctx.audit(`${COL.councilResolutions}/${r._id}`, { status: r.status }, { status: next.status, note: input.note }, tx)
    })
    return resolutionView(next, now)
  },
}

export const resolutionList = {
  async run(ctx: Ctx<PageInput & { communityId: string; meetingId?: string }>) {
    const { db, input, now } = ctx
    await ensureCommunityReader(ctx, input.communityId)
    const filter: Record<string, unknown> = { communityId: input.communityId }
    if (input.meetingId) filter.meetingId = input.meetingId
    return fetchPage<ResolutionDoc, ReturnType<typeof resolutionView>>(db.collection(COL.councilResolutions).where(filter), input, [['createdAt', 'desc']], (r) => resolutionView(r, now))
  },
}

async function myRating(ctx: Ctx<unknown>, r: ResolutionDoc) {
  const hid = residentHousehold(ctx.actor.roles, r.communityId)
  if (!hid) return null
  const own = await findById<RatingDoc>(ctx.db, COL.councilRatings, ratingId(r._id, hid))
  return { resolutionId: r._id, stars: own?.stars ?? null, ...(own?.comment ? { comment: own.comment } : {}) }
}

export const resolutionGet = {
  async run(ctx: Ctx<{ resolutionId: string }>) {
    const r = await loadResolution(ctx, ctx.input.resolutionId)
    ensure(belongsTo(ctx.actor.roles, r), '只能查看您所在社区的决议')
    return { ...resolutionView(r, ctx.now), myRating: await myRating(ctx, r) }
  },
}

/** 事后反馈: one rating per household of the community, changeable; the average is kept by counters. */
export const resolutionRate = {
  async run(ctx: Ctx<{ resolutionId: string; stars: number; comment?: string }>) {
    const { db, actor, input, now } = ctx
    const r = await loadResolution(ctx, input.resolutionId)
    const hid = residentHousehold(actor.roles, r.communityId)
    ensure(hid, '只有本社区的认证住户可以评价')
    if (r.status !== 'done') throw conflict('决议办结后才能评价')
    await ctx.checkText(input.comment)
    const id = ratingId(r._id, hid)
    const totals = await ctx.transaction(async (tx) => {
      const prior = await txGetOrNull<RatingDoc>(tx, COL.councilRatings, id)
      const fresh = await txGetOrNull<ResolutionDoc>(tx, COL.councilResolutions, r._id)
      const doc: Omit<RatingDoc, '_id'> = { resolutionId: r._id, householdId: hid, stars: input.stars, at: now, ...(input.comment ? { comment: input.comment } : {}) }
      await tx.collection(COL.councilRatings).doc(id).set({ data: doc })
      const dCount = prior ? 0 : 1
      const dSum = input.stars - (prior?.stars ?? 0)
      await tx.collection(COL.councilResolutions).doc(r._id).update({ data: { ratingCount: db.command.inc(dCount), ratingSum: db.command.inc(dSum) } })
      await ctx.audit(`${COL.councilRatings}/${id}`, prior ? { stars: prior.stars } : null, { stars: input.stars }, tx)
      return { ratingCount: (fresh?.ratingCount ?? 0) + dCount, ratingSum: (fresh?.ratingSum ?? 0) + dSum }
    })
    return { ...resolutionView({ ...r, ...totals }, now), myRating: { resolutionId: r._id, stars: input.stars, ...(input.comment ? { comment: input.comment } : {}) } }
  },
}

/** Opt in or out of the community's council notices (the mini-program asks WeChat for the subscription first). */
export const noticeSubscribe = {
  async run(ctx: Ctx<{ communityId: string; on: boolean; kinds?: CouncilNoticeKind[] }>) {
    const { actor, input, now } = ctx
    await ensureCommunityReader(ctx, input.communityId)
    const id = subscriptionId(input.communityId, actor.openid)
    let kinds: CouncilNoticeKind[] = []
    await ctx.transaction(async (tx) => {
      const prior = await txGetOrNull<SubscriptionDoc>(tx, COL.councilSubscriptions, id)
      // WeChat asks for at most three templates at a time, so consents given on different screens add up.
      const held = prior?.on ? prior.kinds ?? [] : []
      kinds = input.on ? [...new Set([...held, ...(input.kinds ?? COUNCIL_NOTICE_KINDS)])].sort() : []
      if (prior?.on === input.on && (prior.kinds ?? []).join() === kinds.join()) return
      await tx.collection(COL.councilSubscriptions).doc(id).set({ data: { communityId: input.communityId, openid: actor.openid, on: input.on, kinds, at: now } })
      await ctx.audit(`${COL.councilSubscriptions}/${id}`, prior ? { on: prior.on, kinds: prior.kinds ?? [] } : null, { on: input.on, kinds }, tx)
    })
    return { subscribed: input.on, kinds }
  },
}
