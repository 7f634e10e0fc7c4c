import { openCloud, P, rid, T0, type Cloud } from '../harness'

/**
 * Issue 14 §2: the yearly co-building agreement is signed by both sides. The community signs by approving
 * the check-in; the unit's liaison signs after that (name and time, once); both see the same signed
 * agreement. A new year's agreement starts from last year's lists and records what changed.
 */

type Agreement = {
  id: string
  year: number
  status: string
  commitments: string[]
  resourceLines: string[]
  approvedByName: string
  unitSignedAt?: string
  unitSignedByName?: string
  carriedFrom?: { year: number; kept: number; added: number; dropped: number }
}

const WU2 = 'o-liaison-wu-2' // a second liaison of u-hx-1
const DENG = 'o-liaison-deng' // liaison of u-hx-3, whose last agreement is of 2025
const grant = (unitId: string, name: string) => ({
  role: 'unit_liaison',
  scopeType: 'unit',
  scopeId: unitId,
  scopeName: name,
  communityId: 'c-hx',
  streetId: 'st-jinxiu',
})

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
  await h.db
    .collection('users')
    .add({ data: { _id: WU2, name: '吴二', roles: [grant('u-hx-1', '锦绣区人民医院')], createdAt: T0, updatedAt: T0 } })
  await h.db.collection('users').add({
    data: {
      _id: DENG,
      name: '邓华',
      roles: [grant('u-hx-3', '市自来水公司第三分公司')],
      createdAt: T0,
      updatedAt: T0,
    },
  })
})
afterAll(() => h.close())

const checkin = (unitId: string, resources: string[], commitments: string[]) => ({
  requestId: rid(),
  unitId,
  contactName: '联系人',
  contactPhone: '13800000008',
  resources,
  commitments,
})

describe('agreement.sign', () => {
  it('has nothing to sign before the community approves, changing nothing', async () => {
    await h.ok('service', 'unit.checkin', checkin('u-hx-1', ['医护志愿者 10 人'], ['每月一次义诊']), P.liaison)
    await h.expectRefused('service', 'agreement.sign', { unitId: 'u-hx-1', year: 2026 }, P.liaison, 'NOT_FOUND')
  })

  it('is signed by the community on approval and waits for the unit', async () => {
    await h.ok('service', 'unit.decide', { unitId: 'u-hx-1', approve: true }, P.secHx)
    const a = await h.ok<Agreement>('service', 'agreement.get', { unitId: 'u-hx-1', year: 2026 }, P.liaison)
    expect(a).toMatchObject({
      status: 'awaiting_signature',
      approvedByName: '王秀英',
      commitments: ['每月一次义诊'],
      resourceLines: ['医护志愿者 10 人'],
    })
    expect(a.unitSignedAt).toBeUndefined()
    expect(a.carriedFrom).toBeUndefined()
  })

  it('refuses another unit’s liaison, the secretary, a year without an agreement, changing nothing', async () => {
    await h.expectRefused('service', 'agreement.sign', { unitId: 'u-hx-1', year: 2026 }, 'o-liaison-xu', 'FORBIDDEN')
    await h.expectRefused('service', 'agreement.sign', { unitId: 'u-hx-1', year: 2026 }, P.secHx, 'FORBIDDEN')
    await h.expectRefused('service', 'agreement.sign', { unitId: 'u-hx-1', year: 2025 }, P.liaison, 'NOT_FOUND')
    await h.expectRefused('service', 'agreement.sign', { unitId: 'u-hx-1', year: 1999 }, P.liaison, 'INVALID_INPUT')
  })

  it('of two liaisons signing at once, exactly one signs; both sides then see that signature', async () => {
    const [a, b] = await Promise.all([
      h.call<Agreement>('service', 'agreement.sign', { unitId: 'u-hx-1', year: 2026 }, P.liaison),
      h.call<Agreement>('service', 'agreement.sign', { unitId: 'u-hx-1', year: 2026 }, WU2),
    ])
    expect([a.env.ok ? 'ok' : a.env.error.code, b.env.ok ? 'ok' : b.env.error.code].sort()).toEqual(['CONFLICT', 'ok'])
    const signer = a.env.ok ? '吴敏' : '吴二'
    const bySecretary = await h.ok<Agreement>('service', 'agreement.get', { unitId: 'u-hx-1', year: 2026 }, P.secHx)
    const byUnit = await h.ok<Agreement>('service', 'agreement.get', { unitId: 'u-hx-1', year: 2026 }, P.liaison)
    expect(bySecretary).toMatchObject({ status: 'signed', unitSignedByName: signer, unitSignedAt: T0.toISOString() })
    expect(byUnit).toEqual(bySecretary)
    expect(
      (
        await h.db
          .collection('audit')
          .where({ target: 'svc_agreements/agr:u-hx-1:2026', action: 'agreement.sign' })
          .count()
      ).total,
    ).toBe(1)
  })

  it('refuses a second signature, changing nothing', async () => {
    await h.expectRefused('service', 'agreement.sign', { unitId: 'u-hx-1', year: 2026 }, P.liaison, 'CONFLICT')
  })
})

describe('a new year’s agreement starts from last year’s', () => {
  it('lets the liaison read last year’s lists to start from', async () => {
    const last = await h.ok<Agreement>('service', 'agreement.get', { unitId: 'u-hx-3', year: 2025 }, DENG)
    expect(last).toMatchObject({ status: 'signed', commitments: ['开放活动场地'], resourceLines: ['场地借用'] })
  })

  it('records on approval what was kept, added and dropped', async () => {
    await h.ok('service', 'unit.checkin', checkin('u-hx-3', ['场地借用', '水质检测'], ['开放活动场地']), DENG)
    await h.ok('service', 'unit.decide', { unitId: 'u-hx-3', approve: true }, P.secHx)
    const a = await h.ok<Agreement>('service', 'agreement.get', { unitId: 'u-hx-3', year: 2026 }, DENG)
    expect(a).toMatchObject({
      status: 'awaiting_signature',
      carriedFrom: { year: 2025, kept: 2, added: 1, dropped: 0 },
    })
    // Last year's agreement is kept as it was signed.
    expect(await h.ok<Agreement>('service', 'agreement.get', { unitId: 'u-hx-3', year: 2025 }, P.secHx)).toMatchObject({
      resourceLines: ['场地借用'],
      unitSignedByName: '邓华',
    })
  })
})
