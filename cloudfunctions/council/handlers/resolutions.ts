import { COUNCIL_NOTICE_KINDS, type CouncilNoticeKind } from '../../../types/notices'
import type { Ctx, Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { ownerToken } from '../../shared/owner-token'
import { HeldByAnother, ownerHasLeft } from '../../shared/household-voice'
import { auditPartyKey, partyKeysOf } from '../../shared/parties'
import { requireOwnPhotos } from '../../shared/photos'
import { belongsTo, mayProgress, residentHousehold } from '../domain/access'
import { beijingDate, endOfBeijingDay } from '../domain/deadline'
import { resolveParties } from '../parties'
import {
  ensureCommunityReader,
  findMeetingInTx,
  findRatingInTx,
  findResolutionInTx,
  findSubscriptionInTx,
  listOverdueResolutions,
  listProgress,
  listRatingComments,
  listResolutions,
  listResolutionsCarriedBy,
  progressId,
  putProgressInTx,
  putRatingInTx,
  putRatingRevisionInTx,
  putResolutionInTx,
  putSubscriptionInTx,
  ratingId,
  repo,
  resolutionId,
  subscriptionId,
  updateResolutionInTx,
  type ProgressEntry,
  type RatingDoc,
  type ResolutionDoc,
} from '../repo'
import { progressView, resolutionView } from '../views'
import { ratingPublicId, resolutionCommentKind } from '../moderation'
import { ensureEditable, holdIfReview, shown } from '../../shared/moderation'

async function loadResolution(ctx: Ctx<unknown>, id: string): Promise<ResolutionDoc> {
  const r = await repo.resolution(ctx.db, id)
  if (!r) throw notFound('决议')
  ctx.within(r)
  return r
}

/**
 * One resolution per agenda item (`res:<meetingId>:<itemId>`), once the meeting has started. It cites
 * the item's latest counted vote (filled in when not given; an earlier vote is refused), and none is
 * recorded while a vote on the item is still to be counted. The item is read again in the transaction.
 * The responsible party is a record of the community (unit, company serving it, grid, member, the
 * community), named from it; the deadline a Beijing calendar day, not before today.
 */
export const resolutionRecord: Handler<'council.resolution.record'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const m = await repo.meeting(db, input.meetingId)
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
    const deadline = endOfBeijingDay(input.deadline)
    if (!deadline) throw invalid('请选择完成日期', ['deadline'])
    if (input.deadline < beijingDate(now)) throw invalid('完成日期不能早于今天', ['deadline'])
    const community = await repo.community(db, m.communityId)
    if (!community) throw notFound('社区')
    const [party] = await resolveParties(db, community, [input.responsible], 'responsible')
    await ctx.checkText(input.decision)
    const r = await ctx.transaction(async (tx) => {
      if (await findResolutionInTx(tx, resolutionId(m._id, item.itemId))) throw conflict('该议程项已有决议')
      const fresh = (await findMeetingInTx(tx, m._id))?.agenda.find((a) => a.itemId === item.itemId)
      if (!fresh) throw invalid('议程项不存在', ['itemId'])
      if (fresh.openVoteId) throw conflict('该议程项的表决尚未计票，计票后才能记录决议')
      const cites = fresh.lastClosedVoteId
      if (input.voteId && input.voteId !== cites) throw conflict('该议程项已重新表决，决议须引用最近一次表决的结果')
      const doc: ResolutionDoc = {
        _id: resolutionId(m._id, item.itemId),
        communityId: m.communityId,
        streetId: m.streetId,
        meetingId: m._id,
        meetingTitle: m.title,
        itemId: item.itemId,
        itemTitle: item.title,
        ...(cites ? { voteId: cites } : {}),
        decision: input.decision,
        responsibleKind: input.responsible.type,
        responsibleName: party.name,
        responsibleId: party.id,
        responsibleKey: party.key,
        deadline,
        deadlineDate: input.deadline,
        status: 'open',
        progressCount: 0,
        ratingCount: 0,
        ratingSum: 0,
        createdBy: actor.openid,
        createdAt: now,
      }
      await putResolutionInTx(tx, doc)
      await ctx.audit(
        `${COL.councilResolutions}/${doc._id}`,
        null,
        {
          decision: doc.decision,
          responsible: auditPartyKey(party.key),
          deadline: input.deadline,
          voteId: cites ?? null,
        },
        tx,
      )
      return doc
    })
    return resolutionView(r, now)
  },
}

