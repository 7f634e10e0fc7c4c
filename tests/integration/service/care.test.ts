import type { CareMarkView, CareView } from '../../../types/care'
import type { LedgerView, WishView } from '../../../types/service'
import type { Page } from '../../../types/common'
import { openCloud, P, rid, T0, type Cloud } from '../harness'

/**
 * 重点关爱 (issue 15 §5): the secretary marks a household with its consent (who, when, recorded by whom);
 * members see its wishes first, the grid worker sees the mark on patrol, the ledger counts service to it
 * apart; the household or the secretary revokes it. The reason never reaches anyone else.
 */

const ZHANG_HOME = 'h-hx-1-1-202'
const NOTE = '老伴去世独居需每日探视'
const M1 = 'o-svc-m-hx-1'
const day = (d: number) => new Date(T0.getTime() + d * 86400_000).toISOString()

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

const mark = (over: Record<string, unknown> = {}) =>
  h.ok<CareView>(
    'service',
    'care.mark',
    { householdId: ZHANG_HOME, kinds: ['elderly_alone'], note: NOTE, consentBy: '张德福', consentAt: day(-1), ...over },
    P.secHx,
  )
/** Anything that would tell why: the note, a kind's key or its label. */
const REASON = new RegExp([NOTE, 'elderly_alone', '独居老人', 'disabled', 'hardship', '残疾', '生活困难'].join('|'))

