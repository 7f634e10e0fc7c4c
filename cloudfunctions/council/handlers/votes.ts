import type { CustomRuleInput, OptionKind, Preset } from '../../../types/council'
import type { PageInput } from '../../../types/common'
import type { Ctx } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { txGetOrNull } from '../../shared/db-types'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { fetchPage } from '../../shared/paging'
import { belongsTo, residentHousehold } from '../domain/access'
import { ruleFor, tally } from '../domain/tally'
import { cnTime, noticeSubscribers, thing } from '../notices'
import {
  ballotId, countBallots, eligibleTotals, findByIds, repo,
  type BallotDoc, type BuildingRef, type EstateRef, type MeetingDoc, type TopicDoc, type VoteDoc,
} from '../repo'
import { myBallotView, voteStatus, voteView } from '../views'
import { ensureCommunityReader } from './common'

async function loadVote(ctx: Ctx<unknown>, voteId: string): Promise<VoteDoc> {
  const v = await repo.vote(ctx.db, voteId)
  if (!v) throw notFound('表决')
  return v
}

const MAX_VOTE_DAYS = 60
const votePage = (id: string) => `packages/council/pages/vote/index?id=${id}`

interface OpenInput {
  requestId: string; meetingId?: string; itemId?: string; topicId?: string
  title: string; description?: string
  options: { label: string; kind: OptionKind }[]
  estateIds: string[]; buildingIds: string[]
  opensAt: string; closesAt: string
  preset: Preset; custom?: CustomRuleInput
}

/**
 * Open a vote on an agenda item (大事: a civil-code or custom preset) or directly on a 小事 topic
 * (simple majority). The eligible households and their area are fixed now, by one aggregate.
 */
export const voteOpen = {
  async run(ctx: Ctx<OpenInput>) {
    const { db, actor, input, now } = ctx
    const opensAt = new Date(input.opensAt)
    const closesAt = new Date(input.closesAt)
    if (opensAt.getTime() < now.getTime() - 10 * 60_000) throw invalid('开始时间不能早于现在', ['opensAt'])
    if (closesAt.getTime() - opensAt.getTime() > MAX_VOTE_DAYS * 86_400_000) throw invalid(`表决期不超过 ${MAX_VOTE_DAYS} 天`, ['closesAt'])

    let communityId: string
    let streetId: string
    let topicIds: string[]
    let meeting: MeetingDoc | null = null
    if (input.meetingId && input.itemId) {
      meeting = (await db.collection(COL.councilMeetings).where({ _id: input.meetingId }).limit(1).get()).data[0] as MeetingDoc | undefined ?? null
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
      if (topic.status !== 'accepted' || topic.tier !== 'minor') throw conflict('只有已受理的小事可以直接表决；大事须经议事会议')
      if (input.preset !== 'simple') throw invalid('小事按简单多数表决', ['preset'])
      communityId = topic.communityId
      streetId = topic.streetId
      topicIds = [topic._id]
    }
    const topics = await findByIds<TopicDoc>(db, COL.councilTopics, topicIds)
    if (input.preset === 'simple' && topics.some((t) => t.tier === 'major')) throw invalid('大事须使用民法典或自定义门槛', ['preset'])

    const buildings = await findByIds<BuildingRef>(db, COL.buildings, input.buildingIds)
    // The estates asked for, and those of the buildings (for the scope's label): one read.
    const estatesAll = await findByIds<EstateRef>(db, COL.estates, [...new Set([...input.estateIds, ...buildings.map((b) => b.estateId)])])
    const estates = estatesAll.filter((e) => input.estateIds.includes(e._id))
    if (estates.length !== new Set(input.estateIds).size || estates.some((e) => e.communityId !== communityId)) throw invalid('小区不属于本社区', ['estateIds'])
    if (buildings.length !== new Set(input.buildingIds).size || buildings.some((b) => b.communityId !== communityId)) throw invalid('楼栋不属于本社区', ['buildingIds'])
    await ctx.checkText(input.title, input.description, ...input.options.map((o) => o.label))

    return ctx.once(input.requestId, async () => {
      const eligible = await eligibleTotals(db, communityId, input.estateIds, input.buildingIds)
      if (!eligible.households) throw invalid('所选范围内没有住户', ['estateIds'])
      const estateNames = new Map(estatesAll.map((e) => [e._id, e.name]))
      const label = [...estates.map((e) => e.name), ...buildings.map((b) => `${estateNames.get(b.estateId) ?? ''} ${b.name}`.trim())].join('、')
      const v: VoteDoc = {
        _id: newId('vote'), communityId, streetId,
        ...(meeting ? { meetingId: meeting._id, itemId: input.itemId } : { topicId: input.topicId }),
        topicIds, title: input.title, ...(input.description ? { description: input.description } : {}),
        options: input.options.map((o, i) => ({ key: `o${i + 1}`, label: o.label, kind: o.kind })),
        scope: { estateIds: input.estateIds, buildingIds: input.buildingIds, label },
        opensAt, closesAt, rule: ruleFor(input.preset, input.custom),
        eligibleHouseholds: eligible.households, eligibleAreaDm2: eligible.areaDm2,
        turnoutHouseholds: 0, turnoutAreaDm2: 0, createdBy: actor.openid, createdAt: now,
      }
      await db.collection(COL.councilVotes).add({ data: v })
      // A topic under a vote can no longer be edited by its proposer, and it points to its latest vote.
      if (topicIds.length) await db.collection(COL.councilTopics).where({ _id: db.command.in(topicIds) }).update({ data: { locked: true, voteId: v._id } })
      await ctx.audit(`${COL.councilVotes}/${v._id}`, null, { title: v.title, rule: v.rule, eligibleHouseholds: v.eligibleHouseholds, eligibleAreaDm2: v.eligibleAreaDm2 })
      await noticeSubscribers(db, communityId, 'councilVoteOpening', votePage(v._id), {
        thing1: thing(v.title), time2: { value: cnTime(v.opensAt) }, time3: { value: cnTime(v.closesAt) },
      })
      return voteView(v, now)
    })
  },
}

