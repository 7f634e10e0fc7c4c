import { readFileSync } from 'fs'
import { join } from 'path'
import { MYDATA_SECTIONS, type MyDataSection } from '../../../types/mydata'
import { MAX_REQUESTS_PER_SECTION } from '../../../cloudfunctions/org/mydata/collect'
import { memberRecordId } from '../../../cloudfunctions/shared/pseudonym'
import { addResidents, dateIn, DAY, iso, publishedMeeting } from '../council/fixtures'
import { collectTraces, leaksIn, type Traces } from '../exposure'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'

/**
 * 我的数据 (issue 12 §3, SPEC §7): every person sees exactly their own records in every section, and
 * nobody else's openid or phone; a household's ballot shows only while its vote is open; requests are
 * constant per page; the export holds all of it in one JSON file.
 */

type Row = Record<string, string | number | null>
type SectionPage = {
  key: string
  columns: { key: string; title: string; kind: string }[]
  rows: Row[]
  total: number
  page: number
  pageSize: number
}
type Summary = { sections: { key: MyDataSection; count: number }[]; exportCap: number }
type ExportFile = { fileId: string; url: string; fileName: string; rows: number; truncated: string[] }

const OPEN_PERIOD = 'per:st-jinxiu:2026-11'
const good = { cleaning: 5, order: 5, repairs: 4, greening: 5, attitude: 5, fees: 5 }
const VOTE_TITLE = '一号楼楼顶光伏板安装方案'
const FAMILY_COMMENT = '楼顶仍有渗水，望再查'

let h: Cloud
let liuSpouse: string
let voteId: string
let traces: Traces

async function section(who: string | null, key: MyDataSection, page = 1, pageSize = 50) {
  return h.call<SectionPage>('org', 'mydata.section', { section: key, page, pageSize }, who)
}
async function allRows(who: string, key: MyDataSection): Promise<{ rows: Row[]; total: number; text: string }> {
  const rows: Row[] = []
  let total = 0
  let text = ''
  for (let page = 1; ; page++) {
    const { env } = await section(who, key, page)
    if (!env.ok) throw new Error(`${key} as ${who}: ${env.error.code} ${env.error.message}`)
    rows.push(...env.data.rows)
    total = env.data.total
    text += JSON.stringify(env)
    if (rows.length >= total || !env.data.rows.length) break
  }
  return { rows, total, text }
}
const exportedText = (fileId: string) =>
  readFileSync(join(h.dir, 'uploads', fileId.replace('cloud://local/', '')), 'utf8')

