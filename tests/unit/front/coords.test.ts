import { outOfChina, wgs84ToGcj02 } from '../../../src/services/coords'
import { haversineM } from '../../../cloudfunctions/service/domain/geo'

/**
 * A browser reports WGS-84; the places and WeChat's positions are GCJ-02. Reference values from the
 * widely used implementations (wandergis/coordtransform, googollee/eviltransform test tables).
 */
describe('wgs84ToGcj02', () => {
  it.each([
    // [wgs lat, wgs lng, gcj lat, gcj lng]
    ['Tiananmen (coordtransform)', 39.915, 116.404, 39.91640428150164, 116.41024449916938],
    ['Shanghai (eviltransform)', 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215],
    ['Shenzhen (eviltransform)', 22.543847, 113.912316, 22.540796131694766, 113.9171764808363],
    ['Beijing (eviltransform)', 39.911954, 116.377817, 39.91334545536069, 116.38404722455657],
  ])('shifts a point in China like the reference: %s', (_name, lat, lng, gLat, gLng) => {
    const g = wgs84ToGcj02({ lat, lng })
    // Within a metre of the reference (the implementations differ only in the last digits).
    expect(haversineM(g, { lat: gLat, lng: gLng })).toBeLessThan(1)
  })

  it('moves a point in Wuhan (the demo street) by a few hundred metres, as GCJ-02 does', () => {
    const wgs = { lat: 30.5928, lng: 114.3055 }
    const d = haversineM(wgs, wgs84ToGcj02(wgs))
    expect(d).toBeGreaterThan(200)
    expect(d).toBeLessThan(800)
  })

  it('leaves a point outside China as it is', () => {
    expect(outOfChina({ lat: 51.5072, lng: -0.1276 })).toBe(true)
    expect(wgs84ToGcj02({ lat: 51.5072, lng: -0.1276 })).toEqual({ lat: 51.5072, lng: -0.1276 })
    expect(wgs84ToGcj02({ lat: 40.7128, lng: -74.006 })).toEqual({ lat: 40.7128, lng: -74.006 })
  })

  it('treats the demo street as inside China', () => {
    expect(outOfChina({ lat: 30.5928, lng: 114.3055 })).toBe(false)
  })
})
