import { openCloud, P, rid, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'
import { ids } from '../../../cloudfunctions/service/repo'

/**
 * A member's check-in names a home and an employer. Both are claims: the home must be the member's
 * own verified household (or none) and a picked unit a unit of the community; the unit's liaison sees
 * who named the unit and may dispute the claim, which the secretary and the member then see.
 */

type Dispute = { reason: string; byName: string; at: string }
type Member = {
  id: string
  status: string
  unitId?: string
  householdId?: string
  address?: string
  communityId: string
  unitDispute?: Dispute
}
type UnitMember = { memberId: string; name: string; status: string; dispute?: Dispute }
type Page<T> = { items: T[]; total: number }

const XU = 'o-liaison-xu' // liaison of u-hx-2
const base = (extra: Record<string, unknown> = {}) => ({
  requestId: rid(),
  name: '刘芳',
  communityId: 'c-hx',
  unitName: '街道卫生服务中心',
  skills: [],
  availability: '周末',
  ...extra,
})

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

describe('member.checkin: the household and the unit are checked', () => {
  it('refuses a household that is not the caller’s own verified one, changing nothing', async () => {
    // 孙伟 names the flat his last year's record gave, which he never verified; 刘芳 names her neighbour's.
    await h.expectRefused(
      'service',
      'member.checkin',
      base({ name: '孙伟', householdId: 'h-hx-1-3-201' }),
      P.member,
      'FORBIDDEN',
    )
    await h.expectRefused('service', 'member.checkin', base({ householdId: 'h-hx-1-1-202' }), P.liu, 'FORBIDDEN')
    await h.expectRefused('service', 'member.checkin', base({ householdId: 'h-none' }), P.liu, 'FORBIDDEN')
  })

  it('refuses her own household named with another community, changing nothing', async () => {
    const err = await h.expectRefused(
      'service',
      'member.checkin',
      base({ communityId: 'c-yg', householdId: 'h-hx-1-1-101' }),
      P.liu,
      'INVALID_INPUT',
    )
    expect(err?.issues?.[0]?.path).toEqual(['householdId'])
  })

  it('refuses a unit that has not checked in (here of another community), or one that does not exist, changing nothing', async () => {
    const other = await h.expectRefused('service', 'member.checkin', base({ unitId: 'u-yg-1' }), P.liu, 'INVALID_INPUT')
    expect(other?.issues?.[0]?.path).toEqual(['unitId'])
    await h.expectRefused('service', 'member.checkin', base({ unitId: 'u-none' }), P.liu, 'INVALID_INPUT')
  })

  it('takes her own verified household with its address, and a unit of the community', async () => {
    const m = await h.ok<Member>(
      'service',
      'member.checkin',
      base({ householdId: 'h-hx-1-1-101', unitId: 'u-hx-2' }),
      P.liu,
    )
    expect(m).toMatchObject({
      status: 'pending',
      communityId: 'c-hx',
      householdId: 'h-hx-1-1-101',
      address: '和谐家园 1号楼 101',
      unitId: 'u-hx-2',
    })
  })

  it('takes no household at all (the community alone)', async () => {
    // u-hx-1 has not checked in this year, but it is the unit 孙伟 is linked to.
    const m = await h.ok<Member>(
      'service',
      'member.checkin',
      base({ name: '孙伟', unitId: 'u-hx-1', unitName: '锦绣区人民医院' }),
      P.member,
    )
    expect(m).toMatchObject({ status: 'pending', communityId: 'c-hx', unitId: 'u-hx-1' })
    expect(m.householdId).toBeUndefined()
  })
})

describe('unit.members and unit.disputeMember: the liaison checks who named the unit', () => {
  it('lists to the unit’s liaison and the secretary the members who named it, without their homes', async () => {
    const page = await h.ok<Page<UnitMember & { address?: string }>>(
      'service',
      'unit.members',
      { unitId: 'u-hx-2' },
      XU,
    )
    // 刘芳 just now, and the two demo members who work there.
    expect(page.items.map((m) => [m.name, m.status])).toEqual([
      ['刘芳', 'pending'],
      ['陈立军', 'approved'],
      ['高志强', 'approved'],
    ])
    for (const m of page.items)
      expect(
        Object.keys(m)
          .filter((k) => m[k as keyof typeof m] !== undefined)
          .sort(),
      ).toEqual(['communityName', 'link', 'memberId', 'name', 'overdue', 'status', 'submittedAt', 'year'])
    const bySecretary = await h.ok<Page<UnitMember>>('service', 'unit.members', { unitId: 'u-hx-2' }, P.secHx)
    expect(bySecretary.total).toBe(3)
  })

  it('refuses the list to another unit’s liaison, another community’s secretary and a member, changing nothing', async () => {
    await h.expectRefused('service', 'unit.members', { unitId: 'u-hx-2' }, P.liaison, 'FORBIDDEN')
    await h.expectRefused('service', 'unit.members', { unitId: 'u-hx-2' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('service', 'unit.members', { unitId: 'u-hx-2' }, P.member, 'FORBIDDEN')
    await h.expectRefused('service', 'unit.members', { unitId: 'u-none' }, XU, 'NOT_FOUND')
  })

  it('refuses a dispute by another unit’s liaison, by a non-liaison, without a reason, or of an unknown record, changing nothing', async () => {
    await h.expectRefused(
      'service',
      'unit.disputeMember',
      { memberId: ids.member(P.liu), reason: '查无此人' },
      P.liaison,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'unit.disputeMember',
      { memberId: ids.member(P.liu), reason: '查无此人' },
      P.secHx,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'unit.disputeMember',
      { memberId: ids.member(P.liu), reason: '' },
      XU,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'service',
      'unit.disputeMember',
      { memberId: 'm:o-nobody', reason: '查无此人' },
      XU,
      'NOT_FOUND',
    )
    await h.expectRefused(
      'service',
      'unit.disputeMember',
      { memberId: ids.member(P.liu), reason: '违禁词' },
      XU,
      'CONTENT_REJECTED',
    )
  })

  it('records the liaison’s dispute; the secretary finds it under 单位异议 and the member sees it', async () => {
    const d = await h.ok<UnitMember>(
      'service',
      'unit.disputeMember',
      { memberId: ids.member(P.liu), reason: '本单位查无此人' },
      XU,
    )
    expect(d.dispute).toMatchObject({ reason: '本单位查无此人', byName: '许文' })
    const disputed = await h.ok<Page<Member>>(
      'service',
      'member.list',
      { communityId: 'c-hx', status: 'disputed' },
      P.secHx,
    )
    expect(disputed.items.map((m) => [m.id, m.unitDispute?.reason])).toEqual([[ids.member(P.liu), '本单位查无此人']])
    const mine = await h.ok<Member>('service', 'member.mine', {}, P.liu)
    expect(mine.unitDispute?.byName).toBe('许文')
    const audit = await h.db
      .collection('audit')
      .where({ target: `svc_members/${ids.member(P.liu)}`, action: 'unit.disputeMember' })
      .count()
    expect(audit.total).toBe(1)
  })

  it('refuses a second dispute of the same claim, changing nothing', async () => {
    await h.expectRefused(
      'service',
      'unit.disputeMember',
      { memberId: ids.member(P.liu), reason: '再次' },
      XU,
      'CONFLICT',
    )
  })

  it('keeps the dispute while the member names the same unit, and drops it when she names another', async () => {
    await h.ok(
      'service',
      'member.decide',
      { memberId: ids.member(P.liu), approve: false, reason: '请核实工作单位' },
      P.secHx,
    )
    const same = await h.ok<Member>(
      'service',
      'member.checkin',
      base({ householdId: 'h-hx-1-1-101', unitId: 'u-hx-2' }),
      P.liu,
    )
    expect(same.unitDispute?.reason).toBe('本单位查无此人')
    await h.ok(
      'service',
      'member.decide',
      { memberId: ids.member(P.liu), approve: false, reason: '请核实工作单位' },
      P.secHx,
    )
    const other = await h.ok<Member>(
      'service',
      'member.checkin',
      base({ householdId: 'h-hx-1-1-101', unitId: 'u-hx-3' }),
      P.liu,
    )
    expect(other.unitDispute).toBeUndefined()
    const page = await h.ok<Page<UnitMember>>('service', 'unit.members', { unitId: 'u-hx-2' }, XU)
    expect(page.items.map((m) => m.name)).not.toContain('刘芳')
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