beforeAll(async () => {
  h = await openCloud()
  ;[liuSpouse] = await addResidents(h, ['h-hx-1-1-101'], 'spouse')
  // 周小雨 joins 张德福's household through the community, and 刘芳 corrects her profile.
  const b = await h.ok<{ id: string }>(
    'org',
    'binding.request',
    { requestId: rid(), householdId: 'h-hx-1-1-202', name: '周小雨', phone: '13911112222' },
    P.zhou,
  )
  await h.ok('org', 'binding.decide', { bindingId: b.id, approve: true }, P.secHx)
  await h.ok('org', 'profile.update', { name: '刘芳', phone: '13800000004' }, P.liu)
  // Photos, topics and seconds.
  const liuPhoto = await h.photo('council', P.liu)
  const zhangPhoto = await h.photo('grid', P.zhang)
  const zhouTopic = await h.ok<{ id: string }>(
    'council',
    'topic.propose',
    {
      requestId: rid(),
      communityId: 'c-hx',
      title: '楼道加装扶手',
      body: '老人上下楼不便，建议加装扶手。',
      photos: [],
    },
    P.zhou,
  )
  await h.ok(
    'council',
    'topic.propose',
    { requestId: rid(), communityId: 'c-hx', title: '垃圾分类亭加顶棚', body: '雨天倒垃圾淋雨。', photos: [liuPhoto] },
    P.liu,
  )
  await h.ok('council', 'topic.second', { topicId: zhouTopic.id }, P.liu)
  await h.ok('council', 'topic.second', { topicId: zhouTopic.id }, P.member)
  await h.ok('council', 'notice.subscribe', { communityId: 'c-hx', on: true }, P.liu)
  await h.ok('council', 'notice.subscribe', { communityId: 'c-hx', on: true }, P.zhang)
  // A meeting: four sign-ins; then a resolution done and rated by two households.
  const m = await publishedMeeting(h, 2)
  await h.ok('council', 'meeting.start', { meetingId: m.id }, P.secHx)
  for (const who of [P.liu, P.member, P.secHx, P.zhang])
    await h.ok('council', 'meeting.checkIn', { meetingId: m.id }, who)
  const res = await h.ok<{ id: string }>(
    'council',
    'resolution.record',
    {
      meetingId: m.id,
      itemId: m.itemIds[1],
      decision: '楼顶防水层翻新',
      responsible: { type: 'company', id: 'co-1' },
      deadline: dateIn(10),
    },
    P.secHx,
  )
  await h.ok('council', 'resolution.progress', { resolutionId: res.id, note: '已完工', status: 'done' }, P.secHx)
  await h.ok('council', 'resolution.rate', { resolutionId: res.id, stars: 3, comment: FAMILY_COMMENT }, P.zhou)
  await h.ok('council', 'resolution.rate', { resolutionId: res.id, stars: 5, comment: '施工及时' }, P.liu)
  // A vote on building 1 of 和谐家园 (刘芳's and 张德福's households), open for a week.
  const vm = await publishedMeeting(h)
  voteId = (
    await h.ok<{ id: string }>(
      'council',
      'vote.open',
      {
        requestId: rid(),
        meetingId: vm.id,
        itemId: vm.itemIds[0],
        title: VOTE_TITLE,
        options: [
          { label: '赞成安装', kind: 'for' },
          { label: '不赞成', kind: 'against' },
        ],
        buildingIds: ['b-hx-1-1'],
        opensAt: iso(T0),
        closesAt: iso(new Date(T0.getTime() + 7 * DAY)),
        preset: 'simple',
      },
      P.secHx,
    )
  ).id
  await h.ok('council', 'vote.cast', { voteId, optionKey: 'o1' }, P.liu)
  await h.ok('council', 'vote.cast', { voteId, optionKey: 'o2' }, P.zhou)
  // Grid events, property ratings, wishes, an activity and a grade.
  await h.ok(
    'grid',
    'event.report',
    {
      requestId: rid(),
      gridId: 'g-hx-1',
      buildingId: 'b-hx-1-1',
      place: '1号楼门口',
      category: 'facility',
      description: '单元门禁坏了',
      photos: [],
      urgency: 'normal',
    },
    P.liu,
  )
  await h.ok(
    'grid',
    'event.report',
    {
      requestId: rid(),
      gridId: 'g-hx-1',
      buildingId: 'b-hx-1-1',
      place: '1号楼北侧',
      category: 'clutter',
      description: '楼下堆放旧家具',
      photos: [zhangPhoto],
      urgency: 'normal',
    },
    P.zhang,
  )
  await h.ok(
    'property',
    'rating.submit',
    { requestId: rid(), periodId: OPEN_PERIOD, householdId: 'h-hx-1-1-101', stars: good, comment: '保洁及时' },
    P.liu,
  )
  await h.ok(
    'property',
    'rating.submit',
    {
      requestId: rid(),
      periodId: OPEN_PERIOD,
      householdId: 'h-hx-1-1-202',
      stars: { ...good, repairs: 2 },
      comment: '电梯常坏',
    },
    P.zhou,
  )
  const wish = await h.ok<{ id: string }>(
    'service',
    'wish.create',
    { requestId: rid(), title: '帮忙修理收音机', dueAt: iso(new Date(T0.getTime() + 7 * DAY)) },
    P.liu,
  )
  await h.ok('service', 'wish.claim', { wishId: wish.id }, P.member)
  await h.ok('service', 'activity.signup', { activityId: 'act-hx-live' }, P.member)
  await h.ok(
    'service',
    'assessment.set',
    {
      subjectType: 'member',
      subjectId: memberRecordId(P.member),
      year: 2026,
      grade: 'qualified',
      reason: '按时参加服务活动',
    },
    P.secHx,
  )
  traces = await collectTraces(h)
})
afterAll(() => h.close())

