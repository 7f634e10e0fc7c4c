import { RANKING_LABEL } from '../../../types/service'
import type { Ctx, Transaction, Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, forbidden, invalid, notFound } from '../../shared/errors'
import { gradeYearProblem, reviseAssessment } from '../domain/grades'
import { letterQuarterProblem, quarterRange } from '../../shared/period'
import { ratingAvgTenths } from '../domain/wishes'
import {
  countCommunityRecords,
  findAssessmentInTx,
  findLetterInTx,
  findLetterLatestInTx,
  findMemberInTx,
  ids,
  listAssessments,
  listConfirmedAttendance,
  listLatestLetters,
  listLetterVersions,
  listTopLedgers,
  listUnitAssessments,
  listUnitLedgers,
  putAssessmentInTx,
  putLetterInTx,
  putLetterLatestInTx,
  repo,
  updateLetterInTx,
  type AssessmentDoc,
  type LetterDoc,
} from '../repo'
import { assessmentView, attendanceView, letterView } from '../views'
import { whistleRecord } from '../../shared/whistle-record'
import { commitmentView, commitmentsInPeriod, latestCommitments } from '../../shared/commitments'
import { mayReadUnitRecords } from '../domain/access'
import { memberKindOf } from '../domain/member-kind'

/** 台账、双反馈、双评议 and the secretary's dashboard. */

const ENTRIES_PAGE = 20
const RANKING_ROWS = 20
/** A letter lists the unit's members with the most minutes in the quarter, up to 100 (one read). */
const LETTER_ROWS = 100
/** A unit takes on a few problems a quarter: its latest 50 cover the quarter's letter (one read). */
const LETTER_COMMITMENTS = 50

export const ledgerGet: Handler<'service.ledger.get'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    const memberId = input.memberId ?? ids.member(actor.openid)
    const member = await repo.member(db, memberId)
    if (!member) throw notFound('党员报到记录')
    ensure(member.openid === actor.openid || actor.isSecretaryOf(member.communityId), '只能查看本人或本社区党员的台账')
    const period = String(input.year)
    const [ledger, grade, page] = await Promise.all([
      repo.ledger(db, ids.ledger(member.openid, period)),
      repo.assessment(db, ids.assessment('member', member._id, input.year)),
      listConfirmedAttendance(
        db,
        member.openid,
        input.year,
        { page: input.page, pageSize: ENTRIES_PAGE },
        attendanceView,
      ),
    ])
    return {
      memberId: member._id,
      name: member.name,
      kind: memberKindOf(member),
      unitName: member.unitName,
      year: input.year,
      totals: {
        minutes: ledger?.minutes ?? 0,
        activities: ledger?.activities ?? 0,
        wishes: ledger?.wishes ?? 0,
        careWishes: ledger?.careWishes ?? 0,
        ratingCount: ledger?.ratingCount ?? 0,
        ratingAvgTenths: ratingAvgTenths(ledger?.ratingSum ?? 0, ledger?.ratingCount ?? 0),
      },
      grade: grade ? { grade: grade.grade, reason: grade.reason } : undefined,
      entries: page.items,
      entriesTotal: page.total,
    }
  },
}

export const ledgerRanking: Handler<'service.ledger.ranking'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    ensure(
      actor.has('member', input.communityId) || actor.isSecretaryOf(input.communityId),
      '只能查看您所在社区的服务记录',
    )
    const rows = await listTopLedgers(db, input.communityId, String(input.year), RANKING_ROWS)
    return {
      label: RANKING_LABEL,
      items: rows.map((l) => ({
        memberId: l.memberId,
        name: l.name,
        kind: memberKindOf(l),
        unitName: l.unitName,
        minutes: l.minutes,
        activities: l.activities,
        wishes: l.wishes,
      })),
    }
  },
}

