import { Canvas as TaroCanvas } from '@tarojs/components'
import { Axis, Canvas, Chart, Interval, createElement } from '@antv/f2'
import { CHART_LABEL, useCanvas2d } from '../../../hooks/useCanvas2d'

export interface MinutesChartProps {
  /** 12 numbers: minutes per month. */
  minutesByMonth: number[]
  width?: number
  height?: number
}

// F2's createElement types reject its own components; the runtime accepts them.
const h = createElement as unknown as (type: unknown, props: Record<string, unknown> | null, ...children: unknown[]) => unknown

/** Service hours per month as a bar chart (F2 on a 2D canvas; kept in this subpackage). */
export default function MinutesChart({ minutesByMonth, width = 330, height = 220 }: MinutesChartProps) {
  const data = minutesByMonth.map((m, i) => ({ month: String(i + 1), hours: Math.round(m / 6) / 10 }))
  useCanvas2d('svc-chart', width, height, ({ ctx, node, dpr }) => {
    const tree = h(
      Canvas,
      { context: ctx, pixelRatio: dpr, width, height, requestAnimationFrame: node.requestAnimationFrame?.bind(node), createImage: node.createImage?.bind(node), animate: false },
      h(Chart, { data }, h(Axis, { field: 'month', style: { label: CHART_LABEL } }), h(Axis, { field: 'hours', style: { label: CHART_LABEL } }), h(Interval, { x: 'month', y: 'hours', color: '#C8161D' })),
    ) as { props: Record<string, unknown> }
    const chart = new Canvas(tree.props as never)
    void chart.render()
  }, [JSON.stringify(minutesByMonth), width, height])
  return <TaroCanvas type='2d' id='svc-chart' className='svc-chart' style={{ width: `${width}px`, height: `${height}px` }} />
}
