/**
 * Coordinates, as pure functions (tests/unit/front/coords.test.ts). Everything the app stores and
 * compares is GCJ-02 (the datum China's maps and WeChat's `getLocation({ type: 'gcj02' })` use). A
 * browser only knows WGS-84 (GPS), and Taro's H5 getLocation supports only 'wgs84', so an H5 position
 * is converted with `wgs84ToGcj02` before it is used (services/locate).
 */

export interface LatLng {
  lat: number
  lng: number
}

// The Krasovsky 1940 ellipsoid the GCJ-02 offset is defined on.
const A = 6378245.0
const EE = 0.00669342162296594323

/** The offset applies only inside China's rough bounding box; elsewhere WGS-84 and GCJ-02 are the same. */
export function outOfChina({ lat, lng }: LatLng): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271
}

function offsetLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3
  return r
}

function offsetLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3
  return r
}

/** WGS-84 (GPS, what a browser reports) → GCJ-02 (what WeChat, the maps and our stored places use). */
export function wgs84ToGcj02(p: LatLng): LatLng {
  if (outOfChina(p)) return { lat: p.lat, lng: p.lng }
  let dLat = offsetLat(p.lng - 105, p.lat - 35)
  let dLng = offsetLng(p.lng - 105, p.lat - 35)
  const radLat = (p.lat / 180) * Math.PI
  const s = Math.sin(radLat)
  const magic = 1 - EE * s * s
  const sqrtMagic = Math.sqrt(magic)
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI)
  dLng = (dLng * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return { lat: p.lat + dLat, lng: p.lng + dLng }
}
