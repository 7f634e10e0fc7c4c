import { useEffect } from 'react'
import Taro from '@tarojs/taro'

/** Shared by every subpackage that draws (charts, the sign-in QR code). A 2D context on `<Canvas type='2d' id={id}>` sized `width`×`height` CSS px, with the device pixel ratio. */
export interface Canvas2d {
  ctx: CanvasRenderingContext2D
  node: { width: number; height: number; requestAnimationFrame?: (cb: () => void) => number; createImage?: () => unknown }
  dpr: number
}

export function useCanvas2d(id: string, width: number, height: number, draw: (c: Canvas2d) => void, deps: unknown[]) {
  useEffect(() => {
    let live = true
    const timer = setTimeout(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: Canvas2d['node'] & { getContext: (k: '2d') => CanvasRenderingContext2D } }[]) => {
          const node = res?.[0]?.node
          if (!live || !node) return
          const dpr = Taro.getSystemInfoSync().pixelRatio || 2
          node.width = Math.round(width * dpr)
          node.height = Math.round(height * dpr)
          draw({ ctx: node.getContext('2d'), node, dpr })
        })
    }, 60)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, deps)
}

/**
 * Axis labels of every chart: canvas text is drawn in CSS px, so 17 px (≥ 32rpx on phones up to
 * 398 px wide) in the secondary text colour (8.4:1 on white), not F2's 10–12 px grey.
 */
export const CHART_LABEL = { fontSize: 17, fill: '#564c45' } as const
