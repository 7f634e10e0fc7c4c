import { openCloud, P, rid, type Cloud } from './harness'

/**
 * Search on the lists people scan (issue 13 §5): topics, companies, units, events, pending bindings,
 * residents and households. What is typed is matched as "contains", never as a pattern, and a search
 * costs what the list costs: one count and one get, whatever the data.
 */

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

type Page<T> = { items: T[]; total: number }
const names = <T>(p: Page<T>, key: keyof T) => p.items.map((x) => String(x[key]))

async function sameCost(fn: string, action: string, input: Record<string, unknown>, openid: string, q: string) {
  const plain = await h.call(fn as never, action, input, openid)
  const searched = await h.call(fn as never, action, { ...input, q }, openid)
  expect([plain.env.ok, searched.env.ok]).toEqual([true, true])
  expect(searched.dbRequests).toBe(plain.dbRequests)
}

describe('topics', () => {
  it('finds topics whose title contains the words, and nothing for words not there', async () => {
    await h.ok(
      'council',
      'topic.propose',
      { requestId: rid(), communityId: 'c-hx', title: '东门增设电动车充电桩', body: '楼道充电不安全，请议事会讨论。' },
      P.liu,
    )
    await h.ok(
      'council',
      'topic.propose',
      { requestId: rid(), communityId: 'c-hx', title: '3号楼楼道灯维修', body: '灯坏了一个月，请议事会讨论。' },
      P.liu,
    )
    const found = await h.ok<Page<{ title: string }>>(
      'council',
      'topic.list',
      { communityId: 'c-hx', q: '充电' },
      P.liu,
    )
    expect(found.total).toBeGreaterThanOrEqual(1)
    expect(names(found, 'title').every((t) => t.includes('充电'))).toBe(true)
    expect(
      (await h.ok<Page<unknown>>('council', 'topic.list', { communityId: 'c-hx', q: '没有这个议题' }, P.liu)).total,
    ).toBe(0)
    await sameCost('council', 'topic.list', { communityId: 'c-hx' }, P.liu, '充电')
  })

  it('matches what is typed literally: pattern characters find nothing', async () => {
    expect((await h.ok<Page<unknown>>('council', 'topic.list', { communityId: 'c-hx', q: '.*' }, P.liu)).total).toBe(0)
    expect((await h.ok<Page<unknown>>('council', 'topic.list', { communityId: 'c-hx', q: '(' }, P.liu)).total).toBe(0)
  })

  it('refuses words over 20 characters and treats blank words as no search', async () => {
    await h.expectRefused('council', 'topic.list', { communityId: 'c-hx', q: '字'.repeat(21) }, P.liu, 'INVALID_INPUT')
    const all = await h.ok<Page<unknown>>('council', 'topic.list', { communityId: 'c-hx' }, P.liu)
    expect((await h.ok<Page<unknown>>('council', 'topic.list', { communityId: 'c-hx', q: '   ' }, P.liu)).total).toBe(
      all.total,
    )
  })
})

describe('companies and units', () => {
  it('finds companies by part of the name', async () => {
    const found = await h.ok<Page<{ name: string }>>(
      'property',
      'company.list',
      { streetId: 'st-jinxiu', q: '恒泰' },
      P.liu,
    )
    expect(names(found, 'name')).toEqual(['恒泰物业管理有限公司'])
    await sameCost('property', 'company.list', { streetId: 'st-jinxiu' }, P.liu, '恒泰')
  })

  it('finds a community’s units by their name or their Party body', async () => {
    expect(
      names(
        await h.ok<Page<{ name: string }>>('service', 'unit.list', { communityId: 'c-hx', q: '医院' }, P.secHx),
        'name',
      ),
    ).toEqual(['锦绣区人民医院'])
    expect(
      names(
        await h.ok<Page<{ name: string }>>('service', 'unit.list', { communityId: 'c-hx', q: '党总支' }, P.secHx),
        'name',
      ),
    ).toEqual(['锦绣区第一中学'])
    await sameCost('service', 'unit.list', { communityId: 'c-hx' }, P.secHx, '医院')
  })
})

