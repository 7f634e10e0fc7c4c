import {
  addDays,
  canObject,
  overlaps,
  periodKey,
  periodLabel,
  periodOf,
  publishProblem,
} from '../../../cloudfunctions/property/domain/periods'
import { exclusionDelta, objectionId } from '../../../cloudfunctions/property/domain/objections'
import {
  aggregateDelta,
  initialStatus,
  isNewHousehold,
  lowDimensions,
  opensRectification,
  ratingId,
} from '../../../cloudfunctions/property/domain/ratings'
import {
  confirmProblem,
  isHeldAgainst,
  isOverdueUnanswered,
  nextOnConfirm,
  nextOnReport,
} from '../../../cloudfunctions/property/domain/rectifications'
import { RuleInputSchema } from '../../../types/property'
import { DEFAULT_RULE } from '../../../cloudfunctions/property/domain/rules'

const all = (n: number) => ({ cleaning: n, order: n, repairs: n, greening: n, attitude: n, fees: n })

describe('periods', () => {
  it('keys a month and a quarter in Shanghai time', () => {
    // 2026-11-30T17:00Z is 2026-12-01 01:00 in Shanghai.
    expect(periodKey(new Date('2026-11-30T17:00:00Z'), 'monthly')).toBe('2026-12')
    expect(periodKey(new Date('2026-11-30T15:00:00Z'), 'monthly')).toBe('2026-11')
    expect(periodKey(new Date('2026-11-30T15:00:00Z'), 'quarterly')).toBe('2026-Q4')
  })

  it('bounds a month and a quarter by Shanghai midnights, the end exclusive', () => {
    expect(periodOf(new Date('2026-11-30T17:00:00Z'), 'monthly')).toEqual({
      key: '2026-12',
      start: new Date('2026-11-30T16:00:00Z'),
      end: new Date('2026-12-31T16:00:00Z'),
    })
    expect(periodOf(new Date('2026-11-30T15:00:00Z'), 'quarterly')).toEqual({
      key: '2026-Q4',
      start: new Date('2026-09-30T16:00:00Z'),
      end: new Date('2026-12-31T16:00:00Z'),
    })
    // The last quarter's end is the next year's first midnight; December's likewise.
    expect(periodOf(new Date('2026-12-31T15:59:59Z'), 'monthly').end).toEqual(new Date('2026-12-31T16:00:00Z'))
    expect(periodOf(new Date('2027-02-10T00:00:00Z'), 'quarterly')).toMatchObject({
      key: '2027-Q1',
      end: new Date('2027-03-31T16:00:00Z'),
    })
  })

  it('finds overlap by dates, not keys: a quarter overlaps its months; adjacent periods do not', () => {
    const nov = periodOf(new Date('2026-11-10T00:00:00Z'), 'monthly')
    const dec = periodOf(new Date('2026-12-10T00:00:00Z'), 'monthly')
    const q4 = periodOf(new Date('2026-11-10T00:00:00Z'), 'quarterly')
    expect(overlaps(nov, q4)).toBe(true)
    expect(overlaps(dec, q4)).toBe(true)
    expect(overlaps(nov, dec)).toBe(false)
    expect(overlaps(q4, periodOf(new Date('2027-01-10T00:00:00Z'), 'monthly'))).toBe(false)
  })

  it('labels periods in Chinese', () => {
    expect(periodLabel('2026-11')).toBe('2026年11月')
    expect(periodLabel('2026-Q2')).toBe('2026年第二季度')
  })

  it('opens the objection window only while closed and before its end', () => {
    const t = new Date('2026-11-23T00:00:00Z')
    expect(canObject({ status: 'closed', objectionUntil: addDays(t, 1) }, t)).toBe(true)
    expect(canObject({ status: 'closed', objectionUntil: t }, t)).toBe(false)
    expect(canObject({ status: 'open' }, t)).toBe(false)
  })

  it('publishes only after the close, the objection window, every objection decided and every held rating reviewed', () => {
    const t = new Date('2026-11-23T00:00:00Z')
    const none = { pendingObjections: 0, heldRatings: 0 }
    expect(publishProblem({ status: 'open' }, none, t)).toContain('尚未结束')
    expect(publishProblem({ status: 'closed', objectionUntil: addDays(t, 1) }, none, t)).toBe('异议期尚未结束')
    expect(publishProblem({ status: 'closed', objectionUntil: t }, { ...none, pendingObjections: 1 }, t)).toBe(
      '还有 1 条异议未处理',
    )
    expect(publishProblem({ status: 'closed', objectionUntil: t }, none, t)).toBeNull()
    expect(publishProblem({ status: 'published' }, none, t)).toBeNull()
  })

  it('refuses publishing while a held rating of the period awaits review, naming how many', () => {
    const t = new Date('2026-11-23T00:00:00Z')
    const held = { pendingObjections: 0, heldRatings: 2 }
    expect(publishProblem({ status: 'closed', objectionUntil: t }, held, t)).toBe(
      '还有 2 条评价待复核，请先在「复核」中计入或不计入后再发布',
    )
    // Republishing waits for them too (none can appear after the close, but the rule does not depend on it).
    expect(publishProblem({ status: 'published' }, held, t)).toMatch(/^还有 2 条评价待复核/)
    // The window and undecided objections are reported first: they are the earlier steps.
    expect(publishProblem({ status: 'closed', objectionUntil: addDays(t, 1) }, held, t)).toBe('异议期尚未结束')
    expect(publishProblem({ status: 'closed', objectionUntil: t }, { ...held, pendingObjections: 1 }, t)).toBe(
      '还有 1 条异议未处理',
    )
  })
})

