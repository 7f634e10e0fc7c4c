import { View, Text } from '@tarojs/components'

export interface StarsProps {
  value: number
  onChange?: (v: number) => void
}

/** Five big stars; tappable when onChange is given. */
export default function Stars({ value, onChange }: StarsProps) {
  return (
    <View className='cc-stars'>
      {[1, 2, 3, 4, 5].map((n) => (
        <Text key={n} id={`star-${n}`} className={`cc-stars__star${n <= value ? ' cc-stars__star--on' : ''}`} onClick={() => onChange?.(n)}>
          ★
        </Text>
      ))}
    </View>
  )
}