/**
 * Appends a progress entry (`progress:<resolutionId>:<seq>`, a document of its own: never cut, paged
 * by resolution.timeline), with photos its author uploaded; `done` ends it. The secretary or a person
 * of the responsible party posts it. The next number is read in the transaction, so two updates at
 * once (the company and the secretary, two staff) both land, one after the other.
 */
export const resolutionProgress: Handler<'council.resolution.progress'> = {
  async run(ctx) {
    const { actor, input, now } = ctx
    const r = await loadResolution(ctx, input.resolutionId)
    ensure(mayProgress(actor, r), '只有本社区书记或决议的责任方可以更新进度')
    if (r.status === 'done') throw conflict('决议已办结')
    await ctx.checkText(input.note)
    await requireOwnPhotos(ctx, input.photos)
    const byParty = actor.isSecretaryOf(r.communityId) ? '社区' : r.responsibleName
    const next = await ctx.transaction(async (tx) => {
      const fresh = await findResolutionInTx(tx, r._id)
      if (!fresh || fresh.status === 'done') throw conflict('决议已办结')
      const seq = (fresh.progressCount ?? 0) + 1
      const entry: ProgressEntry = {
        seq,
        at: now,
        note: input.note,
        byName: actor.name,
        byParty,
        status: input.status,
        photos: input.photos,
      }
      await putProgressInTx(tx, { _id: progressId(r._id, seq), resolutionId: r._id, ...entry })
      const patch = {
        status: input.status,
        progressCount: seq,
        latestProgress: entry,
        ...(input.status === 'done' ? { doneAt: now } : {}),
      }
      await updateResolutionInTx(tx, r._id, { ...patch, latestProgress: ctx.db.command.set(entry) })
      await ctx.audit(
        `${COL.councilResolutions}/${r._id}`,
        { status: fresh.status },
        { status: input.status, note: input.note, seq, photos: input.photos.length },
        tx,
      )
      return { ...fresh, ...patch }
    })
    return resolutionView(next, now)
  },
}

/** Every progress entry of a resolution, oldest first, a page at a time. */
export const resolutionTimeline: Handler<'council.resolution.timeline'> = {
  async run(ctx) {
    const r = await loadResolution(ctx, ctx.input.resolutionId)
    ensure(belongsTo(ctx.actor.roles, r) || mayProgress(ctx.actor, r), '只能查看您所在社区的决议')
    return listProgress(ctx.db, r._id, ctx.input, progressView)
  },
}

export const resolutionList: Handler<'council.resolution.list'> = {
  async run(ctx) {
    const { db, input, now } = ctx
    await ensureCommunityReader(ctx, input.communityId)
    return listResolutions(db, input.communityId, input.meetingId, input, (r) => resolutionView(r, now))
  },
}

/** The resolutions the caller's party carries (company, unit, grid, community, themselves as a member): one `in` query. */
export const resolutionInbox: Handler<'council.resolution.inbox'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    return listResolutionsCarriedBy(db, partyKeysOf(actor.openid, actor.roles), !!input.open, input, (r) =>
      resolutionView(r, now),
    )
  },
}

/** Open resolutions past their deadline, oldest deadline first: the secretary's community or the street admin's street. */
export const resolutionOverdue: Handler<'council.resolution.overdue'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    if (input.communityId) ensure(actor.isSecretaryOf(input.communityId), '只能查看您所在社区的决议')
    else ensure(actor.isStreetAdminOf(input.streetId!), '只能查看您管理的街道')
    const scope = input.communityId ? { communityId: input.communityId } : { streetId: input.streetId! }
    return listOverdueResolutions(db, scope, now, input, (r) => resolutionView(r, now))
  },
}

