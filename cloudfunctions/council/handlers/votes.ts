import { createHash } from 'crypto'
import { presetsFor } from '../../../types/council'
import type { Ctx, Transaction, Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { ownerToken } from '../../shared/owner-token'
import { HeldByAnother, ownerHasLeft } from '../../shared/household-voice'
import { belongsTo, residentHousehold } from '../domain/access'
import { boxId, boxIds, boxIndex, firstSnapshot, nextSnapshot, snapshotDue } from '../domain/disclosure'
import { ruleFor, tally } from '../domain/tally'
import { cnTime } from '../../shared/clock'
import { noticeSubscribers, thing } from '../notices'
import {
  ballotId,
  boxTotals,
  countBallots,
  eligibleTotals,
  ensureCommunityReader,
  findBallotInTx,
  findBoxInTx,
  findCommunityAreaInTx,
  findMeetingInTx,
  findTopicInTx,
  findVoteInTx,
  listVotes,
  putBallotInTx,
  putBoxInTx,
  putVoteInTx,
  repo,
  updateBallotInTx,
  updateBoxInTx,
  updateCommunityAreaInTx,
  updateMeetingInTx,
  updateTopicInTx,
  updateVoteInTx,
  updateVoteTurnout,
  type AgendaItem,
  type BallotDoc,
  type MeetingDoc,
  type TopicDoc,
  type VoteDoc,
} from '../repo'
import { myBallotView, voteStatus, voteView } from '../views'

async function loadVote(ctx: Ctx<unknown>, voteId: string): Promise<VoteDoc> {
  const v = await repo.vote(ctx.db, voteId)
  if (!v) throw notFound('表决')
  return v
}

const MAX_VOTE_DAYS = 60
/**
 * A vote's id follows from who opened it with which requestId, so a retry that redoes the work (the
 * first attempt committed, its request record did not say so) finds the vote instead of making another.
 */
const voteIdFor = (openid: string, requestId: string) =>
  `vote_${createHash('sha256').update(`${openid}\u0000${requestId}`).digest('hex').slice(0, 20)}`
const votePage = (id: string) => `packages/council/pages/vote/index?id=${id}`
/** What the audit log records as the actor of a ballot: never the person, the household or the exact time. */
const BALLOT_ACTOR = 'ballot'

/**
 * The vote lock of an agenda item and its topics, read inside the transaction: no second vote while
 * one is not yet counted; the latest counted one (if any) makes this a re-vote.
 */
async function readLocks(
  tx: Transaction,
  meetingId: string | undefined,
  itemId: string | undefined,
  topicIds: string[],
) {
  const meeting = meetingId ? await findMeetingInTx(tx, meetingId) : null
  const item = meeting?.agenda.find((a) => a.itemId === itemId) ?? null
  if (meetingId && !item) throw conflict('议程项已不存在')
  // The item's topics as read before the transaction are the ones locked: an item changed meanwhile
  // (a topic added from the topic page, an edit) would leave a topic on it unlocked.
  if (item && [...item.topicIds].sort().join() !== [...topicIds].sort().join())
    throw conflict('议程项刚被修改，请刷新后重试')
  const topics = (await Promise.all(topicIds.map((id) => findTopicInTx(tx, id)))).filter((t): t is TopicDoc => !!t)
  if (item?.openVoteId || topics.some((t) => t.openVoteId))
    throw conflict('该事项已有尚未计票的表决，计票后才能再次表决')
  const closedIds = [
    ...new Set([item?.lastClosedVoteId, ...topics.map((t) => t.lastClosedVoteId)].filter((x): x is string => !!x)),
  ]
  const closed = (await Promise.all(closedIds.map((id) => findVoteInTx(tx, id)))).filter(
    (x): x is VoteDoc => !!x?.result,
  )
  const previous = closed.sort((a, b) => new Date(b.closedAt!).getTime() - new Date(a.closedAt!).getTime())[0] ?? null
  return { meeting, item, topics, previous }
}

/**
 * Open a vote on an agenda item (大事: a civil-code or custom preset) or directly on a 小事 topic
 * (simple majority). The eligible households and their area are fixed now, by one aggregate. The
 * vote, its ballot boxes, the item's and the topics' locks (and the earlier vote's link to its
 * re-vote) are written in one transaction; the notices go out after it commits.
 */
export const voteOpen: Handler<'council.vote.open'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const opensAt = new Date(input.opensAt)
    const closesAt = new Date(input.closesAt)
    if (opensAt.getTime() < now.getTime() - 10 * 60_000) throw invalid('开始时间不能早于现在', ['opensAt'])
    if (closesAt.getTime() - opensAt.getTime() > MAX_VOTE_DAYS * 86_400_000)
      throw invalid(`表决期不超过 ${MAX_VOTE_DAYS} 天`, ['closesAt'])

    let communityId: string
    let streetId: string
    let topicIds: string[]
    let meeting: MeetingDoc | null = null
    if (input.meetingId && input.itemId) {
      meeting = await repo.meeting(db, input.meetingId)
      if (!meeting) throw notFound('会议')
      ensure(actor.isSecretaryOf(meeting.communityId), '只能在您所在社区发起表决')
      if (meeting.status === 'draft') throw conflict('请先发布会议议程')
      const item = meeting.agenda.find((a) => a.itemId === input.itemId)
      if (!item) throw invalid('议程项不存在', ['itemId'])
      communityId = meeting.communityId
      streetId = meeting.streetId
      topicIds = item.topicIds
    } else {
      const topic = await repo.topic(db, input.topicId!)
      if (!topic) throw notFound('议题')
      ensure(actor.isSecretaryOf(topic.communityId), '只能在您所在社区发起表决')
      if (topic.status !== 'accepted' || topic.tier !== 'minor')
        throw conflict('只有已受理的小事可以直接表决；大事须经议事会议')
      communityId = topic.communityId
      streetId = topic.streetId
      topicIds = [topic._id]
    }
    const topics = await repo.topics(db, topicIds)
    // The tier decides the rule (a 小事 decided directly: simple majority; a 大事: civil-code thresholds).
    const presets = presetsFor(
      topics.map((t) => t.tier),
      !meeting,
    )
    if (!presets.allowed.includes(input.preset)) throw invalid(presets.refusal, ['preset'])

    const buildings = await repo.buildings(db, input.buildingIds)
    // The estates asked for, and those of the buildings (for the scope's label): one read.
    const estatesAll = await repo.estates(db, [...new Set([...input.estateIds, ...buildings.map((b) => b.estateId)])])
    const estates = estatesAll.filter((e) => input.estateIds.includes(e._id))
    if (estates.length !== new Set(input.estateIds).size || estates.some((e) => e.communityId !== communityId))
      throw invalid('小区不属于本社区', ['estateIds'])
    if (buildings.length !== new Set(input.buildingIds).size || buildings.some((b) => b.communityId !== communityId))
      throw invalid('楼栋不属于本社区', ['buildingIds'])
    if (estates.some((e) => e.retired)) throw invalid('所选小区已停用', ['estateIds'])
    if (buildings.some((b) => b.retired)) throw invalid('所选楼栋已停用', ['buildingIds'])
    await ctx.checkText(input.title, input.description, input.revoteReason, ...input.options.map((o) => o.label))

    // A vote counting area fixes the area of its electorate now: it is read after the community's area
    // version, which is checked and moved in the transaction, so an area corrected meanwhile (org
    // household.setArea) makes one of the two conflict instead of counting a register that has changed.
    const byArea = ruleFor(input.preset, input.custom).byArea
    const areaAt = byArea ? await repo.communityArea(db, communityId) : null
    const eligible = await eligibleTotals(db, communityId, input.estateIds, input.buildingIds)
    if (!eligible.households) throw invalid('所选范围内没有住户', ['estateIds'])
    // One transaction: the vote, its 16 boxes, the item and topic locks, the audit and the request's done
    // mark commit together; the opening notice goes out after the commit, only from the call that committed.
    return ctx.onceTx(
      input.requestId,
      async (tx) => {
        const estateNames = new Map(estatesAll.map((e) => [e._id, e.name]))
        const label = [
          ...estates.map((e) => e.name),
          ...buildings.map((b) => `${estateNames.get(b.estateId) ?? ''} ${b.name}`.trim()),
        ].join('、')
        const base: VoteDoc = {
          _id: voteIdFor(actor.openid, input.requestId),
          communityId,
          streetId,
          ...(meeting ? { meetingId: meeting._id, itemId: input.itemId } : { topicId: input.topicId }),
          topicIds,
          title: input.title,
          ...(input.description ? { description: input.description } : {}),
          options: input.options.map((o, i) => ({ key: `o${i + 1}`, label: o.label, kind: o.kind })),
          scope: { estateIds: input.estateIds, buildingIds: input.buildingIds, label },
          opensAt,
          closesAt,
          rule: ruleFor(input.preset, input.custom),
          eligibleHouseholds: eligible.households,
          eligibleAreaDm2: eligible.areaDm2,
          turnout: firstSnapshot(now),
          createdBy: actor.openid,
          createdAt: now,
        }
        if (byArea) {
          const c = await findCommunityAreaInTx(tx, communityId)
          if ((c?.areaVersion ?? 0) !== (areaAt?.areaVersion ?? 0)) throw conflict('住户面积刚被更正，请重新发起')
          await updateCommunityAreaInTx(tx, communityId, { areaVersion: db.command.inc(1) })
        }
        const locks = await readLocks(tx, meeting?._id, input.itemId, topicIds)
        if (locks.meeting && locks.meeting.status === 'draft') throw conflict('请先发布会议议程')
        const prev = locks.previous
        if (prev && !input.revoteReason)
          throw invalid('该事项已有表决结果，重新表决须写明理由（理由将与两次结果一同公示）', ['revoteReason'])
        const doc: VoteDoc = prev
          ? {
              ...base,
              revote: {
                reason: input.revoteReason!,
                previousVoteId: prev._id,
                previousTitle: prev.title,
                previousResult: prev.result!,
              },
            }
          : base
        const { _id } = doc
        await putVoteInTx(tx, doc)
        await Promise.all(
          boxIds(_id).map((id) =>
            putBoxInTx(tx, { _id: id, voteId: _id, households: 0, areaDm2: 0, writes: 0, sealed: false }),
          ),
        )
        if (locks.meeting) {
          const agenda = locks.meeting.agenda.map((a): AgendaItem =>
            a.itemId === input.itemId ? { ...a, openVoteId: _id } : a,
          )
          await updateMeetingInTx(tx, locks.meeting._id, { agenda })
        }
        // A topic under a vote can no longer be edited by its proposer, and it points to its latest vote.
        for (const t of locks.topics) await updateTopicInTx(tx, t._id, { locked: true, voteId: _id, openVoteId: _id })
        if (prev) await updateVoteInTx(tx, prev._id, { supersededBy: _id })
        await ctx.audit(
          `${COL.councilVotes}/${_id}`,
          null,
          {
            title: doc.title,
            rule: doc.rule,
            eligibleHouseholds: doc.eligibleHouseholds,
            eligibleAreaDm2: doc.eligibleAreaDm2,
            ...(prev ? { revoteOf: prev._id, reason: input.revoteReason } : {}),
          },
          tx,
        )
        return voteView(doc, now)
      },
      (view) =>
        noticeSubscribers(db, communityId, 'councilVoteOpening', votePage(view.id), {
          thing1: thing(view.title),
          time2: { value: cnTime(opensAt) },
          time3: { value: cnTime(closesAt) },
        }).then(() => undefined),
    )
  },
}