describe('重点关爱: marked with consent, first for members, on patrol, apart on the ledger', () => {
  it('the secretary marks with consent; the household and the secretary see why; the grid worker only the mark; members see its wishes first', async () => {
    // 刘芳's wish is due sooner than 张德福's seeded ones; before the mark it comes first for a member.
    const liuWish = await h.ok<WishView>(
      'service',
      'wish.create',
      { requestId: rid(), title: '借用折叠梯', dueAt: day(2) },
      P.liu,
    )
    const before = await h.ok<Page<WishView>>('service', 'wish.list', { communityId: 'c-hx', status: 'open' }, P.member)
    expect(before.items[0].id).toBe(liuWish.id)

    const v = await mark()
    expect(v).toMatchObject({
      householdId: ZHANG_HOME,
      status: 'active',
      kinds: ['elderly_alone'],
      note: NOTE,
      consentBy: '张德福',
      recordedByName: '王秀英',
      address: '和谐家园 1号楼 202',
    })
    expect(v.consentAt).toBe(day(-1))
    expect((await h.ok<{ items: CareView[] }>('service', 'care.mine', {}, P.zhang)).items).toEqual([
      expect.objectContaining({ note: NOTE, kinds: ['elderly_alone'] }),
    ])
    expect((await h.ok<Page<CareView>>('service', 'care.list', { communityId: 'c-hx' }, P.secHx)).items).toEqual([
      expect.objectContaining({ householdId: ZHANG_HOME, note: NOTE }),
    ])
    // On patrol: 黄丽 (第一网格, where 和谐家园 1号楼 lies) sees the household and the mark, nothing of why.
    const patrol = await h.ok<Page<CareMarkView>>('service', 'care.patrol', { gridId: 'g-hx-1' }, P.grid)
    expect(patrol.items).toEqual([
      { householdId: ZHANG_HOME, address: '和谐家园 1号楼 202', gridId: 'g-hx-1', since: v.markedAt },
    ])

    // Members see 张德福's open wishes first, marked; a resident sees the list in due order and no mark.
    const first = await h.ok<Page<WishView>>('service', 'wish.list', { communityId: 'c-hx', status: 'open' }, P.member)
    expect(first.items[0]).toMatchObject({ care: true })
    expect(first.items.findIndex((w) => w.id === liuWish.id)).toBeGreaterThan(first.items.findIndex((w) => w.care))
    expect(first.items.filter((w) => w.care).every((w) => w.address.startsWith('和谐家园 1号楼'))).toBe(true)
    const resident = await h.ok<Page<WishView>>('service', 'wish.list', { communityId: 'c-hx', status: 'open' }, P.liu)
    expect(resident.items[0].id).toBe(liuWish.id)
    expect(resident.items.some((w) => 'care' in w)).toBe(false)
    // A wish posted after the mark carries it too.
    const later = await h.ok<WishView>(
      'service',
      'wish.create',
      { requestId: rid(), title: '帮忙换灯泡', dueAt: day(20) },
      P.zhang,
    )
    expect(
      (
        await h.ok<Page<WishView>>('service', 'wish.list', { communityId: 'c-hx', status: 'open' }, P.member)
      ).items.find((w) => w.id === later.id),
    ).toMatchObject({ care: true })
  })

  it('the ledger counts service to a 重点关爱 household apart', async () => {
    const before = await h.ok<LedgerView>('service', 'ledger.get', { year: 2026 }, M1)
    const list = await h.ok<Page<WishView>>('service', 'wish.list', { communityId: 'c-hx', status: 'open' }, M1)
    const cared = list.items.find((w) => w.care)!
    const plain = list.items.find((w) => !w.care)!
    for (const w of [cared, plain]) {
      await h.ok('service', 'wish.claim', { wishId: w.id }, M1)
      await h.ok('service', 'wish.deliver', { wishId: w.id, note: '已送到' }, M1)
    }
    await h.ok('service', 'wish.confirm', { wishId: cared.id, rating: 5 }, P.zhang)
    await h.ok('service', 'wish.confirm', { wishId: plain.id, rating: 5 }, P.liu)
    const after = await h.ok<LedgerView>('service', 'ledger.get', { year: 2026 }, M1)
    expect(after.totals.wishes - before.totals.wishes).toBe(2)
    expect(after.totals.careWishes - before.totals.careWishes).toBe(1)
  })

  it('nobody but the secretary and the household sees the reason: members, the grid worker, other residents, the company, the street', async () => {
    const calls: [string, string, string, unknown][] = [
      ['service', 'wish.list', P.member, { communityId: 'c-hx', status: 'all', pageSize: 50 }],
      ['service', 'wish.list', M1, { communityId: 'c-hx', status: 'all', pageSize: 50 }],
      ['service', 'wish.list', P.liu, { communityId: 'c-hx', status: 'all', pageSize: 50 }],
      ['service', 'wish.list', P.grid, { communityId: 'c-hx', status: 'all', pageSize: 50 }],
      ['service', 'ledger.get', M1, { year: 2026 }],
      ['service', 'ledger.ranking', P.member, { communityId: 'c-hx', year: 2026 }],
      ['service', 'care.patrol', P.grid, { gridId: 'g-hx-1' }],
      ['service', 'care.mine', P.liu, {}],
      ['service', 'care.mine', P.member, {}],
      ['grid', 'staff.list', P.grid, { gridId: 'g-hx-1' }],
      ['org', 'household.get', P.grid, { householdId: ZHANG_HOME }],
    ]
    for (const [fn, action, who, input] of calls) {
      const { env } = await h.call(fn, action, input, who)
      expect(`${fn}.${action} ${who}: ${JSON.stringify(env)}`).not.toMatch(REASON)
    }
    // Refused outright to everyone else (the list that carries it).
    for (const who of [P.member, P.grid, P.liu, P.prop, P.admin, P.secYg])
      await h.expectRefused('service', 'care.list', { communityId: 'c-hx' }, who, 'FORBIDDEN')
    // Even the audit keeps that it happened, not why.
    const { data } = await h.db
      .collection('audit')
      .where({ target: `svc_care/care:${ZHANG_HOME}` })
      .get()
    expect(data.length).toBeGreaterThan(0)
    expect(JSON.stringify(data)).not.toMatch(REASON)
  })

  it('the household revokes it (kept, with who and when); the mark leaves patrol and wishes; marking again keeps the earlier consent', async () => {
    const v = await h.ok<CareView>(
      'service',
      'care.revoke',
      { householdId: ZHANG_HOME, reason: '子女已接回同住' },
      P.zhang,
    )
    expect(v).toMatchObject({
      status: 'revoked',
      revokedByName: '本户居民',
      revokeReason: '子女已接回同住',
      consentBy: '张德福',
    })
    expect((await h.ok<Page<CareMarkView>>('service', 'care.patrol', { gridId: 'g-hx-1' }, P.grid)).items).toEqual([])
    expect(
      (
        await h.ok<Page<WishView>>('service', 'wish.list', { communityId: 'c-hx', status: 'open' }, P.member)
      ).items.some((w) => w.care),
    ).toBe(false)
    expect(
      (await h.ok<Page<CareView>>('service', 'care.list', { communityId: 'c-hx', revoked: true }, P.secHx)).items,
    ).toEqual([expect.objectContaining({ householdId: ZHANG_HOME, status: 'revoked' })])
    await h.expectRefused('service', 'care.revoke', { householdId: ZHANG_HOME }, P.secHx, 'CONFLICT')
    const again = await mark({ kinds: ['hardship'], note: '收入减少', consentBy: '张德福', consentAt: day(3) })
    expect(again).toMatchObject({ status: 'active', kinds: ['hardship'] })
    const { data } = await h.db
      .collection('svc_care')
      .where({ _id: `care:${ZHANG_HOME}:v1` })
      .get()
    expect(data[0]).toMatchObject({ status: 'superseded', revokeReason: '子女已接回同住', note: NOTE })
    expect((await h.ok<Page<CareView>>('service', 'care.list', { communityId: 'c-hx' }, P.secHx)).items).toHaveLength(1)
  })
})

