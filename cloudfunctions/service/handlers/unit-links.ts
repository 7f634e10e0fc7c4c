import type { UnitOptionView } from '../../../types/service'
import type { Transaction, Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { yearOf } from '../../shared/period'
import { pickableFromYear, relabelPeriods, unitLinkOf, unitPickProblem } from '../domain/unit-link'
import {
  findLedgerInTx,
  findMemberInTx,
  ids,
  listCommunitiesByIds,
  listPickableUnits,
  listUnitMembers,
  putLedgerInTx,
  putMemberInTx,
  repo,
  type MemberDoc,
} from '../repo'
import { memberView, unitMemberView } from '../views'
import { hasUnit } from '../domain/member-kind'

/**
 * The member's unit (SPEC §4): the member picks a checked-in unit of the street (unit.search) or keeps a
 * typed name (单位未报到) that the secretary links later; the unit's liaison sees who named the unit and
 * confirms or disputes each; the secretary settles a dispute. The link decides whose 双反馈 letter the
 * member's service reaches, so a change of link also moves the member's open ledgers (relabelLedgers).
 */

/** Units checked in to a community of the street, by name (contains, any case); paged, four requests. */
export const unitSearch: Handler<'service.unit.search'> = {
  async run(ctx) {
    const { db, input, now } = ctx
    const community = await repo.community(db, input.communityId)
    if (!community) throw notFound('社区')
    const page = await listPickableUnits(db, community.streetId, pickableFromYear(now), input.name, input)
    const communityIds = [...new Set(page.items.map((u) => u.communityId))]
    const names = new Map((await listCommunitiesByIds(db, communityIds)).map((c) => [c._id, c.name]))
    const items: UnitOptionView[] = page.items.map((u) => ({
      id: u._id,
      name: u.name,
      partyBody: u.partyBody,
      communityId: u.communityId,
      communityName: names.get(u.communityId) ?? '',
      sameCommunity: u.communityId === community._id,
      approvedYear: u.approvedYear ?? 0,
    }))
    return { ...page, items }
  },
}

/** The members who named the unit as their employer, wherever in the street they live (its liaison, its community's secretary). */
export const unitMembers: Handler<'service.unit.members'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const unit = await repo.unit(db, input.unitId)
    if (!unit) throw notFound('单位')
    ensure(actor.has('unit_liaison', unit._id) || actor.isSecretaryOf(unit.communityId), '只能查看本单位的报到党员')
    const year = yearOf(now)
    return listUnitMembers(db, unit._id, input, (m) => unitMemberView(m, year))
  },
}

/** Read the member in a transaction and check that the link the caller saw is still the member's. */
async function freshLinked(tx: Transaction, member: MemberDoc): Promise<MemberDoc> {
  const fresh = await findMemberInTx(tx, member._id)
  if (!fresh || fresh.unitId !== member.unitId) throw conflict('该党员已更改工作单位，请刷新')
  return fresh
}

/** The liaison confirms a member named the unit rightly. A disputed claim is the secretary's to settle. */
export const unitConfirmMember: Handler<'service.unit.confirmMember'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const member = await repo.member(db, input.memberId)
    if (!member) throw notFound('报到记录')
    ensure(member.unitId && actor.has('unit_liaison', member.unitId), '只能确认填写本单位的党员')
    const problem = (m: MemberDoc) =>
      ({ confirmed: '已确认', disputed: '已提出异议，等待社区核实', claimed: null, unlisted: '该党员未关联本单位' })[
        unitLinkOf(m)
      ]
    const early = problem(member)
    if (early) throw conflict(early)
    let after: MemberDoc = member
    await ctx.transaction(async (tx) => {
      const fresh = await freshLinked(tx, member)
      const late = problem(fresh)
      if (late) throw conflict(late)
      after = { ...fresh, unitConfirm: { unitId: member.unitId!, by: actor.openid, byName: actor.name, at: now } }
      await putMemberInTx(tx, after)
      await ctx.audit(
        `${COL.svcMembers}/${member._id}`,
        { unitLink: 'claimed' },
        { unitLink: 'confirmed', unitId: member.unitId },
        tx,
      )
    })
    return unitMemberView(after, yearOf(now))
  },
}

/**
 * The unit's liaison disputes a member's claim to work there. The claim stays as the member made it
 * (nothing is deleted); the dispute is recorded on it, shown to the secretary (member.list `disputed`)
 * and to the member, and stands until the secretary settles it or the member names another unit.
 */
export const unitDisputeMember: Handler<'service.unit.disputeMember'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const member = await repo.member(db, input.memberId)
    if (!member) throw notFound('报到记录')
    ensure(member.unitId && actor.has('unit_liaison', member.unitId), '只能对填写本单位的党员提出异议')
    const problem = (m: MemberDoc) =>
      ({
        confirmed: '已确认为本单位人员，如有变化请联系社区书记',
        disputed: '已提出异议，等待社区核实',
        claimed: null,
        unlisted: '该党员未关联本单位',
      })[unitLinkOf(m)]
    const early = problem(member)
    if (early) throw conflict(early)
    await ctx.checkText(input.reason)
    let after: MemberDoc = member
    await ctx.transaction(async (tx) => {
      const fresh = await freshLinked(tx, member)
      const late = problem(fresh)
      if (late) throw conflict(late)
      after = {
        ...fresh,
        unitDispute: { unitId: member.unitId!, reason: input.reason, by: actor.openid, byName: actor.name, at: now },
        unitDisputed: true,
      }
      await putMemberInTx(tx, after)
      await ctx.audit(
        `${COL.svcMembers}/${member._id}`,
        { unitDisputed: false },
        { unitDisputed: true, unitId: member.unitId, reason: input.reason },
        tx,
      )
    })
    return unitMemberView(after, yearOf(now))
  },
}

