import type { GridStatsView } from '../../../../types/grid'
import { BarChart } from '../../../components/Chart'

/** Events reported and fixed on time per grid, side by side. */
export default function GridChart({ grids }: { grids: GridStatsView[] }) {
  return (
    <BarChart
      id='gd-stats'
      integer
      categories={grids.map((g) => g.scopeName.replace('网格', ''))}
      series={[
        { name: '上报', color: '#C8161D', values: grids.map((g) => g.reported) },
        { name: '按时办结', color: '#1F7A3D', values: grids.map((g) => g.onTime) },
      ]}
    />
  )
}
