import Taro from '@tarojs/taro'
import { wgs84ToGcj02, type LatLng } from './coords'

/** Plain words for a failed location request (permission refused, no signal, browser without it). */
export const LOCATE_FAILED = '没有取得位置：请在设置中允许定位，到室外或窗边再试'

/**
 * The phone's position in GCJ-02. The mini-program asks WeChat for gcj02 directly; H5 asks the
 * browser through Taro (WGS-84 only there) and converts. Rejects with LOCATE_FAILED's words.
 */
export async function locate(): Promise<LatLng> {
  try {
    if (process.env.TARO_ENV === 'h5') {
      const r = await Taro.getLocation({ type: 'wgs84', isHighAccuracy: true, highAccuracyExpireTime: 10_000 })
      return wgs84ToGcj02({ lat: r.latitude, lng: r.longitude })
    }
    const r = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 10_000 })
    return { lat: r.latitude, lng: r.longitude }
  } catch {
    throw new Error(LOCATE_FAILED)
  }
}
