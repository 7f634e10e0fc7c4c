import type { AttendeeKind, ParticipantKind, PartyType, RollView } from '../../../types/council'
import type { Actor } from '../../shared/actor'
import type { Ctx, Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { partyKeysOf } from '../../shared/parties'
import { attendeeOf, belongsTo, invitedAs } from '../domain/access'
import {
  attendanceId,
  ensureCommunityReader,
  findAttendanceInTx,
  findMeetingInTx,
  listAttendance,
  listInvitedAttendance,
  listMeetings,
  listMeetingsInviting,
  putAttendanceInTx,
  putMeetingInTx,
  repo,
  updateMeetingInTx,
  type AgendaItem,
  type CommunityRef,
  type MeetingDoc,
  type ParticipantDoc,
} from '../repo'
import { cnTime } from '../../shared/clock'
import { noticeInvitees, noticeSubscribers, thing } from '../notices'
import { resolveParties } from '../parties'
import { agendaLocked, meetingView } from '../views'

interface MeetingFields {
  title: string
  startsAt: string
  place?: string
  online: boolean
  link?: string
  agenda: { itemId?: string; title: string; topicIds: string[] }[]
  participants: { kind: ParticipantKind; name?: string; ref?: { type: PartyType; id: string } }[]
}

/**
 * Participants as stored: a named body as typed; a picked party checked against the community and
 * named from its record, with its key and (a person) the openid its notice goes to. One read per
 * type picked. Returns the invited keys too (home and check-in ask by them).
 */
async function participantsOf(ctx: Ctx<unknown>, community: CommunityRef, input: MeetingFields['participants']) {
  const picked = input.filter((p) => p.ref)
  const resolved = await resolveParties(
    ctx.db,
    community,
    picked.map((p) => p.ref!),
    'participants',
  )
  let i = 0
  const participants: ParticipantDoc[] = input.map((p) => {
    if (!p.ref) return { kind: p.kind, name: p.name! }
    const r = resolved[i++]
    return {
      kind: p.kind,
      name: r.name,
      ref: { type: r.type, id: r.id },
      key: r.key,
      ...(r.openid ? { openid: r.openid } : {}),
    }
  })
  return { participants, inviteKeys: [...new Set(resolved.map((r) => r.key))] }
}

/** Where the meeting is, as stored: an online meeting keeps its link, an in-person one its place. */
const whereOf = (f: MeetingFields) =>
  f.online ? { online: true, place: '', link: f.link! } : { online: false, place: f.place!, link: undefined }

async function loadMeeting(ctx: Ctx<unknown>, meetingId: string): Promise<MeetingDoc> {
  const m = await repo.meeting(ctx.db, meetingId)
  if (!m) throw notFound('会议')
  return m
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
  const found = await repo.topics(ctx.db, ids)
  const ok = new Set(found.filter((t) => t.communityId === communityId && t.status === 'accepted').map((t) => t._id))
  const bad = ids.find((i) => !ok.has(i))
  if (bad) throw invalid('议程只能关联本社区已受理的议题', ['agenda'])
}

async function checkFieldsText(ctx: Ctx<unknown>, f: MeetingFields) {
  await ctx.checkText(
    f.title,
    f.online ? f.link : f.place,
    ...f.agenda.map((a) => a.title),
    ...f.participants.filter((p) => !p.ref).map((p) => p.name),
  )
}

export const meetingCreate: Handler<'council.meeting.create'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    ensure(actor.isSecretaryOf(input.communityId), '只能为您所在社区召开议事会')
    const community = await repo.community(db, input.communityId)
    if (!community) throw notFound('社区')
    if (new Date(input.startsAt).getTime() <= now.getTime()) throw invalid('会议时间须在现在之后', ['startsAt'])
    const agenda = numberAgenda(input.agenda, [])
    await checkAgendaTopics(ctx, community._id, agenda)
    const { participants, inviteKeys } = await participantsOf(ctx, community, input.participants)
    await checkFieldsText(ctx, input)
    const where = whereOf(input)
    return ctx.onceTx(input.requestId, async (tx) => {
      const m: MeetingDoc = {
        _id: newId('meet'),
        communityId: community._id,
        streetId: community.streetId,
        title: input.title,
        startsAt: new Date(input.startsAt),
        place: where.place,
        online: where.online,
        ...(where.link ? { link: where.link } : {}),
        agenda,
        participants,
        inviteKeys,
        noticedKeys: [],
        status: 'draft',
        attendeeCount: 0,
        createdBy: actor.openid,
        createdAt: now,
        updatedAt: now,
      }
      await putMeetingInTx(tx, m)
      await ctx.audit(
        `${COL.councilMeetings}/${m._id}`,
        null,
        { status: 'draft', title: m.title, agenda: m.agenda, invited: inviteKeys.length },
        tx,
      )
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
    if (old.openVoteId && (!now || now.title !== old.title || now.topicIds.join() !== old.topicIds.join()))
      return `议程项「${old.title}」正在表决，不能修改或删除`
    if (old.lastClosedVoteId && !now) return `议程项「${old.title}」已有表决结果，不能删除`
  }
  return null
}

/** Items keep their vote locks across an edit (the form does not carry them). */
const keepLocks = (agenda: AgendaItem[], previous: AgendaItem[]): AgendaItem[] =>
  agenda.map((a) => {
    const p = previous.find((x) => x.itemId === a.itemId)
    return {
      ...a,
      ...(p?.openVoteId ? { openVoteId: p.openVoteId } : {}),
      ...(p?.lastClosedVoteId ? { lastClosedVoteId: p.lastClosedVoteId } : {}),
    }
  })

export const meetingUpdate: Handler<'council.meeting.update'> = {
  async run(ctx) {
    const { actor, input, now } = ctx
    const m = await loadMeeting(ctx, input.meetingId)
    ensure(actor.isSecretaryOf(m.communityId), '只能修改您所在社区的会议')
    if (agendaLocked(m, now)) throw conflict('会议已开始，议程不能再修改')
    if (new Date(input.startsAt).getTime() <= now.getTime()) throw invalid('会议时间须在现在之后', ['startsAt'])
    await checkAgendaTopics(ctx, m.communityId, numberAgenda(input.agenda, m.agenda))
    const community = await repo.community(ctx.db, m.communityId)
    if (!community) throw notFound('社区')
    const { participants, inviteKeys } = await participantsOf(ctx, community, input.participants)
    await checkFieldsText(ctx, input)
    const where = whereOf(input)
    // The agenda is numbered against the meeting as it is in the transaction: a vote opened meanwhile locks its item.
    let told: string[] = []
    const next = await ctx.transaction(async (tx) => {
      const fresh = await findMeetingInTx(tx, m._id)
      if (!fresh || agendaLocked(fresh, now)) throw conflict('会议已开始，议程不能再修改')
      // Edited from an older edition (a topic put on the agenda from its page, another tab): saving would undo that.
      if ((fresh.rev ?? 0) !== input.rev)
        throw conflict('会议在您编辑期间已被修改（例如有议题刚列入议程），请重新打开后再改')
      const agenda = keepLocks(numberAgenda(input.agenda, fresh.agenda), fresh.agenda)
      const problem = agendaLockProblem(fresh.agenda, agenda)
      if (problem) throw conflict(problem)
      // A published meeting tells those newly invited now; a draft tells everyone when it is published.
      told = fresh.status === 'published' ? inviteKeys.filter((k) => !(fresh.noticedKeys ?? []).includes(k)) : []
      const patch = {
        title: input.title,
        startsAt: new Date(input.startsAt),
        place: where.place,
        online: where.online,
        link: where.link ?? '',
        agenda,
        participants,
        inviteKeys,
        noticedKeys: [...new Set([...(fresh.noticedKeys ?? []), ...told])],
        updatedAt: now,
        rev: (fresh.rev ?? 0) + 1,
      }
      await updateMeetingInTx(tx, m._id, {
        ...patch,
        participants: ctx.db.command.set(participants),
        agenda: ctx.db.command.set(agenda),
      })
      await ctx.audit(
        `${COL.councilMeetings}/${m._id}`,
        { title: fresh.title, startsAt: fresh.startsAt, agenda: fresh.agenda, invited: fresh.inviteKeys ?? [] },
        { title: patch.title, startsAt: patch.startsAt, agenda, invited: inviteKeys },
        tx,
      )
      return { ...fresh, ...patch, link: where.link }
    })
    if (told.length) await noticeInvitees(ctx.db, next, told)
    return meetingView(next, now)
  },
}

/**
 * The topic page's 列入议程: an accepted topic goes straight onto a meeting that has not started, as a
 * new item (titled by the topic) or into an item without a vote under way (at most 5 topics an item).
 * The meeting is read again in the transaction, so the vote locks and the agenda lock hold.
 */
export const meetingAddTopic: Handler<'council.meeting.addTopic'> = {
  async run(ctx) {
    const { actor, input, now } = ctx
    const m = await loadMeeting(ctx, input.meetingId)
    ensure(actor.isSecretaryOf(m.communityId), '只能修改您所在社区的会议')
    const topic = await repo.topic(ctx.db, input.topicId)
    if (!topic || topic.communityId !== m.communityId) throw notFound('议题')
    if (topic.status !== 'accepted') throw conflict('只有已受理的议题可以列入议程')
    const next = await ctx.transaction(async (tx) => {
      const fresh = await findMeetingInTx(tx, m._id)
      if (!fresh || agendaLocked(fresh, now)) throw conflict('会议已开始，议程不能再修改')
      if (fresh.agenda.some((a) => a.topicIds.includes(topic._id))) throw conflict('该议题已在本次会议的议程中')
      let agenda: AgendaItem[]
      if (input.itemId) {
        const item = fresh.agenda.find((a) => a.itemId === input.itemId)
        if (!item) throw invalid('议程项不存在', ['itemId'])
        if (item.openVoteId) throw conflict(`议程项「${item.title}」正在表决，不能修改或删除`)
        if (item.topicIds.length >= 5) throw conflict('每项议程最多关联 5 个议题')
        agenda = fresh.agenda.map((a) =>
          a.itemId === item.itemId ? { ...a, topicIds: [...a.topicIds, topic._id] } : a,
        )
      } else {
        if (fresh.agenda.length >= 20) throw conflict('议程最多 20 项')
        const [added] = numberAgenda(
          [...fresh.agenda, { title: topic.title.slice(0, 60), topicIds: [topic._id] }],
          fresh.agenda,
        ).slice(-1)
        agenda = [...fresh.agenda, added]
      }
      const rev = (fresh.rev ?? 0) + 1
      await updateMeetingInTx(tx, m._id, { agenda: ctx.db.command.set(agenda), updatedAt: now, rev })
      await ctx.audit(`${COL.councilMeetings}/${m._id}`, { agenda: fresh.agenda }, { agenda, topicId: topic._id }, tx)
      return { ...fresh, agenda, updatedAt: now, rev }
    })
    return meetingView(next, now)
  },
}

/** A status step: from the allowed states to the next, in a transaction, audited; `extra` may depend on the meeting as read there. */
async function step(
  ctx: Ctx<{ meetingId: string }>,
  from: MeetingDoc['status'][],
  to: MeetingDoc['status'],
  extra: Partial<MeetingDoc> | ((fresh: MeetingDoc) => Partial<MeetingDoc>),
  refusal: string,
) {
  const { actor, input, now } = ctx
  const m = await loadMeeting(ctx, input.meetingId)
  ensure(actor.isSecretaryOf(m.communityId), '只能管理您所在社区的会议')
  if (!from.includes(m.status)) throw conflict(refusal)
  return ctx.transaction(async (tx) => {
    const fresh = await findMeetingInTx(tx, m._id)
    if (!fresh || !from.includes(fresh.status)) throw conflict(refusal)
    const more = typeof extra === 'function' ? extra({ ...fresh, _id: m._id }) : extra
    const patch = { status: to, updatedAt: now, ...more }
    await updateMeetingInTx(tx, m._id, patch)
    await ctx.audit(
      `${COL.councilMeetings}/${m._id}`,
      { status: fresh.status },
      { status: to, ...(more.minutes ? { minutes: more.minutes } : {}) },
      tx,
    )
    return { ...fresh, _id: m._id, ...patch }
  })
}

/** Published: the community's subscribers and every invited party are told (the invited see it on home too). */
export const meetingPublish: Handler<'council.meeting.publish'> = {
  async run(ctx) {
    const m = await step(
      ctx,
      ['draft'],
      'published',
      (fresh) => ({ publishedAt: ctx.now, noticedKeys: fresh.inviteKeys ?? [] }),
      '会议已发布',
    )
    await noticeSubscribers(
      ctx.db,
      m.communityId,
      'councilMeetingPublished',
      `packages/council/pages/meeting/index?id=${m._id}`,
      {
        thing1: thing(m.title),
        time2: { value: cnTime(m.startsAt) },
        thing3: thing(m.online ? '线上会议' : m.place),
      },
    )
    await noticeInvitees(ctx.db, m, m.inviteKeys ?? [])
    return meetingView(m, ctx.now)
  },
}

export const meetingStart: Handler<'council.meeting.start'> = {
  async run(ctx) {
    return meetingView(
      await step(ctx, ['published'], 'started', { startedAt: ctx.now }, '只有已发布、未开始的会议可以开始'),
      ctx.now,
    )
  },
}

export const meetingMinutes: Handler<'council.meeting.minutes'> = {
  async run(ctx) {
    await ctx.checkText(ctx.input.minutes)
    return meetingView(
      await step(
        ctx,
        ['started'],
        'ended',
        { minutes: ctx.input.minutes, endedAt: ctx.now },
        '只有进行中的会议可以记录纪要并结束',
      ),
      ctx.now,
    )
  },
}

/**
 * Sign-in: once per person (deterministic _id), from 30 minutes before the start until the meeting
 * ends. Who they are comes from the server: the kind from their roles in the community, the name
 * from their profile (nothing self-declared).
 */
export const meetingCheckIn: Handler<'council.meeting.checkIn'> = {
  async run(ctx) {
    const { actor, now } = ctx
    const m = await loadMeeting(ctx, ctx.input.meetingId)
    const inviteKey = invitedAs(actor, m)
    ensure(belongsTo(actor.roles, m) || (inviteKey && m.status !== 'draft'), '只能签到您所在社区或受邀参加的会议')
    const who = attendeeOf(actor.roles, m, inviteKey)
    ensure(who, '只能签到您所在社区或受邀参加的会议')
    const opensAt = new Date(m.startsAt).getTime() - 30 * 60_000
    const open = m.status === 'started' || (m.status === 'published' && now.getTime() >= opensAt)
    if (!open) throw conflict(m.status === 'ended' ? '会议已结束' : '会议开始前 30 分钟起可以签到')
    if (!actor.name) throw conflict('请先在「我的」中填写姓名，再签到')
    const aid = attendanceId(m._id, actor.openid)
    const count = await ctx.transaction(async (tx) => {
      const prior = await findAttendanceInTx(tx, aid)
      const fresh = await findMeetingInTx(tx, m._id)
      if (prior) return fresh?.attendeeCount ?? m.attendeeCount
      await putAttendanceInTx(tx, {
        _id: aid,
        meetingId: m._id,
        openid: actor.openid,
        name: actor.name,
        kind: who.kind,
        ...(who.org ? { org: who.org } : {}),
        ...(inviteKey ? { inviteKey } : {}),
        at: now,
      })
      await updateMeetingInTx(tx, m._id, { attendeeCount: ctx.db.command.inc(1) })
      await ctx.audit(`${COL.councilMeetings}/${m._id}`, null, { checkedIn: actor.openid, kind: who.kind }, tx)
      return (fresh?.attendeeCount ?? 0) + 1
    })
    return meetingView({ ...m, attendeeCount: count }, now)
  },
}

export const meetingAttendance: Handler<'council.meeting.attendance'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    const m = await loadMeeting(ctx, input.meetingId)
    ensure(actor.isSecretaryOf(m.communityId), '只能查看您所在社区的签到名单')
    return listAttendance<{ name: string; kind: AttendeeKind; org?: string; at: string }>(db, m._id, input, (a) => ({
      name: a.name,
      kind: a.kind,
      ...(a.org ? { org: a.org } : {}),
      at: new Date(a.at).toISOString(),
    }))
  },
}

