import { declaredTimers, fireTimers } from '../../../local/timers'
import { openCloud, P, rid, T0, type Cloud } from '../harness'

/**
 * Issue 14 §5: wishes come back. A claim holds a wish for at most 7 days and never past its date; undelivered
 * by then, the service timer returns it to 待认领 and tells the claimer (and the resident). The claimer can
 * release a claim. The resident and the claimer talk through a message thread on the wish, content-checked,
 * with mobile numbers masked.
 */

type Wish = {
  id: string
  status: string
  claimerName?: string
  claimDueAt?: string
  canDeliver: boolean
  canRelease: boolean
  canMessage: boolean
  lastClaimEnd?: { outcome: string; claimerName: string; reason?: string }
}
type Message = { id: string; side: string; byName: string; text: string; mine: boolean }
type Page<T> = { items: T[]; total: number }

const M1 = 'o-svc-m-hx-1' // 陈立军
const M2 = 'o-svc-m-hx-2' // 马晓燕
const DAY = 86400_000
const at = (ms: number) => new Date(T0.getTime() + ms)

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())
afterEach(() => h.setNow(T0))

const serviceTimers = declaredTimers().filter((t) => t.fn === 'service')
const fire = async () =>
  (
    await fireTimers(
      (main, event, { openid }) => h.rawMain(main, event, openid).then((result) => ({ result })),
      serviceTimers,
    )
  )['service.tick'] as { ok: boolean; data: { returned: number } }
const wish = async (id: string, who: string = P.liu) =>
  (
    await h.ok<Page<Wish>>('service', 'wish.list', { communityId: 'c-hx', mine: who === P.liu, pageSize: 50 }, who)
  ).items.find((w) => w.id === id)!
const stored = async (id: string) =>
  (await h.db.collection('svc_wishes').where({ _id: id }).get()).data[0] as {
    status: string
    claimerOpenid?: string
    claimHistory?: { outcome: string; claimerName: string }[]
  }
const outbox = async (templateId: string, toOpenid: string) =>
  (await h.db.collection('outbox').where({ templateId, toOpenid }).count()).total
const post = (title: string, days: number) =>
  h.ok<Wish>('service', 'wish.create', { requestId: rid(), title, dueAt: at(days * DAY).toISOString() }, P.liu)

it('declares the service tick in its config.json', () => {
  expect(serviceTimers).toEqual([{ fn: 'service', name: 'tick' }])
})

describe('a claim has a deadline, and the timer returns the wish when it runs out', () => {
  let far = ''
  let near = ''
  it('holds a wish for 7 days, or until its own date when that is sooner', async () => {
    far = (await post('想学用智能手机挂号', 30)).id
    near = (await post('帮忙取药', 3)).id
    expect((await h.ok<Wish>('service', 'wish.claim', { wishId: far }, M1)).claimDueAt).toBe(at(7 * DAY).toISOString())
    expect((await h.ok<Wish>('service', 'wish.claim', { wishId: near }, M1)).claimDueAt).toBe(at(3 * DAY).toISOString())
  })

  it('returns nothing before the deadline', async () => {
    h.setNow(at(2 * DAY))
    expect((await fire()).data.returned).toBe(0)
    expect((await stored(far)).status).toBe('claimed')
  })

  it('refuses a delivery past the deadline, changing nothing', async () => {
    h.setNow(at(3 * DAY + 1000))
    expect((await wish(near, M1)).canDeliver).toBe(false)
    await h.expectRefused('service', 'wish.deliver', { wishId: near, note: '已送到' }, M1, 'CONFLICT')
  })

  it('returns the lapsed claim: 待认领 again (or the community’s, past its own date); claimer and resident told; by the timer', async () => {
    const toClaimer = await outbox('tpl-wish-returned', M1)
    const toResident = await outbox('tpl-wish-returned', P.liu)
    h.setNow(at(3 * DAY + 1000))
    expect((await fire()).data.returned).toBe(1)
    const w = await wish(near)
    // Its own date (3 days) has passed too: it goes back to the community.
    expect(w).toMatchObject({ status: 'returned', lastClaimEnd: { outcome: 'lapsed', claimerName: '陈立军' } })
    expect(w.claimerName).toBeUndefined()
    expect(await outbox('tpl-wish-returned', M1)).toBe(toClaimer + 1)
    expect(await outbox('tpl-wish-returned', P.liu)).toBe(toResident + 1)
    expect(
      (
        await h.db
          .collection('audit')
          .where({ target: `svc_wishes/${near}`, actor: 'system:timer' })
          .count()
      ).total,
    ).toBe(1)

    h.setNow(at(7 * DAY + 1000))
    expect((await fire()).data.returned).toBe(1)
    expect(await wish(far)).toMatchObject({ status: 'open', lastClaimEnd: { outcome: 'lapsed' } })
    // Nothing more to return, and nothing returned twice.
    expect((await fire()).data.returned).toBe(0)
    expect((await stored(far)).claimHistory).toHaveLength(1)
  })

  it('lets another member claim it once it is back', async () => {
    h.setNow(at(7 * DAY + 2000))
    expect(await h.ok<Wish>('service', 'wish.claim', { wishId: far }, M2)).toMatchObject({
      status: 'claimed',
      claimerName: '马晓燕',
    })
  })
})

