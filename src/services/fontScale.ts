import Taro from '@tarojs/taro'

/** WeChat's standard font size setting, in px (「我-设置-通用-字体大小」 at 标准). */
const STANDARD = 17
/** Beyond this the layouts (two-column tiles, button rows) no longer hold. */
const MAX = 1.6

/**
 * How much larger than our own sizes text should be, from the person's WeChat font setting
 * (`fontSizeSetting`): 1 at the standard size or smaller, up to 1.6. Taro compiles our sizes to rpx,
 * which WeChat does not scale, and page-meta's root-font-size only scales rem; so PageShell puts
 * this on the page as --tx-font-scale and the theme's font sizes multiply by it. In H5 there is no
 * such setting (1; the browser's own zoom applies).
 */
export function fontScale(): number {
  if (process.env.TARO_ENV !== 'weapp') return 1
  try {
    // getAppBaseInfo answers fontSizeSetting in WeChat (Taro's type omits it); older base libraries only getSystemInfoSync.
    const info = (typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()) as {
      fontSizeSetting?: number
    }
    const setting = Number(info.fontSizeSetting) || STANDARD
    return Math.min(MAX, Math.max(1, Math.round((setting / STANDARD) * 100) / 100))
  } catch {
    return 1
  }
}