async function everything(col: string): Promise<Record<string, unknown>[]> {
  const { total } = await h.db.collection(col).count()
  const out: Record<string, unknown>[] = []
  for (let skip = 0; skip < total; skip += 1000)
    out.push(...((await h.db.collection(col).skip(skip).limit(1000).get()).data as Record<string, unknown>[]))
  return out
}

/** What each section should hold for a person, counted from every stored document (not through the registry's queries). */
async function expectedCount(openid: string, key: MyDataSection): Promise<number> {
  const user = (await everything('users')).find((u) => u._id === openid) as
    { roles: { role: string; scopeId: string }[] } | undefined
  const households = (user?.roles ?? []).filter((g) => g.role === 'resident').map((g) => g.scopeId)
  const where = async (col: string, test: (d: Record<string, unknown>) => boolean) =>
    (await everything(col)).filter(test).length
  switch (key) {
    case 'profile':
      return user ? 1 : 0
    case 'roles':
      return user?.roles.length ?? 0
    case 'roleHistory':
      return where('audit', (a) => a.target === `users/${openid}`)
    case 'bindings':
      return where('bindings', (b) => b.openid === openid)
    case 'liaison':
      return where('liaison_applications', (a) => a.openid === openid)
    case 'gridPosts':
      return where('grid_staff', (s) => s.openid === openid)
    case 'subscriptions':
      return where('council_subscriptions', (s) => s.openid === openid)
    case 'checkins': {
      const m = (await everything('svc_members')).find((x) => x.openid === openid) as
        { history?: unknown[] } | undefined
      return m ? 1 + (m.history?.length ?? 0) : 0
    }
    case 'activities':
      return where('svc_attendance', (a) => a.openid === openid)
    case 'ledgers':
      return where('svc_ledgers', (l) => l.openid === openid)
    case 'assessments':
      return where('svc_assessments', (a) => a.subjectType === 'member' && a.subjectId === memberRecordId(openid))
    case 'wishesPosted':
      return where('svc_wishes', (w) => w.postedBy === openid)
    case 'wishesClaimed':
      return where('svc_wishes', (w) => w.claimerOpenid === openid)
    case 'topics':
      return where('council_topics', (t) => t.authorOpenid === openid)
    case 'seconds':
      return where('council_seconds', (s) => s.openid === openid)
    case 'meetings':
      return where('council_attendance', (a) => a.openid === openid)
    case 'ballots': {
      const now = T0.getTime()
      const open = new Set(
        (await everything('council_votes'))
          .filter(
            (v) =>
              new Date(v.opensAt as Date).getTime() <= now &&
              new Date(v.closesAt as Date).getTime() > now &&
              !v.closedAt,
          )
          .map((v) => v._id),
      )
      return where(
        'council_ballots',
        (b) => open.has(b.voteId as string) && households.includes(b.householdId as string),
      )
    }
    case 'resolutionRatings':
      return where('council_ratings', (r) => households.includes(r.householdId as string))
    case 'propertyRatings':
      return where('property_ratings', (r) => r.raterOpenid === openid)
    case 'events':
      return where('grid_events', (e) => e.reporter === openid)
    case 'photos':
      return where('photos', (p) => p.owner === openid)
  }
}