describe('ratings', () => {
  it('has one id per household, company and period', () => {
    expect(ratingId('p', 'co-1', 'h-1')).toBe(ratingId('p', 'co-1', 'h-1'))
    expect(ratingId('p', 'co-1', 'h-1')).not.toBe(ratingId('p', 'co-2', 'h-1'))
  })

  it('finds the dimensions rated 2 stars or less and opens rectification only with a comment', () => {
    const s = { ...all(4), repairs: 2, fees: 1 }
    expect(lowDimensions(s)).toEqual(['repairs', 'fees'])
    expect(opensRectification(s, '电梯坏了一个月')).toBe(true)
    expect(opensRectification(s, undefined)).toBe(false)
    expect(opensRectification(all(3), '一般')).toBe(false)
  })

  it('holds new households’ ratings beyond the threshold, and counts the rest', () => {
    const now = new Date('2026-11-23T00:00:00Z')
    const rule = { holdDays: 7, holdThreshold: 2 }
    expect(isNewHousehold(addDays(now, -3), now, rule)).toBe(true)
    expect(isNewHousehold(addDays(now, -8), now, rule)).toBe(false)
    expect(isNewHousehold(undefined, now, rule)).toBe(false)
    expect(initialStatus(true, 1, rule)).toBe('counted')
    expect(initialStatus(true, 2, rule)).toBe('held')
    expect(initialStatus(false, 99, rule)).toBe('counted')
  })

  it('adds a new counted rating, and subtracts the old stars on an edit', () => {
    expect(aggregateDelta(null, { stars: all(4), status: 'counted' })).toEqual({ sums: all(4), households: 1, held: 0 })
    const edit = aggregateDelta(
      { stars: all(4), status: 'counted' },
      { stars: { ...all(4), fees: 1 }, status: 'counted' },
    )
    expect(edit).toEqual({ sums: { ...all(0), fees: -3 }, households: 0, held: 0 })
  })

  it('keeps held ratings out of the sums until reviewed, then adds them', () => {
    expect(aggregateDelta(null, { stars: all(5), status: 'held' })).toEqual({ sums: all(0), households: 0, held: 1 })
    expect(aggregateDelta({ stars: all(5), status: 'held' }, { stars: all(5), status: 'counted' })).toEqual({
      sums: all(5),
      households: 1,
      held: -1,
    })
    expect(aggregateDelta({ stars: all(5), status: 'held' }, { stars: all(5), status: 'rejected' })).toEqual({
      sums: all(0),
      households: 0,
      held: -1,
    })
  })
})

describe('rectification', () => {
  it('goes open → in progress → reported → resolved, and back to in progress when not fixed', () => {
    expect(nextOnReport('open', false)).toBe('in_progress')
    expect(nextOnReport('in_progress', true)).toBe('reported')
    expect(confirmProblem('in_progress')).toBe('物业尚未报告整改完成')
    expect(confirmProblem('reported')).toBeNull()
    expect(nextOnConfirm(true)).toBe('resolved')
    expect(nextOnConfirm(false)).toBe('in_progress')
  })

  it('holds unanswered items past the reply window and unresolved items past the due date against the company', () => {
    const t = new Date('2026-11-23T00:00:00Z')
    const item = { status: 'open' as const, answerDueAt: addDays(t, -1), dueAt: addDays(t, 10) }
    expect(isOverdueUnanswered(item, t)).toBe(true)
    expect(isHeldAgainst(item, t)).toBe(true)
    expect(isHeldAgainst({ ...item, status: 'in_progress' }, t)).toBe(false)
    expect(isHeldAgainst({ ...item, status: 'in_progress', dueAt: addDays(t, -1) }, t)).toBe(true)
    expect(isHeldAgainst({ ...item, status: 'resolved', dueAt: addDays(t, -1) }, t)).toBe(false)
  })
})