describe('wish.release', () => {
  let id = ''
  it('refuses anyone but the claimer, an unclaimed wish and blocked words, changing nothing', async () => {
    id = (await post('借用轮椅一周', 20)).id
    await h.expectRefused('service', 'wish.release', { wishId: id }, M1, 'FORBIDDEN')
    await h.ok('service', 'wish.claim', { wishId: id }, M1)
    await h.expectRefused('service', 'wish.release', { wishId: id }, M2, 'FORBIDDEN')
    await h.expectRefused('service', 'wish.release', { wishId: id }, P.liu, 'FORBIDDEN')
    await h.expectRefused('service', 'wish.release', { wishId: id, reason: '违禁词' }, M1, 'CONTENT_REJECTED')
    await h.expectRefused('service', 'wish.release', { wishId: 'wish-none' }, M1, 'NOT_FOUND')
  })

  it('puts the wish back to 待认领 with the reason kept, and tells the resident', async () => {
    const before = await outbox('tpl-wish-returned', P.liu)
    const w = await h.ok<Wish>('service', 'wish.release', { wishId: id, reason: '临时出差' }, M1)
    expect(w).toMatchObject({
      status: 'open',
      lastClaimEnd: { outcome: 'released', claimerName: '陈立军', reason: '临时出差' },
    })
    expect(await outbox('tpl-wish-returned', P.liu)).toBe(before + 1)
    await h.expectRefused('service', 'wish.release', { wishId: id }, M1, 'FORBIDDEN')
  })
})

describe('races on one wish', () => {
  it('a release and a delivery at once: exactly one lands', async () => {
    const id = (await post('修理门锁', 20)).id
    await h.ok('service', 'wish.claim', { wishId: id }, M1)
    const [r, d] = await Promise.all([
      h.call<Wish>('service', 'wish.release', { wishId: id }, M1),
      h.call<Wish>('service', 'wish.deliver', { wishId: id, note: '已修好' }, M1),
    ])
    expect([r.env.ok ? 'ok' : r.env.error.code, d.env.ok ? 'ok' : d.env.error.code].sort()).toEqual(['CONFLICT', 'ok'])
    expect((await stored(id)).status).toBe(r.env.ok ? 'open' : 'delivered')
  })

  it('a claim and the timer’s return at once: the lapsed claim ends once, and the new claim is either refused or the live one', async () => {
    const id = (await post('陪同散步', 20)).id
    await h.ok('service', 'wish.claim', { wishId: id }, M1)
    h.setNow(at(7 * DAY + 1000))
    const [timer, claim] = await Promise.all([fire(), h.call<Wish>('service', 'wish.claim', { wishId: id }, M2)])
    expect(timer.ok).toBe(true)
    const s = await stored(id)
    expect(s.claimHistory?.map((c) => [c.outcome, c.claimerName])).toEqual([['lapsed', '陈立军']])
    const outcome = claim.env.ok ? 'ok' : claim.env.error.code
    expect({ outcome, status: s.status, claimer: s.claimerOpenid ?? null }).toEqual(
      outcome === 'ok'
        ? { outcome, status: 'claimed', claimer: M2 }
        : { outcome: 'CONFLICT', status: 'open', claimer: null },
    )
  })
})