describe('mydata.section', () => {
  it("shows each person exactly their own records in every section, and never anyone else's openid or phone", async () => {
    const withRows = new Set<string>()
    // The demo people, a further member of 刘芳's household, a seeded member with a ledger, a pending liaison applicant.
    for (const who of [
      P.liu,
      liuSpouse,
      P.zhang,
      P.zhou,
      P.member,
      P.secHx,
      P.admin,
      P.grid,
      P.prop,
      P.liaison,
      P.stranger,
      'o-svc-m-hx-1',
      'o-liaison-pending-hx',
    ]) {
      for (const key of MYDATA_SECTIONS) {
        const { rows, total, text } = await allRows(who, key)
        const expected = await expectedCount(who, key)
        expect({ who, key, total, rows: rows.length }).toEqual({ who, key, total: expected, rows: expected })
        expect({ who, key, leaks: leaksIn(text, who, traces) }).toEqual({ who, key, leaks: [] })
        if (rows.length) withRows.add(key)
      }
    }
    // Every section was exercised with someone's records.
    expect([...MYDATA_SECTIONS].filter((k) => !withRows.has(k))).toEqual([])
  })

  it("shows the person's own phone whole, their bindings and their changes in words", async () => {
    const profile = await allRows(P.liu, 'profile')
    expect(profile.rows).toEqual([expect.objectContaining({ name: '刘芳', phone: '13800000004' })])
    const bindings = await allRows(P.zhou, 'bindings')
    expect(bindings.rows).toEqual([
      expect.objectContaining({
        address: '和谐家园 1号楼 202',
        status: '已认证',
        method: '社区审核',
        phone: '13911112222',
        decidedBy: '王秀英',
      }),
    ])
    const history = await allRows(P.zhou, 'roleHistory')
    expect(history.rows).toHaveLength(2)
    expect(history.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: '提交房屋认证', change: null }),
        expect.objectContaining({ what: '社区审核房屋认证', change: '获得：居民（和谐家园 1号楼 202）' }),
      ]),
    )
    expect((await allRows(P.liu, 'roleHistory')).rows).toEqual([
      expect.objectContaining({ what: '修改资料', change: '姓名：刘芳' }),
    ])
  })

  it('lists what the person did in each programme, with labels in words', async () => {
    expect((await allRows(P.liu, 'topics')).rows.map((r) => [r.title, r.photos])).toEqual(
      expect.arrayContaining([['垃圾分类亭加顶棚', 1]]),
    )
    expect((await allRows(P.liu, 'seconds')).rows).toEqual([expect.objectContaining({ topic: '楼道加装扶手' })])
    expect((await allRows(P.member, 'meetings')).rows).toEqual([
      expect.objectContaining({ meeting: '和谐社区红色议事会（测试）', kind: '在职党员' }),
    ])
    expect((await allRows(P.member, 'wishesClaimed')).rows).toEqual([
      expect.objectContaining({ title: '帮忙修理收音机', resident: '刘芳', status: '已认领' }),
    ])
    expect((await allRows(P.member, 'assessments')).rows).toEqual([
      expect.objectContaining({ year: 2026, grade: '合格', reason: '按时参加服务活动' }),
    ])
    expect((await allRows(P.member, 'activities')).rows).toEqual([
      expect.objectContaining({ activity: '社区环境整治志愿服务', status: '已报名' }),
    ])
    expect((await allRows(P.zhou, 'propertyRatings')).rows).toEqual([
      expect.objectContaining({
        company: '安居物业服务有限公司',
        repairs: 2,
        comment: '电梯常坏',
        status: '已计入',
        rectification: '待物业答复',
      }),
    ])
    expect((await allRows(P.zhang, 'events')).rows).toEqual([
      expect.objectContaining({ category: '乱堆乱放', description: '楼下堆放旧家具', photos: 1, status: '待派单' }),
    ])
    const photo = (await allRows(P.zhang, 'photos')).rows
    expect(photo).toEqual([expect.objectContaining({ use: '网格事件' })])
    expect(String(photo[0].photo)).toMatch(/^cloud:\/\/local\/grid\/photos\//)
    expect((await allRows(P.liu, 'subscriptions')).rows).toEqual([
      expect.objectContaining({ community: '和谐社区', on: '接收' }),
    ])
    expect((await allRows(P.grid, 'gridPosts')).rows.length).toBeGreaterThan(0)
  })

  it("shows a household rating's content only to the member who gave it; another member sees that the family rated, nothing more", async () => {
    const mine = await allRows(P.zhou, 'resolutionRatings')
    expect(mine.rows).toEqual([
      expect.objectContaining({ resolution: '议程2：楼顶防水层翻新', by: '您', stars: 3, comment: FAMILY_COMMENT }),
    ])
    const family = await allRows(P.zhang, 'resolutionRatings')
    expect(family.rows).toEqual([
      expect.objectContaining({
        resolution: '议程2：楼顶防水层翻新',
        by: '家人（内容不在此显示）',
        stars: null,
        comment: null,
        at: null,
      }),
    ])
    expect(family.text).not.toContain(FAMILY_COMMENT)
  })

  it('costs the same few requests for any page, however many records the person has', async () => {
    const before = await section(P.liu, 'topics', 1, 20)
    const wide = await section(P.zhou, 'propertyRatings', 1, 20)
    for (let i = 0; i < 60; i++) {
      await h.db.collection('council_topics').add({
        data: {
          _id: `topic-bulk-${i}`,
          communityId: 'c-hx',
          streetId: 'st-jinxiu',
          title: `议题${i}`,
          body: '…',
          photos: [],
          authorOpenid: P.liu,
          authorName: '刘芳',
          status: 'open',
          seconds: 0,
          locked: false,
          createdAt: new Date(T0.getTime() - i * 60_000),
          updatedAt: T0,
        },
      })
    }
    const after = await section(P.liu, 'topics', 1, 20)
    const later = await section(P.liu, 'topics', 3, 20)
    expect(after.env.ok && after.env.data.total).toBe(62)
    expect(later.env.ok && later.env.data.rows.length).toBe(20)
    expect([after.dbRequests, later.dbRequests]).toEqual([before.dbRequests, before.dbRequests])
    // A section with look-ups (periods, rectification items): the actor, the count, the page and two look-ups.
    expect(wide.dbRequests).toBe(5)
    expect(before.dbRequests).toBe(3)
  })

  it('refuses an unknown section, an oversized page and a caller WeChat did not identify, changing nothing', async () => {
    await h.expectRefused('org', 'mydata.section', { section: 'audit' }, P.liu, 'INVALID_INPUT')
    await h.expectRefused('org', 'mydata.section', { section: 'topics', pageSize: 51 }, P.liu, 'INVALID_INPUT')
    await h.expectRefused('org', 'mydata.section', { section: 'profile' }, null, 'UNAUTHENTICATED')
  })
})

