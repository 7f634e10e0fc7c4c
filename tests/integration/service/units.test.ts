import { openCloud, P, rid, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'

type Unit = {
  id: string
  status: string
  overdue: boolean
  resources: string[]
  commitments: string[]
  contactPhone?: string
  reason?: string
  gridNames: string[]
  approvedYear?: number
}
type Agreement = {
  year: number
  unitName: string
  commitments: string[]
  needs: { title: string; quantityText?: string }[]
  resources: { title: string }[]
  projects: unknown[]
}

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

const checkin = (extra: Record<string, unknown> = {}) => ({
  requestId: rid(),
  unitId: 'u-hx-1',
  contactName: '吴敏',
  contactPhone: '13800000008',
  resources: ['医护志愿者 10 人', '健康讲座'],
  commitments: ['每月一次义诊', '认领第一网格'],
  ...extra,
})

describe('unit check-in (journey 1)', () => {
  it('shows the liaison’s unit as not yet checked in this year', async () => {
    const u = await h.ok<Unit>('service', 'unit.get', { unitId: 'u-hx-1' }, P.liaison)
    expect(u.status).toBe('none')
  })

  it('refuses a liaison of another unit, a member and bad input, changing nothing', async () => {
    await h.expectRefused('service', 'unit.checkin', checkin({ unitId: 'u-hx-2' }), P.liaison, 'FORBIDDEN')
    await h.expectRefused('service', 'unit.checkin', checkin(), P.member, 'FORBIDDEN')
    await h.expectRefused('service', 'unit.checkin', checkin({ resources: [] }), P.liaison, 'INVALID_INPUT')
    await h.expectRefused('service', 'unit.checkin', checkin({ contactPhone: '123' }), P.liaison, 'INVALID_INPUT')
  })

  it('refuses blocked words in the resource list', async () => {
    const blocked = (await import('../../../local/blocked-words')).DEFAULT_BLOCKED_WORDS[0]
    await h.expectRefused(
      'service',
      'unit.checkin',
      checkin({ resources: [`${blocked}`] }),
      P.liaison,
      'CONTENT_REJECTED',
    )
  })

  it('records the submission as pending, once per requestId', async () => {
    const input = checkin()
    const a = await h.ok<Unit>('service', 'unit.checkin', input, P.liaison)
    const b = await h.ok<Unit>('service', 'unit.checkin', input, P.liaison)
    expect(a).toMatchObject({ status: 'pending', resources: ['医护志愿者 10 人', '健康讲座'] })
    expect(b).toEqual(a)
  })

  it('lists it for the community’s secretary and refuses another community’s secretary', async () => {
    const page = await h.ok<{ items: Unit[] }>(
      'service',
      'unit.list',
      { communityId: 'c-hx', status: 'pending' },
      P.secHx,
    )
    expect(page.items.map((u) => u.id)).toEqual(['u-hx-1'])
    await h.expectRefused('service', 'unit.list', { communityId: 'c-hx' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('service', 'unit.decide', { unitId: 'u-hx-1', approve: true }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('service', 'unit.decide', { unitId: 'u-hx-1', approve: false }, P.secHx, 'INVALID_INPUT')
  })

  it('returns it with a reason the liaison sees, then accepts a corrected submission', async () => {
    const r = await h.ok<Unit>(
      'service',
      'unit.decide',
      { unitId: 'u-hx-1', approve: false, reason: '请补充联系人职务' },
      P.secHx,
    )
    expect(r).toMatchObject({ status: 'returned', reason: '请补充联系人职务' })
    const outbox = await h.db.collection('outbox').where({ toOpenid: P.liaison }).count()
    expect(outbox.total).toBeGreaterThan(0)
    const again = await h.ok<Unit>('service', 'unit.checkin', checkin({ contactName: '吴敏（党办主任）' }), P.liaison)
    expect(again.status).toBe('pending')
  })

  it('creates the yearly agreement with its three lists on approval', async () => {
    const u = await h.ok<Unit>('service', 'unit.decide', { unitId: 'u-hx-1', approve: true }, P.secHx)
    expect(u).toMatchObject({ status: 'approved', approvedYear: 2026, overdue: false })
    const a = await h.ok<Agreement>('service', 'agreement.get', { unitId: 'u-hx-1', year: 2026 }, P.liaison)
    expect(a).toMatchObject({ year: 2026, unitName: '锦绣区人民医院', commitments: ['每月一次义诊', '认领第一网格'] })
    expect(a.resources.map((r) => r.title).sort()).toEqual(['健康讲座', '医护志愿者 10 人'])
    expect(a.needs.map((n) => n.quantityText)).toEqual(
      expect.arrayContaining(['25616.5 ㎡', '849 m', '26 盏', '121 块', '70 个']),
    )
    const audit = await h.db.collection('audit').where({ target: 'svc_agreements/agr:u-hx-1:2026' }).count()
    expect(audit.total).toBe(1)
  })

  it('refuses a second decision and a second check-in this year, changing nothing', async () => {
    await h.expectRefused('service', 'unit.decide', { unitId: 'u-hx-1', approve: true }, P.secHx, 'CONFLICT')
    await h.expectRefused('service', 'unit.checkin', checkin(), P.liaison, 'CONFLICT')
  })

  it('refuses the agreement to a liaison of another unit and to a resident', async () => {
    await h.expectRefused('service', 'agreement.get', { unitId: 'u-hx-2', year: 2026 }, P.liaison, 'FORBIDDEN')
    await h.expectRefused('service', 'agreement.get', { unitId: 'u-hx-1', year: 2026 }, P.liu, 'FORBIDDEN')
    await h.expectRefused('service', 'agreement.get', { unitId: 'u-hx-1', year: 2025 }, P.liaison, 'NOT_FOUND')
  })

  it('shows a unit approved only last year as overdue', async () => {
    const page = await h.ok<{ items: Unit[] }>(
      'service',
      'unit.list',
      { communityId: 'c-hx', status: 'overdue' },
      P.secHx,
    )
    expect(page.items.map((u) => [u.id, u.status, u.overdue])).toEqual([['u-hx-3', 'none', true]])
  })

  it('shows the contact phone whole only to the liaison who entered it: masked to the secretary, a second liaison and residents', async () => {
    expect((await h.ok<Unit>('service', 'unit.get', { unitId: 'u-hx-1' }, P.liaison)).contactPhone).toBe('13800000008')
    expect((await h.ok<Unit>('service', 'unit.get', { unitId: 'u-hx-1' }, P.liu)).contactPhone).toBe('138****0008')
    expect((await h.ok<Unit>('service', 'unit.get', { unitId: 'u-hx-1' }, P.secHx)).contactPhone).toBe('138****0008')
    const listed = await h.ok<{ items: Unit[] }>('service', 'unit.list', { communityId: 'c-hx', pageSize: 50 }, P.secHx)
    expect(listed.items.find((u) => u.id === 'u-hx-1')?.contactPhone).toBe('138****0008')
    expect(JSON.stringify(listed)).not.toMatch(/1\d{10}/)
    const second = 'o-liaison-u-hx-1-b'
    await h.db.collection('users').add({
      data: {
        _id: second,
        name: '吴敏同事',
        roles: [
          {
            role: 'unit_liaison',
            scopeType: 'unit',
            scopeId: 'u-hx-1',
            scopeName: '锦绣区人民医院',
            communityId: 'c-hx',
            streetId: 'st-jinxiu',
          },
        ],
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    })
    expect((await h.ok<Unit>('service', 'unit.get', { unitId: 'u-hx-1' }, second)).contactPhone).toBe('138****0008')
  })

  it('lets the secretary name the unit responsible for grids of the community only', async () => {
    const u = await h.ok<Unit>('service', 'unit.setGrids', { unitId: 'u-hx-1', gridIds: ['g-hx-1', 'g-hx-4'] }, P.secHx)
    expect(u.gridNames).toEqual(['第一网格', '第四网格'])
    await h.expectRefused(
      'service',
      'unit.setGrids',
      { unitId: 'u-hx-1', gridIds: ['g-yg-1'] },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused('service', 'unit.setGrids', { unitId: 'u-hx-1', gridIds: ['g-hx-2'] }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('service', 'unit.setGrids', { unitId: 'u-hx-1', gridIds: ['g-hx-2'] }, P.liaison, 'FORBIDDEN')
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