export const voteList: Handler<'council.vote.list'> = {
  async run(ctx) {
    const { db, input, now } = ctx
    await ensureCommunityReader(ctx, input.communityId)
    return listVotes(db, input.communityId, input.meetingId, input, (v) => voteView(v, now))
  },
}

/**
 * Live turnout is the snapshot stored on the vote. When its window has passed (at most every
 * SNAPSHOT_MINUTES), one read of the ballot boxes and one conditional update refresh it; otherwise
 * it is one read. Either way the requests do not grow with the ballots.
 */
export const voteGet: Handler<'council.vote.get'> = {
  async run(ctx) {
    const { db, now } = ctx
    let v = await loadVote(ctx, ctx.input.voteId)
    ensure(belongsTo(ctx.actor.roles, v), '只能查看您所在社区的表决')
    const status = voteStatus(v, now)
    if ((status === 'open' || status === 'counting') && snapshotDue(v.turnout, now)) {
      const totals = await boxTotals(db, v._id)
      const turnout = nextSnapshot(
        v.turnout,
        totals,
        { households: v.eligibleHouseholds, areaDm2: v.eligibleAreaDm2 },
        now,
      )
      // Only if nobody refreshed or closed it meanwhile; either way the figures shown are the same window's.
      await updateVoteTurnout(db, v, turnout)
      v = { ...v, turnout }
    }
    return voteView(v, now)
  },
}

