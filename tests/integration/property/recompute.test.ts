import { execFileSync } from 'child_process'
import { readFileSync, writeFileSync } from 'fs'
import { join } from 'path'
import ExcelJS from 'exceljs'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { DEFAULT_RULE } from '../../../cloudfunctions/property/domain/rules'
import { reviewHeld } from './held'

/**
 * SPEC §6: the list is frozen with the rule version and the inputs "so anyone can recompute it".
 * Anyone signed in gets a publication's 核算数据 (JSON or Excel) and any version of the rule through
 * the actions; docs/recompute-list.mjs — which depends on nothing from the codebase — recomputes the
 * list from the downloaded JSON alone, exactly as published. No rater appears anywhere in it.
 */

const PERIOD = 'per:st-jinxiu:2026-11'
const OCT = 'pub:per:st-jinxiu:2026-10:1'
const SCRIPT = join(__dirname, '../../../docs/recompute-list.mjs')
const TRACES = /o-res-|o-demo-rater|刘芳|陈桂兰|张德福|h-hx-|号楼|raterOpenid|householdId|"address"|1380000/
const good = { cleaning: 5, order: 5, repairs: 4, greening: 5, attitude: 5, fees: 5 }
const KEYS = [
  'companyId',
  'placement',
  'rank',
  'score',
  'satisfaction',
  'communityScore',
  'rectificationRate',
  'households',
] as const
type Entry = Record<(typeof KEYS)[number], unknown> & { effects?: unknown[] }
type Pub = { id: string; ruleVersion: number; streetMean: number; entries: Entry[] }
type Download = { fileID: string; url: string; fileName: string }
type Recomputed = { streetMean: number; entries: Entry[]; matches: boolean }