/** The household's members wrote it: they see their comment as it is, marked while held or removed. */
function myRatingView(r: ResolutionDoc, own: RatingDoc | null, byMe: boolean, ownerLeft = false) {
  return {
    resolutionId: r._id,
    stars: own?.stars ?? null,
    ...(own?.comment ? { comment: own.comment } : {}),
    byMe,
    ...(ownerLeft ? { ownerLeft: true } : {}),
    ...(own ? shown(own, true).fields : {}),
  }
}

/** The household's rating, to its members: whether the caller gave it (only they may change it, or anyone of the household once they left). */
async function myRating(ctx: Ctx<unknown>, r: ResolutionDoc) {
  const hid = residentHousehold(ctx.actor.roles, r.communityId)
  if (!hid) return null
  const own = await repo.rating(ctx.db, ratingId(r._id, hid))
  const byMe = !!own && own.owner === ownerToken(r._id, ctx.actor.openid)
  const ownerLeft =
    !!own && !byMe && (await ownerHasLeft(ctx.db, hid, (openid) => ownerToken(r._id, openid) === own.owner))
  return myRatingView(r, own, byMe, ownerLeft)
}

export const resolutionGet: Handler<'council.resolution.get'> = {
  async run(ctx) {
    const r = await loadResolution(ctx, ctx.input.resolutionId)
    const carries = mayProgress(ctx.actor, r)
    ensure(carries || belongsTo(ctx.actor.roles, r), '只能查看您所在社区的决议')
    return {
      ...resolutionView(r, ctx.now),
      myRating: await myRating(ctx, r),
      canProgress: carries && r.status !== 'done',
    }
  },
}

/**
 * 事后反馈: one rating per household of the community, given by whichever member acts first; that
 * member may change it (the earlier version is kept as a revision), a later member is refused and
 * sees the household's rating. The rating holds no person, only an owner token. The average is kept
 * by counters in the same transaction.
 */
export const resolutionRate: Handler<'council.resolution.rate'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const r = await loadResolution(ctx, input.resolutionId)
    const hid = residentHousehold(actor.roles, r.communityId)
    ensure(hid, '只有本社区的认证住户可以评价')
    if (r.status !== 'done') throw conflict('决议办结后才能评价')
    const verdict = await ctx.checkItemText(input.comment)
    const owner = ownerToken(r._id, actor.openid)
    const id = ratingId(r._id, hid)
    /** `formerOwner`: the token of a member who has left the household, whose rating this caller may take over. */
    const rate = (formerOwner?: string) =>
      ctx.transaction(async (tx) => {
        const prior = await findRatingInTx(tx, id)
        const fresh = await findResolutionInTx(tx, r._id)
        if (prior && prior.owner !== owner && prior.owner !== formerOwner) throw new HeldByAnother(prior.owner)
        if (prior) ensureEditable(prior)
        const doc: Omit<RatingDoc, '_id'> = {
          publicId: ratingPublicId(id),
          resolutionId: r._id,
          householdId: hid,
          owner,
          stars: input.stars,
          at: now,
          createdAt: prior?.createdAt ?? now,
          edits: prior ? prior.edits + 1 : 0,
          ...(input.comment ? { comment: input.comment } : {}),
          // A restored comment keeps its history; a comment the check wants looked at is held for the secretary.
          ...(prior?.moderation ? { moderation: prior.moderation } : {}),
        }
        if (input.comment) {
          Object.assign(
            doc,
            await holdIfReview(
              ctx,
              tx,
              resolutionCommentKind,
              resolutionCommentKind.describe({ _id: id, ...doc, communityId: r.communityId, streetId: r.streetId }),
              verdict,
            ),
          )
        }
        if (prior) {
          await putRatingRevisionInTx(tx, {
            _id: newId('rrev'),
            ratingId: id,
            resolutionId: r._id,
            stars: prior.stars,
            ...(prior.comment ? { comment: prior.comment } : {}),
            at: prior.at,
            supersededAt: now,
          })
        }
        await putRatingInTx(tx, { _id: id, ...doc })
        const dCount = prior ? 0 : 1
        const dSum = input.stars - (prior?.stars ?? 0)
        await updateResolutionInTx(tx, r._id, { ratingCount: db.command.inc(dCount), ratingSum: db.command.inc(dSum) })
        // Anonymous and by the day, as a ballot: the stored id names the household, the caller is a rater.
        await ctx.audit(
          `${COL.councilResolutions}/${r._id}`,
          null,
          { rating: prior ? 'changed' : 'given' },
          tx,
          RATING_ACTOR,
        )
        return {
          totals: { ratingCount: (fresh?.ratingCount ?? 0) + dCount, ratingSum: (fresh?.ratingSum ?? 0) + dSum },
          doc,
        }
      })
    const { totals, doc } = await rate().catch(async (e: unknown) => {
      if (!(e instanceof HeldByAnother)) throw e
      if (!(await ownerHasLeft(db, hid, (openid) => ownerToken(r._id, openid) === e.owner)))
        throw conflict('本户已由家人评价，每户一次；只有评价的家人可以修改')
      return rate(e.owner)
    })
    return { ...resolutionView({ ...r, ...totals }, now), myRating: myRatingView(r, { _id: id, ...doc }, true) }
  },
}

