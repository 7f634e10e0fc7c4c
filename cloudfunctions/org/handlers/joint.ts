import type { AffiliationKind, CommitteeMemberView, CommitteeScope, JointMeetingView } from '../../../types/joint'
import { COMMITTEE_NAME } from '../../../types/joint'
import type { Ctx, Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { beijingDate, commitmentId, isServing, meetingNoticePlan } from '../domain/joint'
import { notify, TEMPLATES } from '../../shared/notify'
import { commitmentView, type CommitmentDoc } from '../../shared/commitments'
import { repo } from '../repo'
import {
  findCommitment,
  findCommitmentInTx,
  findCommitteeMember,
  findCommitteeMemberInTx,
  findJointMeeting,
  findJointMeetingInTx,
  listCommitmentsOf,
  listJointMeetings,
  listMeetingCommitments,
  listOverdueCommitments,
  listRoster,
  listSpokespeople,
  putCommitmentInTx,
  putCommitteeMemberInTx,
  putJointMeetingInTx,
  updateCommitmentInTx,
  updateCommitteeMemberInTx,
  updateJointMeetingInTx,
  type Affiliation,
  type CommitteeMemberDoc,
  type JointMeetingDoc,
} from '../repo/joint'

/**
 * 社区大党委 / 街道大工委 and the 联席会议 (issue 15 §2). The roster is the secretary's (the street
 * admin's for the street); a member's term is ended early with a reason, never deleted. A meeting's
 * problems are taken on (现场认领) by one member's unit or company each, and the owner posts progress
 * until done.
 */

const iso = (d: Date | undefined) => (d ? new Date(d).toISOString() : undefined)

export const memberView = (m: CommitteeMemberDoc, now: Date): CommitteeMemberView => ({
  id: m._id,
  scopeType: m.scopeType,
  scopeId: m.scopeId,
  name: m.name,
  post: m.post,
  title: m.title,
  affiliation: m.affiliation,
  termStart: m.termStart,
  termEnd: m.termEnd,
  serving: isServing(m, now),
  endedAt: iso(m.endedAt),
  endReason: m.endReason,
  appointedByName: m.appointedByName,
})
const meetingView = (m: JointMeetingDoc): JointMeetingView => ({
  id: m._id,
  scopeType: m.scopeType,
  scopeId: m.scopeId,
  title: m.title,
  date: m.date,
  cadence: m.cadence,
  agenda: m.agenda,
  invited: m.invited.map((i) => ({
    memberId: i.memberId,
    name: i.name,
    affiliationName: i.affiliationName,
    notified: !!i.notified,
  })),
  present: m.present,
  convenedByName: m.convenedByName,
  createdAt: iso(m.createdAt)!,
})

/** The community or street a roster or meeting belongs to, and whether the caller runs it. */
async function scopeOf(ctx: Ctx<unknown>, scopeType: CommitteeScope, scopeId: string) {
  if (scopeType === 'community') {
    const c = await repo.community(ctx.db, scopeId)
    if (!c) throw notFound('社区')
    return {
      name: c.name,
      streetId: c.streetId,
      manages: ctx.actor.isSecretaryOf(c._id) || ctx.actor.isStreetAdminOf(c.streetId),
    }
  }
  const s = await repo.street(ctx.db, scopeId)
  if (!s) throw notFound('街道')
  return { name: s.name, streetId: s._id, manages: ctx.actor.isStreetAdminOf(s._id) }
}

/** A unit or company must be of the scope's street (a unit of the community for a community's 大党委); its name comes from the record. */
async function affiliationOf(
  ctx: Ctx<unknown>,
  a: { kind: AffiliationKind; id?: string; name?: string },
  scopeType: CommitteeScope,
  scopeId: string,
  streetId: string,
): Promise<Affiliation> {
  if (a.kind === 'other') return { kind: 'other', name: a.name! }
  if (a.kind === 'unit') {
    const u = await repo.unit(ctx.db, a.id!)
    if (!u || u.streetId !== streetId || (scopeType === 'community' && u.communityId !== scopeId))
      throw invalid('该单位不在本社区（街道）的报到单位中', ['affiliation', 'id'])
    return { kind: 'unit', id: u._id, name: u.name }
  }
  const c = await repo.company(ctx.db, a.id!)
  if (!c || c.streetId !== streetId) throw invalid('该物业公司不属于本街道', ['affiliation', 'id'])
  return { kind: 'company', id: c._id, name: c.name }
}

export const committeeAppoint: Handler<'org.committee.appoint'> = {
  async run(ctx) {
    const { actor, input, now } = ctx
    const scope = await scopeOf(ctx, input.scopeType, input.scopeId)
    ensure(
      scope.manages,
      input.scopeType === 'street' ? '街道大工委由街道管理员任命' : '只能任命您所在社区的大党委委员',
    )
    const affiliation = await affiliationOf(ctx, input.affiliation, input.scopeType, input.scopeId, scope.streetId)
    await ctx.checkText(input.name, input.post, input.title, input.affiliation.name)
    return ctx.onceTx(input.requestId, async (tx) => {
      const doc: CommitteeMemberDoc = {
        _id: newId('cmt'),
        scopeType: input.scopeType,
        scopeId: input.scopeId,
        streetId: scope.streetId,
        name: input.name,
        post: input.post,
        title: input.title,
        affiliation,
        termStart: input.termStart,
        termEnd: input.termEnd,
        appointedAt: now,
        appointedBy: actor.openid,
        appointedByName: actor.name,
      }
      await putCommitteeMemberInTx(tx, doc)
      await ctx.audit(
        `${COL.committeeMembers}/${doc._id}`,
        null,
        { name: doc.name, post: doc.post, affiliation: doc.affiliation.name, term: `${doc.termStart}~${doc.termEnd}` },
        tx,
      )
      return memberView(doc, now)
    })
  },
}

export const committeeEnd: Handler<'org.committee.end'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const member = await findCommitteeMember(db, input.memberId)
    if (!member) throw notFound('兼职委员')
    const scope = await scopeOf(ctx, member.scopeType, member.scopeId)
    ensure(scope.manages, '只能调整您管理的大党委名单')
    await ctx.checkText(input.reason)
    return ctx.transaction(async (tx) => {
      const fresh = await findCommitteeMemberInTx(tx, member._id)
      if (!fresh || fresh.endedAt) throw conflict('该委员的任期已经结束')
      const change = { endedAt: now, endedBy: actor.openid, endReason: input.reason }
      await updateCommitteeMemberInTx(tx, member._id, change)
      await ctx.audit(
        `${COL.committeeMembers}/${member._id}`,
        { endedAt: null },
        { endedAt: now, endReason: input.reason },
        tx,
      )
      return memberView({ ...fresh, ...change }, now)
    })
  },
}

