import ExcelJS from 'exceljs'
import { readFileSync } from 'fs'
import { join } from 'path'
import { GRID_PEOPLE } from '../../../local/seed/grid'
import type { LetterView } from '../../../types/service'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'

/**
 * Issue 11 §6: a 双反馈 letter is superseded, never overwritten. Re-issuing writes version 2 beside the
 * acknowledged version 1; the liaison sees the latest and its history; the export names the version.
 */

const XU = GRID_PEOPLE.liaisonXu
let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

type Page = { items: LetterView[]; total: number }
const issue = (unitId = 'u-hx-2', note?: string) =>
  h.ok<LetterView>('service', 'letter.issue', { requestId: rid(), unitId, quarter: '2026Q4', note }, P.secHx)

async function exported(letterId: string, as: string = XU) {
  const f = await h.ok<{ fileId: string; fileName: string }>('export', 'service.letter', { letterId }, as)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(
    readFileSync(join(h.dir, 'uploads', f.fileId.replace('cloud://local/', ''))) as unknown as ArrayBuffer,
  )
  const lines: string[] = []
  wb.worksheets[0].eachRow((r) => lines.push((r.values as unknown[]).slice(1).join(' ')))
  return { fileName: f.fileName, lines }
}

/** More service in the quarter after the first letter: 高志强 (u-hx-2) gets 60 more minutes confirmed by hand. */
async function moreService() {
  const members = await h.ok<{ items: { id: string; name: string }[] }>(
    'service',
    'member.list',
    { communityId: 'c-hx', status: 'approved', pageSize: 50 },
    P.secHx,
  )
  const gao = members.items.find((m) => m.name === '高志强')!
  const a = await h.ok<{ id: string }>(
    'service',
    'activity.create',
    {
      requestId: rid(),
      communityId: 'c-hx',
      title: '助老服务',
      kind: 'care',
      place: { name: '东门', lat: 30.59, lng: 114.3 },
      startAt: new Date(T0.getTime() - 3 * 3600_000).toISOString(),
      endAt: new Date(T0.getTime() + 3600_000).toISOString(),
      capacity: 5,
    },
    P.secHx,
  )
  const entry = await h.ok<{ id: string }>(
    'service',
    'hours.manual',
    { requestId: rid(), activityId: a.id, memberId: gao.id, minutes: 60, reason: '现场登记，补录' },
    P.secHx,
  )
  await h.ok('service', 'hours.approveManual', { attendanceId: entry.id }, P.admin)
}

