import { ids } from '../../../cloudfunctions/service/repo'
import { openCloud, P, rid, T0, type Cloud } from '../harness'

/**
 * Issue 14 §3: units and members take needs from the community's 需求清单 (认领), with a listed resource or by
 * writing what they give; the secretary confirms the match — a project whose owner is the offerer, linked by
 * id — or declines it; the owner posts the project's progress. A need has one live match at a time.
 */

type Offer = {
  id: string
  needId: string
  ownerType: string
  ownerId: string
  ownerName: string
  resourceId?: string
  resourceTitle: string
  status: string
  projectId?: string
  reason?: string
  decidedByName?: string
}
type Project = {
  id: string
  ownerType: string
  ownerId: string
  ownerName: string
  resourceId: string
  canUpdate: boolean
  progress: number
  status: string
}
type Need = { id: string; status: string; projectId?: string }
type Page<T> = { items: T[]; total: number }

const M1 = 'o-svc-m-hx-1' // 陈立军, member of 和谐社区
const M2 = 'o-svc-m-hx-2'
const YG = 'o-svc-m-yg-1' // a member of 阳光社区
const XU = 'o-liaison-xu' // liaison of u-hx-2
const ROAD = 'need-hx-1' // 修复坑洼路面, open
const DITCH = 'need-hx-2' // 疏通修复污水沟, open
const LAMPS = 'need-hx-3' // 新增路灯, matched in the seed
const inDays = (d: number) => new Date(T0.getTime() + d * 86400_000).toISOString()
const offer = (extra: Record<string, unknown>) => ({ requestId: rid(), needId: ROAD, ...extra })

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

let memberOffer = ''
let unitOffer = ''

describe('need.offer: a unit or a member takes a need', () => {
  it('refuses a resident, another community’s member, a liaison for a unit not theirs, changing nothing', async () => {
    await h.expectRefused('service', 'need.offer', offer({ title: '出人出力' }), P.liu, 'FORBIDDEN')
    await h.expectRefused('service', 'need.offer', offer({ title: '出人出力' }), YG, 'FORBIDDEN')
    await h.expectRefused('service', 'need.offer', offer({ title: '出人出力', unitId: 'u-hx-1' }), XU, 'FORBIDDEN')
  })

  it('refuses someone else’s resource, nothing offered, blocked words, a matched or unknown need, changing nothing', async () => {
    const err = await h.expectRefused(
      'service',
      'need.offer',
      offer({ resourceId: 'res:u-hx-2:2026:0' }),
      M1,
      'INVALID_INPUT',
    )
    expect(err?.issues?.[0]?.path).toEqual(['resourceId'])
    await h.expectRefused('service', 'need.offer', offer({}), M1, 'INVALID_INPUT')
    await h.expectRefused('service', 'need.offer', offer({ title: '违禁词' }), M1, 'CONTENT_REJECTED')
    await h.expectRefused('service', 'need.offer', offer({ needId: LAMPS, title: '路灯' }), M1, 'CONFLICT')
    await h.expectRefused('service', 'need.offer', offer({ needId: 'need-none', title: '路灯' }), M1, 'NOT_FOUND')
  })

  it('takes a member’s offer written on the spot, and a unit’s offer of a listed resource', async () => {
    const m = await h.ok<Offer>('service', 'need.offer', offer({ title: '周末带队填补坑洼', note: '可出 6 人' }), M1)
    expect(m).toMatchObject({
      status: 'pending',
      ownerType: 'member',
      ownerId: ids.member(M1),
      ownerName: '陈立军',
      resourceTitle: '周末带队填补坑洼',
    })
    expect(m.resourceId).toBeUndefined()
    memberOffer = m.id
    h.setNow(new Date(T0.getTime() + 60_000)) // a minute later
    const u = await h.ok<Offer>(
      'service',
      'need.offer',
      offer({ unitId: 'u-hx-2', resourceId: 'res:u-hx-2:2026:1' }),
      XU,
    )
    h.setNow(T0)
    expect(u).toMatchObject({
      status: 'pending',
      ownerType: 'unit',
      ownerId: 'u-hx-2',
      ownerName: '锦绣区第一中学',
      resourceId: 'res:u-hx-2:2026:1',
      resourceTitle: '志愿者 20 人次/季度',
    })
    unitOffer = u.id
  })

  it('takes one offer per owner and need, even sent twice at once', async () => {
    await h.expectRefused('service', 'need.offer', offer({ title: '再报一次' }), M1, 'CONFLICT')
    const [a, b] = await Promise.all([
      h.call('service', 'need.offer', { requestId: rid(), needId: DITCH, title: '疏通一段' }, M2),
      h.call('service', 'need.offer', { requestId: rid(), needId: DITCH, title: '疏通另一段' }, M2),
    ])
    expect([a.env.ok ? 'ok' : a.env.error.code, b.env.ok ? 'ok' : b.env.error.code].sort()).toEqual(['CONFLICT', 'ok'])
    expect((await h.db.collection('svc_need_offers').where({ needId: DITCH }).count()).total).toBe(1)
  })

  it('shows a need’s offers, newest first, to anyone signed in', async () => {
    const page = await h.ok<Page<Offer>>('service', 'need.offers', { needId: ROAD }, P.liu)
    expect(page.items.map((o) => o.id)).toEqual([unitOffer, memberOffer])
    await h.expectRefused('service', 'need.offers', { needId: 'need-none' }, P.liu, 'NOT_FOUND')
  })
})

