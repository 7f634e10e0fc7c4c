/** Whole number typed by a person ("12"), or undefined when it is not one. */
export function parseWhole(text: string): number | undefined {
  const t = text.trim()
  return /^\d{1,6}$/.test(t) ? Number(t) : undefined
}

/** 平方米 with up to two decimals ("85.5") → whole dm² (8550); undefined when not such a number. */
export function squareMetresToDm2(text: string): number | undefined {
  const t = text.trim()
  const m = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(t)
  if (!m) return undefined
  // Integer arithmetic: 85.55 × 100 in floating point is 8554.999…
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

/** The room numbers the server will generate, as a range: 101 – 1204. */
export function roomRange(floors: number, roomsPerFloor: number): string {
  const last = `${floors}${String(roomsPerFloor).padStart(2, '0')}`
  return floors * roomsPerFloor === 1 ? '101' : `101 – ${last}`
}