export const committeeList: Handler<'org.committee.list'> = {
  async run(ctx) {
    const { input, now } = ctx
    const scope = await scopeOf(ctx, input.scopeType, input.scopeId)
    const items = (await listRoster(ctx.db, input.scopeId))
      .map((m) => memberView(m, now))
      .filter((m) => input.includeEnded || m.serving)
    return { name: COMMITTEE_NAME[input.scopeType], scopeName: scope.name, items }
  },
}

export const jointMeetingConvene: Handler<'org.jointMeeting.convene'> = {
  async run(ctx) {
    const { actor, input, now } = ctx
    const scope = await scopeOf(ctx, input.scopeType, input.scopeId)
    ensure(scope.manages, '联席会议由书记（街道由街道管理员）召集')
    const serving = (await listRoster(ctx.db, input.scopeId)).filter((m) => isServing(m, now))
    const invited = input.invite.length ? serving.filter((m) => input.invite.includes(m._id)) : serving
    if (input.invite.length && invited.length !== new Set(input.invite).size)
      throw invalid('只能邀请现任的兼职委员', ['invite'])
    if (invited.length === 0) throw invalid('还没有现任的兼职委员，请先任命', ['invite'])
    await ctx.checkText(input.title, ...input.agenda.map((a) => a.title))
    // Told in 同心圆: a unit's liaisons and a company's staff (one read for all); another body has nobody linked.
    const bodies = invited.flatMap((m) =>
      m.affiliation.kind !== 'other' && m.affiliation.id ? [{ kind: m.affiliation.kind, id: m.affiliation.id }] : [],
    )
    const plan = meetingNoticePlan(
      invited.map((m) => ({ memberId: m._id, bodyId: m.affiliation.id })),
      await listSpokespeople(ctx.db, bodies),
    )
    return ctx.onceTx(
      input.requestId,
      async (tx) => {
        const doc: JointMeetingDoc = {
          _id: newId('jm'),
          scopeType: input.scopeType,
          scopeId: input.scopeId,
          streetId: scope.streetId,
          title: input.title,
          date: input.date,
          cadence: input.cadence,
          agenda: input.agenda.map((a, i) => ({
            id: `a${i + 1}`,
            source: a.source,
            ...(a.refId ? { refId: a.refId } : {}),
            title: a.title,
          })),
          invited: invited.map((m) => ({
            memberId: m._id,
            name: m.name,
            affiliationName: m.affiliation.name,
            notified: plan.notified.has(m._id),
          })),
          present: [],
          convenedBy: actor.openid,
          convenedByName: actor.name,
          createdAt: now,
        }
        await putJointMeetingInTx(tx, doc)
        await ctx.audit(
          `${COL.jointMeetings}/${doc._id}`,
          null,
          {
            title: doc.title,
            date: doc.date,
            agenda: doc.agenda.length,
            invited: doc.invited.length,
            notified: plan.notified.size,
          },
          tx,
        )
        return meetingView(doc)
      },
      async (meeting) => {
        // After the commit, once: a repeat of the request returns the stored meeting and sends nothing. thing3: who convenes.
        const data = {
          thing1: { value: meeting.title.slice(0, 20) },
          date2: { value: meeting.date },
          thing3: { value: scope.name.slice(0, 20) },
        }
        for (const openid of plan.to)
          await notify({
            toOpenid: openid,
            templateId: TEMPLATES.jointMeetingInvited,
            page: `packages/joint/pages/meeting/index?id=${meeting.id}`,
            data,
          })
      },
    )
  },
}

