import {
  literalPattern,
  relabelPeriods,
  unitLinkOf,
  unitPickProblem,
} from '../../../cloudfunctions/service/domain/unit-link'

const NOV = new Date('2026-11-23T02:00:00Z')

describe('the member’s unit link', () => {
  it('reads the state from the record', () => {
    expect(unitLinkOf({})).toBe('unlisted')
    expect(unitLinkOf({ unitId: 'u1' })).toBe('claimed')
    expect(unitLinkOf({ unitId: 'u1', unitConfirm: { unitId: 'u1' } })).toBe('confirmed')
    // A confirmation of another unit does not carry over to a new one.
    expect(unitLinkOf({ unitId: 'u2', unitConfirm: { unitId: 'u1' } })).toBe('claimed')
    expect(unitLinkOf({ unitId: 'u1', unitConfirm: { unitId: 'u1' }, unitDisputed: true })).toBe('disputed')
  })

  it('offers units of the street checked in this year or last, and keeps the current one', () => {
    const unit = (approvedYear?: number, streetId = 'st') => ({ _id: 'u1', streetId, approvedYear })
    expect(unitPickProblem(unit(2026), 'st', NOV)).toBeNull()
    expect(unitPickProblem(unit(2025), 'st', NOV)).toBeNull()
    expect(unitPickProblem(unit(2024), 'st', NOV)).toMatch('尚未报到')
    expect(unitPickProblem(unit(undefined), 'st', NOV)).toMatch('尚未报到')
    expect(unitPickProblem(unit(undefined), 'st', NOV, 'u1')).toBeNull()
    expect(unitPickProblem(unit(2026, 'other'), 'st', NOV, 'u1')).toBe('请选择本街道已报到的单位')
  })

  it('moves the ledgers a letter may still read: the year, its quarters so far and the quarter just ended', () => {
    expect(relabelPeriods(NOV)).toEqual(['2026', '2026Q1', '2026Q2', '2026Q3', '2026Q4'])
    // 2 January (Beijing): last year's Q4 letter may still be issued.
    expect(relabelPeriods(new Date('2027-01-02T02:00:00Z'))).toEqual(['2027', '2027Q1', '2026Q4'])
  })

  it('searches for the typed name as text', () => {
    expect(new RegExp(literalPattern('a.b*(c)')).test('xa.b*(c)y')).toBe(true)
    expect(new RegExp(literalPattern('a.b')).test('axb')).toBe(false)
  })
})