export const letterIssue: Handler<'service.letter.issue'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const unit = await repo.unit(db, input.unitId)
    if (!unit) throw notFound('单位')
    ensure(actor.isSecretaryOf(unit.communityId), '只能为您所在社区的单位出具反馈函')
    const closed = letterQuarterProblem(input.quarter, now)
    if (closed) throw invalid(closed, ['quarter'])
    await ctx.checkText(input.note)
    const [ledgers, community, whistles, commitments] = await Promise.all([
      listUnitLedgers(db, unit._id, input.quarter, LETTER_ROWS),
      repo.community(db, unit.communityId),
      whistleRecord(db, 'unit', unit._id, now, input.quarter),
      latestCommitments(db, 'unit', unit._id, LETTER_COMMITMENTS),
    ])
    const { start, end } = quarterRange(input.quarter)
    const quarterCommitments = commitmentsInPeriod(commitments, start, end).map((c) => commitmentView(c, now))
    const rows = ledgers.map((l) => ({
      memberId: l.memberId,
      name: l.name,
      minutes: l.minutes,
      activities: l.activities,
      wishes: l.wishes,
    }))
    const base = {
      unitId: unit._id,
      unitName: unit.name,
      communityId: unit.communityId,
      communityName: community?.name ?? '',
      quarter: input.quarter,
      rows,
    }
    // A retried request returns its version instead of writing another one.
    // One transaction: the next version, the earlier one marked superseded, the pointer and the request's done mark.
    return ctx.onceTx(input.requestId, async (tx) =>
      letterView(
        await writeNextVersion(ctx, tx, {
          ...base,
          totalMinutes: rows.reduce((s, r) => s + r.minutes, 0),
          note: input.note,
          whistles,
          commitments: quarterCommitments,
        }),
      ),
    )
  },
}

type LetterContent = Omit<LetterDoc, '_id' | 'version' | 'issuedAt' | 'issuedBy' | 'issuedByName'>

/**
 * A re-issue is the next version beside the earlier ones: the earlier version keeps its rows and
 * acknowledgement and is only marked superseded. The pointer and the earlier version are read in the
 * transaction, so a concurrent re-issue or acknowledgement conflicts instead of being lost.
 */
async function writeNextVersion(ctx: Ctx<unknown>, tx: Transaction, content: LetterContent): Promise<LetterDoc> {
  const { actor, now } = ctx
  const latestId = ids.letterLatest(content.unitId, content.quarter)
  const n = (await findLetterLatestInTx(tx, latestId))?.latest ?? 0
  const priorId = ids.letter(content.unitId, content.quarter, n)
  const prior = n ? await findLetterInTx(tx, priorId) : null
  const version = n + 1
  const after: LetterDoc = {
    _id: ids.letter(content.unitId, content.quarter, version),
    version,
    ...content,
    issuedAt: now,
    issuedBy: actor.openid,
    issuedByName: actor.name,
  }
  if (prior) {
    await updateLetterInTx(tx, priorId, { supersededAt: now, supersededBy: actor.openid, supersededByName: actor.name })
    await ctx.audit(
      `${COL.svcLetters}/${priorId}`,
      { superseded: false, acknowledged: !!prior.acknowledgedAt },
      { superseded: true, byVersion: version },
      tx,
    )
  }
  await putLetterInTx(tx, after)
  await putLetterLatestInTx(tx, { _id: latestId, latest: version, updatedAt: now })
  await ctx.audit(
    `${COL.svcLetters}/${after._id}`,
    null,
    { version, totalMinutes: after.totalMinutes, rows: after.rows.length },
    tx,
  )
  return after
}

/** The latest version of each quarter's letter to a unit. */
export const letterList: Handler<'service.letter.list'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    const unit = await repo.unit(db, input.unitId)
    if (!unit) throw notFound('单位')
    ensure(
      mayReadUnitRecords(actor.roles, { unitId: unit._id, communityId: unit.communityId }),
      '只能查看本单位的反馈函',
    )
    return listLatestLetters(db, unit._id, input, letterView)
  },
}

/** Every version of one quarter's letter to a unit, newest first (any version's id names the letter). */
export const letterVersions: Handler<'service.letter.versions'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    const letter = await repo.letter(db, input.letterId)
    if (!letter) throw notFound('反馈函')
    ensure(mayReadUnitRecords(actor.roles, letter), '只能查看本单位的反馈函')
    return listLetterVersions(db, letter.unitId, letter.quarter, input, letterView)
  },
}

