import { roomNumbers } from '../../../cloudfunctions/org/domain/rooms'

describe('room numbers', () => {
  it('numbers floor by floor with two-digit doors', () => {
    expect(roomNumbers(2, 3)).toEqual(['101', '102', '103', '201', '202', '203'])
  })
  it('keeps the door two digits on high floors with many doors', () => {
    expect(roomNumbers(12, 12).slice(-2)).toEqual(['1211', '1212'])
  })
  it('gives floors × doors distinct rooms', () => {
    const rooms = roomNumbers(40, 12)
    expect(new Set(rooms).size).toBe(480)
  })
})
