import { JPEG, openCloud, P, rid, T0, type Cloud } from '../harness'
import { DEFAULT_RULE } from '../../../cloudfunctions/property/domain/rules'

/**
 * Refusals the other property files leave out — by scope (another street's admin and staff), by role
 * and by malformed input — each asserting that nothing changed; and the rule that a rectification
 * item left unanswered past the reply window counts against the company in the list preview.
 */

const PERIOD = 'per:st-jinxiu:2026-11'
const LIVE_PUB = 'pub:per:st-jinxiu:2026-10:1'
const SUMMONS = 'sum-demo-2026-10'
const QIAN = 'o-prop-qian'
const OTHER_ADMIN = 'o-admin-elsewhere'
const OTHER_STAFF = 'o-staff-elsewhere'
const OTHER_STREET = 'st-elsewhere'
const HOUR = 3_600_000
type Entry = { companyId: string; placement: string; reasons: string[] }
type Rect = { id: string; status: string; overdue: boolean; answerDueAt: string; dueAt: string }

let h: Cloud
/** The item opened by 刘芳's low rating of co-1 (first describe). */
let item = ''

const co1 = async (openid: string = P.admin) => {
  const preview = await h.ok<{ entries: Entry[] }>('property', 'list.preview', { periodId: PERIOD }, openid)
  const entry = preview.entries.find((e) => e.companyId === 'co-1')
  if (!entry) throw new Error('co-1 missing from the preview')
  return entry
}

beforeAll(async () => {
  h = await openCloud()
  await h.db.collection('users').add({
    data: {
      _id: OTHER_ADMIN,
      name: '外街管理员',
      createdAt: T0,
      updatedAt: T0,
      roles: [
        {
          role: 'street_admin',
          scopeType: 'street',
          scopeId: OTHER_STREET,
          scopeName: '别的街道',
          streetId: OTHER_STREET,
        },
      ],
    },
  })
  await h.db.collection('users').add({
    data: {
      _id: OTHER_STAFF,
      name: '外街物业员',
      createdAt: T0,
      updatedAt: T0,
      roles: [
        {
          role: 'property_staff',
          scopeType: 'company',
          scopeId: 'co-elsewhere',
          scopeName: '别处物业',
          streetId: OTHER_STREET,
        },
      ],
    },
  })
})
afterAll(() => h.close())

describe('a rectification item unanswered past the reply window counts against the company', () => {
  it('opens an item from a low rating with a comment; within the reply window the preview does not hold it against co-1', async () => {
    // A limit of 0 makes a single held item visible in the placement and its reason.
    await h.ok(
      'property',
      'rule.publish',
      { requestId: rid(), streetId: 'st-jinxiu', rule: { ...DEFAULT_RULE, unresolvedLimit: 0 } },
      P.admin,
    )
    const r = await h.ok<{ rectificationId?: string }>(
      'property',
      'rating.submit',
      {
        requestId: rid(),
        periodId: PERIOD,
        householdId: 'h-hx-1-1-101',
        stars: { cleaning: 2, order: 3, repairs: 1, greening: 3, attitude: 3, fees: 2 },
        comment: '楼道灯坏了一个月',
      },
      P.liu,
    )
    expect(r.rectificationId).toEqual(expect.any(String))
    item = r.rectificationId ?? ''
    const mine = await h.ok<{ items: Rect[] }>('property', 'rectification.mine', {}, P.liu)
    expect(mine.items.find((i) => i.id === item)).toMatchObject({ status: 'open', overdue: false })
    const entry = await co1()
    expect(entry.reasons.join('；')).not.toContain('未整改事项')
  })

  it('past the reply window (before the fix due date) the unanswered item puts co-1 over the limit', async () => {
    const mine = await h.ok<{ items: Rect[] }>('property', 'rectification.mine', {}, P.liu)
    const rect = mine.items.find((i) => i.id === item)!
    const pastReply = new Date(new Date(rect.answerDueAt).getTime() + HOUR)
    expect(pastReply.getTime()).toBeLessThan(new Date(rect.dueAt).getTime())
    h.setNow(pastReply)
    const after = await h.ok<{ items: Rect[] }>('property', 'rectification.mine', {}, P.liu)
    expect(after.items.find((i) => i.id === item)).toMatchObject({ status: 'open', overdue: true })
    const entry = await co1()
    expect(entry.placement).toBe('black')
    expect(entry.reasons).toContain('未整改事项 1 件，超过上限 0 件')
    // The company's own staff see the same in their preview.
    expect((await co1(P.prop)).reasons).toContain('未整改事项 1 件，超过上限 0 件')
  })

  it('stops counting it once the company answers (it is no longer unanswered, and not yet past its due date)', async () => {
    const rating = (
      await h.ok<{ items: { id: string; rectificationId?: string }[] }>(
        'property',
        'rating.inbox',
        { companyId: 'co-1', onlyComments: true, pageSize: 50 },
        P.prop,
      )
    ).items.find((i) => i.rectificationId === item)!
    await h.ok('property', 'rating.answer', { ratingId: rating.id, text: '已安排电工维修' }, P.prop)
    const entry = await co1()
    expect(entry.reasons.join('；')).not.toContain('未整改事项')
  })
})