describe('need.decideOffer: the secretary confirms the match', () => {
  it('refuses another community’s secretary, a liaison, a missing deadline or reason, a past deadline, an unknown offer, changing nothing', async () => {
    await h.expectRefused(
      'service',
      'need.decideOffer',
      { offerId: memberOffer, accept: true, deadline: inDays(30) },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'need.decideOffer',
      { offerId: memberOffer, accept: true, deadline: inDays(30) },
      XU,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'need.decideOffer',
      { offerId: memberOffer, accept: true },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'service',
      'need.decideOffer',
      { offerId: memberOffer, accept: false },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'service',
      'need.decideOffer',
      { offerId: memberOffer, accept: true, deadline: inDays(-1) },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'service',
      'need.decideOffer',
      { offerId: 'off-none', accept: true, deadline: inDays(30) },
      P.secHx,
      'NOT_FOUND',
    )
  })

  it('of two offers on one need confirmed at once, exactly one becomes the project', async () => {
    const [a, b] = await Promise.all([
      h.call<Offer>(
        'service',
        'need.decideOffer',
        { offerId: memberOffer, accept: true, deadline: inDays(30), title: '坑洼路面修补（党员队）' },
        P.secHx,
      ),
      h.call<Offer>('service', 'need.decideOffer', { offerId: unitOffer, accept: true, deadline: inDays(30) }, P.secHx),
    ])
    expect([a.env.ok ? 'ok' : a.env.error.code, b.env.ok ? 'ok' : b.env.error.code].sort()).toEqual(['CONFLICT', 'ok'])
    const winner = a.env.ok ? a.env.data : (b.env as { data: Offer }).data
    const loser = a.env.ok ? unitOffer : memberOffer
    const need = await h.ok<Need>('service', 'need.get', { needId: ROAD }, P.liu)
    expect(need).toMatchObject({ status: 'matched', projectId: winner.projectId })
    expect((await h.db.collection('svc_projects').where({ needId: ROAD }).count()).total).toBe(1)
    const offers = await h.ok<Page<Offer>>('service', 'need.offers', { needId: ROAD }, P.liu)
    expect(offers.items.find((o) => o.id === loser)?.status).toBe('pending')
    // Keep the names the rest of the file uses: the accepted offer and the one still pending.
    memberOffer = winner.id
    unitOffer = loser
  })

  it('makes the offerer the project’s owner, by id; an offer written on the spot joins the resource list', async () => {
    const accepted = (await h.ok<Page<Offer>>('service', 'need.offers', { needId: ROAD }, P.liu)).items.find(
      (o) => o.id === memberOffer,
    )!
    expect(accepted).toMatchObject({ status: 'accepted', decidedByName: '王秀英' })
    const projects = await h.ok<Page<Project>>(
      'service',
      'project.list',
      { communityId: 'c-hx' },
      accepted.ownerType === 'member' ? M1 : XU,
    )
    const p = projects.items.find((x) => x.id === accepted.projectId)!
    expect(p).toMatchObject({
      ownerType: accepted.ownerType,
      ownerId: accepted.ownerId,
      ownerName: accepted.ownerName,
      canUpdate: true,
    })
    const resources = await h.ok<Page<{ id: string; ownerId: string }>>(
      'service',
      'resource.list',
      { communityId: 'c-hx', ownerId: accepted.ownerId },
      P.liu,
    )
    expect(resources.items.map((r) => r.id)).toContain(p.resourceId)
    const others = await h.ok<Page<Project>>('service', 'project.list', { communityId: 'c-hx' }, M2)
    expect(others.items.find((x) => x.id === p.id)?.canUpdate).toBe(false)
  })

  it('refuses the other offer on the matched need and a second decision, changing nothing; declines with a reason', async () => {
    await h.expectRefused(
      'service',
      'need.decideOffer',
      { offerId: unitOffer, accept: true, deadline: inDays(30) },
      P.secHx,
      'CONFLICT',
    )
    await h.expectRefused(
      'service',
      'need.decideOffer',
      { offerId: memberOffer, accept: false, reason: '改主意' },
      P.secHx,
      'CONFLICT',
    )
    const d = await h.ok<Offer>(
      'service',
      'need.decideOffer',
      { offerId: unitOffer, accept: false, reason: '已由其他方认领，感谢支持' },
      P.secHx,
    )
    expect(d).toMatchObject({ status: 'declined', reason: '已由其他方认领，感谢支持' })
  })
})

describe('the owner posts the project’s progress', () => {
  it('lets the owner post and refuses everyone else but the secretary, changing nothing', async () => {
    const accepted = (await h.ok<Page<Offer>>('service', 'need.offers', { needId: ROAD }, P.liu)).items.find(
      (o) => o.id === memberOffer,
    )!
    const owner = accepted.ownerType === 'member' ? M1 : XU
    const other = accepted.ownerType === 'member' ? XU : M1
    await h.expectRefused(
      'service',
      'project.progress',
      { projectId: accepted.projectId, progress: 30, note: '开工' },
      other,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'project.progress',
      { projectId: accepted.projectId, progress: 30, note: '开工' },
      M2,
      'FORBIDDEN',
    )
    const p = await h.ok<Project>(
      'service',
      'project.progress',
      { projectId: accepted.projectId, progress: 30, note: '已修补 3000 ㎡' },
      owner,
    )
    expect(p).toMatchObject({ progress: 30, canUpdate: true })
    const updates = await h.ok<Page<{ byName: string; note: string }>>(
      'service',
      'project.updates',
      { projectId: accepted.projectId },
      P.liu,
    )
    expect(updates.items[0]).toMatchObject({ note: '已修补 3000 ㎡', byName: owner === M1 ? '陈立军' : '许文' })
  })
})