/** The liaison acknowledges the version they read, which must still be the latest. */
export const letterAck: Handler<'service.letter.ack'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const letter = await repo.letter(db, input.letterId)
    if (!letter) throw notFound('反馈函')
    ensure(actor.has('unit_liaison', letter.unitId), '只有本单位联络员可以签收')
    const problem = (l: LetterDoc) =>
      l.supersededAt ? '反馈函已重新出具，请签收最新版本' : l.acknowledgedAt ? '反馈函已签收' : null
    const early = problem(letter)
    if (early) throw conflict(early)
    let after: LetterDoc = letter
    await ctx.transaction(async (tx) => {
      const fresh = await findLetterInTx(tx, letter._id)
      if (!fresh) throw notFound('反馈函')
      const late = problem(fresh)
      if (late) throw conflict(late)
      const ack = { acknowledgedAt: now, acknowledgedBy: actor.openid, acknowledgedByName: actor.name }
      await updateLetterInTx(tx, letter._id, ack)
      after = { ...fresh, _id: letter._id, ...ack }
      await ctx.audit(
        `${COL.svcLetters}/${letter._id}`,
        { acknowledged: false },
        { acknowledged: true, version: fresh.version },
        tx,
      )
    })
    return letterView(after)
  },
}

export const assessmentSet: Handler<'service.assessment.set'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const subject =
      input.subjectType === 'member'
        ? await repo.member(db, input.subjectId).then((m) => (m ? { communityId: m.communityId, name: m.name } : null))
        : await repo.unit(db, input.subjectId).then((u) => (u ? { communityId: u.communityId, name: u.name } : null))
    if (!subject) throw notFound(input.subjectType === 'member' ? '党员' : '单位')
    if (!actor.isSecretaryOf(subject.communityId)) throw forbidden('只能评议您所在社区的党员和单位')
    const problem = gradeYearProblem(input.year, now)
    if (problem) throw invalid(problem, ['year'])
    await ctx.checkText(input.reason)
    const _id = ids.assessment(input.subjectType, input.subjectId, input.year)
    let after: AssessmentDoc | undefined
    await ctx.transaction(async (tx) => {
      // A member who left meanwhile has moved to a departed key (注销): grading the old key would write them back.
      if (input.subjectType === 'member' && !(await findMemberInTx(tx, input.subjectId))) throw notFound('党员')
      const prior = await findAssessmentInTx(tx, _id)
      const { current, revisions } = reviseAssessment(prior, {
        grade: input.grade,
        reason: input.reason,
        by: actor.openid,
        byName: actor.name,
        at: now,
      })
      after = {
        _id,
        communityId: subject.communityId,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        subjectName: subject.name,
        year: input.year,
        ...current,
        revisions,
      }
      await putAssessmentInTx(tx, after)
      await ctx.audit(
        `${COL.svcAssessments}/${_id}`,
        prior ? { grade: prior.grade, reason: prior.reason } : null,
        { grade: input.grade, reason: input.reason },
        tx,
      )
    })
    return assessmentView(after!)
  },
}

export const assessmentList: Handler<'service.assessment.list'> = {
  run(ctx) {
    const { db, actor, input } = ctx
    ensure(actor.isSecretaryOf(input.communityId), '只能查看您所在社区的评议')
    return listAssessments(
      db,
      { communityId: input.communityId, year: input.year, subjectType: input.subjectType },
      input,
      assessmentView,
    )
  },
}

/**
 * A unit's own grades, every year, newest first (issue 14 §6): its liaison, or the secretary of its
 * community. The member sees theirs on their ledger (`ledger.get`, by year).
 */
export const assessmentUnit: Handler<'service.assessment.unit'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    const unit = await repo.unit(db, input.unitId)
    if (!unit) throw notFound('单位')
    ensure(actor.has('unit_liaison', unit._id) || actor.isSecretaryOf(unit.communityId), '只能查看本单位的评议')
    return listUnitAssessments(db, unit._id, input, assessmentView)
  },
}

export const dashboard: Handler<'service.dashboard'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    ensure(actor.isSecretaryOf(input.communityId), '只能查看您所在社区的工作台')
    const c = input.communityId
    const y = input.year
    const [counts, stats] = await Promise.all([countCommunityRecords(db, c, y), repo.stats(db, ids.stats(c, y))])
    const { units, members, needs } = counts
    return {
      communityId: c,
      year: y,
      units,
      members: {
        checkedIn: members.checkedIn,
        pending: members.pending,
        overdue: members.overdue,
        // Records without a kind are in-service, so in-service is what the other two leave.
        byKind: {
          in_service: members.checkedIn - members.retired - members.mobile,
          retired: members.retired,
          mobile: members.mobile,
        },
      },
      minutesThisYear: stats?.minutes ?? 0,
      minutesByMonth: stats?.minutesByMonth ?? Array(12).fill(0),
      needs,
      wishesFulfilled: counts.wishesConfirmed,
    }
  },
}
