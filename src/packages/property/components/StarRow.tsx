import { View, Text } from '@tarojs/components'

export interface StarRowProps {
  id: string
  label: string
  value: number
  onChange?: (n: number) => void
}

/** Five big tappable stars (read-only without onChange). */
export default function StarRow({ id, label, value, onChange }: StarRowProps) {
  return (
    <View className='pp-stars' id={`stars-${id}`}>
      <Text className='pp-stars__label'>
        {label}　{value ? `${value} 星` : '请选择'}
      </Text>
      <View className='pp-stars__row'>
        {[1, 2, 3, 4, 5].map((n) => (
          <View key={n} id={`star-${id}-${n}`} className={`pp-stars__star${n <= value ? ' pp-stars__star--on' : ''}`} onClick={() => onChange?.(n)}>
            <Text>★</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
