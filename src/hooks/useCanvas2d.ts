import { useEffect } from 'react'
import Taro from '@tarojs/taro'

/** Shared by everything that draws (components/Chart, the sign-in QR code). A 2D context on `<Canvas type='2d' id={id}>` sized `width`×`height` CSS px, with the device pixel ratio. */
export interface Canvas2d {
  ctx: CanvasRenderingContext2D
  node: {
    width: number
    height: number
    requestAnimationFrame?: (cb: () => void) => number
    createImage?: () => unknown
  }
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