let h: Cloud
let pub: Pub
const stored = (d: Download) => readFileSync(join(h.dir, 'uploads', d.fileID.replace('cloud://local/', '')))
const pick = (e: Entry) => Object.fromEntries(KEYS.map((k) => [k, e[k]]))
/** Run the standalone script on a file, as anyone would. */
function recompute(file: string): Recomputed {
  return JSON.parse(execFileSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' })) as Recomputed
}

beforeAll(async () => {
  h = await openCloud()
  // A month with ratings, assessments and an excluded rating, then published.
  await h.ok(
    'property',
    'rating.submit',
    { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-1-1-101', stars: good, comment: '保洁很及时' },
    P.liu,
  )
  await h.ok(
    'property',
    'rating.submit',
    { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-1-1-202', stars: good },
    P.zhang,
  )
  await h.ok(
    'property',
    'assessment.submit',
    { periodId: PERIOD, communityId: 'c-hx', companyId: 'co-1', direction: 'of_company', score: 91 },
    P.secHx,
  )
  await h.ok(
    'property',
    'assessment.submit',
    { periodId: PERIOD, communityId: 'c-hx', companyId: 'co-2', direction: 'of_company', score: 47 },
    P.secHx,
  )
  await h.ok('property', 'period.close', { periodId: PERIOD }, P.admin)
  const o = await h.ok<{ id: string }>(
    'property',
    'objection.submit',
    { requestId: rid(), periodId: PERIOD, companyId: 'co-2', text: '有一户当月已搬离' },
    'o-prop-qian',
  )
  const [one] = (
    await h.ok<{ items: { id: string; status: string }[] }>(
      'property',
      'rating.inbox',
      { companyId: 'co-2', periodId: PERIOD },
      P.admin,
    )
  ).items
  await h.ok(
    'property',
    'objection.decide',
    { objectionId: o.id, upheld: true, decision: '核实属实，剔除该户评价', effect: 'exclude', ratingIds: [one.id] },
    P.admin,
  )
  await reviewHeld(h, PERIOD)
  h.setNow(new Date(T0.getTime() + 4 * 86_400_000))
  pub = await h.ok<Pub>('property', 'list.publish', { requestId: rid(), periodId: PERIOD }, P.admin)
})
afterAll(() => h.close())

describe('rule.get', () => {
  it('returns any version of the street’s rule, 0 being the built-in default', async () => {
    const v1 = await h.ok<{ version: number; rule: { objectionDays: number } }>(
      'property',
      'rule.get',
      { streetId: 'st-jinxiu', version: 1 },
      P.zhou,
    )
    expect(v1).toMatchObject({ version: 1, rule: { objectionDays: 3 } })
    await h.ok(
      'property',
      'rule.publish',
      { requestId: rid(), streetId: 'st-jinxiu', rule: { ...DEFAULT_RULE, redThreshold: 90 } },
      P.admin,
    )
    expect(await h.ok('property', 'rule.get', { streetId: 'st-jinxiu', version: 1 }, P.zhou)).toEqual(v1)
    expect(await h.ok('property', 'rule.get', { streetId: 'st-jinxiu', version: 2 }, P.zhou)).toMatchObject({
      version: 2,
      rule: { redThreshold: 90 },
    })
    expect(await h.ok('property', 'rule.get', { streetId: 'st-jinxiu', version: 0 }, P.zhou)).toMatchObject({
      version: 0,
      isDefault: true,
      rule: DEFAULT_RULE,
    })
  })

  it('says NOT_FOUND for a version never published and refuses a bad version, changing nothing', async () => {
    await h.expectRefused('property', 'rule.get', { streetId: 'st-jinxiu', version: 99 }, P.zhou, 'NOT_FOUND')
    await h.expectRefused('property', 'rule.get', { streetId: 'st-jinxiu', version: -1 }, P.zhou, 'INVALID_INPUT')
    await h.expectRefused('property', 'rule.get', { streetId: 'st-jinxiu', version: 1.5 }, P.zhou, 'INVALID_INPUT')
  })
})

describe('核算数据', () => {
  it('gives anyone the publication’s rule, frozen inputs and result, with no rater in it', async () => {
    const data = await h.ok<{
      ruleVersion: number
      rule: unknown
      inputs: { companyId: string; households: number }[]
      published: { entries: Entry[] }
      effects: unknown[]
    }>('property', 'list.inputs', { publicationId: pub.id }, P.zhou)
    expect(data.ruleVersion).toBe(pub.ruleVersion)
    expect(data.rule).toEqual(
      (
        await h.ok<{ rule: unknown }>(
          'property',
          'rule.get',
          { streetId: 'st-jinxiu', version: pub.ruleVersion },
          P.zhou,
        )
      ).rule,
    )
    expect(data.inputs).toHaveLength(6)
    expect(data.published.entries.map(pick)).toEqual(pub.entries.map(pick))
    expect(data.effects).toEqual([expect.objectContaining({ companyId: 'co-2', kind: 'exclude', excluded: 1 })])
    expect(JSON.stringify(data)).not.toMatch(TRACES)
  })

  it('downloads as JSON that the standalone script recomputes exactly into the published list', async () => {
    const d = await h.ok<Download>('property', 'list.download', { publicationId: pub.id }, P.zhou)
    expect(d.fileName).toBe('核算数据-2026年11月-第1版.json')
    expect(d.url).toMatch(/^\/local\/files\/exports\/property\/inputs\/.+\.json$/)
    const file = join(h.dir, 'inputs.json')
    writeFileSync(file, stored(d))
    expect(readFileSync(file, 'utf8')).not.toMatch(TRACES)
    const again = recompute(file)
    const current = await h.ok<Pub>('property', 'list.current', { streetId: 'st-jinxiu' }, P.zhou)
    expect(current.id).toBe(pub.id)
    expect(again.matches).toBe(true)
    expect(again.streetMean).toBe(current.streetMean)
    expect(again.entries.map(pick)).toEqual(current.entries.map(pick))
    // The result is not trivial: red, black and not-ranked companies all appear.
    expect(new Set(again.entries.map((e) => e.placement))).toEqual(new Set(['red', 'black', 'not_ranked', 'neutral']))
  })

  it('recomputes a seeded month too, and the script notices an altered input', async () => {
    const d = await h.ok<Download>('property', 'list.download', { publicationId: OCT }, P.liu)
    const file = join(h.dir, 'oct.json')
    writeFileSync(file, stored(d))
    expect(recompute(file).matches).toBe(true)
    const data = JSON.parse(readFileSync(file, 'utf8')) as {
      inputs: { companyId: string; sums: { cleaning: number } }[]
    }
    data.inputs.find((i) => i.companyId === 'co-1')!.sums.cleaning = 0
    writeFileSync(file, JSON.stringify(data))
    expect(recompute(file).matches).toBe(false)
  })

  it('downloads as Excel: the rule, one row of inputs per company and the list', async () => {
    const f = await h.ok<{ fileId: string; url: string; fileName: string; rows: number }>(
      'export',
      'property.inputs',
      { publicationId: pub.id },
      P.zhou,
    )
    expect(f).toMatchObject({ fileName: '核算数据-2026年11月-第1版.xlsx', rows: 6 })
    expect(f.url).toMatch(/^\/local\/files\/exports\/property\/inputs\/.+\.xlsx$/)
    const d = { fileID: f.fileId, url: f.url, fileName: f.fileName }
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(stored(d) as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '规则', '核算输入', '榜单'])
    const data = await h.ok<{ inputs: { companyId: string; households: number; sums: { cleaning: number } }[] }>(
      'property',
      'list.inputs',
      { publicationId: pub.id },
      P.zhou,
    )
    const co1 = data.inputs.find((i) => i.companyId === 'co-1')!
    const rows = wb.getWorksheet('核算输入')!.getSheetValues().filter(Boolean) as unknown[][]
    const row = rows.find((r) => r[1] === 'co-1')!
    expect([row[3], row[4]]).toEqual([co1.households, co1.sums.cleaning])
    expect(wb.getWorksheet('榜单')!.rowCount).toBe(7)
    expect(JSON.stringify(wb.getWorksheet('核算输入')!.getSheetValues())).not.toMatch(TRACES)
  })

  it('names the current list’s publication on the company page, and each history point’s', async () => {
    const co = await h.ok<{ currentPublicationId: string; history: { periodId: string; publicationId: string }[] }>(
      'property',
      'company.get',
      { companyId: 'co-1' },
      P.zhou,
    )
    expect(co.currentPublicationId).toBe(pub.id)
    expect(co.history.map((p) => p.publicationId)).toEqual([
      'pub:per:st-jinxiu:2026-08:1',
      'pub:per:st-jinxiu:2026-09:1',
      OCT,
      pub.id,
    ])
  })

  it('says NOT_FOUND for an unknown list and refuses a malformed id, storing nothing', async () => {
    await h.expectRefused('property', 'list.inputs', { publicationId: 'pub:none' }, P.zhou, 'NOT_FOUND')
    await h.expectRefused('property', 'list.download', { publicationId: 'pub:none' }, P.zhou, 'NOT_FOUND')
    await h.expectRefused('export', 'property.inputs', { publicationId: 'pub:none' }, P.zhou, 'NOT_FOUND')
    await h.expectRefused('property', 'list.download', { publicationId: `${pub.id}/../x` }, P.zhou, 'INVALID_INPUT')
    await h.expectRefused('export', 'property.inputs', { publicationId: `${pub.id}/../x` }, P.zhou, 'INVALID_INPUT')
    await h.expectRefused('export', 'property.inputs', { publicationId: pub.id }, null, 'UNAUTHENTICATED')
  })
})
