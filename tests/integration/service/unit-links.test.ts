import { ids } from '../../../cloudfunctions/service/repo'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { at, PLACE, serve } from './fixtures'

/**
 * Issue 14 §1: the member's unit. A member picks their employer from the units checked in to the street
 * (unit.search) or keeps a typed name (单位未报到) that the secretary links later; the unit's liaison
 * confirms or disputes, the secretary settles a dispute. A new member's service reaches the unit's
 * 双反馈 letter by either path — nothing here relies on a unit the seed wrote onto a member.
 */

type Option = { id: string; name: string; communityName: string; sameCommunity: boolean }
type Member = {
  id: string
  unitId?: string
  unitName: string
  unitLink: string
  unitConfirmedByName?: string
  unitDispute?: { reason: string }
  unitSettlement?: { outcome: string; reason: string }
}
type UnitMember = { memberId: string; name: string; communityName?: string; link: string; confirmedByName?: string }
type Letter = { rows: { memberId: string; name: string; minutes: number }[] }
type Page<T> = { items: T[]; total: number }

const XU = 'o-liaison-xu' // liaison of u-hx-2 (锦绣区第一中学, 和谐社区)
const YG2 = 'o-liaison-yg-2' // liaison of u-yg-2 (城建集团第二工程公司, 阳光社区), added below
const LIN = 'o-new-lin' // a new member, never seeded
const QIAN = 'o-new-qian' // another new member, naming an unlisted unit
const checkin = (name: string, extra: Record<string, unknown>) => ({
  requestId: rid(),
  name,
  communityId: 'c-hx',
  skills: [],
  availability: '周末',
  ...extra,
})

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
  await h.db.collection('users').add({
    data: {
      _id: YG2,
      name: '程刚',
      roles: [
        {
          role: 'unit_liaison',
          scopeType: 'unit',
          scopeId: 'u-yg-2',
          scopeName: '城建集团第二工程公司',
          communityId: 'c-yg',
          streetId: 'st-jinxiu',
        },
      ],
      createdAt: T0,
      updatedAt: T0,
    },
  })
  // A unit of another street, checked in this year: never offered, never accepted.
  await h.db.collection('units').add({
    data: {
      _id: 'u-far-1',
      communityId: 'c-far',
      streetId: 'st-far',
      name: '远方第一中学',
      partyBody: '党支部',
      approvedYear: 2026,
      createdAt: T0,
    },
  })
})
afterAll(() => h.close())

describe('unit.search: the units a member can name', () => {
  it('finds units checked in to any community of the street (this year or last) by part of the name, marking this community’s', async () => {
    const page = await h.ok<Page<Option>>('service', 'unit.search', { communityId: 'c-hx', name: '锦绣' }, LIN)
    // 锦绣区第一中学 (u-hx-2, this year), 锦绣区图书馆 (u-yg-3, last year), 锦绣区供电所 (u-lq-2, this year);
    // 锦绣区人民医院 (u-hx-1) and 锦绣区市场监管所 (u-yg-1) have not checked in; 锦绣农商银行 (u-lq-1) neither.
    expect(page.items.map((u) => [u.id, u.communityName, u.sameCommunity])).toEqual([
      ['u-lq-2', '柳青社区', false],
      ['u-yg-3', '阳光社区', false],
      ['u-hx-2', '和谐社区', true],
    ])
    expect(page.total).toBe(3)
  })

  it('pages every checked-in unit of the street without a name, in constant requests', async () => {
    const first = await h.call<Page<Option>>('service', 'unit.search', { communityId: 'c-hx', pageSize: 2 }, LIN)
    const second = await h.call<Page<Option>>(
      'service',
      'unit.search',
      { communityId: 'c-hx', page: 2, pageSize: 2 },
      LIN,
    )
    if (!first.env.ok || !second.env.ok) throw new Error('search failed')
    expect(first.env.data.total).toBe(5)
    expect([...first.env.data.items, ...second.env.data.items].map((u) => u.id)).not.toContain('u-far-1')
    // actor, community, count, page, the page's community names
    expect([first.dbRequests, second.dbRequests]).toEqual([5, 5])
  })

  it('treats the typed name as text, not as a pattern', async () => {
    const page = await h.ok<Page<Option>>('service', 'unit.search', { communityId: 'c-hx', name: '.*' }, LIN)
    expect(page.total).toBe(0)
  })

  it('refuses an unknown community and an over-long name, changing nothing', async () => {
    await h.expectRefused('service', 'unit.search', { communityId: 'c-none' }, LIN, 'NOT_FOUND')
    await h.expectRefused(
      'service',
      'unit.search',
      { communityId: 'c-hx', name: '单'.repeat(31) },
      LIN,
      'INVALID_INPUT',
    )
    await h.expectRefused('service', 'unit.search', { communityId: 'c-hx', pageSize: 51 }, LIN, 'INVALID_INPUT')
  })
})