describe('the resident and the claimer reach each other in the app', () => {
  let id = ''
  it('has no conversation before a claim', async () => {
    id = (await post('想要一副老花镜', 20)).id
    await h.expectRefused(
      'service',
      'wish.message',
      { requestId: rid(), wishId: id, text: '有人吗' },
      P.liu,
      'CONFLICT',
    )
    await h.expectRefused('service', 'wish.messages', { wishId: id }, P.liu, 'FORBIDDEN')
  })

  it('carries messages both ways, masking mobile numbers; each side sees its own as mine', async () => {
    await h.ok('service', 'wish.claim', { wishId: id }, M1)
    expect((await wish(id)).canMessage).toBe(true)
    const a = await h.ok<Message>(
      'service',
      'wish.message',
      { requestId: rid(), wishId: id, text: '周六上午在家，电话 138 0013 8000' },
      P.liu,
    )
    expect(a).toMatchObject({ side: 'resident', byName: '刘芳', text: '周六上午在家，电话 138****8000', mine: true })
    h.setNow(at(60_000))
    await h.ok(
      'service',
      'wish.message',
      { requestId: rid(), wishId: id, text: '好的，10 点到，我的号码13900139000' },
      M1,
    )
    const forClaimer = await h.ok<Page<Message>>('service', 'wish.messages', { wishId: id }, M1)
    expect(forClaimer.items.map((m) => [m.side, m.text, m.mine])).toEqual([
      ['claimer', '好的，10 点到，我的号码139****9000', true],
      ['resident', '周六上午在家，电话 138****8000', false],
    ])
    expect(JSON.stringify(forClaimer)).not.toMatch(/1[3-9]\d{9}/)
    expect(await outbox('tpl-wish-message', M1)).toBeGreaterThan(0)
  })

  it('refuses other members and residents, blocked words and empty text, changing nothing', async () => {
    await h.expectRefused(
      'service',
      'wish.message',
      { requestId: rid(), wishId: id, text: '我也想帮忙' },
      M2,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'wish.message',
      { requestId: rid(), wishId: id, text: '你好' },
      P.zhang,
      'FORBIDDEN',
    )
    await h.expectRefused('service', 'wish.messages', { wishId: id }, M2, 'FORBIDDEN')
    await h.expectRefused('service', 'wish.messages', { wishId: id }, P.secHx, 'FORBIDDEN')
    await h.expectRefused(
      'service',
      'wish.message',
      { requestId: rid(), wishId: id, text: '违禁词' },
      P.liu,
      'CONTENT_REJECTED',
    )
    await h.expectRefused('service', 'wish.message', { requestId: rid(), wishId: id, text: '' }, P.liu, 'INVALID_INPUT')
  })

  it('starts a new thread with the next claimer; the earlier claimer no longer reads it', async () => {
    await h.ok('service', 'wish.release', { wishId: id }, M1)
    await h.ok('service', 'wish.claim', { wishId: id }, M2)
    expect((await h.ok<Page<Message>>('service', 'wish.messages', { wishId: id }, M2)).total).toBe(0)
    await h.expectRefused('service', 'wish.messages', { wishId: id }, M1, 'FORBIDDEN')
    // Nothing is deleted: the first claim's messages are still stored.
    expect((await h.db.collection('svc_wish_messages').where({ wishId: id, claimNo: 1 }).count()).total).toBe(2)
  })

  it('lets the secretary speak for a resident without the app, on a wish they posted for them', async () => {
    const w = await h.ok<Wish>(
      'service',
      'wish.create',
      {
        requestId: rid(),
        title: '代发：买米送上楼',
        dueAt: at(10 * DAY).toISOString(),
        householdId: 'h-hx-2-2-101',
        residentName: '王大爷',
      },
      P.secHx,
    )
    await h.ok('service', 'wish.claim', { wishId: w.id }, M1)
    const m = await h.ok<Message>(
      'service',
      'wish.message',
      { requestId: rid(), wishId: w.id, text: '王大爷下午在家' },
      P.secHx,
    )
    expect(m.side).toBe('resident')
    expect(
      (await h.ok<Page<Message>>('service', 'wish.messages', { wishId: w.id }, M1)).items.map((x) => x.text),
    ).toEqual(['王大爷下午在家'])
  })

  it('a message racing the claim’s release lands in that claim’s thread or is refused, never in the next one', async () => {
    const id2 = (await post('帮忙贴春联', 20)).id
    await h.ok('service', 'wish.claim', { wishId: id2 }, M1)
    const [msg] = await Promise.all([
      h.call<Message>('service', 'wish.message', { requestId: rid(), wishId: id2, text: '明天可以来吗' }, P.liu),
      h.call('service', 'wish.release', { wishId: id2 }, M1),
    ])
    const kept = (await h.db.collection('svc_wish_messages').where({ wishId: id2 }).get()).data as { claimNo: number }[]
    const outcome = msg.env.ok ? 'ok' : msg.env.error.code
    expect({ outcome, threads: kept.map((m) => m.claimNo) }).toEqual(
      outcome === 'ok' ? { outcome, threads: [1] } : { outcome: 'CONFLICT', threads: [] },
    )
  })
})