describe('mydata.summary', () => {
  it('counts every section the way its pages do, for each person', async () => {
    for (const who of [P.liu, P.zhou, P.member, P.secHx, P.stranger]) {
      const s = await h.ok<Summary>('org', 'mydata.summary', {}, who)
      expect(s.sections.map((x) => x.key)).toEqual([...MYDATA_SECTIONS])
      for (const { key, count } of s.sections)
        expect({ who, key, count }).toEqual({ who, key, count: await expectedCount(who, key) })
      expect(s.exportCap).toBe(500)
    }
  })

  it('costs a constant number of requests: one per section at most, whatever the data', async () => {
    const resident = await h.call('org', 'mydata.summary', {}, P.liu)
    const member = await h.call('org', 'mydata.summary', {}, P.member)
    await h.db.collection('photos').add({
      data: {
        _id: 'ph-bulk',
        fileId: 'cloud://local/x.jpg',
        owner: P.liu,
        folder: 'council/photos',
        bytes: 10,
        at: T0,
      },
    })
    const again = await h.call('org', 'mydata.summary', {}, P.liu)
    expect(again.dbRequests).toBe(resident.dbRequests)
    // The actor, and a count for each section read from the database (profile and roles come with the actor).
    expect(resident.dbRequests).toBeLessThanOrEqual(1 + MYDATA_SECTIONS.length)
    expect(member.dbRequests).toBeLessThanOrEqual(1 + MYDATA_SECTIONS.length)
  })

  it('answers only a caller WeChat identified', async () => {
    await h.expectRefused('org', 'mydata.summary', {}, null, 'UNAUTHENTICATED')
  })
})

