import { ids } from '../../../cloudfunctions/service/repo'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { serviceActions } from '../../../types/service'
import { callableBy, collectTraces, leaksIn, sweeper, type Traces } from '../exposure'

/**
 * Issue 11 §4: nothing shown that should not be. In the demo world, every service action a secretary, a
 * unit liaison or a member can call (and what a resident answers to them) is called, and no response —
 * nor any exported workbook — carries another person's openid or whole phone number.
 */

const M1 = 'o-svc-m-hx-1'
const XU = 'o-liaison-xu'
/** A second secretary of 和谐社区: the manual entry of one needs the approval of another. */
const SEC2 = 'o-sec-hx-second'
const PLACE = { lat: 30.5928, lng: 114.3055 }
const at = (min: number, sec = 0) => new Date(T0.getTime() + min * 60_000 + sec * 1000)

let h: Cloud
let traces: Traces
let sweep: ReturnType<typeof sweeper>

beforeAll(async () => {
  h = await openCloud()
  await h.db.collection('users').add({
    data: {
      _id: SEC2,
      name: '赵社工',
      phone: '13800000099',
      roles: [
        {
          role: 'secretary',
          scopeType: 'community',
          scopeId: 'c-hx',
          scopeName: '和谐社区',
          communityId: 'c-hx',
          streetId: 'st-jinxiu',
        },
      ],
      createdAt: T0,
      updatedAt: T0,
    },
  })
  traces = await collectTraces(h)
  sweep = sweeper(h, 'service', traces)
})
afterAll(() => h.close())

type Id = { id: string }
type Page<T> = { items: T[]; total: number }

