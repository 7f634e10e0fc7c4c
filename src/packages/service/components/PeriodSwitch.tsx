import Segmented from '../../../components/Segmented'
import { thisQuarter, thisYear } from '../hooks/useCommunity'

/** A year picker for records (dashboard, ledger, grades): hidden when only one year can be chosen. */
export function YearSwitch({
  years,
  value,
  onChange,
}: {
  years: number[]
  value: number
  onChange: (y: number) => void
}) {
  if (years.length < 2) return null
  return (
    <Segmented<string>
      items={years.map((y) => ({ key: `y${y}`, label: y === thisYear() ? `今年 ${y}` : `${y} 年` }))}
      value={`y${value}`}
      onChange={(k) => onChange(Number(k.slice(1)))}
    />
  )
}

/** A quarter picker for letters: this quarter or the one just ended. */
export function QuarterSwitch({
  quarters,
  value,
  onChange,
}: {
  quarters: string[]
  value: string
  onChange: (q: string) => void
}) {
  return (
    <Segmented<string>
      items={quarters.map((q) => ({ key: q, label: `${q === thisQuarter() ? '本季度' : '上季度'} ${q.slice(5)}季度` }))}
      value={value}
      onChange={onChange}
    />
  )
}
