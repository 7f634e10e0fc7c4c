import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'

/** Journey 5 (SPEC §8) through the real SDK on the local cloud. */

type Entry = { companyId: string; placement: string; reasons: string[]; rank: number | null; households: number }
type Pub = { id: string; entries: Entry[]; ruleVersion: number; version: number }
const CHEN = 'o-res-chen'
const good = { cleaning: 5, order: 5, repairs: 4, greening: 5, attitude: 5, fees: 5 }

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

describe('journey 5: rate, answer, rectify, assess, publish, summon, read', () => {
  const period = 'per:st-jinxiu:2026-11'
  let rectId = ''
  let ratingId = ''
  let pub: Pub

  it('shows a resident the company serving the household and the open period', async () => {
    const ctx = await h.ok<{
      company: { id: string; name: string }
      period: { id: string; status: string }
      rating: unknown
    }>('property', 'rating.context', { householdId: 'h-hx-1-1-101' }, P.liu)
    expect(ctx.company).toMatchObject({ id: 'co-1', name: '安居物业服务有限公司' })
    expect(ctx.period).toMatchObject({ id: period, status: 'open' })
    expect(ctx.rating).toBeNull()
  })

  it('lets residents of two estates rate their two companies; a low rating with a comment opens a rectification item', async () => {
    const liu = await h.ok<{ id: string; low: boolean; rectificationId?: string; status: string }>(
      'property',
      'rating.submit',
      {
        requestId: rid(),
        periodId: period,
        householdId: 'h-hx-1-1-101',
        stars: { ...good, repairs: 2 },
        comment: '3号楼单元门禁坏了一周',
      },
      P.liu,
    )
    expect(liu).toMatchObject({ low: true, status: 'counted' })
    expect(liu.rectificationId).toBeDefined()
    rectId = liu.rectificationId!
    ratingId = liu.id
    await h.ok(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: period, householdId: 'h-hx-1-1-202', stars: good },
      P.zhang,
    )
    const chen = await h.ok<{ companyId: string }>(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: period, householdId: 'h-hx-2-1-101', stars: { ...good, repairs: 1, fees: 2 } },
      CHEN,
    )
    expect(chen.companyId).toBe('co-2')
  })

  it('lets the company read the rating without the rater and answer it, which starts the rectification', async () => {
    const inbox = await h.ok<{ items: { id: string; comment?: string }[] }>(
      'property',
      'rating.inbox',
      { companyId: 'co-1', periodId: period, onlyComments: true },
      P.prop,
    )
    expect(inbox.items.map((i) => i.id)).toContain(ratingId)
    expect(JSON.stringify(inbox)).not.toMatch(/o-res-liu|刘芳|h-hx-1-1-101|1号楼 101/)
    await h.ok('property', 'rating.answer', { ratingId, text: '已安排维修师傅，三天内修好' }, P.prop)
    const r = await h.ok<{ status: string }>(
      'property',
      'rectification.report',
      { rectificationId: rectId, text: '门禁已更换', done: true },
      P.prop,
    )
    expect(r.status).toBe('reported')
  })

  it('notifies the rater of the answer', async () => {
    const { data } = await h.db.collection('outbox').where({ toOpenid: P.liu, templateId: 'tpl-rating-answered' }).get()
    expect(data).toHaveLength(1)
  })

  it('lets the resident confirm the fix', async () => {
    const mine = await h.ok<{ items: { id: string; status: string }[] }>('property', 'rectification.mine', {}, P.liu)
    expect(mine.items.find((i) => i.id === rectId)?.status).toBe('reported')
    const done = await h.ok<{ status: string }>(
      'property',
      'rectification.confirm',
      { rectificationId: rectId, fixed: true },
      P.liu,
    )
    expect(done.status).toBe('resolved')
  })

  it('records the two-way evaluation and shows both directions', async () => {
    await h.ok(
      'property',
      'assessment.submit',
      {
        periodId: period,
        communityId: 'c-hx',
        companyId: 'co-1',
        direction: 'of_company',
        score: 92,
        comment: '配合社区工作积极',
      },
      P.secHx,
    )
    await h.ok(
      'property',
      'assessment.submit',
      { periodId: period, communityId: 'c-hx', companyId: 'co-2', direction: 'of_company', score: 50 },
      P.secHx,
    )
    await h.ok(
      'property',
      'assessment.submit',
      {
        periodId: period,
        communityId: 'c-hx',
        companyId: 'co-1',
        direction: 'of_community',
        score: 88,
        comment: '社区协调及时',
      },
      P.prop,
    )
    const list = await h.ok<{ items: { direction: string; companyId: string; score: number }[] }>(
      'property',
      'assessment.list',
      { periodId: period, communityId: 'c-hx' },
      P.liu,
    )
    expect(list.items.map((i) => `${i.companyId}:${i.direction}:${i.score}`).sort()).toEqual([
      'co-1:of_community:88',
      'co-1:of_company:92',
      'co-2:of_company:50',
    ])
  })

  it('closes the month; publishing waits until the street has reviewed the ratings held for review', async () => {
    await h.ok('property', 'period.close', { periodId: period }, P.admin)
    // Companies may object for 3 days after the close; the street publishes after that.
    await h.expectRefused('property', 'list.publish', { requestId: rid(), periodId: period }, P.admin, 'CONFLICT')
    h.setNow(new Date(T0.getTime() + 4 * 86_400_000))
    const refused = await h.expectRefused(
      'property',
      'list.publish',
      { requestId: rid(), periodId: period },
      P.admin,
      'CONFLICT',
    )
    expect(refused?.message).toBe('还有 2 条评价待复核，请先在「复核」中计入或不计入后再发布')
    const held = await h.ok<{ items: { id: string }[] }>(
      'property',
      'review.list',
      { streetId: 'st-jinxiu', periodId: period },
      P.admin,
    )
    expect(held.items).toHaveLength(2)
    await h.ok('property', 'review.decide', { ratingId: held.items[0].id, approve: true }, P.admin)
    await h.ok(
      'property',
      'review.decide',
      { ratingId: held.items[1].id, approve: false, reason: '同日集中认证，核实非本户' },
      P.admin,
    )
  })

  it('publishes the list: one company red, one black, one not ranked', async () => {
    pub = await h.ok<Pub>('property', 'list.publish', { requestId: rid(), periodId: period }, P.admin)
    const by = Object.fromEntries(pub.entries.map((e) => [e.companyId, e]))
    expect(by['co-1'].placement).toBe('red')
    expect(by['co-2'].placement).toBe('black')
    expect(by['co-3'].placement).toBe('not_ranked')
    expect(by['co-1'].households).toBe(12)
    // co-4's ten counted households and the held rating the street counted; the one left out is not.
    expect(by['co-4'].households).toBe(11)
    expect(pub.ruleVersion).toBe(1)
  })

  it('records a summons for the black-listed company', async () => {
    const s = await h.ok<{ companyId: string; followUpDate: string }>(
      'property',
      'summons.create',
      {
        requestId: rid(),
        publicationId: pub.id,
        companyId: 'co-2',
        date: '2026-11-25',
        attendees: '街道党工委、恒泰物业负责人',
        problems: '整改事项逾期未答复',
        commitments: '一周内答复全部事项',
        followUpDate: '2026-12-05',
      },
      P.admin,
    )
    expect(s).toMatchObject({ companyId: 'co-2', followUpDate: '2026-12-05' })
  })

  it('shows a resident the current list with the reason for each placement, and each company’s history', async () => {
    const cur = await h.ok<Pub>('property', 'list.current', { streetId: 'st-jinxiu' }, P.liu)
    expect(cur.id).toBe(pub.id)
    const black = cur.entries.find((e) => e.companyId === 'co-2')!
    expect(black.reasons[0]).toMatch(/未整改事项 \d+ 件，超过上限 3 件|低于黑榜线/)
    expect(cur.entries.find((e) => e.companyId === 'co-3')!.reasons[0]).toContain('评价户数不足')
    const co = await h.ok<{ history: { periodLabel: string; placement: string }[]; current: Entry }>(
      'property',
      'company.get',
      { companyId: 'co-2' },
      P.liu,
    )
    expect(co.history.map((p) => p.periodLabel)).toEqual(['2026年8月', '2026年9月', '2026年10月', '2026年11月'])
    expect(co.current.placement).toBe('black')
  })

  it('recomputes the published list exactly from what is stored', async () => {
    const re = await h.ok<{ matches: boolean }>('property', 'list.recompute', { publicationId: pub.id }, P.zhou)
    expect(re.matches).toBe(true)
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