export const voteList = {
  async run(ctx: Ctx<PageInput & { communityId: string; meetingId?: string }>) {
    const { db, input, now } = ctx
    await ensureCommunityReader(ctx, input.communityId)
    const where = { communityId: input.communityId, ...(input.meetingId ? { meetingId: input.meetingId } : {}) }
    return fetchPage<VoteDoc, ReturnType<typeof voteView>>(db.collection(COL.councilVotes).where(where), input, [['opensAt', 'desc']], (v) => voteView(v, now))
  },
}

/** One read: live turnout comes from the counters on the vote, never from the ballots. */
export const voteGet = {
  async run(ctx: Ctx<{ voteId: string }>) {
    const v = await loadVote(ctx, ctx.input.voteId)
    ensure(belongsTo(ctx.actor.roles, v), '只能查看您所在社区的表决')
    return voteView(v, ctx.now)
  },
}

function inScope(v: VoteDoc, h: { communityId: string; estateId: string; buildingId: string }) {
  return h.communityId === v.communityId && (v.scope.estateIds.includes(h.estateId) || v.scope.buildingIds.includes(h.buildingId))
}

/**
 * One ballot per household (`ballot:<voteId>:<householdId>`), changeable until the close. A new
 * ballot and the turnout counters move in one transaction; concurrent submissions of one household
 * collide on the ballot's _id, so only one of them creates it. The audit records that the household
 * voted, never what it chose.
 */
export const voteCast = {
  async run(ctx: Ctx<{ voteId: string; optionKey: string; householdId?: string }>) {
    const { db, actor, input, now } = ctx
    const v = await loadVote(ctx, input.voteId)
    const hid = residentHousehold(actor.roles, v.communityId, input.householdId)
    ensure(hid, '只有本社区的认证住户可以投票')
    const status = voteStatus(v, now)
    if (status !== 'open') throw conflict(status === 'scheduled' ? '表决尚未开始' : '表决已截止')
    if (!v.options.some((o) => o.key === input.optionKey)) throw invalid('没有这个选项', ['optionKey'])
    const h = await repo.household(db, hid)
    if (!h) throw notFound('房屋')
    ensure(inScope(v, h), '您的房屋不在本次表决范围内')
    // The electorate (households and area) was fixed when the vote opened; a household added since is not in it.
    ensure(!h.createdAt || new Date(h.createdAt).getTime() <= new Date(v.createdAt).getTime(), '您的房屋在表决开启后登记，不在本次表决范围内')
    const id = ballotId(v._id, hid)
    const ballot = await ctx.transaction(async (tx) => {
      const prior = await txGetOrNull<BallotDoc>(tx, COL.councilBallots, id)
      if (prior) {
        const next = { ...prior, choice: input.optionKey, updatedAt: now, changes: (prior.changes ?? 0) + 1 }
        await tx.collection(COL.councilBallots).doc(id).update({ data: { choice: next.choice, updatedAt: now, changes: next.changes } })
        await ctx.audit(`${COL.councilBallots}/${id}`, { cast: true }, { changed: true }, tx)
        return next
      }
      const b: BallotDoc = { _id: id, voteId: v._id, householdId: hid, choice: input.optionKey, floorAreaDm2: h.floorAreaDm2, castAt: now, updatedAt: now, changes: 0 }
      const { _id, ...rest } = b
      await tx.collection(COL.councilBallots).doc(_id).set({ data: rest })
      await tx.collection(COL.councilVotes).doc(v._id).update({ data: { turnoutHouseholds: db.command.inc(1), turnoutAreaDm2: db.command.inc(h.floorAreaDm2) } })
      await ctx.audit(`${COL.councilBallots}/${id}`, null, { cast: true }, tx)
      return b
    })
    return myBallotView(v, hid, true, ballot, now)
  },
}