describe('重点关爱: refusals change nothing', () => {
  it('care.mark: only the community’s secretary; an unknown household; a household already marked; bad input', async () => {
    const input = { householdId: 'h-hx-1-2-101', kinds: ['disabled'], consentBy: '本人', consentAt: day(0) }
    for (const who of [P.member, P.grid, P.liu, P.prop, P.admin, P.secYg])
      await h.expectRefused('service', 'care.mark', input, who, 'FORBIDDEN')
    await h.expectRefused('service', 'care.mark', input, null, 'UNAUTHENTICATED')
    await h.expectRefused('service', 'care.mark', { ...input, householdId: 'h-none' }, P.secHx, 'NOT_FOUND')
    await h.expectRefused('service', 'care.mark', { ...input, kinds: [] }, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('service', 'care.mark', { ...input, consentBy: '' }, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('service', 'care.mark', { ...input, householdId: ZHANG_HOME }, P.secHx, 'CONFLICT')
  })

  it('care.revoke: not another household’s resident, a member or the grid worker; nothing to revoke', async () => {
    for (const who of [P.liu, P.member, P.grid, P.secYg])
      await h.expectRefused('service', 'care.revoke', { householdId: ZHANG_HOME }, who, 'FORBIDDEN')
    await h.expectRefused('service', 'care.revoke', { householdId: 'h-hx-1-2-101' }, P.secHx, 'NOT_FOUND')
  })

  it('care.patrol: only a grid worker of that grid', async () => {
    for (const who of [P.secHx, P.member, P.liu, 'o-grid-hx-2-wk'])
      await h.expectRefused('service', 'care.patrol', { gridId: 'g-hx-1' }, who, 'FORBIDDEN')
  })
})

describe('重点关爱: two actions on one record at once', () => {
  it('the household and the secretary revoke at the same moment: one revocation, the other told it is done', async () => {
    await h.ok(
      'service',
      'care.mark',
      { householdId: 'h-hx-1-1-101', kinds: ['hardship'], consentBy: '刘芳', consentAt: day(0) },
      P.secHx,
    )
    const [a, b] = await Promise.all([
      h.call('service', 'care.revoke', { householdId: 'h-hx-1-1-101', reason: '本人撤回' }, P.liu),
      h.call('service', 'care.revoke', { householdId: 'h-hx-1-1-101', reason: '书记撤销' }, P.secHx),
    ])
    expect([a.env.ok, b.env.ok].filter(Boolean)).toHaveLength(1)
    const loser = a.env.ok ? b.env : a.env
    expect(loser.ok ? '' : loser.error.code).toBe('CONFLICT')
    const { data } = await h.db.collection('svc_care').where({ _id: 'care:h-hx-1-1-101' }).get()
    expect(data[0]).toMatchObject({ status: 'revoked', revokeReason: a.env.ok ? '本人撤回' : '书记撤销' })
  })
})
