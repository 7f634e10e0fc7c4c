import { Canvas as TaroCanvas } from '@tarojs/components'
import { Axis, Canvas, Chart, Line, Point, createElement } from '@antv/f2'
import { CHART_LABEL, useCanvas2d } from '../../../hooks/useCanvas2d'

export interface HistoryChartProps {
  points: { periodLabel: string; score: number }[]
  width?: number
  height?: number
}

// F2's createElement types reject its own components; the runtime accepts them.
const h = createElement as unknown as (type: unknown, props: Record<string, unknown> | null, ...children: unknown[]) => unknown

/** A company's score over the published periods (F2 on a 2D canvas; kept in this subpackage). */
export default function HistoryChart({ points, width = 330, height = 200 }: HistoryChartProps) {
  const data = points.map((p) => ({ period: p.periodLabel.replace(/^\d{4}年/, ''), score: p.score }))
  useCanvas2d('pp-history', width, height, ({ ctx, node, dpr }) => {
    const tree = h(
      Canvas,
      { context: ctx, pixelRatio: dpr, width, height, requestAnimationFrame: node.requestAnimationFrame?.bind(node), createImage: node.createImage?.bind(node), animate: false },
      h(
        Chart,
        { data, scale: { score: { min: 0, max: 100 } } },
        h(Axis, { field: 'period', style: { label: CHART_LABEL } }),
        h(Axis, { field: 'score', style: { label: CHART_LABEL } }),
        h(Line, { x: 'period', y: 'score', color: '#C8161D' }),
        h(Point, { x: 'period', y: 'score', color: '#C8161D' }),
      ),
    ) as { props: Record<string, unknown> }
    const chart = new Canvas(tree.props as never)
    void chart.render()
  }, [JSON.stringify(data), width, height])
  return <TaroCanvas type='2d' id='pp-history' className='pp-chart' style={{ width: `${width}px`, height: `${height}px` }} />
}