/** The attendance screen: each invited party and who of it signed in (one read of their sign-ins). */
export const meetingRoll: Handler<'council.meeting.roll'> = {
  async run(ctx): Promise<RollView> {
    const { db, actor, input } = ctx
    const m = await loadMeeting(ctx, input.meetingId)
    ensure(actor.isSecretaryOf(m.communityId), '只能查看您所在社区的到会情况')
    const keys = m.inviteKeys ?? []
    const signed = await listInvitedAttendance(db, m._id, keys)
    return {
      meetingId: m._id,
      status: m.status,
      attendeeCount: m.attendeeCount ?? 0,
      invited: m.participants
        .filter((p) => p.key)
        .map((p) => {
          const names = signed.filter((a) => a.inviteKey === p.key).map((a) => a.name)
          return {
            kind: p.kind,
            name: p.name,
            ...(p.ref ? { ref: p.ref } : {}),
            attended: names.length > 0,
            attendees: names,
          }
        }),
    }
  },
}

/** Meetings that invited the caller (in person, or their unit or company), not yet ended: count + page. */
export const meetingInvitations: Handler<'council.meeting.invitations'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    return listMeetingsInviting(db, partyKeysOf(actor.openid, actor.roles), input, (m) => meetingView(m, now))
  },
}

const isSecretary = (actor: Actor, communityId: string) => actor.isSecretaryOf(communityId)

/** Residents see published agendas; the secretary also sees drafts. */
export const meetingList: Handler<'council.meeting.list'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    await ensureCommunityReader(ctx, input.communityId)
    return listMeetings(db, input.communityId, isSecretary(actor, input.communityId), input, (m) => meetingView(m, now))
  },
}

export const meetingGet: Handler<'council.meeting.get'> = {
  async run(ctx) {
    const { actor, input, now } = ctx
    const m = await loadMeeting(ctx, input.meetingId)
    ensure(belongsTo(actor.roles, m) || (m.status !== 'draft' && invitedAs(actor, m)), '只能查看您所在社区的议事内容')
    if (m.status === 'draft' && !isSecretary(actor, m.communityId)) throw notFound('会议')
    return meetingView(m, now)
  },
}