describe("the household's ballot in 我的数据", () => {
  it("shows the household's current choice to its members while the vote is open, and who cast it", async () => {
    expect((await allRows(P.liu, 'ballots')).rows).toEqual([
      {
        vote: VOTE_TITLE,
        household: '和谐家园 1号楼 101',
        closesAt: iso(new Date(T0.getTime() + 7 * DAY)),
        choice: '赞成安装',
        by: '您',
      },
    ])
    expect((await allRows(liuSpouse, 'ballots')).rows).toEqual([
      expect.objectContaining({ vote: VOTE_TITLE, choice: '赞成安装', by: '家人' }),
    ])
    expect((await allRows(P.zhang, 'ballots')).rows).toEqual([
      expect.objectContaining({ vote: VOTE_TITLE, choice: '不赞成', by: '家人' }),
    ])
    expect((await allRows(P.zhou, 'ballots')).rows).toEqual([expect.objectContaining({ choice: '不赞成', by: '您' })])
  })

  it('tells nobody outside the household anything of it, the secretary included', async () => {
    for (const who of [P.secHx, P.member, P.admin, P.grid]) {
      const { rows, text } = await allRows(who, 'ballots')
      expect({ who, rows }).toEqual({ who, rows: [] })
      expect(text).not.toContain(VOTE_TITLE)
      const file = await h.ok<ExportFile>('org', 'mydata.export', {}, who)
      expect(exportedText(file.fileId)).not.toContain(VOTE_TITLE)
    }
  })

  it("is in the household members' export while the vote is open", async () => {
    const file = await h.ok<ExportFile>('org', 'mydata.export', {}, P.liu)
    const text = exportedText(file.fileId)
    expect(text).toContain(VOTE_TITLE)
    expect(text).toContain('赞成安装')
  })

  it('says nothing of what the household chose once the vote has closed: no section, no export', async () => {
    h.setNow(new Date(T0.getTime() + 7 * DAY + 60_000))
    try {
      await h.ok('council', 'vote.close', { voteId }, P.secHx)
      for (const who of [P.liu, liuSpouse, P.zhang, P.zhou]) {
        const { rows, text } = await allRows(who, 'ballots')
        expect({ who, rows }).toEqual({ who, rows: [] })
        const file = await h.ok<ExportFile>('org', 'mydata.export', {}, who)
        expect(text + exportedText(file.fileId)).not.toContain(VOTE_TITLE)
        const summary = await h.ok<Summary>('org', 'mydata.summary', {}, who)
        expect(summary.sections.find((s) => s.key === 'ballots')?.count).toBe(0)
      }
    } finally {
      h.setNow(T0)
    }
  })
})

