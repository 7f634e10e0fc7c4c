import { haversineM, withinRadius } from '../../../cloudfunctions/service/domain/geo'
import {
  letterQuarterProblem,
  letterQuarters,
  monthOf,
  previousQuarter,
  quarterOf,
  quarterRange,
  yearOf,
  yearRange,
} from '../../../cloudfunctions/shared/period'

describe('haversine distance', () => {
  it('is zero for the same point', () => {
    expect(haversineM({ lat: 30.5, lng: 114.3 }, { lat: 30.5, lng: 114.3 })).toBe(0)
  })
  it('matches one degree of latitude (~111.2 km)', () => {
    expect(Math.round(haversineM({ lat: 0, lng: 0 }, { lat: 1, lng: 0 }))).toBe(111195)
  })
  it('measures a short distance in a city to the metre', () => {
    // 0.001° of latitude ≈ 111 m
    expect(Math.round(haversineM({ lat: 30.5, lng: 114.3 }, { lat: 30.501, lng: 114.3 }))).toBe(111)
  })
  it('accepts a point inside the radius and refuses one outside', () => {
    const place = { lat: 30.5, lng: 114.3 }
    expect(withinRadius(place, { lat: 30.5015, lng: 114.3 }, 200)).toBe(true)
    expect(withinRadius(place, { lat: 30.5025, lng: 114.3 }, 200)).toBe(false)
  })
})

describe('periods in Asia/Shanghai', () => {
  it('puts 31 Dec 16:00 UTC in the next year (00:00 in Shanghai)', () => {
    const d = new Date('2026-12-31T16:00:00Z')
    expect([yearOf(d), monthOf(d), quarterOf(d)]).toEqual([2027, 1, '2027Q1'])
  })
  it('keeps 31 Dec 15:59 UTC in the old year', () => {
    const d = new Date('2026-12-31T15:59:59Z')
    expect([yearOf(d), monthOf(d), quarterOf(d)]).toEqual([2026, 12, '2026Q4'])
  })
  it('gives a quarter its Shanghai instants', () => {
    expect(quarterRange('2026Q4')).toEqual({
      start: new Date('2026-09-30T16:00:00Z'),
      end: new Date('2026-12-31T16:00:00Z'),
    })
    expect(quarterRange('2026Q1').start).toEqual(new Date('2025-12-31T16:00:00Z'))
  })
  it('opens letters for the running quarter and the one just ended, until the next quarter ends', () => {
    const now = new Date('2026-11-23T02:00:00Z')
    expect(letterQuarters(now)).toEqual(['2026Q4', '2026Q3'])
    expect(letterQuarterProblem('2026Q4', now)).toBeNull()
    expect(letterQuarterProblem('2026Q3', now)).toBeNull()
    expect(letterQuarterProblem('2026Q2', now)).toBe('2026Q2 的反馈函已关闭：只能出具本季度或上一季度的反馈函')
    expect(letterQuarterProblem('2027Q1', now)).toBe('该季度尚未开始')
    // In January (Beijing), last year's Q4 is the quarter just ended; 1 Jan 00:30 Beijing is 31 Dec 16:30 UTC.
    const newYear = new Date('2026-12-31T16:30:00Z')
    expect(letterQuarters(newYear)).toEqual(['2027Q1', '2026Q4'])
    expect(letterQuarterProblem('2026Q3', newYear)).not.toBeNull()
    // The last instant of 2027Q1 (Beijing) still takes 2026Q4; the next one does not.
    expect(letterQuarterProblem('2026Q4', new Date('2027-03-31T15:59:59Z'))).toBeNull()
    expect(letterQuarterProblem('2026Q4', new Date('2027-03-31T16:00:00Z'))).not.toBeNull()
  })
  it('steps back a quarter across the year', () => {
    expect(previousQuarter('2027Q1')).toBe('2026Q4')
    expect(previousQuarter('2026Q3')).toBe('2026Q2')
  })
  it('gives a year its Shanghai instants', () => {
    expect(yearRange(2026)).toEqual({ start: new Date('2025-12-31T16:00:00Z'), end: new Date('2026-12-31T16:00:00Z') })
  })
})