describe('the rule schema', () => {
  it('accepts the default rule', () => {
    expect(RuleInputSchema.safeParse(DEFAULT_RULE).success).toBe(true)
  })

  it('refuses a black threshold at or above the red one', () => {
    const r = RuleInputSchema.safeParse({ ...DEFAULT_RULE, blackThreshold: 85 })
    expect(r.success ? '' : r.error.issues[0].message).toBe('黑榜线必须低于红榜线')
  })

  it('refuses all-zero weights', () => {
    expect(
      RuleInputSchema.safeParse({ ...DEFAULT_RULE, weights: { satisfaction: 0, community: 0, rectification: 0 } })
        .success,
    ).toBe(false)
  })

  it('takes any whole non-negative dimension weights up to 100 (normalised, no fixed sum), not all zero', () => {
    const dims = (w: Partial<Record<string, number>>) => ({
      ...DEFAULT_RULE,
      dimensionWeights: { ...DEFAULT_RULE.dimensionWeights, ...w },
    })
    const first = (r: ReturnType<typeof RuleInputSchema.safeParse>) =>
      r.success ? null : { path: r.error.issues[0].path.join('.'), message: r.error.issues[0].message }
    expect(
      first(
        RuleInputSchema.safeParse(dims({ cleaning: 30, order: 0, repairs: 25, greening: 5, attitude: 100, fees: 7 })),
      ),
    ).toBeNull()
    expect(first(RuleInputSchema.safeParse(dims({ fees: -1 })))).toEqual({
      path: 'dimensionWeights.fees',
      message: '不能小于 0',
    })
    expect(first(RuleInputSchema.safeParse(dims({ fees: 1.5 })))).toEqual({
      path: 'dimensionWeights.fees',
      message: '须为整数',
    })
    expect(first(RuleInputSchema.safeParse(dims({ fees: 101 })))).toEqual({
      path: 'dimensionWeights.fees',
      message: '不能大于 100',
    })
    expect(first(RuleInputSchema.safeParse(dims({ fees: Number.NaN })))).toEqual({
      path: 'dimensionWeights.fees',
      message: '须为数字',
    })
    expect(
      first(RuleInputSchema.safeParse(dims({ cleaning: 0, order: 0, repairs: 0, greening: 0, attitude: 0, fees: 0 }))),
    ).toEqual({ path: 'dimensionWeights', message: '六项评价权重不能都为 0' })
  })
})

describe('republication', () => {
  it('may republish the latest published period, not one followed by a newer period', () => {
    const t = new Date('2026-11-23T00:00:00Z')
    const none = { pendingObjections: 0, heldRatings: 0 }
    expect(publishProblem({ status: 'published' }, none, t)).toBeNull()
    expect(publishProblem({ status: 'published', nextPeriodId: 'per:st:2026-12' }, none, t)).toBe(
      '已开启更新的评价周期，不能再重新发布本期榜单',
    )
    // A period never published may still be published after the next one opened (it joins the history).
    expect(publishProblem({ status: 'closed', objectionUntil: t, nextPeriodId: 'per:st:2026-12' }, none, t)).toBeNull()
  })
})

describe('objections', () => {
  const all = (n: number) => ({ cleaning: n, order: n, repairs: n, greening: n, attitude: n, fees: n })

  it('numbers a company’s objections of a period with bounded, deterministic ids', () => {
    const a = objectionId('per:st-jinxiu:2026-11', 'co-2', 1)
    expect(a).toBe(objectionId('per:st-jinxiu:2026-11', 'co-2', 1))
    expect(a).toMatch(/^obj_[0-9a-f]{16}_1$/)
    expect(objectionId('per:st-jinxiu:2026-11', 'co-2', 2)).not.toBe(a)
    expect(objectionId('per:st-jinxiu:2026-11', 'co-1', 1)).not.toBe(a)
    expect(objectionId(`per:${'s'.repeat(60)}:2026-11`, 'c'.repeat(60), 12).length).toBeLessThanOrEqual(64)
  })

  it('takes excluded ratings’ stars, households and items (resolved ones from the resolved count) out of the aggregate', () => {
    const d = exclusionDelta(
      [
        { stars: all(2), status: 'counted' },
        { stars: { ...all(4), fees: 1 }, status: 'counted' },
      ],
      [{ status: 'open' }, { status: 'resolved' }],
    )
    expect(d).toEqual({ sums: { ...all(-6), fees: -3 }, households: -2, held: 0, rectTotal: -2, rectResolved: -1 })
  })

  it('refuses a rule without an objection window', () => {
    expect(RuleInputSchema.safeParse({ ...DEFAULT_RULE, objectionDays: 0 }).success).toBe(false)
    expect(RuleInputSchema.safeParse({ ...DEFAULT_RULE, objectionDays: 1 }).success).toBe(true)
  })
})
