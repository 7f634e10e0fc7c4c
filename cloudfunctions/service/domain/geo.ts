/** Great-circle distance in metres between two WGS-84 points (haversine, mean Earth radius). */
export interface Point {
  lat: number
  lng: number
}

const R = 6_371_008.8
const rad = (deg: number) => (deg * Math.PI) / 180

export function haversineM(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)))
}

export const withinRadius = (place: Point, here: Point, radiusM: number) => haversineM(place, here) <= radiusM
