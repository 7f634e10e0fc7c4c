import { memberRecordId } from '../../../cloudfunctions/shared/pseudonym'
import { openCloud, P, T0, type Cloud } from '../harness'

/**
 * Issue 14 §6: the unit sees its own grade, every year, and its letters' history; the member sees their own
 * grade on their ledger, by year.
 */

type Grade = { subjectId: string; year: number; grade: string; reason: string; revisions: number }
type Page<T> = { items: T[]; total: number }
type Ledger = { grade?: { grade: string; reason: string } }

const XU = 'o-liaison-xu' // liaison of u-hx-2 (锦绣区第一中学)
const FEB = new Date('2026-02-10T02:00:00Z') // last year's grades are still open until March

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())
afterEach(() => h.setNow(T0))

describe('assessment.unit', () => {
  it('shows the unit its grades of every year, newest first, with the latest revision', async () => {
    h.setNow(FEB)
    await h.ok(
      'service',
      'assessment.set',
      { subjectType: 'unit', subjectId: 'u-hx-2', year: 2025, grade: 'qualified', reason: '履行共建承诺' },
      P.secHx,
    )
    await h.ok(
      'service',
      'assessment.set',
      { subjectType: 'unit', subjectId: 'u-hx-2', year: 2026, grade: 'basic', reason: '活动参与偏少' },
      P.secHx,
    )
    await h.ok(
      'service',
      'assessment.set',
      { subjectType: 'unit', subjectId: 'u-hx-2', year: 2026, grade: 'excellent', reason: '清淤项目按期完成' },
      P.secHx,
    )
    // Another unit's grade is not in this unit's list.
    await h.ok(
      'service',
      'assessment.set',
      { subjectType: 'unit', subjectId: 'u-hx-1', year: 2026, grade: 'unqualified', reason: '未履行承诺' },
      P.secHx,
    )
    h.setNow(T0)
    const mine = await h.ok<Page<Grade>>('service', 'assessment.unit', { unitId: 'u-hx-2' }, XU)
    expect(mine.items.map((g) => [g.year, g.grade, g.reason, g.revisions])).toEqual([
      [2026, 'excellent', '清淤项目按期完成', 1],
      [2025, 'qualified', '履行共建承诺', 0],
    ])
    expect(mine.total).toBe(2)
    const bySecretary = await h.ok<Page<Grade>>('service', 'assessment.unit', { unitId: 'u-hx-2' }, P.secHx)
    expect(bySecretary.items.map((g) => g.year)).toEqual([2026, 2025])
  })

  it('refuses another unit’s liaison, another community’s secretary, a member, an unknown unit and bad input, changing nothing', async () => {
    await h.expectRefused('service', 'assessment.unit', { unitId: 'u-hx-1' }, XU, 'FORBIDDEN')
    await h.expectRefused('service', 'assessment.unit', { unitId: 'u-hx-2' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('service', 'assessment.unit', { unitId: 'u-hx-2' }, P.member, 'FORBIDDEN')
    await h.expectRefused('service', 'assessment.unit', { unitId: 'u-none' }, XU, 'NOT_FOUND')
    await h.expectRefused('service', 'assessment.unit', { unitId: '' }, XU, 'INVALID_INPUT')
  })

  it('a revision racing the unit’s read: the read shows one whole grade, and the revision is kept', async () => {
    const [set, read] = await Promise.all([
      h.call(
        'service',
        'assessment.set',
        { subjectType: 'unit', subjectId: 'u-hx-2', year: 2026, grade: 'qualified', reason: '年底复核' },
        P.secHx,
      ),
      h.call<Page<Grade>>('service', 'assessment.unit', { unitId: 'u-hx-2' }, XU),
    ])
    expect(set.env.ok).toBe(true)
    const seen = read.env.ok ? read.env.data.items[0] : null
    expect([
      ['excellent', '清淤项目按期完成', 1],
      ['qualified', '年底复核', 2],
    ]).toContainEqual([seen?.grade, seen?.reason, seen?.revisions])
    const after = await h.ok<Page<Grade>>('service', 'assessment.unit', { unitId: 'u-hx-2' }, XU)
    expect(after.items[0]).toMatchObject({ year: 2026, grade: 'qualified', reason: '年底复核', revisions: 2 })
  })
})

describe('the member’s own grade, by year', () => {
  it('shows the member last year’s grade when asked for last year, and none for a year without one', async () => {
    h.setNow(FEB)
    await h.ok(
      'service',
      'assessment.set',
      {
        subjectType: 'member',
        subjectId: memberRecordId(P.member),
        year: 2025,
        grade: 'excellent',
        reason: '全年服务 60 小时',
      },
      P.secHx,
    )
    h.setNow(T0)
    expect((await h.ok<Ledger>('service', 'ledger.get', { year: 2025 }, P.member)).grade).toEqual({
      grade: 'excellent',
      reason: '全年服务 60 小时',
    })
    expect((await h.ok<Ledger>('service', 'ledger.get', { year: 2026 }, P.member)).grade).toBeUndefined()
  })
})
