import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { DEFAULT_RULE } from '../../../cloudfunctions/property/domain/rules'

/** Companies, rules, periods, objections, preview/publish/recompute, summons and export. */

const PERIOD = 'per:st-jinxiu:2026-11'
const QIAN = 'o-prop-qian'
const DAY = 86_400_000
type Entry = { companyId: string; placement: string }
type Pub = { id: string; version: number; entries: Entry[]; ruleVersion: number; supersededAt?: string }

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

describe('companies', () => {
  it('lists the street’s six companies', async () => {
    const page = await h.ok<{ total: number; items: { name: string }[] }>(
      'property',
      'company.list',
      { streetId: 'st-jinxiu' },
      P.zhou,
    )
    expect(page.total).toBe(6)
  })

  it('shows a company’s estates and its published history', async () => {
    const co = await h.ok<{ estates: { name: string }[]; history: { placement: string }[]; current: Entry }>(
      'property',
      'company.get',
      { companyId: 'co-1' },
      P.liu,
    )
    expect(co.estates.map((e) => e.name)).toEqual(['和谐家园'])
    expect(co.history).toHaveLength(3)
    expect(co.current.placement).toBe('red')
  })

  it('says NOT_FOUND for an unknown company and refuses bad input', async () => {
    await h.expectRefused('property', 'company.get', { companyId: 'co-404' }, P.liu, 'NOT_FOUND')
    await h.expectRefused('property', 'company.list', { streetId: 'st-jinxiu', pageSize: 0 }, P.liu, 'INVALID_INPUT')
  })
})

describe('rules', () => {
  it('shows the street’s rule in force', async () => {
    const r = await h.ok<{ version: number; rule: { minSample: number } }>(
      'property',
      'rule.current',
      { streetId: 'st-jinxiu' },
      P.liu,
    )
    expect(r).toMatchObject({ version: 1, rule: { minSample: 10 } })
  })

  it('gives an unconfigured street the built-in default as version 0', async () => {
    const r = await h.ok<{ version: number; isDefault: boolean }>(
      'property',
      'rule.current',
      { streetId: 'st-elsewhere' },
      P.liu,
    )
    expect(r).toMatchObject({ version: 0, isDefault: true })
  })

  it('saves a new version and keeps the old one; a repeated request gives the same version', async () => {
    const requestId = rid()
    const input = { requestId, streetId: 'st-jinxiu', rule: { ...DEFAULT_RULE, objectionDays: 3 } }
    const v2 = await h.ok<{ version: number }>('property', 'rule.publish', input, P.admin)
    const again = await h.ok<{ version: number }>('property', 'rule.publish', input, P.admin)
    expect(v2.version).toBe(2)
    expect(again.version).toBe(2)
    const { total } = await h.db.collection('property_rules').where({ streetId: 'st-jinxiu' }).count()
    expect(total).toBe(2)
  })

  it('refuses a secretary, another street and a black line above the red one', async () => {
    await h.expectRefused(
      'property',
      'rule.publish',
      { requestId: rid(), streetId: 'st-jinxiu', rule: DEFAULT_RULE },
      P.secHx,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'property',
      'rule.publish',
      { requestId: rid(), streetId: 'st-other', rule: DEFAULT_RULE },
      P.admin,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'property',
      'rule.publish',
      { requestId: rid(), streetId: 'st-jinxiu', rule: { ...DEFAULT_RULE, blackThreshold: 90 } },
      P.admin,
      'INVALID_INPUT',
    )
  })
})