describe('events', () => {
  it('finds events on the dispatch board by place or description', async () => {
    await h.ok(
      'grid',
      'event.report',
      {
        requestId: rid(),
        buildingId: 'b-hx-1-2',
        place: '2号楼北侧楼道',
        category: 'clutter',
        description: '堆放旧沙发',
        photos: [],
        urgency: 'normal',
      },
      P.liu,
    )
    const byPlace = await h.ok<Page<{ place: string }>>(
      'grid',
      'event.board',
      { communityId: 'c-hx', q: '北侧' },
      P.secHx,
    )
    expect(names(byPlace, 'place')).toEqual(['2号楼北侧楼道'])
    expect(
      (await h.ok<Page<unknown>>('grid', 'event.board', { communityId: 'c-hx', q: '旧沙发' }, P.secHx)).total,
    ).toBe(1)
    await sameCost('grid', 'event.board', { communityId: 'c-hx' }, P.secHx, '北侧')
  })
})

describe('residents and households (the secretary)', () => {
  it('finds verified residents by name or address, the newest first', async () => {
    const byName = await h.ok<Page<{ applicantName: string; address: string }>>(
      'org',
      'resident.list',
      { communityId: 'c-hx', q: '刘芳' },
      P.secHx,
    )
    expect(byName.items.map((b) => [b.applicantName, b.address])).toEqual([['刘芳', '和谐家园 1号楼 101']])
    const byAddress = await h.ok<Page<{ applicantName: string }>>(
      'org',
      'resident.list',
      { communityId: 'c-hx', q: '1号楼 202' },
      P.secHx,
    )
    expect(names(byAddress, 'applicantName')).toEqual(['张德福'])
    await sameCost('org', 'resident.list', { communityId: 'c-hx' }, P.secHx, '刘芳')
  })

  it('finds pending bindings by the applicant’s name', async () => {
    const found = await h.ok<Page<{ applicantName: string }>>(
      'org',
      'binding.listPending',
      { communityId: 'c-hx', q: '待审居民' },
      P.secHx,
    )
    expect(names(found, 'applicantName')).toEqual(['待审居民1'])
    expect(
      (await h.ok<Page<unknown>>('org', 'binding.listPending', { communityId: 'c-hx', q: '刘芳' }, P.secHx)).total,
    ).toBe(0)
  })

  it('finds households by address, and needs words to look for', async () => {
    const found = await h.ok<Page<{ id: string; address: string }>>(
      'org',
      'household.search',
      { communityId: 'c-hx', q: '翠竹苑 3号楼 50' },
      P.secHx,
    )
    expect(found.items.map((x) => x.address)).toEqual(['翠竹苑 3号楼 501', '翠竹苑 3号楼 502'])
    await h.expectRefused('org', 'household.search', { communityId: 'c-hx', q: '' }, P.secHx, 'INVALID_INPUT')
  })

  it('refuses another community’s secretary and residents, changing nothing', async () => {
    await h.expectRefused('org', 'resident.list', { communityId: 'c-hx', q: '刘' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('org', 'household.search', { communityId: 'c-hx', q: '101' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('org', 'resident.list', { communityId: 'c-hx' }, P.liu, 'FORBIDDEN')
    await h.expectRefused('org', 'household.search', { communityId: 'c-hx', q: '101' }, P.liu, 'FORBIDDEN')
  })

  it('lets the street admin look up a household in any community of the street', async () => {
    const found = await h.ok<Page<{ address: string }>>(
      'org',
      'household.search',
      { communityId: 'c-yg', q: '阳光花园 1号楼 101' },
      P.admin,
    )
    expect(found.items.map((x) => x.address)).toEqual(['阳光花园 1号楼 101'])
  })
})
