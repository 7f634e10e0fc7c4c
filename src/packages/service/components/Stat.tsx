import { View, Text } from '@tarojs/components'

export interface StatProps {
  value: number | string
  label: string
  id?: string
}

/** One big number with its label (dashboard, ledger). */
export default function Stat({ value, label, id }: StatProps) {
  return (
    <View className='svc-stat' id={id}>
      <Text className='svc-stat__num'>{value}</Text>
      <Text className='svc-stat__label'>{label}</Text>
    </View>
  )
}