async function managedMeeting(ctx: Ctx<unknown>, meetingId: string) {
  const meeting = await findJointMeeting(ctx.db, meetingId)
  if (!meeting) throw notFound('联席会议')
  const scope = await scopeOf(ctx, meeting.scopeType, meeting.scopeId)
  ensure(scope.manages, '只有召集方可以记录联席会议')
  return meeting
}

export const jointMeetingAttendance: Handler<'org.jointMeeting.attendance'> = {
  async run(ctx) {
    const { input } = ctx
    const meeting = await managedMeeting(ctx, input.meetingId)
    const present = [...new Set(input.present)]
    if (present.some((p) => !meeting.invited.some((i) => i.memberId === p)))
      throw invalid('出席的只能是受邀委员', ['present'])
    return ctx.transaction(async (tx) => {
      const fresh = (await findJointMeetingInTx(tx, meeting._id))!
      await updateJointMeetingInTx(tx, meeting._id, { present })
      await ctx.audit(`${COL.jointMeetings}/${meeting._id}`, { present: fresh.present }, { present }, tx)
      return meetingView({ ...fresh, present })
    })
  },
}

export const jointMeetingClaim: Handler<'org.jointMeeting.claim'> = {
  async run(ctx) {
    const { actor, input, now } = ctx
    const meeting = await managedMeeting(ctx, input.meetingId)
    const item = meeting.agenda.find((a) => a.id === input.itemId)
    if (!item) throw invalid('会议没有这个议题', ['itemId'])
    if (!meeting.invited.some((i) => i.memberId === input.memberId)) throw invalid('认领的须是受邀委员', ['memberId'])
    if (input.deadline < meeting.date) throw invalid('期限不能早于会议日期', ['deadline'])
    const member = (await findCommitteeMember(ctx.db, input.memberId))!
    await ctx.checkText(input.commitment)
    const id = commitmentId(meeting._id, item.id)
    return ctx.transaction(async (tx) => {
      if (await findCommitmentInTx(tx, id)) throw conflict('这个议题已被认领')
      const fresh = (await findJointMeetingInTx(tx, meeting._id))!
      const doc: CommitmentDoc = {
        _id: id,
        meetingId: meeting._id,
        meetingTitle: meeting.title,
        scopeId: meeting.scopeId,
        itemId: item.id,
        problem: item.title,
        memberId: member._id,
        memberName: member.name,
        affiliation: member.affiliation,
        affiliationId: member.affiliation.id ?? '',
        commitment: input.commitment,
        deadline: input.deadline,
        status: 'open',
        progress: [],
        claimedAt: now,
        claimedBy: actor.openid,
      }
      await putCommitmentInTx(tx, doc)
      await updateJointMeetingInTx(tx, meeting._id, {
        agenda: fresh.agenda.map((a) => (a.id === item.id ? { ...a, commitmentId: id } : a)),
      })
      await ctx.audit(
        `${COL.jointCommitments}/${doc._id}`,
        null,
        { problem: doc.problem, by: doc.affiliation.name, deadline: doc.deadline },
        tx,
      )
      return commitmentView(doc, now)
    })
  },
}

