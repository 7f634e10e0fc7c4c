import { BarChart } from '../../../components/Chart'

export interface MinutesChartProps {
  /** 12 numbers: minutes per month. */
  minutesByMonth: number[]
}

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1))

/** Service hours per month as bars. */
export default function MinutesChart({ minutesByMonth }: MinutesChartProps) {
  return (
    <BarChart
      id='svc-chart'
      categories={MONTHS}
      series={[
        { name: '服务时长（小时）', color: '#C8161D', values: minutesByMonth.map((m) => Math.round(m / 6) / 10) },
      ]}
    />
  )
}
