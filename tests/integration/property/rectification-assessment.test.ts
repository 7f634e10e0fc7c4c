import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'
import { reviewHeld } from './held'

/** rectification.list / mine / report / confirm and the two-way assessment. */

const PERIOD = 'per:st-jinxiu:2026-11'
const QIAN = 'o-prop-qian'
const CHEN = 'o-res-chen'
type Rect = {
  id: string
  status: string
  overdue: boolean
  reopenCount: number
  events: { kind: string; byName: string }[]
}

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

describe('rectification', () => {
  let item = ''

  it('lists the company’s items with the ones unanswered past the reply window marked overdue', async () => {
    const page = await h.ok<{ items: Rect[]; total: number }>(
      'property',
      'rectification.list',
      { companyId: 'co-2' },
      QIAN,
    )
    expect(page.total).toBe(4)
    expect(page.items.every((i) => i.overdue)).toBe(true)
  })

  it('refuses another company’s staff and residents', async () => {
    await h.expectRefused('property', 'rectification.list', { companyId: 'co-2' }, P.prop, 'FORBIDDEN')
    await h.expectRefused('property', 'rectification.list', { companyId: 'co-2' }, P.liu, 'FORBIDDEN')
    await h.expectRefused(
      'property',
      'rectification.list',
      { companyId: 'co-2', status: 'lost' },
      QIAN,
      'INVALID_INPUT',
    )
  })

  it('opens an item for the resident’s household and shows it to them', async () => {
    const r = await h.ok<{ rectificationId: string }>(
      'property',
      'rating.submit',
      {
        requestId: rid(),
        periodId: PERIOD,
        householdId: 'h-hx-2-1-101',
        stars: { cleaning: 1, order: 3, repairs: 2, greening: 3, attitude: 3, fees: 3 },
        comment: '单元门口垃圾堆了三天',
      },
      CHEN,
    )
    item = r.rectificationId
    const mine = await h.ok<{ items: Rect[] }>('property', 'rectification.mine', {}, CHEN)
    expect(mine.items.map((i) => i.id)).toEqual([item])
    const others = await h.ok<{ items: Rect[] }>('property', 'rectification.mine', {}, P.liu)
    expect(others.items).toEqual([])
  })

  it('refuses confirmation before the company reports it fixed', async () => {
    await h.expectRefused('property', 'rectification.confirm', { rectificationId: item, fixed: true }, CHEN, 'CONFLICT')
  })

  it('records progress and completion by the company with the staff member’s name', async () => {
    await h.ok('property', 'rectification.report', { rectificationId: item, text: '已联系保洁', done: false }, QIAN)
    const r = await h.ok<Rect>(
      'property',
      'rectification.report',
      { rectificationId: item, text: '垃圾已清运', done: true },
      QIAN,
    )
    expect(r.status).toBe('reported')
    expect(r.events.map((e) => `${e.kind}:${e.byName}`)).toEqual(['opened:居民', 'progress:钱进', 'reported:钱进'])
  })

  it('refuses a report from another company and from a resident', async () => {
    await h.expectRefused(
      'property',
      'rectification.report',
      { rectificationId: item, text: '好了', done: true },
      P.prop,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'property',
      'rectification.report',
      { rectificationId: item, text: '好了', done: true },
      CHEN,
      'FORBIDDEN',
    )
  })

  it('sends it back to the company when the resident says it is not fixed', async () => {
    const r = await h.ok<Rect>(
      'property',
      'rectification.confirm',
      { rectificationId: item, fixed: false, comment: '又堆上了' },
      CHEN,
    )
    expect(r).toMatchObject({ status: 'in_progress', reopenCount: 1 })
  })

  it('refuses confirmation by another household', async () => {
    await h.ok('property', 'rectification.report', { rectificationId: item, text: '每日清运', done: true }, QIAN)
    await h.expectRefused(
      'property',
      'rectification.confirm',
      { rectificationId: item, fixed: true },
      P.liu,
      'FORBIDDEN',
    )
  })

  it('counts it resolved in the company’s aggregate when the resident confirms', async () => {
    const read = async () =>
      (
        (
          await h.db
            .collection('property_aggregates')
            .where({ _id: `agg:${PERIOD}:co-2` })
            .get()
        ).data[0] as { rectResolved: number }
      ).rectResolved
    const before = await read()
    const r = await h.ok<Rect>('property', 'rectification.confirm', { rectificationId: item, fixed: true }, CHEN)
    expect(r.status).toBe('resolved')
    expect(await read()).toBe(before + 1)
    await h.expectRefused(
      'property',
      'rectification.report',
      { rectificationId: item, text: '再报', done: true },
      QIAN,
      'CONFLICT',
    )
  })

  it('refuses an unknown item', async () => {
    await h.expectRefused(
      'property',
      'rectification.confirm',
      { rectificationId: 'rect:none', fixed: true },
      CHEN,
      'NOT_FOUND',
    )
  })
})

