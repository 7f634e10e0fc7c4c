import ExcelJS from 'exceljs'
import { existsSync, readFileSync } from 'fs'
import { join } from 'path'
import { memberRecordId } from '../../../cloudfunctions/shared/pseudonym'
import { openCloud, P, rid, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'

type Ledger = {
  name: string
  totals: { minutes: number; activities: number; wishes: number; ratingAvgTenths?: number }
  entries: { activityTitle: string; minutes: number }[]
  entriesTotal: number
  grade?: { grade: string; reason: string }
}
type Letter = {
  id: string
  quarter: string
  rows: { name: string; minutes: number }[]
  totalMinutes: number
  acknowledgedByName?: string
  unitName: string
}
type File = { fileId: string; url: string; fileName: string; rows: number }

const M1 = 'o-svc-m-hx-1'
let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

async function readXlsx(f: File) {
  const path = join(h.dir, 'uploads', f.fileId.replace('cloud://local/', ''))
  expect(existsSync(path)).toBe(true)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]
  const rows: unknown[][] = []
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)))
  return rows
}

describe('ledger, ranking, 双反馈, 双评议, dashboard, export', () => {
  it('shows a member their yearly ledger with entries', async () => {
    const l = await h.ok<Ledger>('service', 'ledger.get', { year: 2026 }, M1)
    expect(l).toMatchObject({
      name: '陈立军',
      totals: { minutes: 180, activities: 1, wishes: 1, ratingAvgTenths: 50 },
      entriesTotal: 1,
    })
    expect(l.entries[0]).toMatchObject({ activityTitle: '楼道清理志愿服务', minutes: 180 })
  })

  it('shows it to the community’s secretary, not to other members or other secretaries', async () => {
    expect(
      (await h.ok<Ledger>('service', 'ledger.get', { memberId: memberRecordId(M1), year: 2026 }, P.secHx)).totals
        .minutes,
    ).toBe(180)
    await h.expectRefused(
      'service',
      'ledger.get',
      { memberId: memberRecordId(M1), year: 2026 },
      'o-svc-m-hx-2',
      'FORBIDDEN',
    )
    await h.expectRefused('service', 'ledger.get', { memberId: memberRecordId(M1), year: 2026 }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('service', 'ledger.get', { memberId: memberRecordId(M1), year: 2026 }, P.liu, 'FORBIDDEN')
  })

  it('labels the ranking as a record of service, not a score', async () => {
    const r = await h.ok<{ label: string; items: { name: string; minutes: number }[] }>(
      'service',
      'ledger.ranking',
      { communityId: 'c-hx', year: 2026 },
      P.member,
    )
    expect(r.label).toContain('仅为记录，不作为考核评分')
    expect(r.items.map((x) => x.minutes)).toEqual([180, 150, 120, 90])
    await h.expectRefused('service', 'ledger.ranking', { communityId: 'c-hx', year: 2026 }, P.secYg, 'FORBIDDEN')
  })

  let letter: Letter
  it('issues a quarterly feedback letter per unit listing its members’ service', async () => {
    letter = await h.ok<Letter>(
      'service',
      'letter.issue',
      { requestId: rid(), unitId: 'u-hx-2', quarter: '2026Q4', note: '感谢贵单位党员积极参与' },
      P.secHx,
    )
    expect(letter).toMatchObject({ unitName: '锦绣区第一中学', quarter: '2026Q4', totalMinutes: 300 })
    expect(letter.rows.map((r) => [r.name, r.minutes])).toEqual([
      ['陈立军', 180],
      ['高志强', 120],
    ])
    await h.expectRefused(
      'service',
      'letter.issue',
      { requestId: rid(), unitId: 'u-hx-2', quarter: '2026Q4' },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'letter.issue',
      { requestId: rid(), unitId: 'u-hx-2', quarter: '2027Q1' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'service',
      'letter.issue',
      { requestId: rid(), unitId: 'u-hx-2', quarter: '2026-4' },
      P.secHx,
      'INVALID_INPUT',
    )
  })

  it('lets only the unit’s liaison read and acknowledge it', async () => {
    const liaison2 = 'o-liaison-u-hx-2'
    await h.db.collection('users').add({
      data: {
        _id: liaison2,
        name: '许文',
        roles: [
          {
            role: 'unit_liaison',
            scopeType: 'unit',
            scopeId: 'u-hx-2',
            scopeName: '锦绣区第一中学',
            communityId: 'c-hx',
            streetId: 'st-jinxiu',
          },
        ],
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    })
    await h.expectRefused('service', 'letter.list', { unitId: 'u-hx-2' }, P.liaison, 'FORBIDDEN')
    await h.expectRefused('service', 'letter.ack', { letterId: letter.id }, P.liaison, 'FORBIDDEN')
    const list = await h.ok<{ items: Letter[] }>('service', 'letter.list', { unitId: 'u-hx-2' }, liaison2)
    expect(list.items.map((l) => l.id)).toEqual([letter.id])
    const acked = await h.ok<Letter>('service', 'letter.ack', { letterId: letter.id }, liaison2)
    expect(acked.acknowledgedByName).toBe('许文')
    await h.expectRefused('service', 'letter.ack', { letterId: letter.id }, liaison2, 'CONFLICT')
    const file = await h.ok<File>('export', 'service.letter', { letterId: letter.id }, liaison2)
    const rows = await readXlsx(file)
    expect(rows[0]).toEqual(['姓名', '服务时长（分钟）', '参加活动（次）', '完成心愿（个）'])
    expect(rows.slice(1, 3)).toEqual([
      ['陈立军', 180, 1, 1],
      ['高志强', 120, 1, 0],
    ])
    await h.expectRefused('export', 'service.letter', { letterId: letter.id }, P.liaison, 'FORBIDDEN')
  })

  it('grades a member and a unit with a reason, keeps the earlier grade when revised, and shows it on the ledger', async () => {
    await h.expectRefused(
      'service',
      'assessment.set',
      { subjectType: 'member', subjectId: memberRecordId(M1), year: 2026, grade: 'excellent' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'service',
      'assessment.set',
      { subjectType: 'member', subjectId: memberRecordId(M1), year: 2026, grade: 'excellent', reason: '好' },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'service',
      'assessment.set',
      { subjectType: 'member', subjectId: memberRecordId(M1), year: 2026, grade: 'top', reason: '好' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'service',
      'assessment.set',
      { subjectType: 'member', subjectId: memberRecordId(M1), year: 2023, grade: 'qualified', reason: '好' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.ok(
      'service',
      'assessment.set',
      { subjectType: 'member', subjectId: memberRecordId(M1), year: 2026, grade: 'qualified', reason: '按时参加活动' },
      P.secHx,
    )
    const a = await h.ok<{ grade: string; revisions: number }>(
      'service',
      'assessment.set',
      {
        subjectType: 'member',
        subjectId: memberRecordId(M1),
        year: 2026,
        grade: 'excellent',
        reason: '服务时长多、居民评价好',
      },
      P.secHx,
    )
    expect(a).toMatchObject({ grade: 'excellent', revisions: 1 })
    await h.ok(
      'service',
      'assessment.set',
      { subjectType: 'unit', subjectId: 'u-hx-2', year: 2026, grade: 'qualified', reason: '履行共建承诺' },
      P.secHx,
    )
    const l = await h.ok<Ledger>('service', 'ledger.get', { year: 2026 }, M1)
    expect(l.grade).toEqual({ grade: 'excellent', reason: '服务时长多、居民评价好' })
    const list = await h.ok<{ items: { subjectName: string; grade: string }[] }>(
      'service',
      'assessment.list',
      { communityId: 'c-hx', year: 2026, subjectType: 'unit' },
      P.secHx,
    )
    expect(list.items).toEqual([expect.objectContaining({ subjectName: '锦绣区第一中学', grade: 'qualified' })])
    await h.expectRefused(
      'service',
      'assessment.list',
      { communityId: 'c-hx', year: 2026, subjectType: 'unit' },
      P.secYg,
      'FORBIDDEN',
    )
  })

  it('gives the secretary the dashboard counts from counters', async () => {
    const d = await h.ok<{
      units: Record<string, number>
      members: Record<string, number>
      minutesThisYear: number
      minutesByMonth: number[]
      needs: Record<string, number>
      wishesFulfilled: number
    }>('service', 'dashboard', { communityId: 'c-hx', year: 2026 }, P.secHx)
    expect(d.units).toEqual({ checkedIn: 1, pending: 0, overdue: 1, total: 3 })
    expect(d.members).toEqual({
      checkedIn: 4,
      pending: 0,
      overdue: 1,
      byKind: { in_service: 4, retired: 0, mobile: 0 },
    })
    expect(d.minutesThisYear).toBe(540)
    expect(d.minutesByMonth.reduce((s, m) => s + m, 0)).toBe(540)
    expect(d.needs).toEqual({ open: 4, matched: 1, done: 0 })
    expect(d.wishesFulfilled).toBe(1)
    await h.expectRefused('service', 'dashboard', { communityId: 'c-hx', year: 2026 }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('service', 'dashboard', { communityId: 'c-hx', year: 2026 }, P.member, 'FORBIDDEN')
  })

  it('exports the ledgers to Excel for the secretary, with the record-of-service note', async () => {
    const f = await h.ok<File>('export', 'service.ledgers', { communityId: 'c-hx', year: 2026 }, P.secHx)
    expect(f).toMatchObject({ rows: 4, fileName: '和谐社区-2026年党员服务台账.xlsx' })
    expect(f.url).toMatch(/^\/local\/files\/exports\/service\/c-hx\//)
    const rows = await readXlsx(f)
    expect(rows[0]).toEqual([
      '姓名',
      '工作单位',
      '服务时长（分钟）',
      '服务时长（小时）',
      '参加活动（次）',
      '完成心愿（个）',
      '居民评价（均分）',
    ])
    expect(rows[1]).toEqual(['陈立军', '锦绣区第一中学', 180, 3, 1, 1, 5])
    expect(String(rows[rows.length - 1][0])).toContain('不作为考核评分')
    await h.expectRefused('export', 'service.ledgers', { communityId: 'c-hx', year: 2026 }, P.secYg, 'FORBIDDEN')
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