describe('mydata.export', () => {
  it("stores all of the person's sections as one JSON file with Beijing times and hands back a link", async () => {
    const file = await h.ok<ExportFile>('org', 'mydata.export', {}, P.zhou)
    expect(file.fileName).toBe('我的数据-2026-11-23.json')
    expect(file.url).toContain('/local/files/exports/mydata/')
    expect(file.fileId).not.toContain(P.zhou)
    const text = exportedText(file.fileId)
    const json = JSON.parse(text) as {
      format: string
      name: string
      sections: {
        key: string
        title: string
        total: number
        truncated: boolean
        rows: Row[]
        columns: { key: string; title: string }[]
      }[]
    }
    expect(json.format).toBe('tongxinyuan-mydata/1')
    expect(json.name).toBe('周小雨')
    expect(json.sections.map((s) => s.key)).toEqual([...MYDATA_SECTIONS])
    for (const s of json.sections)
      expect({ key: s.key, total: s.total, rows: s.rows.length }).toEqual({
        key: s.key,
        total: await expectedCount(P.zhou, s.key as MyDataSection),
        rows: s.total,
      })
    expect(file.rows).toBe(json.sections.reduce((n, s) => n + s.rows.length, 0))
    const binding = json.sections.find((s) => s.key === 'bindings')!
    expect(binding.columns.map((c) => c.title)).toContain('审核时间')
    expect(binding.rows[0]).toMatchObject({ phone: '13911112222', createdAt: '2026-11-23T10:00:00+08:00' })
    expect(leaksIn(text, P.zhou, traces)).toEqual([])
  })

  it("rewrites the person's one file on every export, so copies do not pile up", async () => {
    const first = await h.ok<ExportFile>('org', 'mydata.export', {}, P.liu)
    const files = h.files().length
    const second = await h.ok<ExportFile>('org', 'mydata.export', {}, P.liu)
    expect(second.fileId).toBe(first.fileId)
    expect(h.files()).toHaveLength(files)
    const other = await h.ok<ExportFile>('org', 'mydata.export', {}, P.zhang)
    expect(other.fileId).not.toBe(first.fileId)
  })

  it('caps each section at 500 rows, says which were cut, and stays within its bound of requests', async () => {
    const bulk = Array.from({ length: 520 }, (_, i) => ({
      _id: `ph-cap-${i}`,
      fileId: `cloud://local/council/photos/cap-${i}.jpg`,
      owner: P.zhou,
      folder: 'council/photos',
      bytes: 2048,
      at: new Date(T0.getTime() - i * 1000),
    }))
    for (let i = 0; i < bulk.length; i += 100)
      await Promise.all(bulk.slice(i, i + 100).map((d) => h.db.collection('photos').add({ data: d })))
    const { env, dbRequests } = await h.call<ExportFile>('org', 'mydata.export', {}, P.zhou)
    if (!env.ok) throw new Error(env.error.message)
    expect(env.data.truncated).toEqual(['photos'])
    const photos = (
      JSON.parse(exportedText(env.data.fileId)) as {
        sections: { key: string; total: number; truncated: boolean; rows: Row[] }[]
      }
    ).sections.find((s) => s.key === 'photos')!
    expect({ total: photos.total, rows: photos.rows.length, truncated: photos.truncated }).toEqual({
      total: 520,
      rows: 500,
      truncated: true,
    })
    expect(photos.rows[0].at).toBe('2026-11-23T10:00:00+08:00')
    // The actor, the audit entry, and at most MAX_REQUESTS_PER_SECTION per section.
    expect(dbRequests).toBeLessThanOrEqual(2 + MYDATA_SECTIONS.length * MAX_REQUESTS_PER_SECTION)
    // The page of the section is still a few requests.
    const page = await section(P.zhou, 'photos', 11, 50)
    expect(page.env.ok && page.env.data.rows.length).toBe(20)
    expect(page.dbRequests).toBe(3)
  })

  it('answers only a caller WeChat identified, storing nothing', async () => {
    await h.expectRefused('org', 'mydata.export', {}, null, 'UNAUTHENTICATED')
  })

  it("fails closed without the owner-token secret (the file's name and the household rows need it), storing nothing", async () => {
    const secret = process.env.OWNER_TOKEN_SECRET
    delete process.env.OWNER_TOKEN_SECRET
    try {
      await h.expectRefused('org', 'mydata.export', {}, P.member, 'INTERNAL')
    } finally {
      process.env.OWNER_TOKEN_SECRET = secret
    }
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
