/**
 * Room numbers of a building: floor then a two-digit door (101, 102 … 1201), the way residents write
 * their address. Pure, so the numbering is tested directly.
 */
export function roomNumbers(floors: number, roomsPerFloor: number): string[] {
  const rooms: string[] = []
  for (let f = 1; f <= floors; f++) {
    for (let r = 1; r <= roomsPerFloor; r++) rooms.push(`${f}${String(r).padStart(2, '0')}`)
  }
  return rooms
}
