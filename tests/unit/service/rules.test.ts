import {
  canSubmit,
  currentStatus,
  isOverdue,
  pushHistory,
  HISTORY_LIMIT,
} from '../../../cloudfunctions/service/domain/checkin'
import { gradeYearProblem, gradeYears, reviseAssessment } from '../../../cloudfunctions/service/domain/grades'
import {
  CLAIM_HOLD_DAYS,
  claimDueAt,
  claimLapsed,
  claimProblem,
  effectiveWishStatus,
  maskPhones,
  ratingAvgTenths,
} from '../../../cloudfunctions/service/domain/wishes'
import { formatQuantity, formatTenths, GRADE_LABEL, parseTenths, QuantitySchema } from '../../../types/service'

describe('yearly check-in', () => {
  it('shows someone approved last year as overdue this year', () => {
    expect(isOverdue(2025, 2026)).toBe(true)
    expect(isOverdue(2026, 2026)).toBe(false)
    expect(isOverdue(undefined, 2026)).toBe(false)
  })
  it('does not count last year’s approval as this year’s check-in', () => {
    expect(currentStatus({ status: 'approved', year: 2025 }, 2026)).toBe('none')
    expect(currentStatus({ status: 'approved', year: 2026 }, 2026)).toBe('approved')
    expect(currentStatus(undefined, 2026)).toBe('none')
  })
  it('lets a returned or missing application be submitted again, but not an approved one', () => {
    expect(canSubmit({ status: 'returned', year: 2026 }, 2026)).toBe(true)
    expect(canSubmit(undefined, 2026)).toBe(true)
    expect(canSubmit({ status: 'approved', year: 2026 }, 2026)).toBe(false)
    expect(canSubmit({ status: 'approved', year: 2025 }, 2026)).toBe(true)
  })
  it('keeps a bounded history, newest last', () => {
    let h: number[] = []
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) h = pushHistory(h, i)
    expect(h).toHaveLength(HISTORY_LIMIT)
    expect(h[h.length - 1]).toBe(HISTORY_LIMIT + 4)
  })
})

describe('微心愿 states', () => {
  const now = new Date('2026-11-23T02:00:00Z')
  const due = (days: number) => new Date(now.getTime() + days * 86400_000)
  it('returns an unclaimed wish past its date to the community', () => {
    expect(effectiveWishStatus({ status: 'open', dueAt: due(-1) }, now)).toBe('returned')
    expect(claimProblem({ status: 'open', dueAt: due(-1) }, now)).toBe('心愿已过期，已退回社区')
  })
  it('keeps a claimed wish with its claimer after the date', () => {
    expect(effectiveWishStatus({ status: 'claimed', dueAt: due(-1) }, now)).toBe('claimed')
  })
  it('allows one live claim only', () => {
    expect(claimProblem({ status: 'open', dueAt: due(3) }, now)).toBeNull()
    expect(claimProblem({ status: 'claimed', dueAt: due(3) }, now)).toBe('心愿已被认领')
  })
  it('averages ratings in integer tenths', () => {
    expect(ratingAvgTenths(9, 2)).toBe(45)
    expect(ratingAvgTenths(14, 3)).toBe(47)
    expect(ratingAvgTenths(0, 0)).toBeUndefined()
  })
})

describe('grades', () => {
  const rev = (grade: 'excellent' | 'qualified', at: string) => ({
    grade,
    reason: 'r',
    by: 'o',
    byName: 'n',
    at: new Date(at),
  })
  it('names the four grades in Chinese', () => {
    expect(Object.values(GRADE_LABEL)).toEqual(['优秀', '合格', '基本合格', '不合格'])
  })
  it('keeps the earlier grade when revised', () => {
    const first = reviseAssessment(null, rev('qualified', '2026-11-01'))
    expect(first.revisions).toEqual([])
    const second = reviseAssessment({ ...first.current, revisions: first.revisions }, rev('excellent', '2026-11-02'))
    expect(second.current.grade).toBe('excellent')
    expect(second.revisions.map((r) => r.grade)).toEqual(['qualified'])
  })
  it('grades the current year, and last year until the end of March (Beijing)', () => {
    const november = new Date('2026-11-23T02:00:00Z')
    expect(gradeYearProblem(2026, november)).toBeNull()
    expect(gradeYearProblem(2025, november)).toBe('2025 年度的评议已于 2026 年 3 月底关闭')
    expect(gradeYearProblem(2024, november)).toBe('该年度的评议已关闭')
    expect(gradeYearProblem(2027, november)).toBe('不能评议尚未开始的年度')
    expect(gradeYears(november)).toEqual([2026])
    // 31 March 23:59 Beijing is 15:59 UTC: last year is still open; a minute later it is closed.
    const lastMinute = new Date('2027-03-31T15:59:00Z')
    expect(gradeYearProblem(2026, lastMinute)).toBeNull()
    expect(gradeYears(lastMinute)).toEqual([2027, 2026])
    expect(gradeYearProblem(2026, new Date('2027-03-31T16:00:00Z'))).not.toBeNull()
    expect(gradeYearProblem(2025, lastMinute)).toBe('该年度的评议已关闭')
  })
})

describe('exact quantities', () => {
  it('formats and parses the demo needs without losing a tenth', () => {
    expect(formatTenths(256165)).toBe('25616.5')
    expect(formatTenths(8490)).toBe('849')
    expect(parseTenths('25616.5')).toBe(256165)
    expect(parseTenths('849')).toBe(8490)
    expect(parseTenths('1.25')).toBeNull()
    expect(formatQuantity({ tenths: 256165, unit: '平方米' })).toBe('25616.5 ㎡')
  })
  it('refuses fractional tenths and zero', () => {
    expect(QuantitySchema.safeParse({ tenths: 1.5, unit: '米' }).success).toBe(false)
    expect(QuantitySchema.safeParse({ tenths: 0, unit: '米' }).success).toBe(false)
  })
})

describe('wishes come back', () => {
  const T = new Date('2026-11-23T02:00:00Z')
  const days = (n: number) => new Date(T.getTime() + n * 86400_000)
  it('holds a claim 7 days, never past the wish’s date', () => {
    expect(claimDueAt(T, days(30))).toEqual(days(CLAIM_HOLD_DAYS))
    expect(claimDueAt(T, days(3))).toEqual(days(3))
  })
  it('knows when a claim has run out', () => {
    expect(claimLapsed({ status: 'claimed', claimDueAt: days(1) }, days(1))).toBe(true)
    expect(claimLapsed({ status: 'claimed', claimDueAt: days(1) }, T)).toBe(false)
    expect(claimLapsed({ status: 'delivered', claimDueAt: days(1) }, days(2))).toBe(false)
  })
  it('masks mobile numbers however they are written, and leaves other numbers alone', () => {
    expect(maskPhones('电话13800138000')).toBe('电话138****8000')
    expect(maskPhones('138 0013 8000 或 139-0013-9000')).toBe('138****8000 或 139****9000')
    expect(maskPhones('门牌 1号楼 101，25616.5 平方米，订单 213800138000')).toBe(
      '门牌 1号楼 101，25616.5 平方米，订单 213800138000',
    )
  })
})