describe('periods, objections and publication', () => {
  let v1: Pub

  it('refuses opening a second period while one is open, and refuses a secretary', async () => {
    await h.expectRefused('property', 'period.open', { requestId: rid(), streetId: 'st-jinxiu' }, P.admin, 'CONFLICT')
    await h.expectRefused('property', 'period.open', { requestId: rid(), streetId: 'st-jinxiu' }, P.secHx, 'FORBIDDEN')
    await h.expectRefused('property', 'period.close', { periodId: PERIOD }, P.secHx, 'FORBIDDEN')
  })

  it('refuses publishing an open period', async () => {
    await h.expectRefused('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin, 'CONFLICT')
  })

  it('closes the period into an objection window set by the rule', async () => {
    const p = await h.ok<{ status: string; objectionUntil: string }>(
      'property',
      'period.close',
      { periodId: PERIOD },
      P.admin,
    )
    expect(p.status).toBe('closed')
    expect(new Date(p.objectionUntil).getTime()).toBe(T0.getTime() + 3 * DAY)
    await h.expectRefused('property', 'period.close', { periodId: PERIOD }, P.admin, 'CONFLICT')
  })

  it('previews the list: the street sees every company, staff only their own, residents nothing', async () => {
    const all = await h.ok<{ entries: Entry[] }>('property', 'list.preview', { periodId: PERIOD }, P.admin)
    expect(all.entries).toHaveLength(6)
    const own = await h.ok<{ entries: Entry[] }>('property', 'list.preview', { periodId: PERIOD }, QIAN)
    expect(own.entries.map((e) => e.companyId)).toEqual(['co-2'])
    await h.expectRefused('property', 'list.preview', { periodId: PERIOD }, P.liu, 'FORBIDDEN')
  })

  it('takes an objection from the company within the window, and refuses one for another company', async () => {
    const o = await h.ok<{ status: string; companyName: string }>(
      'property',
      'objection.submit',
      { requestId: rid(), periodId: PERIOD, companyId: 'co-2', text: '四件整改事项中有两件已在线下处理' },
      QIAN,
    )
    expect(o).toMatchObject({ status: 'pending', companyName: '恒泰物业管理有限公司' })
    await h.expectRefused(
      'property',
      'objection.submit',
      { requestId: rid(), periodId: PERIOD, companyId: 'co-1', text: '代别人提' },
      QIAN,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'property',
      'objection.submit',
      { requestId: rid(), periodId: PERIOD, companyId: 'co-2', text: '' },
      QIAN,
      'INVALID_INPUT',
    )
  })

  it('refuses publishing during the objection window', async () => {
    await h.expectRefused('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin, 'CONFLICT')
  })

  it('refuses publishing after the window while an objection is undecided, and objections after the window', async () => {
    h.setNow(new Date(T0.getTime() + 4 * DAY))
    await h.expectRefused('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin, 'CONFLICT')
    await h.expectRefused(
      'property',
      'objection.submit',
      { requestId: rid(), periodId: PERIOD, companyId: 'co-2', text: '晚了' },
      QIAN,
      'CONFLICT',
    )
  })

  it('lists objections to the street and to the company, not to another company', async () => {
    const all = await h.ok<{ total: number }>('property', 'objection.list', { periodId: PERIOD }, P.admin)
    expect(all.total).toBe(1)
    const own = await h.ok<{ total: number }>(
      'property',
      'objection.list',
      { periodId: PERIOD, companyId: 'co-2' },
      QIAN,
    )
    expect(own.total).toBe(1)
    await h.expectRefused('property', 'objection.list', { periodId: PERIOD, companyId: 'co-2' }, P.prop, 'FORBIDDEN')
    await h.expectRefused('property', 'objection.list', { periodId: PERIOD }, QIAN, 'FORBIDDEN')
  })

  it('records the street’s decision on the objection with who and when, once', async () => {
    const { items } = await h.ok<{ items: { id: string }[] }>(
      'property',
      'objection.list',
      { periodId: PERIOD },
      P.admin,
    )
    await h.expectRefused(
      'property',
      'objection.decide',
      { objectionId: items[0].id, upheld: false, decision: '理由' },
      P.secHx,
      'FORBIDDEN',
    )
    const d = await h.ok<{ status: string; decidedByName: string; decision: string }>(
      'property',
      'objection.decide',
      { objectionId: items[0].id, upheld: false, decision: '线下处理未经居民确认，不予采纳' },
      P.admin,
    )
    expect(d).toMatchObject({ status: 'rejected', decidedByName: '赵立新' })
    await h.expectRefused(
      'property',
      'objection.decide',
      { objectionId: items[0].id, upheld: true, decision: '改判', effect: 'annotate' },
      P.admin,
      'CONFLICT',
    )
  })

  it('refuses publishing while the period’s held ratings await review, then publishes once they are decided', async () => {
    const held = await h.ok<{ total: number; items: { id: string; periodId: string }[] }>(
      'property',
      'review.list',
      { streetId: 'st-jinxiu', periodId: PERIOD },
      P.admin,
    )
    expect(held.items.map((i) => i.periodId)).toEqual([PERIOD, PERIOD])
    expect(
      (await h.expectRefused('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin, 'CONFLICT'))
        ?.message,
    ).toMatch(/^还有 2 条评价待复核/)
    await h.ok('property', 'review.decide', { ratingId: held.items[0].id, approve: true }, P.admin)
    expect(
      (await h.expectRefused('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin, 'CONFLICT'))
        ?.message,
    ).toMatch(/^还有 1 条评价待复核/)
    await h.ok('property', 'review.decide', { ratingId: held.items[1].id, approve: true }, P.admin)
    expect(
      (await h.ok<{ total: number }>('property', 'review.list', { streetId: 'st-jinxiu', periodId: PERIOD }, P.admin))
        .total,
    ).toBe(0)
  })

  it('publishes with the rule version and frozen inputs; refuses a secretary', async () => {
    await h.expectRefused('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.secHx, 'FORBIDDEN')
    v1 = await h.ok<Pub>('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin)
    expect(v1).toMatchObject({ version: 1, ruleVersion: 2 })
    const { data } = await h.db.collection('property_publications').where({ _id: v1.id }).get()
    expect((data[0] as { inputs: unknown[] }).inputs).toHaveLength(6)
  })

  it('republishing supersedes the earlier version and keeps it; both recompute exactly', async () => {
    const v2 = await h.ok<Pub>('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin)
    expect(v2.version).toBe(2)
    const current = await h.ok<Pub>('property', 'list.current', { streetId: 'st-jinxiu' }, P.zhou)
    expect(current.id).toBe(v2.id)
    const { data } = await h.db.collection('property_publications').where({ _id: v1.id }).get()
    expect(data[0]).toMatchObject({ live: false, supersededAt: expect.any(Date) })
    for (const id of [v1.id, v2.id]) {
      expect(
        (await h.ok<{ matches: boolean }>('property', 'list.recompute', { publicationId: id }, P.zhou)).matches,
      ).toBe(true)
    }
  })

  it('recompute exposes a publication altered in the database', async () => {
    const { data } = await h.db.collection('property_publications').where({ _id: v1.id }).get()
    const entries = (data[0] as { entries: Entry[] }).entries.map((e) => ({
      ...e,
      placement: e.placement === 'black' ? 'neutral' : e.placement,
    }))
    await h.db.collection('property_publications').doc(v1.id).update({ data: { entries } })
    expect(
      (await h.ok<{ matches: boolean }>('property', 'list.recompute', { publicationId: v1.id }, P.zhou)).matches,
    ).toBe(false)
    await h.expectRefused('property', 'list.recompute', { publicationId: 'pub:none' }, P.zhou, 'NOT_FOUND')
  })

  it('opens the next month once the clock reaches it', async () => {
    h.setNow(new Date('2026-12-01T01:00:00Z'))
    const p = await h.ok<{ key: string; label: string }>(
      'property',
      'period.open',
      { requestId: rid(), streetId: 'st-jinxiu' },
      P.admin,
    )
    expect(p).toMatchObject({ key: '2026-12', label: '2026年12月' })
    const page = await h.ok<{ items: { key: string }[] }>('property', 'period.list', { streetId: 'st-jinxiu' }, P.liu)
    expect(page.items.map((i) => i.key)).toEqual(['2026-12', '2026-11', '2026-10', '2026-09', '2026-08'])
  })

  it('refuses republishing a month once a later month is opened', async () => {
    await h.expectRefused('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin, 'CONFLICT')
  })
})

describe('summons', () => {
  let pubId = ''
  let summonsId = ''
  const base = {
    date: '2026-12-03',
    attendees: '街道党工委、恒泰物业',
    problems: '整改逾期',
    commitments: '两周内整改完毕',
    followUpDate: '2026-12-17',
  }

  beforeAll(async () => {
    pubId = (await h.ok<Pub>('property', 'list.current', { streetId: 'st-jinxiu' }, P.admin)).id
  })

  it('records a summons for a black-listed company', async () => {
    const s = await h.ok<{ id: string; companyName: string; byName: string }>(
      'property',
      'summons.create',
      { requestId: rid(), publicationId: pubId, companyId: 'co-2', ...base },
      P.admin,
    )
    expect(s).toMatchObject({ companyName: '恒泰物业管理有限公司', byName: '赵立新' })
    summonsId = s.id
  })

  it('refuses a summons for a company not on the black list, on a superseded list, by a secretary, and a follow-up before the date', async () => {
    await h.expectRefused(
      'property',
      'summons.create',
      { requestId: rid(), publicationId: pubId, companyId: 'co-1', ...base },
      P.admin,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'property',
      'summons.create',
      { requestId: rid(), publicationId: `${PERIOD.replace('per:', 'pub:per:')}:1`, companyId: 'co-2', ...base },
      P.admin,
      'CONFLICT',
    )
    await h.expectRefused(
      'property',
      'summons.create',
      { requestId: rid(), publicationId: pubId, companyId: 'co-2', ...base },
      P.secHx,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'property',
      'summons.create',
      { requestId: rid(), publicationId: pubId, companyId: 'co-2', ...base, followUpDate: '2026-12-01' },
      P.admin,
      'INVALID_INPUT',
    )
  })

  it('shows the summons to the street and to the company, not to another company', async () => {
    const all = await h.ok<{ total: number }>('property', 'summons.list', { streetId: 'st-jinxiu' }, P.admin)
    expect(all.total).toBe(2)
    const own = await h.ok<{ total: number }>(
      'property',
      'summons.list',
      { streetId: 'st-jinxiu', companyId: 'co-2' },
      QIAN,
    )
    expect(own.total).toBe(2)
    await h.expectRefused('property', 'summons.list', { streetId: 'st-jinxiu', companyId: 'co-2' }, P.prop, 'FORBIDDEN')
    await h.expectRefused('property', 'summons.list', { streetId: 'st-jinxiu' }, QIAN, 'FORBIDDEN')
  })

  it('adds follow-ups with who and when; refuses a secretary', async () => {
    const s = await h.ok<{ followUps: { text: string; byName: string }[] }>(
      'property',
      'summons.followUp',
      { summonsId, text: '已复查，整改完成 3 件' },
      P.admin,
    )
    expect(s.followUps).toEqual([expect.objectContaining({ text: '已复查，整改完成 3 件', byName: '赵立新' })])
    await h.expectRefused('property', 'summons.followUp', { summonsId, text: '书记跟进' }, P.secHx, 'FORBIDDEN')
  })
})

describe('export', () => {
  it('writes the period’s ratings and list to an Excel file in storage', async () => {
    const x = await h.ok<{ fileId: string; url: string; rows: number; fileName: string }>(
      'export',
      'property.period',
      { periodId: PERIOD },
      P.admin,
    )
    const { total } = await h.db.collection('property_ratings').where({ periodId: PERIOD }).count()
    expect(x.rows).toBe(total)
    expect(x.url).toMatch(/^\/local\/files\/exports\/property\/2026-11-\d+\.xlsx$/)
    expect(x.fileName).toBe('2026年11月-物业评价与红黑榜.xlsx')
  })

  it('refuses a secretary and an unknown period', async () => {
    await h.expectRefused('export', 'property.period', { periodId: PERIOD }, P.secHx, 'FORBIDDEN')
    await h.expectRefused('export', 'property.period', { periodId: 'per:none' }, P.admin, 'NOT_FOUND')
  })
})
