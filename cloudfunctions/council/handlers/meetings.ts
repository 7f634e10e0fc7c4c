import type { AttendeeKind, ParticipantKind } from '../../../types/council'
import type { PageInput } from '../../../types/common'
import type { Actor } from '../../shared/actor'
import type { Ctx } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { txGetOrNull } from '../../shared/db-types'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { fetchPage } from '../../shared/paging'
import { attendeeOf, belongsTo } from '../domain/access'
import { ensureCommunityReader } from './common'
import { attendanceId, findByIds, repo, type AgendaItem, type AttendanceDoc, type MeetingDoc, type TopicDoc } from '../repo'
import { cnTime } from '../../shared/clock'
import { noticeSubscribers, thing } from '../notices'
import { agendaLocked, meetingView } from '../views'

interface MeetingFields {
  title: string; startsAt: string; place: string; online: boolean
  agenda: { itemId?: string; title: string; topicIds: string[] }[]
  participants: { kind: ParticipantKind; name: string }[]
}

async function loadMeeting(ctx: Ctx<unknown>, meetingId: string): Promise<MeetingDoc> {
  const m = await ctx.db.collection(COL.councilMeetings).where({ _id: meetingId }).limit(1).get()
  const doc = m.data[0] as MeetingDoc | undefined
  if (!doc) throw notFound('会议')
  return doc
}

/** Agenda items keep their ids across edits; new items get the next free `item-<n>`. */
function numberAgenda(items: MeetingFields['agenda'], previous: AgendaItem[]): AgendaItem[] {
  const known = new Set(previous.map((a) => a.itemId))
  let next = previous.reduce((mx, a) => Math.max(mx, Number(a.itemId.replace(/^item-/, '')) || 0), 0)
  const seen = new Set<string>()
  return items.map((it, i) => {
    let itemId = it.itemId && known.has(it.itemId) && !seen.has(it.itemId) ? it.itemId : ''
    if (!itemId) itemId = `item-${++next}`
    seen.add(itemId)
    return { itemId, order: i + 1, title: it.title, topicIds: [...new Set(it.topicIds)] }
  })
}

/** Agenda topics must be accepted topics of the same community: one read for all of them. */
async function checkAgendaTopics(ctx: Ctx<unknown>, communityId: string, agenda: AgendaItem[]) {
  const ids = [...new Set(agenda.flatMap((a) => a.topicIds))]
  if (!ids.length) return
  const found = await findByIds<TopicDoc>(ctx.db, COL.councilTopics, ids)
  const ok = new Set(found.filter((t) => t.communityId === communityId && t.status === 'accepted').map((t) => t._id))
  const bad = ids.find((i) => !ok.has(i))
  if (bad) throw invalid('议程只能关联本社区已受理的议题', ['agenda'])
}

async function checkFieldsText(ctx: Ctx<unknown>, f: MeetingFields) {
  await ctx.checkText(f.title, f.place, ...f.agenda.map((a) => a.title), ...f.participants.map((p) => p.name))
}

export const meetingCreate = {
  async run(ctx: Ctx<MeetingFields & { requestId: string; communityId: string }>) {
    const { db, actor, input, now } = ctx
    ensure(actor.isSecretaryOf(input.communityId), '只能为您所在社区召开议事会')
    const community = await repo.community(db, input.communityId)
    if (!community) throw notFound('社区')
    if (new Date(input.startsAt).getTime() <= now.getTime()) throw invalid('会议时间须在现在之后', ['startsAt'])
    const agenda = numberAgenda(input.agenda, [])
    await checkAgendaTopics(ctx, community._id, agenda)
    await checkFieldsText(ctx, input)
    return ctx.onceTx(input.requestId, async (tx) => {
      const m: MeetingDoc = {
        _id: newId('meet'), communityId: community._id, streetId: community.streetId,
        title: input.title, startsAt: new Date(input.startsAt), place: input.place, online: input.online,
        agenda, participants: input.participants, status: 'draft', attendeeCount: 0,
        createdBy: actor.openid, createdAt: now, updatedAt: now,
      }
      await tx.collection(COL.councilMeetings).add({ data: m })
      await ctx.audit(`${COL.councilMeetings}/${m._id}`, null, { status: 'draft', title: m.title, agenda: m.agenda }, tx)
      return meetingView(m, now)
    })
  },
}

/**
 * An item with a vote not yet counted can be neither edited nor removed (its voters are voting on it);
 * an item with a counted vote may be renamed but not removed (the vote and a resolution point to it).
 */
