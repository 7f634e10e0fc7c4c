import { requireOwnPhotos } from '../../shared/photos'
import type { Ctx, Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { belongsTo, canPropose, topicEditProblem, urgentDeadlines } from '../domain/access'
import {
  ensureCommunityReader,
  findSecondInTx,
  findTopicInTx,
  listTopics,
  putSecondInTx,
  putTopicInTx,
  repo,
  secondId,
  updateTopicInTx,
  type TopicDoc,
} from '../repo'
import { topicView } from '../views'
import { topicKind } from '../moderation'
import { ensureEditable, holdIfReview, holdOnStore, stateOf } from '../../shared/moderation'
import type { Actor } from '../../shared/actor'

const viewer = (actor: Actor, communityId: string) => ({
  openid: actor.openid,
  fullNames: actor.isSecretaryOf(communityId),
})

async function loadTopic(ctx: Ctx<unknown>, topicId: string): Promise<TopicDoc> {
  const t = await repo.topic(ctx.db, topicId)
  if (!t) throw notFound('议题')
  ctx.within(t)
  return t
}

function ensureReader(actor: Actor, t: { communityId: string; streetId: string }) {
  ensure(belongsTo(actor.roles, t), '只能查看您所在社区的议事内容')
}

export const topicPropose: Handler<'council.topic.propose'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    ensure(canPropose(actor.roles, input.communityId), '只有本社区认证居民或在职党员可以提出议题')
    const community = await repo.community(db, input.communityId)
    if (!community) throw notFound('社区')
    ctx.within({ streetId: community.streetId, communityId: community._id })
    const estate = input.estateId ? await repo.estate(db, input.estateId) : null
    if (input.estateId && (!estate || estate.communityId !== community._id))
      throw invalid('小区不属于该社区', ['estateId'])
    const verdict = await ctx.checkItemText(input.title, input.body)
    await requireOwnPhotos(ctx, input.photos)
    return ctx.onceTx(input.requestId, async (tx) => {
      const t: TopicDoc = {
        _id: newId('topic'),
        communityId: community._id,
        streetId: community.streetId,
        ...(estate ? { estateId: estate._id, estateName: estate.name } : {}),
        title: input.title,
        body: input.body,
        photos: input.photos,
        authorOpenid: actor.openid,
        authorName: actor.name || '居民',
        status: 'open',
        seconds: 0,
        locked: false,
        createdAt: now,
        updatedAt: now,
      }
      // Text the platform wants a person to look at is stored held, in the secretary's review queue.
      if (verdict === 'review') Object.assign(t, await holdOnStore(ctx, tx, topicKind, topicKind.describe(t)))
      await putTopicInTx(tx, t)
      await ctx.audit(`${COL.councilTopics}/${t._id}`, null, { status: 'open', title: t.title }, tx)
      return topicView(t, viewer(actor, t.communityId), now)
    })
  },
}

export const topicUpdate: Handler<'council.topic.update'> = {
  async run(ctx) {
    const { actor, input, now } = ctx
    const t = await loadTopic(ctx, input.topicId)
    ensure(t.authorOpenid === actor.openid, '只有提议人可以修改议题')
    const problem = topicEditProblem(t)
    if (problem) throw conflict(problem)
    ensureEditable(t)
    const verdict = await ctx.checkItemText(input.title, input.body)
    await requireOwnPhotos(ctx, input.photos, t.photos)
    const patch: Partial<TopicDoc> = { title: input.title, body: input.body, photos: input.photos, updatedAt: now }
    await ctx.transaction(async (tx) => {
      const fresh = await findTopicInTx(tx, t._id)
      const p = fresh ? topicEditProblem(fresh) : '议题不存在'
      if (p) throw conflict(p)
      ensureEditable(fresh!)
      Object.assign(patch, await holdIfReview(ctx, tx, topicKind, topicKind.describe({ ...t, ...patch }), verdict))
      await updateTopicInTx(
        tx,
        t._id,
        patch.moderation ? { ...patch, moderation: ctx.db.command.set(patch.moderation) } : patch,
      )
      await ctx.audit(
        `${COL.councilTopics}/${t._id}`,
        { title: t.title, body: t.body, photos: t.photos },
        { title: input.title, body: input.body, photos: input.photos },
        tx,
      )
    })
    return topicView({ ...t, ...patch }, viewer(actor, t.communityId), now)
  },
}