function inScope(v: VoteDoc, h: { communityId: string; estateId: string; buildingId: string }) {
  return (
    h.communityId === v.communityId &&
    (v.scope.estateIds.includes(h.estateId) || v.scope.buildingIds.includes(h.buildingId))
  )
}

const CLOSED = '表决已截止，本次投票未被接受'

/**
 * One ballot per household (`ballot:<voteId>:<householdId>`), cast by whichever member acts first
 * and changeable by that member until the close. The transaction reads the vote and the household's
 * ballot box and refuses if the vote has closed or the box is sealed; every ballot writes its box, so
 * a ballot racing the close either commits before the seal (and is counted) or conflicts with it.
 * The vote document does not change per ballot. The audit log records that a ballot was cast or
 * changed in this vote on this day, never by whom, for which household, what, or exactly when.
 */
export const voteCast: Handler<'council.vote.cast'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const v = await loadVote(ctx, input.voteId)
    const hid = residentHousehold(actor.roles, v.communityId, input.householdId)
    ensure(hid, '只有本社区的认证住户可以投票')
    const status = voteStatus(v, now)
    if (status !== 'open') throw conflict(status === 'scheduled' ? '表决尚未开始' : CLOSED)
    if (!v.options.some((o) => o.key === input.optionKey)) throw invalid('没有这个选项', ['optionKey'])
    const h = await repo.household(db, hid)
    if (!h) throw notFound('房屋')
    ensure(inScope(v, h), '您的房屋不在本次表决范围内')
    // The electorate (households and area) was fixed when the vote opened; a household added since is not in it.
    ensure(
      !h.createdAt || new Date(h.createdAt).getTime() <= new Date(v.createdAt).getTime(),
      '您的房屋在表决开启后登记，不在本次表决范围内',
    )
    const owner = ownerToken(v._id, actor.openid)
    const id = ballotId(v._id, hid)
    const box = boxId(v._id, boxIndex(hid))
    const target = `${COL.councilVotes}/${v._id}`
    /** `formerOwner`: the token of a member who has left the household, whose ballot this caller may take over. */
    const cast = (formerOwner?: string) =>
      ctx.transaction(async (tx) => {
        const [fresh, b, prior] = await Promise.all([
          findVoteInTx(tx, v._id),
          findBoxInTx(tx, box),
          findBallotInTx(tx, id),
        ])
        if (!fresh || voteStatus(fresh, now) !== 'open' || !b || b.sealed) throw conflict(CLOSED)
        if (prior && prior.owner !== owner && prior.owner !== formerOwner) throw new HeldByAnother(prior.owner)
        if (prior) {
          const takeOver = prior.owner !== owner
          if (!takeOver && prior.choice === input.optionKey) return prior
          const changes = prior.changes + (prior.choice === input.optionKey ? 0 : 1)
          const next = { ...prior, owner, choice: input.optionKey, updatedAt: now, changes }
          await updateBoxInTx(tx, box, { writes: db.command.inc(1) })
          await updateBallotInTx(tx, id, { owner, choice: next.choice, updatedAt: now, changes })
          await ctx.audit(target, null, { ballot: 'changed' }, tx, BALLOT_ACTOR)
          return next
        }
        const nb: BallotDoc = {
          _id: id,
          voteId: v._id,
          householdId: hid,
          owner,
          choice: input.optionKey,
          floorAreaDm2: h.floorAreaDm2,
          castAt: now,
          updatedAt: now,
          changes: 0,
        }
        await updateBoxInTx(tx, box, {
          households: db.command.inc(1),
          areaDm2: db.command.inc(h.floorAreaDm2),
          writes: db.command.inc(1),
        })
        await putBallotInTx(tx, nb)
        await ctx.audit(target, null, { ballot: 'cast' }, tx, BALLOT_ACTOR)
        return nb
      })
    let ballot: BallotDoc
    try {
      ballot = await cast()
    } catch (e) {
      if (!(e instanceof HeldByAnother)) throw e
      // The household's ballot is another member's: theirs to change while they are in the household.
      if (!(await ownerHasLeft(db, hid, (openid) => ownerToken(v._id, openid) === e.owner)))
        throw conflict('本户已由家人投票，每户一票；只有投票的家人可以在截止前改票')
      ballot = await cast(e.owner)
    }
    return myBallotView(v, hid, true, ballot, true, now)
  },
}

