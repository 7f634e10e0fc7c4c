import { Canvas, Text, View } from '@tarojs/components'
import { useCanvas2d } from '../../hooks/useCanvas2d'
import { drawBars, drawLine, type BarSeries, type Ctx2d } from './draw'
import './index.scss'

export type { BarSeries } from './draw'

interface Size {
  /** The canvas id, unique on the page. */
  id: string
  /** CSS px. */
  width?: number
  height?: number
}

export interface BarChartProps extends Size {
  categories: string[]
  series: BarSeries[]
  /** Whole-number ticks (counts of things). */
  integer?: boolean
}

export interface LineChartProps extends Size {
  categories: string[]
  values: number[]
  color: string
  /** The top of the fixed scale (e.g. 100 for scores). */
  max: number
}

const canvasStyle = (width: number, height: number) => ({ width: `${width}px`, height: `${height}px` })

/** Bars per category (several series side by side, named in a legend under the chart). */
export function BarChart({ id, categories, series, integer, width = 330, height = 220 }: BarChartProps) {
  useCanvas2d(
    id,
    width,
    height,
    ({ ctx, dpr }) => {
      ctx.scale(dpr, dpr)
      drawBars(ctx as unknown as Ctx2d, width, height, categories, series, { integer })
    },
    [id, JSON.stringify([categories, series]), integer, width, height],
  )
  return (
    <View className='tx-chart'>
      <Canvas type='2d' id={id} className='tx-chart__canvas' style={canvasStyle(width, height)} />
      {series.length > 1 ? (
        <View className='tx-chart__legend'>
          {series.map((s) => (
            <View key={s.name} className='tx-chart__key'>
              <View className='tx-chart__swatch' style={{ background: s.color }} />
              <Text className='tx-chart__name'>{s.name}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}

/** A line with a point per category, on a fixed scale from 0 to `max`. */
export function LineChart({ id, categories, values, color, max, width = 330, height = 200 }: LineChartProps) {
  useCanvas2d(
    id,
    width,
    height,
    ({ ctx, dpr }) => {
      ctx.scale(dpr, dpr)
      drawLine(ctx as unknown as Ctx2d, width, height, categories, values, { color, max })
    },
    [id, JSON.stringify([categories, values]), color, max, width, height],
  )
  return (
    <View className='tx-chart'>
      <Canvas type='2d' id={id} className='tx-chart__canvas' style={canvasStyle(width, height)} />
    </View>
  )
}