function agendaLockProblem(before: AgendaItem[], after: AgendaItem[]): string | null {
  for (const old of before) {
    const now = after.find((a) => a.itemId === old.itemId)
    if (old.openVoteId && (!now || now.title !== old.title || now.topicIds.join() !== old.topicIds.join())) return `议程项「${old.title}」正在表决，不能修改或删除`
    if (old.lastClosedVoteId && !now) return `议程项「${old.title}」已有表决结果，不能删除`
  }
  return null
}

/** Items keep their vote locks across an edit (the form does not carry them). */
const keepLocks = (agenda: AgendaItem[], previous: AgendaItem[]): AgendaItem[] =>
  agenda.map((a) => {
    const p = previous.find((x) => x.itemId === a.itemId)
    return { ...a, ...(p?.openVoteId ? { openVoteId: p.openVoteId } : {}), ...(p?.lastClosedVoteId ? { lastClosedVoteId: p.lastClosedVoteId } : {}) }
  })

export const meetingUpdate = {
  async run(ctx: Ctx<MeetingFields & { meetingId: string }>) {
    const { actor, input, now } = ctx
    const m = await loadMeeting(ctx, input.meetingId)
    ensure(actor.isSecretaryOf(m.communityId), '只能修改您所在社区的会议')
    if (agendaLocked(m, now)) throw conflict('会议已开始，议程不能再修改')
    if (new Date(input.startsAt).getTime() <= now.getTime()) throw invalid('会议时间须在现在之后', ['startsAt'])
    await checkAgendaTopics(ctx, m.communityId, numberAgenda(input.agenda, m.agenda))
    await checkFieldsText(ctx, input)
    // The agenda is numbered against the meeting as it is in the transaction: a vote opened meanwhile locks its item.
    const next = await ctx.transaction(async (tx) => {
      const fresh = await txGetOrNull<MeetingDoc>(tx, COL.councilMeetings, m._id)
      if (!fresh || agendaLocked(fresh, now)) throw conflict('会议已开始，议程不能再修改')
      const agenda = keepLocks(numberAgenda(input.agenda, fresh.agenda), fresh.agenda)
      const problem = agendaLockProblem(fresh.agenda, agenda)
      if (problem) throw conflict(problem)
      const patch = { title: input.title, startsAt: new Date(input.startsAt), place: input.place, online: input.online, agenda, participants: input.participants, updatedAt: now }
      await tx.collection(COL.councilMeetings).doc(m._id).update({ data: patch })
      await ctx.audit(`${COL.councilMeetings}/${m._id}`, { title: fresh.title, startsAt: fresh.startsAt, agenda: fresh.agenda, participants: fresh.participants }, { title: patch.title, startsAt: patch.startsAt, agenda, participants: patch.participants }, tx)
      return { ...fresh, ...patch }
    })
    return meetingView(next, now)
  },
}

/** A status step: from the allowed states to the next, in a transaction, audited. */
async function step(ctx: Ctx<{ meetingId: string }>, from: MeetingDoc['status'][], to: MeetingDoc['status'], extra: Partial<MeetingDoc>, refusal: string) {
  const { actor, input, now } = ctx
  const m = await loadMeeting(ctx, input.meetingId)
  ensure(actor.isSecretaryOf(m.communityId), '只能管理您所在社区的会议')
  if (!from.includes(m.status)) throw conflict(refusal)
  const patch = { status: to, updatedAt: now, ...extra }
  await ctx.transaction(async (tx) => {
    const fresh = await txGetOrNull<MeetingDoc>(tx, COL.councilMeetings, m._id)
    if (!fresh || !from.includes(fresh.status)) throw conflict(refusal)
    await tx.collection(COL.councilMeetings).doc(m._id).update({ data: patch })
    await ctx.audit(`${COL.councilMeetings}/${m._id}`, { status: m.status }, { status: to, ...(extra.minutes ? { minutes: extra.minutes } : {}) }, tx)
  })
  return { ...m, ...patch }
}

export const meetingPublish = {
  async run(ctx: Ctx<{ meetingId: string }>) {
    const m = await step(ctx, ['draft'], 'published', { publishedAt: ctx.now }, '会议已发布')
    await noticeSubscribers(ctx.db, m.communityId, 'councilMeetingPublished', `packages/council/pages/meeting/index?id=${m._id}`, {
      thing1: thing(m.title), time2: { value: cnTime(m.startsAt) }, thing3: thing(m.place),
    })
    return meetingView(m, ctx.now)
  },
}

