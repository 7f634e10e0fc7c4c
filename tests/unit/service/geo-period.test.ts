import { haversineM, withinRadius } from '../../../cloudfunctions/service/domain/geo'
import { monthOf, quarterOf, quarterRange, quarterStarted, yearOf } from '../../../cloudfunctions/service/domain/period'

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
    expect(quarterRange('2026Q4')).toEqual({ start: new Date('2026-09-30T16:00:00Z'), end: new Date('2026-12-31T16:00:00Z') })
    expect(quarterRange('2026Q1').start).toEqual(new Date('2025-12-31T16:00:00Z'))
  })
  it('knows whether a quarter has started', () => {
    const now = new Date('2026-11-23T02:00:00Z')
    expect(quarterStarted('2026Q4', now)).toBe(true)
    expect(quarterStarted('2027Q1', now)).toBe(false)
  })
})