/** The household's own ballot: the only place a choice is ever returned, and only to its household. */
export const voteMyBallot = {
  async run(ctx: Ctx<{ voteId: string; householdId?: string }>) {
    const { db, actor, input, now } = ctx
    const v = await loadVote(ctx, input.voteId)
    const hid = residentHousehold(actor.roles, v.communityId, input.householdId)
    ensure(hid, '只有本社区的认证住户可以查看本户选票')
    const [h, b] = await Promise.all([
      repo.household(db, hid),
      db.collection(COL.councilBallots).where({ _id: ballotId(v._id, hid) }).limit(1).get().then((r) => (r.data[0] as BallotDoc | undefined) ?? null),
    ])
    return myBallotView(v, hid, !!h && inScope(v, h), b, now)
  },
}

/** After the closing time: count the ballots (one aggregate), decide by the stored rule, store both. */
export const voteClose = {
  async run(ctx: Ctx<{ voteId: string }>) {
    const v = await loadVote(ctx, ctx.input.voteId)
    ensure(ctx.actor.isSecretaryOf(v.communityId), '只能关闭您所在社区的表决')
    if (v.closedAt) throw conflict('表决已计票')
    if (ctx.now.getTime() < new Date(v.closesAt).getTime()) throw conflict('表决尚未到截止时间')
    return voteView(await closeVote(ctx, v), ctx.now)
  },
}

/**
 * Count the ballots, store the result with the rule that produced it, tell the subscribers. The
 * secretary's 计票 and the timer at the close both come here; the transaction makes one of them win.
 */
export async function closeVote(ctx: Ctx<unknown>, v: VoteDoc): Promise<VoteDoc> {
  const { db, actor, now } = ctx
  const counts = await countBallots(db, v._id)
  const result = { ...tally(v.rule, v.options, counts, { households: v.eligibleHouseholds, areaDm2: v.eligibleAreaDm2 }), computedAt: now, counterHouseholds: v.turnoutHouseholds }
  await ctx.transaction(async (tx) => {
    const fresh = await txGetOrNull<VoteDoc>(tx, COL.councilVotes, v._id)
    if (!fresh || fresh.closedAt) throw conflict('表决已计票')
    await tx.collection(COL.councilVotes).doc(v._id).update({ data: { result, closedAt: now, closedBy: actor.openid } })
    await ctx.audit(`${COL.councilVotes}/${v._id}`, { status: 'counting' }, { status: 'closed', passed: result.passed, adopted: result.adoptedOptionKey, ballots: result.ballots }, tx)
  })
  await noticeSubscribers(db, v.communityId, 'councilVoteResult', votePage(v._id), {
    thing1: thing(v.title), phrase2: { value: result.passed ? '通过' : '未通过' }, thing3: thing(result.summary),
  })
  return { ...v, result, closedAt: now, closedBy: actor.openid }
}

/** "Closing soon": within 24 h of the close, once per vote. */
export const voteRemind = {
  async run(ctx: Ctx<{ voteId: string }>) {
    const v = await loadVote(ctx, ctx.input.voteId)
    ensure(ctx.actor.isSecretaryOf(v.communityId), '只能提醒您所在社区的表决')
    if (voteStatus(v, ctx.now) !== 'open') throw conflict('只有进行中的表决可以提醒')
    if (new Date(v.closesAt).getTime() - ctx.now.getTime() > REMIND_WITHIN_MS) throw conflict('截止前 24 小时内才能发送提醒')
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
    const fresh = await txGetOrNull<VoteDoc>(tx, COL.councilVotes, v._id)
    if (!fresh || fresh.remindedAt) throw conflict('已发送过截止提醒')
    await tx.collection(COL.councilVotes).doc(v._id).update({ data: { remindedAt: now } })
    await ctx.audit(`${COL.councilVotes}/${v._id}`, { remindedAt: null }, { remindedAt: now }, tx)
  })
  return noticeSubscribers(db, v.communityId, 'councilVoteClosing', votePage(v._id), {
    thing1: thing(v.title), time2: { value: cnTime(v.closesAt) }, thing3: thing('表决即将截止，请尽快参与'),
  })
}
