import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'

type Wish = {
  id: string
  status: string
  address: string
  residentName: string
  claimerName?: string
  canClaim: boolean
  canConfirm: boolean
  rating?: number
  thanks?: string
}
type Ledger = { totals: { wishes: number; ratingCount: number; ratingAvgTenths?: number } }

const M1 = 'o-svc-m-hx-1'
const M2 = 'o-svc-m-hx-2'
const inDays = (d: number) => new Date(T0.getTime() + d * 86400_000).toISOString()

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

describe('微心愿 (journey 3)', () => {
  let wishId = ''
  it('lets a verified resident post a wish for their household', async () => {
    const w = await h.ok<Wish>(
      'service',
      'wish.create',
      { requestId: rid(), title: '想学用智能手机挂号', detail: '周末上午在家', dueAt: inDays(7) },
      P.liu,
    )
    expect(w).toMatchObject({ status: 'open', address: '和谐家园 1号楼 101', residentName: '刘芳' })
    wishId = w.id
  })

  it('refuses a person without a household, a date in the past, and blocked words', async () => {
    await h.expectRefused(
      'service',
      'wish.create',
      { requestId: rid(), title: '心愿', dueAt: inDays(7) },
      P.zhou,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'wish.create',
      { requestId: rid(), title: '心愿', dueAt: inDays(-1) },
      P.liu,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'service',
      'wish.create',
      { requestId: rid(), title: '心愿', dueAt: inDays(7), householdId: 'h-hx-1-1-202' },
      P.liu,
      'FORBIDDEN',
    )
  })

  it('lets the secretary post on behalf of a resident of the community only', async () => {
    const w = await h.ok<Wish>(
      'service',
      'wish.create',
      {
        requestId: rid(),
        title: '代发：轮椅借用',
        dueAt: inDays(5),
        householdId: 'h-hx-2-2-101',
        residentName: '王大爷',
      },
      P.secHx,
    )
    expect(w.residentName).toBe('王大爷')
    await h.expectRefused(
      'service',
      'wish.create',
      { requestId: rid(), title: '代发', dueAt: inDays(5), householdId: 'h-hx-2-2-101', residentName: '王大爷' },
      P.secYg,
      'FORBIDDEN',
    )
  })

  it('hides the resident’s full name and room from people who do not need them', async () => {
    const page = await h.ok<{ items: Wish[] }>('service', 'wish.list', { communityId: 'c-hx', status: 'open' }, P.zhang)
    const w = page.items.find((x) => x.id === wishId)!
    expect([w.residentName, w.address]).toEqual(['刘*', '和谐家园 1号楼'])
  })

  it('gives exactly one of two members claiming at the same time the wish', async () => {
    const [a, b] = await Promise.all([
      h.call<Wish>('service', 'wish.claim', { wishId }, M1),
      h.call<Wish>('service', 'wish.claim', { wishId }, M2),
    ])
    const outcomes = [a.env, b.env].map((e) => (e.ok ? 'ok' : e.error.code)).sort()
    expect(outcomes).toEqual(['CONFLICT', 'ok'])
    const winner = a.env.ok ? M1 : M2
    const doc = (await h.db.collection('svc_wishes').where({ _id: wishId }).get()).data[0] as {
      claimerOpenid: string
      status: string
    }
    expect(doc).toMatchObject({ status: 'claimed', claimerOpenid: winner })
    expect(
      (
        await h.db
          .collection('audit')
          .where({ target: `svc_wishes/${wishId}`, action: 'wish.claim' })
          .count()
      ).total,
    ).toBe(1)
    expect((await h.db.collection('outbox').where({ toOpenid: P.liu }).count()).total).toBe(1)
  })

  it('refuses a further claim, a resident claiming, and delivery by anyone but the claimer', async () => {
    const doc = (await h.db.collection('svc_wishes').where({ _id: wishId }).get()).data[0] as { claimerOpenid: string }
    const loser = doc.claimerOpenid === M1 ? M2 : M1
    await h.expectRefused('service', 'wish.claim', { wishId }, loser, 'CONFLICT')
    await h.expectRefused('service', 'wish.claim', { wishId }, P.liu, 'FORBIDDEN')
    await h.expectRefused('service', 'wish.deliver', { wishId, note: '已送达' }, loser, 'FORBIDDEN')
    await h.expectRefused('service', 'wish.confirm', { wishId, rating: 5 }, P.liu, 'CONFLICT')
  })

  it('delivers, then the resident confirms, thanks and rates; the claimer’s ledger counts it', async () => {
    const doc = (await h.db.collection('svc_wishes').where({ _id: wishId }).get()).data[0] as { claimerOpenid: string }
    const before = await h.ok<Ledger>('service', 'ledger.get', { year: 2026 }, doc.claimerOpenid)
    await h.expectRefused('service', 'wish.deliver', { wishId, note: '' }, doc.claimerOpenid, 'INVALID_INPUT')
    expect(
      (await h.ok<Wish>('service', 'wish.deliver', { wishId, note: '已上门教会预约挂号' }, doc.claimerOpenid)).status,
    ).toBe('delivered')
    await h.expectRefused('service', 'wish.confirm', { wishId, rating: 5 }, P.zhang, 'FORBIDDEN')
    await h.expectRefused('service', 'wish.confirm', { wishId, rating: 6 }, P.liu, 'INVALID_INPUT')
    const w = await h.ok<Wish>('service', 'wish.confirm', { wishId, rating: 4, thanks: '非常感谢，很耐心！' }, P.liu)
    expect(w).toMatchObject({ status: 'confirmed', rating: 4, thanks: '非常感谢，很耐心！' })
    const after = await h.ok<Ledger>('service', 'ledger.get', { year: 2026 }, doc.claimerOpenid)
    expect(after.totals.wishes - before.totals.wishes).toBe(1)
    expect(after.totals.ratingCount - before.totals.ratingCount).toBe(1)
    await h.expectRefused('service', 'wish.confirm', { wishId, rating: 4 }, P.liu, 'CONFLICT')
  })

  it('returns an unclaimed wish past its date to the community, and refuses claiming it', async () => {
    const returned = await h.ok<{ items: Wish[] }>(
      'service',
      'wish.list',
      { communityId: 'c-hx', status: 'returned' },
      P.secHx,
    )
    expect(returned.items.map((w) => [w.id, w.status])).toEqual([['wish-hx-2', 'returned']])
    await h.expectRefused('service', 'wish.claim', { wishId: 'wish-hx-2' }, M1, 'CONFLICT')
  })

  it('lists my own wishes for the resident', async () => {
    const mine = await h.ok<{ items: Wish[] }>('service', 'wish.list', { communityId: 'c-hx', mine: true }, P.liu)
    expect(mine.items.map((w) => w.id)).toEqual([wishId])
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