export const jointMeetingList: Handler<'org.jointMeeting.list'> = {
  async run(ctx) {
    await scopeOf(ctx, ctx.input.scopeType, ctx.input.scopeId)
    return listJointMeetings(ctx.db, ctx.input.scopeId, ctx.input, meetingView)
  },
}

export const jointMeetingGet: Handler<'org.jointMeeting.get'> = {
  async run(ctx) {
    const meeting = await findJointMeeting(ctx.db, ctx.input.meetingId)
    if (!meeting) throw notFound('联席会议')
    const commitments = await listMeetingCommitments(ctx.db, meeting._id)
    return { meeting: meetingView(meeting), commitments: commitments.map((c) => commitmentView(c, ctx.now)) }
  },
}

/** The owner (the unit's liaison, the company's staff) or the convener posts progress; done closes it. */
export const commitmentProgress: Handler<'org.commitment.progress'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const c = await findCommitment(db, input.commitmentId)
    if (!c) throw notFound('认领事项')
    const meeting = (await findJointMeeting(db, c.meetingId))!
    const owner =
      (c.affiliation.kind === 'unit' && actor.has('unit_liaison', c.affiliationId)) ||
      (c.affiliation.kind === 'company' && actor.has('property_staff', c.affiliationId))
    const convener = owner ? true : (await scopeOf(ctx, meeting.scopeType, meeting.scopeId)).manages
    ensure(owner || convener, '只有认领单位或召集方可以报告进展')
    await ctx.checkText(input.text)
    return ctx.transaction(async (tx) => {
      const fresh = (await findCommitmentInTx(tx, c._id))!
      if (fresh.status === 'done') throw conflict('该事项已经办结')
      const entry = { text: input.text, done: input.done, by: actor.openid, byName: actor.name, at: now }
      const change = input.done ? { status: 'done' as const, doneAt: now } : {}
      await updateCommitmentInTx(tx, c._id, { progress: [...fresh.progress, entry], ...change })
      await ctx.audit(
        `${COL.jointCommitments}/${c._id}`,
        { status: fresh.status },
        { status: input.done ? 'done' : fresh.status, progress: input.text },
        tx,
      )
      return commitmentView({ ...fresh, ...change, progress: [...fresh.progress, entry] }, now)
    })
  },
}

export const commitmentList: Handler<'org.commitment.list'> = {
  async run(ctx) {
    return listCommitmentsOf(ctx.db, ctx.input.affiliationId, ctx.input, (c) => commitmentView(c, ctx.now))
  },
}

/** 督办: the scope's commitments past their deadline and not done, the most overdue first (the convener's side only). */
export const commitmentOverdue: Handler<'org.commitment.overdue'> = {
  async run(ctx) {
    const { db, input, now } = ctx
    const scope = await scopeOf(ctx, input.scopeType, input.scopeId)
    ensure(scope.manages, '只有召集方可以查看督办清单')
    return listOverdueCommitments(db, input.scopeId, beijingDate(now), input, (c) => commitmentView(c, now))
  },
}