describe('member.checkin names a checked-in unit of the street, or keeps the typed name', () => {
  it('refuses a unit that has not checked in, one of another street, or none at all, changing nothing', async () => {
    for (const unitId of ['u-hx-1', 'u-yg-1', 'u-far-1', 'u-none']) {
      const err = await h.expectRefused(
        'service',
        'member.checkin',
        checkin('林晓', { unitId, unitName: '某单位' }),
        LIN,
        'INVALID_INPUT',
      )
      expect(err?.issues?.[0]?.path).toEqual(['unitId'])
    }
  })

  it('takes a unit of another community of the street, under the unit’s own name', async () => {
    const m = await h.ok<Member>(
      'service',
      'member.checkin',
      checkin('林晓', { unitId: 'u-yg-2', unitName: '城建二公司' }),
      LIN,
    )
    expect(m).toMatchObject({ unitId: 'u-yg-2', unitName: '城建集团第二工程公司', unitLink: 'claimed' })
  })

  it('keeps a typed name without a unit as 单位未报到, found by the secretary under 未关联', async () => {
    const m = await h.ok<Member>('service', 'member.checkin', checkin('钱多', { unitName: '锦绣区人民医院' }), QIAN)
    expect(m).toMatchObject({ unitName: '锦绣区人民医院', unitLink: 'unlisted' })
    expect(m.unitId).toBeUndefined()
    const unlinked = await h.ok<Page<Member>>(
      'service',
      'member.list',
      { communityId: 'c-hx', status: 'unlinked' },
      P.secHx,
    )
    expect(unlinked.items.map((x) => x.id)).toEqual([ids.member(QIAN)])
  })
})

