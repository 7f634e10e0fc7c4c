/**
 * 举报 on a 微心愿: people of its community report it; three households hide it from the wish lists
 * and the claimer's home (the household and its poster still see it, marked); it cannot be claimed
 * while held; the secretary reviews.
 */
import type { WishView } from '../../../types/service'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { addLiuSpouse, auditOf, LIU_SPOUSE, outboxTo, queue, REPORTERS } from './fixtures'

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
  await addLiuSpouse(h)
})
afterAll(() => h.close())

const due = new Date(T0.getTime() + 7 * 86_400_000).toISOString()
const wish = (title: string, detail?: string) =>
  h.ok<WishView>(
    'service',
    'wish.create',
    { requestId: rid(), title, ...(detail ? { detail } : {}), dueAt: due, householdId: 'h-hx-1-1-101' },
    P.liu,
  )
const list = async (by: string, mine = false) =>
  (
    await h.ok<{ items: WishView[] }>(
      'service',
      'wish.list',
      { communityId: 'c-hx', status: 'all', mine, pageSize: 50 },
      by,
    )
  ).items

describe('a wish', () => {
  it('is hidden by three households: out of the lists, not claimable, whole and marked for its household', async () => {
    const w = await wish('想找人陪老伴去医院复查', '周三上午，人民医院')
    for (const by of REPORTERS) await h.ok('service', 'report.submit', { kind: 'wish', id: w.id, reason: 'ad' }, by)
    for (const by of [P.member, P.zhang, P.secHx]) expect((await list(by)).map((x) => x.id)).not.toContain(w.id)
    for (const by of [P.liu, LIU_SPOUSE])
      expect((await list(by)).find((x) => x.id === w.id)).toMatchObject({
        title: '想找人陪老伴去医院复查',
        moderation: 'held',
      })
    expect((await list(P.liu, true)).find((x) => x.id === w.id)?.moderation).toBe('held')
    await h.expectRefused('service', 'wish.claim', { wishId: w.id }, P.member, 'CONFLICT')

    const c = (await queue(h, P.secHx, { communityId: 'c-hx' })).items.find((x) => x.targetId === w.id)!
    expect(c).toMatchObject({
      kind: 'wish',
      fn: 'service',
      title: '想找人陪老伴去医院复查',
      text: '周三上午，人民医院',
    })
    await h.ok('service', 'moderation.review', { caseId: c.id, decision: 'restore', reason: '正常求助' }, P.secHx)
    expect((await list(P.member)).find((x) => x.id === w.id)).toMatchObject({
      title: '想找人陪老伴去医院复查',
      canClaim: true,
    })
    expect((await outboxTo(h, P.liu)).length).toBe(1)
  })

  it("leaves a claimer's home once hidden after the claim", async () => {
    const w = await wish('帮忙修一下水龙头')
    await h.ok('service', 'wish.claim', { wishId: w.id }, P.member)
    type Home = { sections: { groups: { items: { id: string }[] }[] }[] }
    const homeIds = async () =>
      (await h.ok<Home>('org', 'home', {}, P.member)).sections
        .flatMap((s) => s.groups)
        .flatMap((g) => g.items.map((i) => i.id))
    expect(await homeIds()).toContain(w.id)
    for (const by of REPORTERS) await h.ok('service', 'report.submit', { kind: 'wish', id: w.id, reason: 'false' }, by)
    expect(await homeIds()).not.toContain(w.id)
  })

  it('refuses reports from outside the community and by its own poster, changing nothing', async () => {
    const w = await wish('需要轮椅借用')
    await h.expectRefused('service', 'report.submit', { kind: 'wish', id: w.id, reason: 'ad' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused(
      'service',
      'report.submit',
      { kind: 'wish', id: w.id, reason: 'ad' },
      'o-prop-qian',
      'FORBIDDEN',
    )
    await h.expectRefused('service', 'report.submit', { kind: 'wish', id: w.id, reason: 'ad' }, P.liu, 'CONFLICT')
    await h.expectRefused(
      'service',
      'moderation.review',
      { caseId: `mc:wish:${w.id}`, decision: 'remove', reason: '理由' },
      P.secHx,
      'NOT_FOUND',
    )
  })

  it('tells the household it is theirs (no 举报 for them), and not others', async () => {
    const w = await wish('想借一把梯子')
    for (const by of [P.liu, LIU_SPOUSE]) expect((await list(by)).find((x) => x.id === w.id)?.mine).toBe(true)
    for (const by of [P.member, P.zhang]) expect((await list(by)).find((x) => x.id === w.id)?.mine).toBe(false)
  })

  it('counts neither its own household nor a second report by one person; removal is audited and the household told', async () => {
    const w = await wish('收购旧家电上门')
    expect(await h.ok('service', 'report.submit', { kind: 'wish', id: w.id, reason: 'ad' }, LIU_SPOUSE)).toEqual({
      received: true,
    })
    await h.ok('service', 'report.submit', { kind: 'wish', id: w.id, reason: 'ad' }, REPORTERS[0])
    await h.expectRefused(
      'service',
      'report.submit',
      { kind: 'wish', id: w.id, reason: 'false' },
      REPORTERS[0],
      'CONFLICT',
    )
    await h.ok('service', 'report.submit', { kind: 'wish', id: w.id, reason: 'ad' }, REPORTERS[1])
    // Two households besides its own: still visible.
    expect((await list(P.member)).map((x) => x.id)).toContain(w.id)
    await h.ok('service', 'report.submit', { kind: 'wish', id: w.id, reason: 'ad' }, REPORTERS[2])
    expect((await list(P.member)).map((x) => x.id)).not.toContain(w.id)

    const c = (await queue(h, P.secHx, { communityId: 'c-hx' })).items.find((x) => x.targetId === w.id)!
    expect(c).toMatchObject({ reports: 3, reasons: [{ reason: 'ad', count: 3 }] })
    await h.expectRefused(
      'service',
      'moderation.review',
      { caseId: c.id, decision: 'remove', reason: '' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'service',
      'moderation.review',
      { caseId: c.id, decision: 'remove', reason: '广告' },
      P.secYg,
      'FORBIDDEN',
    )
    const told = (await outboxTo(h, P.liu)).length
    await h.ok(
      'service',
      'moderation.review',
      { caseId: c.id, decision: 'remove', reason: '商业广告，不属于微心愿' },
      P.secHx,
    )
    expect((await list(P.liu)).find((x) => x.id === w.id)).toMatchObject({
      title: '收购旧家电上门',
      moderation: 'removed',
    })
    expect((await list(P.member)).map((x) => x.id)).not.toContain(w.id)
    expect(await auditOf(h, `moderation_cases/${c.id}`)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: P.secHx,
          after: expect.objectContaining({ status: 'removed', reason: '商业广告，不属于微心愿' }),
        }),
      ]),
    )
    expect((await outboxTo(h, P.liu)).length).toBe(told + 1)
  })

  it('is held from the moment it is stored when the content check wants it reviewed', async () => {
    const w = await wish('待审词', '说明')
    expect(w.moderation).toBe('held')
    expect((await list(P.member)).map((x) => x.id)).not.toContain(w.id)
  })
})