describe('no openid or phone of another person in any service response', () => {
  it('unit check-in, agreement and the three lists', async () => {
    const { as } = sweep
    await as(P.liaison, 'unit.get', { unitId: 'u-hx-1' })
    await as(P.liaison, 'unit.checkin', {
      requestId: rid(),
      unitId: 'u-hx-1',
      contactName: '吴敏',
      contactPhone: '13800000008',
      resources: ['医护志愿者'],
      commitments: ['每月义诊'],
    })
    await as(P.secHx, 'unit.get', { unitId: 'u-hx-1' })
    await as(P.secHx, 'unit.list', { communityId: 'c-hx', pageSize: 50 })
    await as(P.secHx, 'unit.decide', { unitId: 'u-hx-1', approve: true })
    await as(P.secHx, 'unit.setGrids', { unitId: 'u-hx-1', gridIds: ['g-hx-1'] })
    await as(P.liaison, 'agreement.sign', { unitId: 'u-hx-1', year: 2026 })
    await as(P.liaison, 'agreement.get', { unitId: 'u-hx-1', year: 2026 })
    await as(P.secHx, 'agreement.get', { unitId: 'u-hx-2', year: 2026 })
    await as(XU, 'unit.get', { unitId: 'u-hx-2' })

    const need = await as<Id>(P.secHx, 'need.create', {
      requestId: rid(),
      communityId: 'c-hx',
      title: '加装楼道扶手',
      source: 'community',
    })
    await as(P.member, 'need.list', { communityId: 'c-hx' })
    await as(P.liaison, 'need.get', { needId: need.id })
    const res = await as<Id>(P.member, 'resource.create', { requestId: rid(), communityId: 'c-hx', title: '家电维修' })
    await as(P.liaison, 'resource.create', {
      requestId: rid(),
      communityId: 'c-hx',
      title: '救护车保障',
      unitId: 'u-hx-1',
    })
    for (const who of [P.secHx, P.liaison, P.member, M1])
      await as(who, 'resource.list', { communityId: 'c-hx', pageSize: 50 })
    const project = await as<Id>(P.secHx, 'project.create', {
      requestId: rid(),
      needId: need.id,
      resourceId: res.id,
      title: '楼道扶手',
      deadline: at(60 * 24 * 30).toISOString(),
    })
    await as(P.secHx, 'project.progress', { projectId: project.id, progress: 30, note: '已采购' })
    for (const who of [P.secHx, P.liaison, P.member]) await as(who, 'project.list', { communityId: 'c-hx' })
    for (const who of [P.secHx, P.liaison, P.member]) await as(who, 'project.updates', { projectId: project.id })
    // Issue 14 §3: 认领 — a member's offer and a unit's, the secretary's decisions, the owner's progress.
    const road = await as<Id>(P.secHx, 'need.create', {
      requestId: rid(),
      communityId: 'c-hx',
      title: '修补路面',
      source: 'community',
    })
    const byMember = await as<Id>(M1, 'need.offer', {
      requestId: rid(),
      needId: road.id,
      title: '带队修补',
      note: '可出 6 人',
    })
    const byUnit = await as<Id>(P.liaison, 'need.offer', {
      requestId: rid(),
      needId: road.id,
      unitId: 'u-hx-1',
      title: '出车出人',
    })
    for (const who of [P.secHx, P.liaison, M1, P.liu]) await as(who, 'need.offers', { needId: road.id })
    const accepted = await as<{ projectId: string }>(P.secHx, 'need.decideOffer', {
      offerId: byMember.id,
      accept: true,
      deadline: at(60 * 24 * 30).toISOString(),
    })
    await as(P.secHx, 'need.decideOffer', { offerId: byUnit.id, accept: false, reason: '已由党员认领' })
    await as(M1, 'project.progress', { projectId: accepted.projectId, progress: 20, note: '已开工' })
    for (const who of [P.liaison, M1])
      await as(who, 'resource.list', { communityId: 'c-hx', ownerId: who === M1 ? ids.member(M1) : 'u-hx-1' })
  })

  it('member check-in, activities, sign-in, minutes and manual entries', async () => {
    const { as } = sweep
    await as(P.liu, 'member.checkin', {
      requestId: rid(),
      communityId: 'c-hx',
      name: '刘芳',
      unitId: 'u-hx-1',
      unitName: '锦绣区人民医院',
      householdId: 'h-hx-1-1-101',
      skills: ['编织'],
      availability: '周末',
    })
    const pending = await as<Page<Id>>(P.secHx, 'member.list', { communityId: 'c-hx', status: 'pending' })
    await as(P.secHx, 'member.decide', {
      memberId: pending.items[0].id,
      approve: true,
      gridId: 'g-hx-1',
      buildingIds: [],
    })
    await as(P.secHx, 'member.list', { communityId: 'c-hx', pageSize: 50 })
    await as(P.member, 'member.mine', {})
    await as(P.secHx, 'member.mine', {})
    // The unit's liaison checks who named it, and disputes a claim; the secretary sees the same list.
    const named = await as<Page<{ memberId: string }>>(P.liaison, 'unit.members', { unitId: 'u-hx-1' })
    await as(P.secHx, 'unit.members', { unitId: 'u-hx-1' })
    await as(P.liaison, 'unit.disputeMember', { memberId: named.items[0].memberId, reason: '本单位查无此人' })
    // Issue 14 §1: the unit picker, the liaison's confirmation, the secretary's settlement and link.
    for (const who of [P.liu, P.member, P.liaison]) await as(who, 'unit.search', { communityId: 'c-hx', name: '锦绣' })
    await as(XU, 'unit.confirmMember', { memberId: ids.member(M1) })
    await as(P.secHx, 'member.settleDispute', {
      memberId: named.items[0].memberId,
      keep: false,
      reason: '经核实非本单位',
    })
    await as(P.secHx, 'member.list', { communityId: 'c-hx', status: 'unlinked' })
    await as(P.secHx, 'member.linkUnit', { memberId: named.items[0].memberId, unitId: 'u-hx-2' })
    await as(XU, 'unit.members', { unitId: 'u-hx-2' })

    const a = await as<Id>(P.secHx, 'activity.create', {
      requestId: rid(),
      communityId: 'c-hx',
      title: '清扫楼道',
      kind: 'volunteer',
      place: { name: '东门', ...PLACE },
      startAt: at(-10).toISOString(),
      endAt: at(180).toISOString(),
      capacity: 20,
    })
    await as(P.member, 'activity.list', { communityId: 'c-hx' })
    for (const who of [P.member, M1]) await as(who, 'activity.signup', { activityId: a.id })
    h.setNow(at(0))
    const tIn = await as<{ qrText: string }>(P.secHx, 'activity.token', { activityId: a.id })
    await as(P.member, 'activity.signin', { activityId: a.id, method: 'qr', token: tIn.qrText })
    h.setNow(at(45))
    const tOut = await as<{ token: string }>(P.secHx, 'activity.token', { activityId: a.id })
    await as(P.member, 'activity.signout', { activityId: a.id, method: 'qr', token: tOut.token })
    // A location sign-in waits for the organiser's confirmation of presence.
    h.setNow(at(50))
    await as(M1, 'activity.signin', { activityId: a.id, method: 'location', ...PLACE })
    await as(P.member, 'activity.get', { activityId: a.id })
    await as(P.secHx, 'activity.remind', { activityId: a.id })
    const list = await as<Page<{ id: string; memberName: string; memberId: string; status: string }>>(
      P.secHx,
      'activity.attendance',
      { activityId: a.id },
    )
    const sun = list.items.find((x) => x.memberName === '孙伟')!
    await as(P.secHx, 'hours.confirm', { attendanceId: sun.id })
    const located = list.items.find((x) => (x as { presence?: string }).presence === 'pending')!
    await as(P.secHx, 'activity.confirmPresence', { attendanceId: located.id, present: true })
    const chen = list.items.find((x) => x.memberName === '陈立军')!
    const manual = await as<Id>(P.secHx, 'hours.manual', {
      requestId: rid(),
      activityId: a.id,
      memberId: chen.memberId,
      minutes: 30,
      reason: '忘记签到，现场核实',
    })
    await as(SEC2, 'hours.approveManual', { attendanceId: manual.id })
    h.setNow(T0)
  })

  it('微心愿', async () => {
    const { as } = sweep
    const w = await as<Id>(P.secHx, 'wish.create', {
      requestId: rid(),
      title: '代发：轮椅借用',
      dueAt: at(60 * 24 * 5).toISOString(),
      householdId: 'h-hx-1-1-202',
      residentName: '张德福',
    })
    await as(P.member, 'wish.claim', { wishId: w.id })
    // Issue 14 §5: the two sides talk in the app; numbers typed into a message are masked.
    await as(P.zhang, 'wish.message', { requestId: rid(), wishId: w.id, text: '下午在家，电话 13800000005' })
    await as(P.member, 'wish.message', { requestId: rid(), wishId: w.id, text: '好的，我 3 点到，13800000007' })
    for (const who of [P.zhang, P.member]) await as(who, 'wish.messages', { wishId: w.id })
    const other = await as<Id>(P.liu, 'wish.create', {
      requestId: rid(),
      title: '借用梯子',
      dueAt: at(60 * 24 * 5).toISOString(),
    })
    await as(M1, 'wish.claim', { wishId: other.id })
    await as(M1, 'wish.release', { wishId: other.id, reason: '临时出差' })
    await as(P.member, 'wish.deliver', { wishId: w.id, note: '已送到家' })
    for (const who of [P.secHx, P.member, M1, P.zhang]) await as(who, 'wish.list', { communityId: 'c-hx' })
    await as(P.zhang, 'wish.confirm', { wishId: w.id, rating: 5, thanks: '谢谢' })
    await as(M1, 'wish.list', { communityId: 'c-hx', status: 'confirmed' })
  })

  it('举报 of a wish and its review', async () => {
    const { as } = sweep
    const w = await as<Id>(P.liu, 'wish.create', {
      requestId: rid(),
      title: '找人帮忙搬家具',
      dueAt: at(60 * 24 * 5).toISOString(),
      householdId: 'h-hx-1-1-101',
    })
    for (const who of [P.zhang, P.member, M1]) await as(who, 'report.submit', { kind: 'wish', id: w.id, reason: 'ad' })
    for (const who of [P.liu, P.member]) await as(who, 'wish.list', { communityId: 'c-hx' })
    await as(P.secHx, 'moderation.review', { caseId: `mc:wish:${w.id}`, decision: 'restore', reason: '正常求助' })
  })

  it('ledgers, ranking, letters, grades and dashboard', async () => {
    const { as } = sweep
    const ranking = await as<{ items: { memberId: string; name: string }[] }>(P.member, 'ledger.ranking', {
      communityId: 'c-hx',
      year: 2026,
    })
    await as(P.secHx, 'ledger.ranking', { communityId: 'c-hx', year: 2026 })
    await as(M1, 'ledger.get', { year: 2026 })
    for (const r of ranking.items) await as(P.secHx, 'ledger.get', { memberId: r.memberId, year: 2026 })
    const letter = await as<Id>(P.secHx, 'letter.issue', {
      requestId: rid(),
      unitId: 'u-hx-2',
      quarter: '2026Q4',
      note: '感谢',
    })
    await as(XU, 'letter.list', { unitId: 'u-hx-2' })
    await as(P.secHx, 'letter.list', { unitId: 'u-hx-2' })
    await as(XU, 'letter.ack', { letterId: letter.id })
    const again = await as<Id>(P.secHx, 'letter.issue', { requestId: rid(), unitId: 'u-hx-2', quarter: '2026Q4' })
    await as(XU, 'letter.versions', { letterId: again.id })
    await as(P.secHx, 'letter.versions', { letterId: letter.id })
    await as(P.secHx, 'assessment.set', {
      subjectType: 'member',
      subjectId: ranking.items[0].memberId,
      year: 2026,
      grade: 'excellent',
      reason: '服务时长多',
    })
    await as(P.secHx, 'assessment.set', {
      subjectType: 'unit',
      subjectId: 'u-hx-2',
      year: 2026,
      grade: 'qualified',
      reason: '履行承诺',
    })
    await as(P.secHx, 'assessment.list', { communityId: 'c-hx', year: 2026, subjectType: 'member' })
    await as(P.secHx, 'assessment.list', { communityId: 'c-hx', year: 2026, subjectType: 'unit' })
    await as(XU, 'assessment.unit', { unitId: 'u-hx-2' })
    await as(P.secHx, 'assessment.unit', { unitId: 'u-hx-2' })
    await as(P.secHx, 'dashboard', { communityId: 'c-hx', year: 2026 })
  })

  it('重点关爱: marked, listed, seen by the household, revoked', async () => {
    const { as } = sweep
    await as(P.secHx, 'care.mark', {
      householdId: 'h-hx-1-1-202',
      kinds: ['elderly_alone'],
      consentBy: '张德福',
      consentAt: T0.toISOString(),
    })
    await as(P.secHx, 'care.list', { communityId: 'c-hx' })
    for (const who of [P.zhang, P.liu]) await as(who, 'care.mine', {})
    for (const who of [P.member, M1, P.liu]) await as(who, 'wish.list', { communityId: 'c-hx', status: 'open' })
    await as(P.zhang, 'care.revoke', { householdId: 'h-hx-1-1-202' })
  })

  it('went through every action a secretary, liaison, member or resident can call', () => {
    expect([...sweep.swept].sort()).toEqual(
      callableBy(serviceActions, ['secretary', 'unit_liaison', 'member', 'resident']),
    )
  })

  it('the check does catch what belongs to the caller: a person’s own phone and openid are theirs', async () => {
    expect(leaksIn(JSON.stringify({ phone: '13800000008' }), P.liaison, traces)).toEqual([])
    expect(leaksIn(JSON.stringify({ phone: '13800000008' }), P.secHx, traces)).toEqual(['phone 13800000008'])
    expect(leaksIn(`m:${M1}`, P.secHx, traces)).toEqual([`openid ${M1}`])
  })
})