describe('two-way assessment', () => {
  it('lets the secretary assess a company serving the community, and supersedes an earlier score', async () => {
    await h.ok(
      'property',
      'assessment.submit',
      { periodId: PERIOD, communityId: 'c-hx', companyId: 'co-2', direction: 'of_company', score: 60 },
      P.secHx,
    )
    const a = await h.ok<{ score: number; revisions: number; byName: string }>(
      'property',
      'assessment.submit',
      {
        periodId: PERIOD,
        communityId: 'c-hx',
        companyId: 'co-2',
        direction: 'of_company',
        score: 55,
        comment: '整改不及时',
      },
      P.secHx,
    )
    expect(a).toMatchObject({ score: 55, revisions: 1, byName: '王秀英' })
    const { total } = await h.db.collection('property_revisions').where({ kind: 'assessment' }).count()
    expect(total).toBe(1)
  })

  it('lets the company assess the community’s support', async () => {
    const a = await h.ok<{ direction: string }>(
      'property',
      'assessment.submit',
      { periodId: PERIOD, communityId: 'c-hx', companyId: 'co-2', direction: 'of_community', score: 80 },
      QIAN,
    )
    expect(a.direction).toBe('of_community')
  })

  it('shows both directions by company and by community, with the pairs to assess', async () => {
    const byCompany = await h.ok<{ items: { direction: string }[] }>(
      'property',
      'assessment.list',
      { periodId: PERIOD, companyId: 'co-2' },
      P.zhou,
    )
    expect(byCompany.items.map((i) => i.direction).sort()).toEqual(['of_community', 'of_company'])
    const byCommunity = await h.ok<{ pairs: { companyId: string }[] }>(
      'property',
      'assessment.list',
      { periodId: PERIOD, communityId: 'c-hx' },
      P.secHx,
    )
    expect(byCommunity.pairs.map((p) => p.companyId).sort()).toEqual(['co-1', 'co-2'])
    await h.expectRefused('property', 'assessment.list', { periodId: PERIOD }, P.secHx, 'INVALID_INPUT')
  })

  it('refuses another community’s secretary, staff assessing their own company, and staff of another company', async () => {
    await h.expectRefused(
      'property',
      'assessment.submit',
      { periodId: PERIOD, communityId: 'c-hx', companyId: 'co-2', direction: 'of_company', score: 90 },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'property',
      'assessment.submit',
      { periodId: PERIOD, communityId: 'c-hx', companyId: 'co-2', direction: 'of_company', score: 100 },
      QIAN,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'property',
      'assessment.submit',
      { periodId: PERIOD, communityId: 'c-hx', companyId: 'co-2', direction: 'of_community', score: 100 },
      P.prop,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'property',
      'assessment.submit',
      { periodId: PERIOD, communityId: 'c-hx', companyId: 'co-2', direction: 'of_company', score: 90 },
      P.liu,
      'FORBIDDEN',
    )
  })

  it('refuses a company that does not serve the community and a score above 100', async () => {
    await h.expectRefused(
      'property',
      'assessment.submit',
      { periodId: PERIOD, communityId: 'c-hx', companyId: 'co-3', direction: 'of_company', score: 90 },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'property',
      'assessment.submit',
      { periodId: PERIOD, communityId: 'c-hx', companyId: 'co-1', direction: 'of_company', score: 101 },
      P.secHx,
      'INVALID_INPUT',
    )
  })

  it('refuses assessment once the period’s list is published', async () => {
    await h.ok('property', 'period.close', { periodId: PERIOD }, P.admin)
    await reviewHeld(h, PERIOD)
    h.setNow(new Date(T0.getTime() + 4 * 86_400_000)) // past the 3-day objection window
    await h.ok('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin)
    await h.expectRefused(
      'property',
      'assessment.submit',
      { periodId: PERIOD, communityId: 'c-hx', companyId: 'co-1', direction: 'of_company', score: 90 },
      P.secHx,
      'CONFLICT',
    )
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
