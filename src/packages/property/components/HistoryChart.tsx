import { LineChart } from '../../../components/Chart'

export interface HistoryChartProps {
  points: { periodLabel: string; score: number }[]
}

/** A company's score over the published periods, out of 100. */
export default function HistoryChart({ points }: HistoryChartProps) {
  return (
    <LineChart
      id='pp-history'
      categories={points.map((p) => p.periodLabel.replace(/^\d{4}年/, ''))}
      values={points.map((p) => p.score)}
      color='#C8161D'
      max={100}
    />
  )
}
