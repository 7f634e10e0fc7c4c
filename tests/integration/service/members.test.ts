import { memberRecordId } from '../../../cloudfunctions/shared/pseudonym'
import { openCloud, P, rid, type Cloud } from '../harness'

type Member = {
  id: string
  unitId?: string
  status: string
  overdue: boolean
  year: number
  approvedYear?: number
  gridName?: string
  buildingNames: string[]
  reason?: string
  unitName: string
  address?: string
  householdId?: string
}

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

const checkin = (extra: Record<string, unknown> = {}) => ({
  requestId: rid(),
  name: '孙伟',
  communityId: 'c-hx',
  unitId: 'u-hx-1',
  unitName: '锦绣区人民医院',
  skills: ['急救', '健康咨询'],
  availability: '周末全天',
  ...extra,
})

describe('member check-in (journey 2, first part)', () => {
  it('shows a member approved only last year as overdue', async () => {
    const m = await h.ok<Member>('service', 'member.mine', {}, P.member)
    expect(m).toMatchObject({ status: 'none', overdue: true, approvedYear: 2025 })
    const page = await h.ok<{ items: Member[]; total: number }>(
      'service',
      'member.list',
      { communityId: 'c-hx', status: 'overdue' },
      P.secHx,
    )
    expect(page.items.map((x) => x.id)).toEqual([memberRecordId(P.member)])
  })

  it('refuses bad input and an unknown community, changing nothing', async () => {
    await h.expectRefused('service', 'member.checkin', checkin({ availability: '' }), P.member, 'INVALID_INPUT')
    await h.expectRefused('service', 'member.checkin', checkin({ communityId: undefined }), P.member, 'INVALID_INPUT')
    await h.expectRefused('service', 'member.checkin', checkin({ communityId: 'c-none' }), P.member, 'NOT_FOUND')
  })

  it('records this year’s check-in as pending with the employer unit, and no home when none is verified', async () => {
    const m = await h.ok<Member>('service', 'member.checkin', checkin(), P.member)
    // His unit has not renewed its check-in this year, but it is the unit he is linked to: he may keep it.
    expect(m).toMatchObject({
      status: 'pending',
      year: 2026,
      unitId: 'u-hx-1',
      unitName: '锦绣区人民医院',
      overdue: true,
    })
    // Last year's record named 3号楼 201, which 孙伟 never verified: it is not carried over.
    expect(m.householdId).toBeUndefined()
    expect(m.address).toBeUndefined()
  })

  it('refuses another community’s secretary the queue and the decision', async () => {
    await h.expectRefused('service', 'member.list', { communityId: 'c-hx', status: 'pending' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused(
      'service',
      'member.decide',
      { memberId: memberRecordId(P.member), approve: true, gridId: 'g-hx-3' },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'member.decide',
      { memberId: memberRecordId(P.member), approve: true, gridId: 'g-hx-3' },
      P.member,
      'FORBIDDEN',
    )
  })

  it('refuses an approval without a grid, or with another community’s grid or buildings', async () => {
    await h.expectRefused(
      'service',
      'member.decide',
      { memberId: memberRecordId(P.member), approve: true },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'service',
      'member.decide',
      { memberId: memberRecordId(P.member), approve: true, gridId: 'g-yg-1' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'service',
      'member.decide',
      { memberId: memberRecordId(P.member), approve: true, gridId: 'g-hx-3', buildingIds: ['b-yg-1-1'] },
      P.secHx,
      'INVALID_INPUT',
    )
  })

  it('approves with a grid and buildings (包联楼栋); the member is no longer overdue and is told', async () => {
    const m = await h.ok<Member>(
      'service',
      'member.decide',
      { memberId: memberRecordId(P.member), approve: true, gridId: 'g-hx-3', buildingIds: ['b-hx-1-3', 'b-hx-1-4'] },
      P.secHx,
    )
    expect(m).toMatchObject({
      status: 'approved',
      approvedYear: 2026,
      overdue: false,
      gridName: '第三网格',
      buildingNames: ['3号楼', '4号楼'],
    })
    const notices = await h.db.collection('outbox').where({ toOpenid: P.member }).count()
    expect(notices.total).toBe(1)
    await h.expectRefused(
      'service',
      'member.decide',
      { memberId: memberRecordId(P.member), approve: true, gridId: 'g-hx-3' },
      P.secHx,
      'CONFLICT',
    )
    await h.expectRefused('service', 'member.checkin', checkin(), P.member, 'CONFLICT')
  })

  it('grants the member role to a newcomer on approval, and lets a returned one resubmit', async () => {
    const who = 'o-new-member'
    const first = await h.ok<Member>(
      'service',
      'member.checkin',
      checkin({ name: '韩梅', unitId: undefined, unitName: '某设计院' }),
      who,
    )
    expect(first.status).toBe('pending')
    const r = await h.ok<Member>(
      'service',
      'member.decide',
      { memberId: first.id, approve: false, reason: '请填写完整工作单位' },
      P.secHx,
    )
    expect(r).toMatchObject({ status: 'returned', reason: '请填写完整工作单位' })
    const second = await h.ok<Member>(
      'service',
      'member.checkin',
      checkin({ name: '韩梅', unitId: undefined, unitName: '市建筑设计研究院' }),
      who,
    )
    expect(second.status).toBe('pending')
    await h.ok('service', 'member.decide', { memberId: first.id, approve: true, gridId: 'g-hx-1' }, P.secHx)
    const me = await h.ok<{ roles: { role: string; scopeId: string }[] }>('org', 'me', {}, who)
    expect(me.roles).toEqual([expect.objectContaining({ role: 'member', scopeId: 'c-hx' })])
    const doc = (await h.db.collection('svc_members').where({ _id: first.id }).get()).data[0] as {
      history: { status: string }[]
    }
    expect(doc.history.map((x) => x.status)).toEqual(['returned'])
  })
})