/**
 * The household's own ballot, to its members only: the choice, and whether the caller cast it (only
 * they may change it; a later member sees what the household did).
 */
export const voteMyBallot: Handler<'council.vote.myBallot'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const v = await loadVote(ctx, input.voteId)
    const hid = residentHousehold(actor.roles, v.communityId, input.householdId)
    ensure(hid, '只有本社区的认证住户可以查看本户选票')
    const [h, b] = await Promise.all([repo.household(db, hid), repo.ballot(db, ballotId(v._id, hid))])
    const byMe = !!b && b.owner === ownerToken(v._id, actor.openid)
    // A ballot cast by a member who has since left is the household's: a remaining member may change it.
    const ownerLeft =
      !!b &&
      !byMe &&
      voteStatus(v, now) === 'open' &&
      (await ownerHasLeft(db, hid, (openid) => ownerToken(v._id, openid) === b.owner))
    return myBallotView(v, hid, !!h && inScope(v, h), b, byMe, now, ownerLeft)
  },
}

/** After the closing time: seal the boxes, count the ballots (one aggregate), decide by the stored rule, store both. */
export const voteClose: Handler<'council.vote.close'> = {
  async run(ctx) {
    const v = await loadVote(ctx, ctx.input.voteId)
    ensure(ctx.actor.isSecretaryOf(v.communityId), '只能关闭您所在社区的表决')
    if (v.closedAt) throw conflict('表决已计票')
    if (ctx.now.getTime() < new Date(v.closesAt).getTime()) throw conflict('表决尚未到截止时间')
    return voteView(await closeVote(ctx, v), ctx.now)
  },
}

