import type { ActivityView } from '../../../types/service'
import type { Actor } from '../../shared/actor'
import type { Ctx, Handler, HandlerInput } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, DomainError, ensure, forbidden, invalid, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { cnTime } from '../../shared/clock'
import { notify, TEMPLATES } from '../../shared/notify'
import { canApproveManual, hasRoom, serviceMinutes, windowProblem } from '../domain/attendance'
import { withinRadius } from '../domain/geo'
import { monthOf, quarterOf, yearOf } from '../../shared/period'
import { issueToken, parseQrText, qrText, TOKEN_TTL_S, tokenSecret, verifyToken } from '../domain/token'
import {
  addActivityInTx,
  bumpLedgers,
  bumpStats,
  findActivityInTx,
  findAttendanceInTx,
  findMemberInTx,
  ids,
  listActivities,
  listAttendance,
  listSignedUp,
  putAttendanceInTx,
  repo,
  updateActivityInTx,
  type ActivityDoc,
  type AttendanceDoc,
  type MemberDoc,
} from '../repo'
import { activityView, attendanceView } from '../views'

/** 服务活动: post, sign up within capacity, sign in/out by rotating QR code or location, confirm minutes. */

export const activityCreate: Handler<'service.activity.create'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    ensure(actor.isSecretaryOf(input.communityId), '只能为您所在社区发布活动')
    const community = await repo.community(db, input.communityId)
    if (!community) throw notFound('社区')
    if (Date.parse(input.endAt) <= now.getTime()) throw invalid('结束时间须晚于现在', ['endAt'])
    await ctx.checkText(input.title, input.place.name)
    return ctx.onceTx(input.requestId, async (tx) => {
      const doc: ActivityDoc = {
        _id: newId('act'),
        communityId: community._id,
        streetId: community.streetId,
        title: input.title,
        kind: input.kind,
        place: input.place,
        radiusM: input.radiusM,
        startAt: new Date(input.startAt),
        endAt: new Date(input.endAt),
        graceMin: input.graceMin,
        capacity: input.capacity,
        signupCount: 0,
        createdBy: actor.openid,
        createdByName: actor.name,
        createdAt: now,
      }
      await addActivityInTx(tx, doc)
      await ctx.audit(
        `${COL.svcActivities}/${doc._id}`,
        null,
        { title: doc.title, startAt: doc.startAt, endAt: doc.endAt, capacity: doc.capacity },
        tx,
      )
      return activityView(doc)
    })
  },
}

export const activityList: Handler<'service.activity.list'> = {
  run(ctx) {
    return listActivities<ActivityView>(ctx.db, ctx.input.communityId, ctx.input, (a) => activityView(a))
  },
}

export const activityGet: Handler<'service.activity.get'> = {
  async run(ctx) {
    const [a, mine] = await Promise.all([
      repo.activity(ctx.db, ctx.input.activityId),
      repo.attendance(ctx.db, ids.attendance(ctx.input.activityId, ctx.actor.openid)),
    ])
    if (!a) throw notFound('活动')
    return activityView(a, mine)
  },
}

/** The caller's approved check-in in the activity's community (only checked-in members take part). */
async function requireMember(ctx: Ctx<unknown>, a: ActivityDoc): Promise<MemberDoc> {
  ensure(ctx.actor.has('member', a.communityId), '只有本社区报到党员可以参加')
  const m = await repo.member(ctx.db, ids.member(ctx.actor.openid))
  if (!m || m.communityId !== a.communityId || m.approvedYear === undefined) throw forbidden('请先完成本社区的党员报到')
  return m
}

export const activitySignup: Handler<'service.activity.signup'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const a = await repo.activity(db, input.activityId)
    if (!a) throw notFound('活动')
    const member = await requireMember(ctx as Ctx<unknown>, a)
    if (now.getTime() > a.endAt.getTime()) throw conflict('活动已结束')
    const _id = ids.attendance(a._id, actor.openid)
    let result = { a, mine: null as AttendanceDoc | null }
    await ctx.transaction(async (tx) => {
      const [fresh, existing] = await Promise.all([findActivityInTx(tx, a._id), findAttendanceInTx(tx, _id)])
      if (!fresh) throw notFound('活动')
      if (existing) {
        result = { a: fresh, mine: existing }
        return
      }
      if (!hasRoom(fresh.signupCount, fresh.capacity)) throw conflict('名额已满')
      const doc: AttendanceDoc = {
        _id,
        activityId: a._id,
        activityTitle: a.title,
        communityId: a.communityId,
        streetId: a.streetId,
        openid: actor.openid,
        memberId: member._id,
        memberName: member.name,
        unitId: member.unitId,
        unitName: member.unitName,
        status: 'signed_up',
        signedUpAt: now,
        minutes: 0,
        year: yearOf(a.startAt),
        quarter: quarterOf(a.startAt),
        month: monthOf(a.startAt),
      }
      await putAttendanceInTx(tx, doc)
      await updateActivityInTx(tx, a._id, { signupCount: fresh.signupCount + 1 })
      await ctx.audit(`${COL.svcAttendance}/${_id}`, null, { status: 'signed_up' }, tx)
      result = { a: { ...fresh, signupCount: fresh.signupCount + 1 }, mine: doc }
    })
    return activityView(result.a, result.mine)
  },
}