describe('the unit’s liaison confirms its members, wherever they live in the street', () => {
  it('lists the member of 和谐社区 to the liaison of a unit of 阳光社区, with the community', async () => {
    const page = await h.ok<Page<UnitMember>>('service', 'unit.members', { unitId: 'u-yg-2' }, YG2)
    expect(page.items.map((m) => [m.name, m.communityName, m.link])).toEqual([
      ['林晓', '和谐社区', 'claimed'],
      ['赵海燕', '阳光社区', 'claimed'],
      ['孙丽', '阳光社区', 'claimed'],
    ])
  })

  it('refuses a confirmation by another unit’s liaison, a secretary, or of an unknown record, changing nothing', async () => {
    await h.expectRefused('service', 'unit.confirmMember', { memberId: ids.member(LIN) }, XU, 'FORBIDDEN')
    await h.expectRefused('service', 'unit.confirmMember', { memberId: ids.member(LIN) }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('service', 'unit.confirmMember', { memberId: 'm-none' }, YG2, 'NOT_FOUND')
    // 钱多 named no unit: no liaison can confirm her.
    await h.expectRefused('service', 'unit.confirmMember', { memberId: ids.member(QIAN) }, YG2, 'FORBIDDEN')
  })

  it('confirms; the member and the secretary see who confirmed; a second confirmation or a dispute is refused', async () => {
    const c = await h.ok<UnitMember>('service', 'unit.confirmMember', { memberId: ids.member(LIN) }, YG2)
    expect(c).toMatchObject({ link: 'confirmed', confirmedByName: '程刚' })
    const mine = await h.ok<Member>('service', 'member.mine', {}, LIN)
    expect(mine).toMatchObject({ unitLink: 'confirmed', unitConfirmedByName: '程刚' })
    await h.expectRefused('service', 'unit.confirmMember', { memberId: ids.member(LIN) }, YG2, 'CONFLICT')
    await h.expectRefused(
      'service',
      'unit.disputeMember',
      { memberId: ids.member(LIN), reason: '查无此人' },
      YG2,
      'CONFLICT',
    )
    expect(
      (
        await h.db
          .collection('audit')
          .where({ target: `svc_members/${ids.member(LIN)}`, action: 'unit.confirmMember' })
          .count()
      ).total,
    ).toBe(1)
  })

  it('keeps the confirmation when the member checks in again naming the same unit', async () => {
    await h.ok(
      'service',
      'member.decide',
      { memberId: ids.member(LIN), approve: false, reason: '请补充可服务时间' },
      P.secHx,
    )
    const again = await h.ok<Member>(
      'service',
      'member.checkin',
      checkin('林晓', { unitId: 'u-yg-2', unitName: '城建集团第二工程公司', availability: '周末全天' }),
      LIN,
    )
    expect(again.unitLink).toBe('confirmed')
  })
})

describe('a new member’s service reaches the unit’s 双反馈 letter', () => {
  it('by a picked unit: check-in, approval, QR sign-in and out, confirmation, letter', async () => {
    await h.ok('service', 'member.decide', { memberId: ids.member(LIN), approve: true, gridId: 'g-hx-2' }, P.secHx)
    await serve(h, LIN, '林晓的第一次服务')
    const letter = await h.ok<Letter>(
      'service',
      'letter.issue',
      { requestId: rid(), unitId: 'u-yg-2', quarter: '2026Q4' },
      P.secYg,
    )
    expect(letter.rows).toContainEqual(
      expect.objectContaining({ memberId: ids.member(LIN), name: '林晓', minutes: 45 }),
    )
  })

  it('by 单位未报到: service before the unit checked in reaches its letter once the secretary links the member', async () => {
    await h.ok('service', 'member.decide', { memberId: ids.member(QIAN), approve: true, gridId: 'g-hx-1' }, P.secHx)
    await serve(h, QIAN, '钱多的服务')
    // 锦绣区人民医院 checks in now, and is approved.
    await h.ok(
      'service',
      'unit.checkin',
      {
        requestId: rid(),
        unitId: 'u-hx-1',
        contactName: '吴敏',
        contactPhone: '13800000008',
        resources: ['义诊'],
        commitments: ['每月义诊'],
      },
      P.liaison,
    )
    await h.ok('service', 'unit.decide', { unitId: 'u-hx-1', approve: true }, P.secHx)
    const before = await h.ok<Letter>(
      'service',
      'letter.issue',
      { requestId: rid(), unitId: 'u-hx-1', quarter: '2026Q4' },
      P.secHx,
    )
    expect(before.rows.map((r) => r.name)).not.toContain('钱多')

    const linked = await h.ok<Member>(
      'service',
      'member.linkUnit',
      { memberId: ids.member(QIAN), unitId: 'u-hx-1' },
      P.secHx,
    )
    expect(linked).toMatchObject({ unitId: 'u-hx-1', unitName: '锦绣区人民医院', unitLink: 'claimed' })
    const after = await h.ok<Letter>(
      'service',
      'letter.issue',
      { requestId: rid(), unitId: 'u-hx-1', quarter: '2026Q4' },
      P.secHx,
    )
    expect(after.rows).toContainEqual(
      expect.objectContaining({ memberId: ids.member(QIAN), name: '钱多', minutes: 45 }),
    )
    const named = await h.ok<Page<UnitMember>>('service', 'unit.members', { unitId: 'u-hx-1' }, P.liaison)
    expect(named.items.map((m) => m.name)).toContain('钱多')
  })
})

describe('member.linkUnit', () => {
  it('refuses a member already linked, a unit not checked in or of another street, another community’s secretary, unknown ids, changing nothing', async () => {
    const who = 'o-new-sun2'
    await h.ok('service', 'member.checkin', checkin('孙二', { unitName: '未报到的公司' }), who)
    await h.expectRefused(
      'service',
      'member.linkUnit',
      { memberId: ids.member(LIN), unitId: 'u-hx-2' },
      P.secHx,
      'CONFLICT',
    )
    await h.expectRefused(
      'service',
      'member.linkUnit',
      { memberId: ids.member(who), unitId: 'u-yg-1' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'service',
      'member.linkUnit',
      { memberId: ids.member(who), unitId: 'u-far-1' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'service',
      'member.linkUnit',
      { memberId: ids.member(who), unitId: 'u-hx-2' },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'member.linkUnit',
      { memberId: ids.member(who), unitId: 'u-hx-2' },
      XU,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'member.linkUnit',
      { memberId: ids.member(who), unitId: 'u-none' },
      P.secHx,
      'NOT_FOUND',
    )
    await h.expectRefused('service', 'member.linkUnit', { memberId: 'm-none', unitId: 'u-hx-2' }, P.secHx, 'NOT_FOUND')
  })

  it('keeps the link when the member resubmits the same typed name at the same moment (both land)', async () => {
    const who = 'o-new-sun2'
    const [link, resubmit] = await Promise.all([
      h.call<Member>('service', 'member.linkUnit', { memberId: ids.member(who), unitId: 'u-hx-2' }, P.secHx),
      h.call<Member>(
        'service',
        'member.checkin',
        checkin('孙二', { unitName: '未报到的公司', availability: '工作日晚上' }),
        who,
      ),
    ])
    expect([link.env.ok, resubmit.env.ok]).toEqual([true, true])
    const m = await h.ok<Member & { availability: string }>('service', 'member.mine', {}, who)
    expect(m).toMatchObject({ unitId: 'u-hx-2', availability: '工作日晚上' })
  })
})

describe('member.settleDispute', () => {
  it('refuses without a dispute, by another community’s secretary, without a reason or with blocked words, changing nothing', async () => {
    await h.expectRefused(
      'service',
      'member.settleDispute',
      { memberId: ids.member(QIAN), keep: true, reason: '已核实' },
      P.secHx,
      'CONFLICT',
    )
    await h.ok('service', 'unit.disputeMember', { memberId: ids.member(QIAN), reason: '本院查无此人' }, P.liaison)
    await h.expectRefused(
      'service',
      'member.settleDispute',
      { memberId: ids.member(QIAN), keep: true, reason: '已核实' },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'member.settleDispute',
      { memberId: ids.member(QIAN), keep: true, reason: '' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'service',
      'member.settleDispute',
      { memberId: ids.member(QIAN), keep: true, reason: '违禁词' },
      P.secHx,
      'CONTENT_REJECTED',
    )
    await h.expectRefused(
      'service',
      'member.settleDispute',
      { memberId: ids.member(QIAN), keep: true, reason: '已核实' },
      P.liaison,
      'FORBIDDEN',
    )
  })

  it('undoes the link: the typed name stays, the unit’s open ledgers and next letter lose the member', async () => {
    const m = await h.ok<Member>(
      'service',
      'member.settleDispute',
      { memberId: ids.member(QIAN), keep: false, reason: '经核实为院外合作单位人员' },
      P.secHx,
    )
    expect(m).toMatchObject({
      unitLink: 'unlisted',
      unitName: '锦绣区人民医院',
      unitSettlement: { outcome: 'unlinked', reason: '经核实为院外合作单位人员' },
    })
    expect(m.unitId).toBeUndefined()
    const letter = await h.ok<Letter>(
      'service',
      'letter.issue',
      { requestId: rid(), unitId: 'u-hx-1', quarter: '2026Q4' },
      P.secHx,
    )
    expect(letter.rows.map((r) => r.name)).not.toContain('钱多')
    expect(
      (
        await h.db
          .collection('svc_members')
          .where({ _id: ids.member(QIAN) })
          .get()
      ).data[0],
    ).toMatchObject({ unitDispute: { reason: '本院查无此人' }, unitDisputed: false })
  })

  it('keeps the link: the dispute is settled and the link counts as confirmed by the secretary', async () => {
    // 孙二 (linked to u-hx-2 above) is disputed by 许文.
    await h.ok('service', 'unit.disputeMember', { memberId: ids.member('o-new-sun2'), reason: '学校没有这位老师' }, XU)
    const m = await h.ok<Member>(
      'service',
      'member.settleDispute',
      { memberId: ids.member('o-new-sun2'), keep: true, reason: '已见聘用合同' },
      P.secHx,
    )
    expect(m).toMatchObject({
      unitId: 'u-hx-2',
      unitLink: 'confirmed',
      unitConfirmedByName: '王秀英',
      unitSettlement: { outcome: 'kept' },
    })
    await h.expectRefused(
      'service',
      'member.settleDispute',
      { memberId: ids.member('o-new-sun2'), keep: false, reason: '再议' },
      P.secHx,
      'CONFLICT',
    )
  })
})

describe('races on one member record', () => {
  it('a confirmation and a dispute at once: one lands, the other is refused, the record is one or the other', async () => {
    const who = 'o-new-race'
    await h.ok('service', 'member.checkin', checkin('赛跑', { unitId: 'u-hx-2', unitName: '锦绣区第一中学' }), who)
    const [c, d] = await Promise.all([
      h.call<UnitMember>('service', 'unit.confirmMember', { memberId: ids.member(who) }, XU),
      h.call<UnitMember>('service', 'unit.disputeMember', { memberId: ids.member(who), reason: '查无此人' }, XU),
    ])
    expect([c.env.ok ? 'ok' : c.env.error.code, d.env.ok ? 'ok' : d.env.error.code].sort()).toEqual(['CONFLICT', 'ok'])
    const m = await h.ok<Member>('service', 'member.mine', {}, who)
    expect(m.unitLink).toBe(c.env.ok ? 'confirmed' : 'disputed')
  })

  it('an unlink and a confirmation of minutes at once: the ledger keeps the minutes and loses the unit', async () => {
    const who = 'o-new-race2'
    await h.ok('service', 'member.checkin', checkin('赛跑二', { unitId: 'u-hx-2', unitName: '锦绣区第一中学' }), who)
    await h.ok('service', 'member.decide', { memberId: ids.member(who), approve: true, gridId: 'g-hx-1' }, P.secHx)
    await serve(h, who, '第一场')
    await h.ok('service', 'unit.disputeMember', { memberId: ids.member(who), reason: '查无此人' }, XU)
    // A second activity, signed out but not yet confirmed.
    const a = await h.ok<{ id: string }>(
      'service',
      'activity.create',
      {
        requestId: rid(),
        communityId: 'c-hx',
        title: '第二场',
        kind: 'volunteer',
        place: { name: '东门', ...PLACE },
        startAt: at(-5).toISOString(),
        endAt: at(120).toISOString(),
        capacity: 10,
      },
      P.secHx,
    )
    await h.ok('service', 'activity.signup', { activityId: a.id }, who)
    await h.ok(
      'service',
      'activity.signin',
      {
        activityId: a.id,
        method: 'qr',
        token: (await h.ok<{ token: string }>('service', 'activity.token', { activityId: a.id }, P.secHx)).token,
      },
      who,
    )
    h.setNow(at(30))
    await h.ok(
      'service',
      'activity.signout',
      {
        activityId: a.id,
        method: 'qr',
        token: (await h.ok<{ token: string }>('service', 'activity.token', { activityId: a.id }, P.secHx)).token,
      },
      who,
    )
    const [settle, confirm] = await Promise.all([
      h.call(
        'service',
        'member.settleDispute',
        { memberId: ids.member(who), keep: false, reason: '不是本校教师' },
        P.secHx,
      ),
      h.call('service', 'hours.confirm', { attendanceId: ids.attendance(a.id, who) }, P.secHx),
    ])
    h.setNow(T0)
    expect([settle.env.ok, confirm.env.ok]).toEqual([true, true])
    const led = (
      await h.db
        .collection('svc_ledgers')
        .where({ _id: ids.ledger(who, '2026Q4') })
        .get()
    ).data[0] as { minutes: number; unitId?: string }
    expect(led.minutes).toBe(45 + 30)
    expect(led.unitId).toBeUndefined()
  })
})