/**
 * The secretary's 计票 and the timer at the close both come here.
 * 1. Seal all ballot boxes in one transaction: from its commit on, no ballot can commit (each ballot
 *    writes its box), and any ballot that committed before it is in the ballots.
 * 2. Count the ballots with one aggregate and decide by the rule stored on the vote.
 * 3. Store the result and release the item's and topics' vote locks in one transaction (which makes
 *    one of two closers win), then tell the subscribers.
 */
export async function closeVote(ctx: Ctx<unknown>, v: VoteDoc): Promise<VoteDoc> {
  const { db, actor, now } = ctx
  await ctx.transaction(async (tx) => {
    await Promise.all(boxIds(v._id).map((id) => updateBoxInTx(tx, id, { sealed: true, sealedAt: now })))
  })
  const [counts, boxes] = await Promise.all([countBallots(db, v._id), boxTotals(db, v._id)])
  const result = {
    ...tally(v.rule, v.options, counts, { households: v.eligibleHouseholds, areaDm2: v.eligibleAreaDm2 }),
    computedAt: now,
    counterHouseholds: boxes.households,
  }
  await ctx.transaction(async (tx) => {
    const fresh = await findVoteInTx(tx, v._id)
    if (!fresh || fresh.closedAt) throw conflict('表决已计票')
    await updateVoteInTx(tx, v._id, { result, sealedAt: now, closedAt: now, closedBy: actor.openid })
    await releaseLocks(tx, v, db.command.remove())
    await ctx.audit(
      `${COL.councilVotes}/${v._id}`,
      { status: 'counting' },
      { status: 'closed', passed: result.passed, adopted: result.adoptedOptionKey, ballots: result.ballots },
      tx,
    )
  })
  await noticeSubscribers(db, v.communityId, 'councilVoteResult', votePage(v._id), {
    thing1: thing(v.title),
    phrase2: { value: result.passed ? '通过' : '未通过' },
    thing3: thing(result.summary),
  })
  return { ...v, result, sealedAt: now, closedAt: now, closedBy: actor.openid }
}