export const activityToken: Handler<'service.activity.token'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const a = await repo.activity(db, input.activityId)
    if (!a) throw notFound('活动')
    ensure(actor.isSecretaryOf(a.communityId), '只有本社区的组织者可以出示签到码')
    const problem = windowProblem(a, now)
    if (problem) throw conflict(problem === '活动尚未开始，暂不能签到' ? '活动开始前不能出示签到码' : '活动已结束')
    const t = issueToken(tokenSecret(), a._id, now)
    return {
      token: t.token,
      qrText: qrText(a._id, t.token),
      issuedAt: new Date(t.issuedSec * 1000).toISOString(),
      expiresAt: t.expiresAt.toISOString(),
      validSeconds: TOKEN_TTL_S,
    }
  },
}

/** signin and signout share one input schema. */
type SignInput = HandlerInput<'service.activity.signin'>

/** Checks the proof of presence; returns the code's issue second for QR. */
function checkPresence(a: ActivityDoc, input: SignInput, now: Date, notBeforeSec?: number): number | undefined {
  const problem = windowProblem(a, now)
  if (problem) throw conflict(problem)
  if (input.method === 'qr') {
    const parsed = parseQrText(input.token ?? '')
    if (parsed.activityId && parsed.activityId !== a._id) throw invalid('这是其他活动的签到码', ['token'])
    const check = verifyToken(tokenSecret(), a._id, parsed.token, now, notBeforeSec)
    if (!check.ok) throw invalid(check.problem, ['token'])
    return check.issuedSec
  }
  if (!withinRadius(a.place, { lat: input.lat!, lng: input.lng! }, a.radiusM))
    throw invalid(`您不在活动地点 ${a.radiusM} 米范围内`, ['lat'])
  return undefined
}

async function signStep(ctx: Ctx<SignInput>, step: 'in' | 'out') {
  const { db, actor, input, now } = ctx
  const a = await repo.activity(db, input.activityId)
  if (!a) throw notFound('活动')
  ensure(actor.has('member', a.communityId), '只有本社区报到党员可以签到')
  const _id = ids.attendance(a._id, actor.openid)
  const mine = await repo.attendance(db, _id)
  if (!mine) throw conflict('请先报名该活动')
  if (step === 'in' && mine.status !== 'signed_up') throw conflict('您已签到，不会重复计时')
  if (step === 'out' && mine.status !== 'signed_in')
    throw conflict(mine.status === 'signed_up' ? '请先签到' : '您已签退')
  const issuedSec = checkPresence(a, input, now, step === 'out' ? mine.inTokenSec : undefined)
  let after: AttendanceDoc = mine
  await ctx.transaction(async (tx) => {
    const fresh = await findAttendanceInTx(tx, _id)
    if (!fresh || fresh.status !== (step === 'in' ? 'signed_up' : 'signed_in'))
      throw conflict(step === 'in' ? '您已签到，不会重复计时' : '您已签退')
    const stepped: AttendanceDoc =
      step === 'in'
        ? { ...fresh, status: 'signed_in', signedInAt: now, inMethod: input.method, inTokenSec: issuedSec }
        : {
            ...fresh,
            status: 'signed_out',
            signedOutAt: now,
            outMethod: input.method,
            minutes: serviceMinutes(fresh.signedInAt!, now, a.startAt, a.endAt),
          }
    // A location step is a claim: it waits for the organiser's confirmation (an earlier one does not cover it).
    after = input.method === 'location' ? { ...withoutPresence(stepped), presence: 'pending' } : stepped
    await putAttendanceInTx(tx, after)
    await ctx.audit(
      `${COL.svcAttendance}/${_id}`,
      { status: fresh.status, presence: fresh.presence ?? null },
      { status: after.status, method: input.method, minutes: after.minutes, presence: after.presence ?? null },
      tx,
    )
  })
  return activityView(a, after)
}

/** The attendance without an earlier presence decision (kept in the audit log). */
function withoutPresence(t: AttendanceDoc): AttendanceDoc {
  const { presence: _p, presenceAt: _a, presenceBy: _b, presenceByName: _n, presenceReason: _r, ...rest } = t
  return rest
}