describe('refusal by role', () => {
  it('refuses company staff their “my rectification items” and the resident’s confirmation', async () => {
    await h.expectRefused('property', 'rectification.mine', {}, P.prop, 'FORBIDDEN')
    await h.ok('property', 'rectification.report', { rectificationId: item, text: '灯已更换', done: true }, P.prop)
    await h.expectRefused(
      'property',
      'rectification.confirm',
      { rectificationId: item, fixed: true },
      P.prop,
      'FORBIDDEN',
    )
  })

  it('refuses objections from a resident and a secretary', async () => {
    await h.expectRefused(
      'property',
      'objection.submit',
      { requestId: rid(), periodId: PERIOD, companyId: 'co-1', text: '居民代提异议' },
      P.liu,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'property',
      'objection.submit',
      { requestId: rid(), periodId: PERIOD, companyId: 'co-1', text: '书记代提异议' },
      P.secHx,
      'FORBIDDEN',
    )
  })

  it('refuses a resident the objection list and the summons list', async () => {
    await h.expectRefused('property', 'objection.list', { periodId: PERIOD, companyId: 'co-1' }, P.liu, 'FORBIDDEN')
    await h.expectRefused('property', 'summons.list', { streetId: 'st-jinxiu', companyId: 'co-2' }, P.liu, 'FORBIDDEN')
  })
})

describe('bad input', () => {
  const cases: [string, string, () => unknown][] = [
    ['rule.current', P.liu, () => ({ streetId: '../st-jinxiu' })],
    ['period.open', P.admin, () => ({ requestId: 'short', streetId: 'st-jinxiu' })],
    ['period.close', P.admin, () => ({ periodId: '' })],
    ['period.list', P.liu, () => ({ streetId: 'st-jinxiu', pageSize: 51 })],
    ['company.get', P.liu, () => ({ companyId: 'co/1' })],
    ['rectification.mine', P.liu, () => ({ page: 0 })],
    ['rectification.report', P.prop, () => ({ rectificationId: item, text: '   ', done: true })],
    ['rectification.confirm', P.liu, () => ({ rectificationId: item, fixed: 'yes' })],
    ['review.list', P.admin, () => ({ streetId: 'st-jinxiu', page: 1.5 })],
    ['objection.list', P.admin, () => ({ periodId: 'per st-jinxiu' })],
    ['objection.decide', P.admin, () => ({ objectionId: 'obj_x', upheld: true, decision: '' })],
    ['list.preview', P.admin, () => ({})],
    ['list.publish', P.admin, () => ({ requestId: rid(), periodId: 'p'.repeat(65) })],
    ['list.current', P.liu, () => ({ streetId: '' })],
    ['list.recompute', P.liu, () => ({ publicationId: 42 })],
    ['summons.list', P.admin, () => ({ streetId: 'st-jinxiu', pageSize: 0 })],
    ['summons.followUp', P.admin, () => ({ summonsId: SUMMONS, text: '  ' })],
    ['photo.upload', P.liu, () => ({ ext: 'gif', data: JPEG })],
  ]

  it.each(cases)('%s refuses malformed input with INVALID_INPUT', async (action, openid, input) => {
    await h.expectRefused('property', action, input(), openid, 'INVALID_INPUT')
  })
})