describe('双反馈 letters are versioned', () => {
  let v1: LetterView
  let v2: LetterView

  it('issues version 1; the liaison acknowledges it', async () => {
    v1 = await issue('u-hx-2', '感谢贵单位')
    expect(v1).toMatchObject({ version: 1, totalMinutes: 300 })
    expect(v1.supersededAt).toBeUndefined()
    const acked = await h.ok<LetterView>('service', 'letter.ack', { letterId: v1.id }, XU)
    expect(acked).toMatchObject({ version: 1, acknowledgedByName: '许文' })
  })

  it('re-issuing writes version 2 beside the acknowledged version 1, which keeps its rows and acknowledgement', async () => {
    await moreService()
    v2 = await issue('u-hx-2', '本季度更正')
    expect(v2).toMatchObject({ version: 2, totalMinutes: 360, note: '本季度更正' })
    expect(v2.id).not.toBe(v1.id)
    expect(v2.acknowledgedAt).toBeUndefined()
    const history = await h.ok<Page>('service', 'letter.versions', { letterId: v2.id }, XU)
    expect(history.total).toBe(2)
    expect(history.items.map((l) => l.version)).toEqual([2, 1])
    const first = history.items[1]
    expect(first).toMatchObject({
      id: v1.id,
      totalMinutes: 300,
      note: '感谢贵单位',
      acknowledgedByName: '许文',
      rows: v1.rows,
    })
    expect(first.supersededAt).toBe(T0.toISOString())
    expect(first.supersededByName).toBe('王秀英')
  })

  it('shows the liaison the latest version per quarter in the list', async () => {
    const list = await h.ok<Page>('service', 'letter.list', { unitId: 'u-hx-2' }, XU)
    expect(list.items.map((l) => [l.quarter, l.version, l.id])).toEqual([['2026Q4', 2, v2.id]])
  })

  it('takes the acknowledgement of the latest version only, once', async () => {
    await h.expectRefused('service', 'letter.ack', { letterId: v1.id }, XU, 'CONFLICT')
    const acked = await h.ok<LetterView>('service', 'letter.ack', { letterId: v2.id }, XU)
    expect(acked).toMatchObject({ version: 2, acknowledgedByName: '许文' })
    await h.expectRefused('service', 'letter.ack', { letterId: v2.id }, XU, 'CONFLICT')
  })

  it('names the version in the export, and says when a version was superseded', async () => {
    const latest = await exported(v2.id)
    expect(latest.fileName).toBe('锦绣区第一中学-2026Q4-双反馈函-第2版.xlsx')
    expect(latest.lines).toEqual(expect.arrayContaining([expect.stringContaining('第 2 版')]))
    const old = await exported(v1.id, P.secHx)
    expect(old.fileName).toBe('锦绣区第一中学-2026Q4-双反馈函-第1版.xlsx')
    expect(old.lines).toEqual(expect.arrayContaining([expect.stringContaining('已被第 2 版取代')]))
    expect(old.lines).toEqual(expect.arrayContaining([expect.stringContaining('单位签收：许文')]))
  })

  it('refuses the history to other units’ liaisons, other secretaries, residents and bad input, changing nothing', async () => {
    await h.expectRefused('service', 'letter.versions', { letterId: v2.id }, P.liaison, 'FORBIDDEN')
    await h.expectRefused('service', 'letter.versions', { letterId: v2.id }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('service', 'letter.versions', { letterId: v2.id }, P.liu, 'FORBIDDEN')
    await h.expectRefused('service', 'letter.versions', { letterId: 'fl:u-hx-2:2026Q1:v1' }, P.secHx, 'NOT_FOUND')
    await h.expectRefused('service', 'letter.versions', { letterId: v2.id, pageSize: 51 }, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('service', 'letter.versions', {}, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('service', 'letter.versions', { letterId: v2.id }, null, 'UNAUTHENTICATED')
  })

  it('pages the history with a fixed number of requests however many versions there are', async () => {
    for (let i = 0; i < 4; i++) await issue('u-hx-2')
    const small = await h.call<Page>('service', 'letter.versions', { letterId: v2.id, pageSize: 2 }, XU)
    const large = await h.call<Page>('service', 'letter.versions', { letterId: v2.id, pageSize: 50 }, XU)
    expect(small.env.ok && small.env.data.total).toBe(6)
    expect(small.env.ok && small.env.data.items.map((l) => l.version)).toEqual([6, 5])
    expect(small.dbRequests).toBe(large.dbRequests)
  })
})

describe('races on one letter', () => {
  it('a re-issue and the acknowledgement at once: the acknowledgement survives on its version, or is refused and nothing is lost', async () => {
    const first = await issue('u-hx-3')
    const liaison3 = 'o-liaison-u-hx-3'
    await h.db.collection('users').add({
      data: {
        _id: liaison3,
        name: '邓华',
        roles: [
          {
            role: 'unit_liaison',
            scopeType: 'unit',
            scopeId: 'u-hx-3',
            scopeName: '单位三',
            communityId: 'c-hx',
            streetId: 'st-jinxiu',
          },
        ],
        createdAt: T0,
        updatedAt: T0,
      },
    })
    const [ack, again] = await Promise.all([
      h.call<LetterView>('service', 'letter.ack', { letterId: first.id }, liaison3),
      h.call<LetterView>('service', 'letter.issue', { requestId: rid(), unitId: 'u-hx-3', quarter: '2026Q4' }, P.secHx),
    ])
    const history = await h.ok<Page>('service', 'letter.versions', { letterId: first.id }, liaison3)
    const v1now = history.items.find((l) => l.version === 1)!
    const outcome = (e: typeof ack.env) => (e.ok ? 'ok' : e.error.code)
    expect([outcome(ack.env), outcome(again.env)].every((o) => o === 'ok' || o === 'CONFLICT')).toBe(true)
    // Whatever the order: each success is on record, and version 1 is never lost.
    expect(history.total).toBe(again.env.ok ? 2 : 1)
    expect(!!v1now.acknowledgedAt).toBe(ack.env.ok)
    expect(!!v1now.supersededAt).toBe(again.env.ok)
    expect([ack.env.ok, again.env.ok].some(Boolean)).toBe(true)
  })

  it('two re-issues at once: both versions are kept, or one is refused', async () => {
    const base = await issue('u-hx-1')
    const both = await Promise.all([
      issue('u-hx-1').then(
        () => 'ok',
        (e: Error) => e.message,
      ),
      issue('u-hx-1').then(
        () => 'ok',
        (e: Error) => e.message,
      ),
    ])
    const oks = both.filter((x) => x === 'ok').length
    expect(both.every((x) => x === 'ok' || x.includes('CONFLICT'))).toBe(true)
    const history = await h.ok<Page>('service', 'letter.versions', { letterId: base.id }, P.secHx)
    expect(history.items.map((l) => l.version)).toEqual(Array.from({ length: 1 + oks }, (_, i) => 1 + oks - i))
    expect(history.items.filter((l) => !l.supersededAt)).toHaveLength(1)
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