export const activitySignin: Handler<'service.activity.signin'> = { run: (ctx) => signStep(ctx, 'in') }
export const activitySignout: Handler<'service.activity.signout'> = { run: (ctx) => signStep(ctx, 'out') }

/**
 * The organiser confirms that a member who signed in or out by location was there (or says they were
 * not, with a reason). Until confirmed, the attendance's minutes cannot be confirmed into the ledger.
 */
export const activityConfirmPresence: Handler<'service.activity.confirmPresence'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const t = await repo.attendance(db, input.attendanceId)
    if (!t) throw notFound('签到记录')
    ensure(actor.isSecretaryOf(t.communityId), '只能确认您所在社区活动的到场情况')
    if (t.presence !== 'pending') throw conflict('没有待确认的定位签到')
    await ctx.checkText(input.reason)
    let after: AttendanceDoc = t
    await ctx.transaction(async (tx) => {
      const fresh = await findAttendanceInTx(tx, t._id)
      if (fresh?.presence !== 'pending') throw conflict('没有待确认的定位签到')
      after = {
        ...fresh,
        presence: input.present ? 'confirmed' : 'rejected',
        presenceAt: now,
        presenceBy: actor.openid,
        presenceByName: actor.name,
        ...(input.reason ? { presenceReason: input.reason } : {}),
      }
      await putAttendanceInTx(tx, after)
      await ctx.audit(
        `${COL.svcAttendance}/${t._id}`,
        { presence: 'pending' },
        { presence: after.presence, reason: input.reason ?? null },
        tx,
      )
    })
    return attendanceView(after)
  },
}

/** Why minutes whose location step the organiser has not confirmed cannot be counted, or null. */
function presenceProblem(t: AttendanceDoc): string | null {
  if (t.presence === 'pending') return '定位签到须组织者先确认到场，才能确认时长'
  if (t.presence === 'rejected') return '组织者未确认到场，不能确认时长；如确有服务请手工补录'
  return null
}

function canOversee(actor: Actor, a: { communityId: string; streetId: string }) {
  return actor.isSecretaryOf(a.communityId) || actor.isStreetAdminOf(a.streetId)
}

export const activityAttendance: Handler<'service.activity.attendance'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    const a = await repo.activity(db, input.activityId)
    if (!a) throw notFound('活动')
    ensure(canOversee(actor, a), '只能查看您所辖社区的活动名单')
    return listAttendance(db, a._id, input, attendanceView)
  },
}

/** A reminder goes to at most this many of those signed up (one read). */
const REMIND_LIMIT = 100

export const activityRemind: Handler<'service.activity.remind'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    const a = await repo.activity(db, input.activityId)
    if (!a) throw notFound('活动')
    ensure(actor.isSecretaryOf(a.communityId), '只能提醒您所在社区的活动')
    let sent = 0
    for (const t of await listSignedUp(db, a._id, REMIND_LIMIT)) {
      const ok = await notify({
        toOpenid: t.openid,
        templateId: TEMPLATES.activityReminder,
        page: `packages/service/pages/activity/index?id=${a._id}`,
        data: {
          thing1: { value: a.title.slice(0, 20) },
          thing2: { value: a.place.name.slice(0, 20) },
          time3: { value: cnTime(a.startAt) },
        },
      })
      if (ok) sent++
    }
    return { sent }
  },
}

/** Counting confirmed minutes into the member's ledgers (year and quarter) and the community's counter. */
async function countIntoLedger(
  tx: Parameters<Parameters<Ctx<unknown>['transaction']>[0]>[0],
  t: AttendanceDoc,
  minutes: number,
  now: Date,
) {
  // The member's unit as it is now, not at sign-up: a link made or undone since then decides whose letter counts the minutes.
  const m = await findMemberInTx(tx, t.memberId)
  const unit = m ? { kind: m.kind, unitId: m.unitId, unitName: m.unitName } : { unitId: t.unitId, unitName: t.unitName }
  await bumpLedgers(
    tx,
    { openid: t.openid, memberId: t.memberId, name: t.memberName, ...unit, communityId: t.communityId },
    [String(t.year), t.quarter],
    { minutes, activities: 1 },
    now,
  )
  await bumpStats(tx, t.communityId, t.year, t.month, minutes)
}