export const meetingStart = {
  async run(ctx: Ctx<{ meetingId: string }>) {
    return meetingView(await step(ctx, ['published'], 'started', { startedAt: ctx.now }, '只有已发布、未开始的会议可以开始'), ctx.now)
  },
}

export const meetingMinutes = {
  async run(ctx: Ctx<{ meetingId: string; minutes: string }>) {
    await ctx.checkText(ctx.input.minutes)
    return meetingView(await step(ctx, ['started'], 'ended', { minutes: ctx.input.minutes, endedAt: ctx.now }, '只有进行中的会议可以记录纪要并结束'), ctx.now)
  },
}

/**
 * Sign-in: once per person (deterministic _id), from 30 minutes before the start until the meeting
 * ends. Who they are comes from the server: the kind from their roles in the community, the name
 * from their profile (nothing self-declared).
 */
export const meetingCheckIn = {
  async run(ctx: Ctx<{ meetingId: string }>) {
    const { actor, now } = ctx
    const m = await loadMeeting(ctx, ctx.input.meetingId)
    ensure(belongsTo(actor.roles, m), '只能签到您所在社区的会议')
    const who = attendeeOf(actor.roles, m)
    ensure(who, '只能签到您所在社区的会议')
    const opensAt = new Date(m.startsAt).getTime() - 30 * 60_000
    const open = m.status === 'started' || (m.status === 'published' && now.getTime() >= opensAt)
    if (!open) throw conflict(m.status === 'ended' ? '会议已结束' : '会议开始前 30 分钟起可以签到')
    if (!actor.name) throw conflict('请先在「我的」中填写姓名，再签到')
    const aid = attendanceId(m._id, actor.openid)
    const count = await ctx.transaction(async (tx) => {
      const prior = await txGetOrNull<AttendanceDoc>(tx, COL.councilAttendance, aid)
      const fresh = await txGetOrNull<MeetingDoc>(tx, COL.councilMeetings, m._id)
      if (prior) return fresh?.attendeeCount ?? m.attendeeCount
      const a: Omit<AttendanceDoc, '_id'> = { meetingId: m._id, openid: actor.openid, name: actor.name, kind: who.kind, ...(who.org ? { org: who.org } : {}), at: now }
      await tx.collection(COL.councilAttendance).doc(aid).set({ data: a })
      await tx.collection(COL.councilMeetings).doc(m._id).update({ data: { attendeeCount: ctx.db.command.inc(1) } })
      await ctx.audit(`${COL.councilMeetings}/${m._id}`, null, { checkedIn: actor.openid, kind: who.kind }, tx)
      return (fresh?.attendeeCount ?? 0) + 1
    })
    return meetingView({ ...m, attendeeCount: count }, now)
  },
}

export const meetingAttendance = {
  async run(ctx: Ctx<PageInput & { meetingId: string }>) {
    const { db, actor, input } = ctx
    const m = await loadMeeting(ctx, input.meetingId)
    ensure(actor.isSecretaryOf(m.communityId), '只能查看您所在社区的签到名单')
    return fetchPage<AttendanceDoc, { name: string; kind: AttendeeKind; org?: string; at: string }>(
      db.collection(COL.councilAttendance).where({ meetingId: m._id }), input, [['at', 'asc']],
      (a) => ({ name: a.name, kind: a.kind, ...(a.org ? { org: a.org } : {}), at: new Date(a.at).toISOString() }),
    )
  },
}

const isSecretary = (actor: Actor, communityId: string) => actor.isSecretaryOf(communityId)

/** Residents see published agendas; the secretary also sees drafts. */
export const meetingList = {
  async run(ctx: Ctx<PageInput & { communityId: string }>) {
    const { db, actor, input, now } = ctx
    await ensureCommunityReader(ctx, input.communityId)
    const filter: Record<string, unknown> = { communityId: input.communityId }
    if (!isSecretary(actor, input.communityId)) filter.status = db.command.in(['published', 'started', 'ended'])
    return fetchPage<MeetingDoc, ReturnType<typeof meetingView>>(db.collection(COL.councilMeetings).where(filter), input, [['startsAt', 'desc']], (m) => meetingView(m, now))
  },
}

export const meetingGet = {
  async run(ctx: Ctx<{ meetingId: string }>) {
    const { actor, input, now } = ctx
    const m = await loadMeeting(ctx, input.meetingId)
    ensure(belongsTo(actor.roles, m), '只能查看您所在社区的议事内容')
    if (m.status === 'draft' && !isSecretary(actor, m.communityId)) throw notFound('会议')
    return meetingView(m, now)
  },
}