/** The counted vote becomes the item's and the topics' latest closed vote; a new vote may open on them. */
async function releaseLocks(tx: Transaction, v: VoteDoc, unset: unknown) {
  if (v.meetingId && v.itemId) {
    const m = await findMeetingInTx(tx, v.meetingId)
    if (m?.agenda.some((a) => a.itemId === v.itemId)) {
      const agenda = m.agenda.map((a): AgendaItem => {
        if (a.itemId !== v.itemId) return a
        const { openVoteId, ...rest } = a
        return openVoteId === v._id ? { ...rest, lastClosedVoteId: v._id } : a
      })
      await updateMeetingInTx(tx, m._id, { agenda })
    }
  }
  for (const topicId of v.topicIds) {
    const t = await findTopicInTx(tx, topicId)
    if (t?.openVoteId === v._id) await updateTopicInTx(tx, topicId, { openVoteId: unset, lastClosedVoteId: v._id })
  }
}

/** "Closing soon": within 24 h of the close, once per vote. */
export const voteRemind: Handler<'council.vote.remind'> = {
  async run(ctx) {
    const v = await loadVote(ctx, ctx.input.voteId)
    ensure(ctx.actor.isSecretaryOf(v.communityId), '只能提醒您所在社区的表决')
    if (voteStatus(v, ctx.now) !== 'open') throw conflict('只有进行中的表决可以提醒')
    if (new Date(v.closesAt).getTime() - ctx.now.getTime() > REMIND_WITHIN_MS)
      throw conflict('截止前 24 小时内才能发送提醒')
    if (v.remindedAt) throw conflict('已发送过截止提醒')
    return { sent: await remindVote(ctx, v) }
  },
}

/** The closing-soon notice may go out this long before the close. */
export const REMIND_WITHIN_MS = 86_400_000

/** Mark the vote reminded (once, in a transaction), then notify the subscribers; the count sent. */
export async function remindVote(ctx: Ctx<unknown>, v: VoteDoc): Promise<number> {
  const { db, now } = ctx
  await ctx.transaction(async (tx) => {
    const fresh = await findVoteInTx(tx, v._id)
    if (!fresh || fresh.remindedAt) throw conflict('已发送过截止提醒')
    await updateVoteInTx(tx, v._id, { remindedAt: now })
    await ctx.audit(`${COL.councilVotes}/${v._id}`, { remindedAt: null }, { remindedAt: now }, tx)
  })
  return noticeSubscribers(db, v.communityId, 'councilVoteClosing', votePage(v._id), {
    thing1: thing(v.title),
    time2: { value: cnTime(v.closesAt) },
    thing3: thing('表决即将截止，请尽快参与'),
  })
}