export const hoursConfirm: Handler<'service.hours.confirm'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const t = await repo.attendance(db, input.attendanceId)
    if (!t) throw notFound('签到记录')
    ensure(actor.isSecretaryOf(t.communityId), '只能确认您所在社区的时长')
    if (t.status === 'confirmed') throw conflict('时长已确认')
    if (t.status !== 'signed_out') throw conflict('尚未签退，不能确认；如确有服务请手工补录')
    const problem = presenceProblem(t)
    if (problem) throw conflict(problem)
    let after: AttendanceDoc = t
    await ctx.transaction(async (tx) => {
      const fresh = await findAttendanceInTx(tx, t._id)
      if (!fresh || fresh.status !== 'signed_out') throw conflict('时长已确认')
      const stillProblem = presenceProblem(fresh)
      if (stillProblem) throw conflict(stillProblem)
      after = {
        ...fresh,
        status: 'confirmed',
        confirmedAt: now,
        confirmedBy: actor.openid,
        confirmedByName: actor.name,
      }
      await putAttendanceInTx(tx, after)
      await countIntoLedger(tx, fresh, fresh.minutes, now)
      await ctx.audit(
        `${COL.svcAttendance}/${t._id}`,
        { status: 'signed_out' },
        { status: 'confirmed', minutes: fresh.minutes },
        tx,
      )
    })
    return attendanceView(after)
  },
}

export const hoursManual: Handler<'service.hours.manual'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    const [a, member] = await Promise.all([repo.activity(db, input.activityId), repo.member(db, input.memberId)])
    if (!a) throw notFound('活动')
    if (!member) throw notFound('党员')
    ensure(actor.isSecretaryOf(a.communityId), '只能为您所在社区的活动补录')
    if (member.communityId !== a.communityId) throw invalid('该党员不在本社区报到', ['memberId'])
    const window = Math.floor((a.endAt.getTime() - a.startAt.getTime()) / 60_000)
    if (input.minutes > window) throw invalid(`补录时长不能超过活动时长 ${window} 分钟`, ['minutes'])
    await ctx.checkText(input.reason)
    return ctx.onceTx(input.requestId, async (tx) => {
      const _id = ids.attendance(a._id, member.openid)
      const fresh = await findAttendanceInTx(tx, _id)
      if (fresh && (fresh.status === 'confirmed' || fresh.status === 'manual_pending'))
        throw conflict('该党员本活动的时长已确认或已在复核中')
      const base: AttendanceDoc = fresh ?? {
        _id,
        activityId: a._id,
        activityTitle: a.title,
        communityId: a.communityId,
        streetId: a.streetId,
        openid: member.openid,
        memberId: member._id,
        memberName: member.name,
        unitId: member.unitId,
        unitName: member.unitName,
        status: 'signed_up',
        minutes: 0,
        year: yearOf(a.startAt),
        quarter: quarterOf(a.startAt),
        month: monthOf(a.startAt),
      }
      const after: AttendanceDoc = {
        ...base,
        status: 'manual_pending',
        minutes: input.minutes,
        manual: { reason: input.reason, minutes: input.minutes, enteredBy: actor.openid, enteredByName: actor.name },
      }
      await putAttendanceInTx(tx, after)
      await ctx.audit(
        `${COL.svcAttendance}/${_id}`,
        fresh ? { status: fresh.status, minutes: fresh.minutes } : null,
        { status: 'manual_pending', minutes: input.minutes, reason: input.reason },
        tx,
      )
      return attendanceView(after)
    })
  },
}

export const hoursApproveManual: Handler<'service.hours.approveManual'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const t = await repo.attendance(db, input.attendanceId)
    if (!t) throw notFound('签到记录')
    ensure(canOversee(actor, t), '只能复核您所辖社区的补录')
    if (t.status !== 'manual_pending' || !t.manual) throw conflict('没有待复核的补录')
    if (!canApproveManual(t.manual.enteredBy, actor.openid))
      throw new DomainError('FORBIDDEN', '补录须由另一人复核，不能复核自己的补录')
    let after: AttendanceDoc = t
    await ctx.transaction(async (tx) => {
      const fresh = await findAttendanceInTx(tx, t._id)
      if (!fresh || fresh.status !== 'manual_pending' || !fresh.manual) throw conflict('没有待复核的补录')
      after = {
        ...fresh,
        status: 'confirmed',
        minutes: fresh.manual.minutes,
        confirmedAt: now,
        confirmedBy: actor.openid,
        confirmedByName: actor.name,
        manual: { ...fresh.manual, approvedBy: actor.openid, approvedByName: actor.name },
      }
      await putAttendanceInTx(tx, after)
      await countIntoLedger(tx, fresh, fresh.manual.minutes, now)
      await ctx.audit(
        `${COL.svcAttendance}/${t._id}`,
        { status: 'manual_pending' },
        {
          status: 'confirmed',
          minutes: fresh.manual.minutes,
          enteredBy: fresh.manual.enteredBy,
          approvedBy: actor.openid,
        },
        tx,
      )
    })
    return attendanceView(after)
  },
}