describe('refusal by scope: another street’s admin and staff', () => {
  it('refuses opening and closing the street’s periods', async () => {
    await h.expectRefused(
      'property',
      'period.open',
      { requestId: rid(), streetId: 'st-jinxiu' },
      OTHER_ADMIN,
      'FORBIDDEN',
    )
    await h.expectRefused('property', 'period.close', { periodId: PERIOD }, OTHER_ADMIN, 'FORBIDDEN')
  })

  it('refuses deciding a held rating of the street', async () => {
    const page = await h.ok<{ items: { id: string }[] }>('property', 'review.list', { streetId: 'st-jinxiu' }, P.admin)
    expect(page.items.length).toBeGreaterThan(0)
    await h.expectRefused(
      'property',
      'review.decide',
      { ratingId: page.items[0].id, approve: true },
      OTHER_ADMIN,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'property',
      'review.decide',
      { ratingId: page.items[0].id, approve: false, reason: '外街否决' },
      OTHER_ADMIN,
      'FORBIDDEN',
    )
  })

  it('refuses previewing the street’s list to another street’s admin and staff', async () => {
    await h.expectRefused('property', 'list.preview', { periodId: PERIOD }, OTHER_ADMIN, 'FORBIDDEN')
    await h.expectRefused('property', 'list.preview', { periodId: PERIOD }, OTHER_STAFF, 'FORBIDDEN')
  })

  it('refuses publishing the street’s list', async () => {
    await h.expectRefused('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, OTHER_ADMIN, 'FORBIDDEN')
    await h.expectRefused(
      'property',
      'list.publish',
      { requestId: rid(), periodId: 'per:st-jinxiu:2026-10' },
      OTHER_ADMIN,
      'FORBIDDEN',
    )
  })

  it('refuses recording a summons on the street’s live list and following up the street’s summons', async () => {
    const pub = await h.ok<{ id: string; entries: Entry[] }>(
      'property',
      'list.current',
      { streetId: 'st-jinxiu' },
      P.admin,
    )
    expect(pub.id).toBe(LIVE_PUB)
    const black = pub.entries.find((e) => e.placement === 'black')
    expect(black).toBeDefined()
    await h.expectRefused(
      'property',
      'summons.create',
      {
        requestId: rid(),
        publicationId: LIVE_PUB,
        companyId: black!.companyId,
        date: '2026-11-27',
        attendees: '外街人员',
        problems: '外街记录',
        commitments: '无',
        followUpDate: '2026-12-10',
      },
      OTHER_ADMIN,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'property',
      'summons.followUp',
      { summonsId: SUMMONS, text: '外街跟进' },
      OTHER_ADMIN,
      'FORBIDDEN',
    )
  })

  it('refuses deciding the street’s objection, which stays pending', async () => {
    await h.ok('property', 'period.close', { periodId: PERIOD }, P.admin)
    const o = await h.ok<{ id: string; status: string }>(
      'property',
      'objection.submit',
      { requestId: rid(), periodId: PERIOD, companyId: 'co-2', text: '部分整改已在线下完成' },
      QIAN,
    )
    await h.expectRefused(
      'property',
      'objection.decide',
      { objectionId: o.id, upheld: true, decision: '外街认定成立', effect: 'annotate' },
      OTHER_ADMIN,
      'FORBIDDEN',
    )
    const page = await h.ok<{ items: { id: string; status: string }[] }>(
      'property',
      'objection.list',
      { periodId: PERIOD },
      P.admin,
    )
    expect(page.items.find((i) => i.id === o.id)?.status).toBe('pending')
  })
})