/**
 * The member's ledgers that a letter may still read (relabelPeriods) follow a change of link: on a link,
 * those naming no unit take the unit; on an unlink, those naming the unit lose it. Ledgers naming another
 * unit are the record of another employment and are left alone. Reads and writes in the caller's transaction.
 */
async function relabelLedgers(
  tx: Transaction,
  m: MemberDoc,
  from: string | undefined,
  to: { unitId?: string; unitName: string },
  now: Date,
): Promise<number> {
  let moved = 0
  for (const period of relabelPeriods(now)) {
    const _id = ids.ledger(m.openid, period)
    const led = await findLedgerInTx(tx, _id)
    if (!led || led.unitId !== from) continue
    await putLedgerInTx(tx, { ...led, _id, unitId: to.unitId, unitName: to.unitName, updatedAt: now })
    moved++
  }
  return moved
}

/** The secretary links a member who named an unlisted unit (单位未报到) to a checked-in unit of the street. */
/** Retired and mobile members serve their home community only: no unit's letter counts them (issue 15 §4). */
const NO_UNIT = '退休党员、流动党员不关联工作单位'

export const memberLinkUnit: Handler<'service.member.linkUnit'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const [member, unit] = await Promise.all([repo.member(db, input.memberId), repo.unit(db, input.unitId)])
    if (!member) throw notFound('报到记录')
    ensure(actor.isSecretaryOf(member.communityId), '只能为您所在社区的党员关联单位')
    if (!unit) throw notFound('单位')
    const pick = unitPickProblem(unit, member.streetId, now)
    if (pick) throw invalid(pick, ['unitId'])
    if (!hasUnit(member)) throw conflict(NO_UNIT)
    if (member.unitId) throw conflict('该党员已关联单位')
    let after: MemberDoc = member
    await ctx.transaction(async (tx) => {
      const fresh = await findMemberInTx(tx, member._id)
      if (!fresh) throw notFound('报到记录')
      if (!hasUnit(fresh)) throw conflict(NO_UNIT)
      if (fresh.unitId) throw conflict('该党员已关联单位')
      after = {
        ...fresh,
        unitId: unit._id,
        unitName: unit.name,
        unitLinkedBy: { typedName: fresh.unitName, by: actor.openid, byName: actor.name, at: now },
      }
      await putMemberInTx(tx, after)
      const ledgers = await relabelLedgers(tx, fresh, undefined, { unitId: unit._id, unitName: unit.name }, now)
      await ctx.audit(
        `${COL.svcMembers}/${member._id}`,
        { unitId: null, unitName: fresh.unitName },
        { unitId: unit._id, unitName: unit.name, ledgers },
        tx,
      )
    })
    return memberView(after, yearOf(now))
  },
}

/**
 * The secretary settles a liaison's dispute after talking to both: the link is kept (and counts as
 * confirmed, by the secretary) or undone — the member's typed name stays, the unit's open ledgers lose the
 * member. Either way the dispute and the settlement are kept on the record and in the audit log.
 */
export const memberSettleDispute: Handler<'service.member.settleDispute'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const member = await repo.member(db, input.memberId)
    if (!member) throw notFound('报到记录')
    ensure(actor.isSecretaryOf(member.communityId), '只能核实您所在社区党员的单位异议')
    if (!member.unitDisputed) throw conflict('没有待核实的单位异议')
    await ctx.checkText(input.reason)
    let after: MemberDoc = member
    await ctx.transaction(async (tx) => {
      const fresh = await freshLinked(tx, member)
      if (!fresh.unitDisputed) throw conflict('没有待核实的单位异议')
      const unitId = fresh.unitId!
      const settlement = {
        unitId,
        unitName: fresh.unitName,
        outcome: input.keep ? ('kept' as const) : ('unlinked' as const),
        reason: input.reason,
        by: actor.openid,
        byName: actor.name,
        at: now,
      }
      after = input.keep
        ? {
            ...fresh,
            unitDisputed: false,
            unitSettlement: settlement,
            unitConfirm: { unitId, by: actor.openid, byName: actor.name, at: now, bySecretary: true },
          }
        : { ...fresh, unitId: undefined, unitDisputed: false, unitSettlement: settlement, unitConfirm: undefined }
      await putMemberInTx(tx, after)
      const ledgers = input.keep
        ? 0
        : await relabelLedgers(tx, fresh, unitId, { unitId: undefined, unitName: fresh.unitName }, now)
      await ctx.audit(
        `${COL.svcMembers}/${member._id}`,
        { unitDisputed: true, unitId },
        {
          unitDisputed: false,
          outcome: settlement.outcome,
          unitId: input.keep ? unitId : null,
          reason: input.reason,
          ledgers,
        },
        tx,
      )
    })
    return memberView(after, yearOf(now))
  },
}
