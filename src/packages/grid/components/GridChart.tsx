import { Canvas as TaroCanvas } from '@tarojs/components'
import { Axis, Canvas, Chart, Interval, createElement } from '@antv/f2'
import type { GridStatsView } from '../../../../types/grid'
import { CHART_LABEL, useCanvas2d } from '../../../hooks/useCanvas2d'

// F2's createElement types reject its own components; the runtime accepts them.
const h = createElement as unknown as (type: unknown, props: Record<string, unknown> | null, ...children: unknown[]) => unknown

/** Events reported and fixed on time per grid (F2 bars on a 2D canvas). */
export default function GridChart({ grids, width = 330, height = 220 }: { grids: GridStatsView[]; width?: number; height?: number }) {
  const data = grids.flatMap((g) => [
    { grid: g.scopeName.replace('网格', ''), kind: '上报', n: g.reported },
    { grid: g.scopeName.replace('网格', ''), kind: '按时办结', n: g.onTime },
  ])
  useCanvas2d('gd-stats', width, height, ({ ctx, node, dpr }) => {
    const tree = h(
      Canvas,
      { context: ctx, pixelRatio: dpr, width, height, requestAnimationFrame: node.requestAnimationFrame?.bind(node), createImage: node.createImage?.bind(node), animate: false },
      h(
        Chart,
        { data, scale: { n: { min: 0, tickInterval: 1 } } },
        h(Axis, { field: 'grid', style: { label: CHART_LABEL } }),
        h(Axis, { field: 'n', style: { label: CHART_LABEL } }),
        h(Interval, { x: 'grid', y: 'n', color: { field: 'kind', range: ['#C8161D', '#1F7A3D'] }, adjust: 'dodge' }),
      ),
    ) as { props: Record<string, unknown> }
    void new Canvas(tree.props as never).render()
  }, [JSON.stringify(data), width, height])
  return <TaroCanvas type='2d' id='gd-stats' className='gd-chart' style={{ width: `${width}px`, height: `${height}px` }} />
}

