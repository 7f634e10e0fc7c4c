import { View, Text } from '@tarojs/components'

export interface MeterProps {
  label: string
  value: number
  total: number
  /** Threshold as a fraction (e.g. 2/3), drawn as a mark. */
  threshold?: number
  valueText: string
}

/** A progress bar with the threshold marked: turnout by households or by area. */
export default function Meter({ label, value, total, threshold, valueText }: MeterProps) {
  const ratio = total ? Math.min(1, value / total) : 0
  return (
    <View className='cc-meter'>
      <View className='cc-meter__label'>
        <Text>{label}</Text>
        <Text>{valueText}</Text>
      </View>
      <View className='cc-meter__track'>
        <View className='cc-meter__fill' style={{ width: `${(ratio * 100).toFixed(1)}%` }} />
        {threshold !== undefined ? (
          <View className='cc-meter__mark' style={{ left: `${(threshold * 100).toFixed(1)}%` }} />
        ) : null}
      </View>
    </View>
  )
}
