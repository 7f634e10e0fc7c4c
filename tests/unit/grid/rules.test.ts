import { memberRecordId } from '../../../cloudfunctions/shared/pseudonym'
import {
  DEFAULT_SETTINGS,
  REOPEN_LIMIT,
  afterConfirm,
  answerOutcome,
  canHandle,
  deadlineFor,
  doneOnTime,
  handlerKeysOf,
  handlingBucket,
  isOverdue,
  medianFromHistogram,
  rate,
  summarize,
  summonsState,
} from '../../../cloudfunctions/grid/domain/rules'
import type { RoleGrant } from '../../../types/roles'

const T = new Date('2026-11-23T02:00:00Z')
const h = (n: number) => new Date(T.getTime() + n * 3600_000)
const g = (role: RoleGrant['role'], scopeId: string): RoleGrant => ({
  role,
  scopeType: 'community',
  scopeId,
  scopeName: scopeId,
})

describe('deadlines by urgency', () => {
  it('gives 急 24 hours and 一般 72 hours by default', () => {
    expect(deadlineFor('urgent', T, DEFAULT_SETTINGS)).toEqual(h(24))
    expect(deadlineFor('normal', T, DEFAULT_SETTINGS)).toEqual(h(72))
  })
  it('follows the street settings when they differ from the defaults', () => {
    const s = { urgentHours: 4, normalHours: 48, whistleWindowHours: 12 }
    expect(deadlineFor('urgent', T, s)).toEqual(h(4))
    expect(deadlineFor('normal', T, s)).toEqual(h(48))
  })
})

describe('overdue', () => {
  it('is overdue only after the deadline while the handler still owes the fix', () => {
    expect(isOverdue({ status: 'assigned', deadline: h(24) }, h(24))).toBe(false)
    expect(isOverdue({ status: 'assigned', deadline: h(24) }, new Date(h(24).getTime() + 1))).toBe(true)
    expect(isOverdue({ status: 'accepted', deadline: h(24) }, h(30))).toBe(true)
  })
  it('is never overdue once done, closed, unassigned or converted', () => {
    for (const status of ['done', 'closed', 'deciding', 'converted'] as const)
      expect(isOverdue({ status, deadline: h(1) }, h(100))).toBe(false)
    expect(isOverdue({ status: 'reported' }, h(100))).toBe(false)
  })
  it('counts done at the deadline instant as on time and a millisecond later as late', () => {
    expect(doneOnTime(h(24), h(24))).toBe(true)
    expect(doneOnTime(h(24), new Date(h(24).getTime() + 1))).toBe(false)
  })
})

describe('reopen limit', () => {
  it('closes when the reporter confirms', () => {
    expect(afterConfirm(0, true)).toEqual({ status: 'closed', reopenCount: 0 })
    expect(afterConfirm(2, true)).toEqual({ status: 'closed', reopenCount: 2 })
  })
  it('reopens twice, then the third dissatisfaction goes to the secretary', () => {
    expect(REOPEN_LIMIT).toBe(2)
    expect(afterConfirm(0, false)).toEqual({ status: 'accepted', reopenCount: 1 })
    expect(afterConfirm(1, false)).toEqual({ status: 'accepted', reopenCount: 2 })
    expect(afterConfirm(2, false)).toEqual({ status: 'deciding', reopenCount: 2 })
  })
})

describe('whistle answers', () => {
  it('records an answer within the window as on time and after it as late', () => {
    expect(answerOutcome(h(24), h(23))).toBe('on_time')
    expect(answerOutcome(h(24), h(24))).toBe('on_time')
    expect(answerOutcome(h(24), h(25))).toBe('late')
  })
  it('shows an unanswered summons as silent once the window has passed', () => {
    expect(summonsState('pending', h(24), h(23))).toBe('pending')
    expect(summonsState('pending', h(24), h(25))).toBe('silent')
    expect(summonsState('late', h(24), h(25))).toBe('late')
    expect(summonsState('on_time', h(24), h(99))).toBe('on_time')
  })
})

describe('who handles', () => {
  const roles = [
    g('property_staff', 'co-1'),
    g('unit_liaison', 'u-1'),
    g('secretary', 'c-hx'),
    g('member', 'c-hx'),
    g('resident', 'h-1'),
  ]
  it('derives the inbox keys from scoped roles; a member by their record id, never the openid', () => {
    expect(handlerKeysOf('o-1', roles).sort()).toEqual([
      'community:c-hx',
      'company:co-1',
      `member:${memberRecordId('o-1')}`,
      'unit:u-1',
    ])
    expect(handlerKeysOf('o-1', roles).find((k) => k.startsWith('member:'))).not.toContain('o-1')
    expect(handlerKeysOf('o-2', [g('resident', 'h-1')])).toEqual([])
  })
  it('lets only people of the named party handle', () => {
    expect(canHandle('o-1', roles, { type: 'company', id: 'co-1' })).toBe(true)
    expect(canHandle('o-1', roles, { type: 'company', id: 'co-2' })).toBe(false)
    expect(canHandle('o-1', roles, { type: 'member', id: memberRecordId('o-1') })).toBe(true)
    expect(canHandle('o-1', roles, { type: 'member', id: memberRecordId('o-9') })).toBe(false)
    expect(canHandle('o-1', roles, { type: 'member', id: 'o-1' })).toBe(false)
    expect(canHandle('o-1', roles, { type: 'community', id: 'c-yg' })).toBe(false)
  })
})

describe('statistics', () => {
  it('counts handling time in whole hours rounded up, at least 1 and at most 999', () => {
    expect(handlingBucket(T, new Date(T.getTime() + 10 * 60_000))).toBe(1)
    expect(handlingBucket(T, h(5))).toBe(5)
    expect(handlingBucket(T, new Date(h(5).getTime() + 1))).toBe(6)
    expect(handlingBucket(T, h(5000))).toBe(999)
  })
  it('takes the median from the histogram: the middle value, or the mean of the two middle values', () => {
    expect(medianFromHistogram({})).toBeNull()
    expect(medianFromHistogram({ h3: 1 })).toBe(3)
    expect(medianFromHistogram({ h1: 1, h5: 1, h50: 1 })).toBe(5)
    expect(medianFromHistogram({ h2: 1, h10: 1 })).toBe(6)
    expect(medianFromHistogram({ h1: 3, h100: 2 })).toBe(1)
    expect(medianFromHistogram({ h1: 2, h100: 2 })).toBe(50.5)
    expect(medianFromHistogram({ h4: 0, h7: 2 })).toBe(7)
  })
  it('gives rates as percentages with one decimal and null when nothing was handled', () => {
    expect(rate(0, 0)).toBeNull()
    expect(rate(2, 3)).toBe(66.7)
    expect(rate(1, 1)).toBe(100)
  })
  it('summarizes counters into on-time rate, median and reopen rate', () => {
    expect(summarize({ reported: 5, handled: 4, onTime: 3, reopened: 1, hist: { h2: 2, h30: 2 } })).toEqual({
      reported: 5,
      handled: 4,
      onTime: 3,
      onTimeRate: 75,
      medianHours: 16,
      reopened: 1,
      reopenRate: 25,
    })
  })
})