/** 附议: once per person (deterministic _id), the counter moves in the same transaction. */
export const topicSecond: Handler<'council.topic.second'> = {
  async run(ctx) {
    const { actor, input, now } = ctx
    const t = await loadTopic(ctx, input.topicId)
    ensure(canPropose(actor.roles, t.communityId), '只有本社区认证居民或在职党员可以附议')
    if (t.authorOpenid === actor.openid) throw conflict('不能附议自己提出的议题')
    if (t.status !== 'open' && t.status !== 'accepted') throw conflict('该议题已不能附议')
    if (stateOf(t)) throw conflict('该议题正在审核，暂不能附议')
    const sid = secondId(t._id, actor.openid)
    const seconds = await ctx.transaction(async (tx) => {
      if (await findSecondInTx(tx, sid)) throw conflict('您已附议过该议题')
      const fresh = await findTopicInTx(tx, t._id)
      if (!fresh || (fresh.status !== 'open' && fresh.status !== 'accepted')) throw conflict('该议题已不能附议')
      if (stateOf(fresh)) throw conflict('该议题正在审核，暂不能附议')
      await putSecondInTx(tx, { _id: sid, topicId: t._id, openid: actor.openid, at: now })
      await updateTopicInTx(tx, t._id, { seconds: ctx.db.command.inc(1), locked: true, updatedAt: now })
      await ctx.audit(
        `${COL.councilTopics}/${t._id}`,
        { seconds: fresh.seconds },
        { seconds: fresh.seconds + 1, secondedBy: actor.openid },
        tx,
      )
      return fresh.seconds + 1
    })
    const next = { ...t, seconds, locked: true, updatedAt: now }
    return {
      ...topicView(next, viewer(actor, t.communityId), now),
      secondedByMe: true,
      canSecond: false,
      canEdit: false,
    }
  },
}

export const topicList: Handler<'council.topic.list'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    await ensureCommunityReader(ctx, input.communityId)
    // Held and removed topics are left out, except the caller's own (shown marked).
    return listTopics(db, input, actor.openid, input, (t) => topicView(t, viewer(actor, t.communityId), now))
  },
}

export const topicGet: Handler<'council.topic.get'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const t = await loadTopic(ctx, input.topicId)
    ensureReader(actor, t)
    const proposer = canPropose(actor.roles, t.communityId)
    const secondedByMe = proposer ? !!(await repo.second(db, secondId(t._id, actor.openid))) : false
    return {
      ...topicView(t, viewer(actor, t.communityId), now),
      secondedByMe,
      canSecond:
        proposer &&
        !secondedByMe &&
        t.authorOpenid !== actor.openid &&
        (t.status === 'open' || t.status === 'accepted') &&
        !stateOf(t),
      canEdit: t.authorOpenid === actor.openid && !topicEditProblem(t) && !stateOf(t),
    }
  },
}

export const topicTriage: Handler<'council.topic.triage'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const t = await loadTopic(ctx, input.topicId)
    ensure(actor.isSecretaryOf(t.communityId), '只能处理您所在社区的议题')
    if (t.status !== 'open') throw conflict('该议题已处理')
    if (stateOf(t)) throw conflict('该议题正在审核，请先在审核队列中处理')
    if (input.decision === 'merge') {
      if (input.mergeInto === t._id) throw invalid('不能合并到自身', ['mergeInto'])
      const target = await repo.topic(db, input.mergeInto!)
      if (!target || target.communityId !== t.communityId) throw invalid('要合并到的议题不存在', ['mergeInto'])
      if (target.status !== 'open' && target.status !== 'accepted')
        throw invalid('只能合并到征集中或已受理的议题', ['mergeInto'])
    }
    await ctx.checkText(input.reason, input.urgentDecision)
    const patch: Partial<TopicDoc> = { triagedAt: now, triagedBy: actor.openid, updatedAt: now }
    if (input.decision === 'accept') {
      patch.status = 'accepted'
      patch.tier = input.tier
      if (input.tier === 'urgent')
        patch.urgent = { decision: input.urgentDecision!, decidedAt: now, ...urgentDeadlines(now) }
    } else if (input.decision === 'merge') {
      patch.status = 'merged'
      patch.mergedInto = input.mergeInto
    } else {
      patch.status = 'declined'
      patch.declineReason = input.reason
    }
    await ctx.transaction(async (tx) => {
      const fresh = await findTopicInTx(tx, t._id)
      if (fresh?.status !== 'open') throw conflict('该议题已处理')
      await updateTopicInTx(tx, t._id, patch)
      await ctx.audit(
        `${COL.councilTopics}/${t._id}`,
        { status: 'open' },
        {
          status: patch.status,
          tier: patch.tier ?? null,
          mergedInto: patch.mergedInto ?? null,
          reason: patch.declineReason ?? null,
        },
        tx,
      )
    })
    return topicView({ ...t, ...patch }, viewer(actor, t.communityId), now)
  },
}

/** The council ratifies a secretary's urgent decision (due within 7 days of it). */
export const topicRatify: Handler<'council.topic.ratify'> = {
  async run(ctx) {
    const { actor, input, now } = ctx
    const t = await loadTopic(ctx, input.topicId)
    ensure(actor.isSecretaryOf(t.communityId), '只能处理您所在社区的议题')
    if (t.status !== 'accepted' || t.tier !== 'urgent' || !t.urgent) throw conflict('只有已受理的急事需要追认')
    if (t.urgent.ratifiedAt) throw conflict('该急事已追认')
    await ctx.checkText(input.note)
    const urgent = { ...t.urgent, ratifiedAt: now, ratifyNote: input.note }
    await ctx.transaction(async (tx) => {
      const fresh = await findTopicInTx(tx, t._id)
      if (fresh?.urgent?.ratifiedAt) throw conflict('该急事已追认')
      await updateTopicInTx(tx, t._id, { urgent, updatedAt: now })
      await ctx.audit(`${COL.councilTopics}/${t._id}`, { ratifiedAt: null }, { ratifiedAt: now, note: input.note }, tx)
    })
    return topicView({ ...t, urgent, updatedAt: now }, viewer(actor, t.communityId), now)
  },
}