/**
 * 事后反馈 as the community reads it: the comments of a resolution's ratings, newest day first, with no
 * household and no time finer than the day. Held and removed ones are left out, except the caller's
 * household's own (marked). Three requests: the resolution, the count and the page.
 */
export const resolutionComments: Handler<'council.resolution.comments'> = {
  async run(ctx) {
    const { db, actor } = ctx
    const r = await loadResolution(ctx, ctx.input.resolutionId)
    ensure(belongsTo(actor.roles, r), '只能查看您所在社区的决议')
    const hid = residentHousehold(actor.roles, r.communityId)
    return listRatingComments(db, r._id, hid, ctx.input, (c) => commentView(c, c.householdId === hid))
  },
}

/** The day (Beijing) of an instant, as YYYY-MM-DD: no finer time is shown next to a household's rating. */
const dayOf = (d: Date) => new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 10)

function commentView(c: RatingDoc, mine: boolean) {
  const m = shown(c, mine)
  return {
    id: c.publicId ?? ratingPublicId(c._id),
    stars: c.stars,
    comment: m.blank ?? c.comment ?? '',
    day: dayOf(c.at),
    mine,
    ...m.fields,
  }
}

/** What the audit log records as the actor of a resolution rating: never the person or the household. */
const RATING_ACTOR = 'rating'

/** Opt in or out of the community's council notices (the mini-program asks WeChat for the subscription first). */
export const noticeSubscribe: Handler<'council.notice.subscribe'> = {
  async run(ctx) {
    const { actor, input, now } = ctx
    await ensureCommunityReader(ctx, input.communityId)
    const id = subscriptionId(input.communityId, actor.openid)
    let kinds: CouncilNoticeKind[] = []
    await ctx.transaction(async (tx) => {
      const prior = await findSubscriptionInTx(tx, id)
      // WeChat asks for at most three templates at a time, so consents given on different screens add up.
      const held = prior?.on ? (prior.kinds ?? []) : []
      kinds = input.on ? [...new Set([...held, ...(input.kinds ?? COUNCIL_NOTICE_KINDS)])].sort() : []
      if (prior?.on === input.on && (prior.kinds ?? []).join() === kinds.join()) return
      await putSubscriptionInTx(tx, {
        _id: id,
        communityId: input.communityId,
        openid: actor.openid,
        on: input.on,
        kinds,
        at: now,
      })
      await ctx.audit(
        `${COL.councilSubscriptions}/${id}`,
        prior ? { on: prior.on, kinds: prior.kinds ?? [] } : null,
        { on: input.on, kinds },
        tx,
      )
    })
    return { subscribed: input.on, kinds }
  },
}
