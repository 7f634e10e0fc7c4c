import { View, Text } from '@tarojs/components'
import './index.scss'

export interface SegmentedProps<K extends string> {
  items: { key: K; label: string }[]
  value: K
  onChange: (key: K) => void
}

/** Two or three big tabs inside a page. */
export default function Segmented<K extends string>({ items, value, onChange }: SegmentedProps<K>) {
  return (
    <View className='segmented'>
      {items.map((it) => (
        <View
          key={it.key}
          id={`tab-${it.key}`}
          className={`segmented__item${it.key === value ? ' segmented__item--on' : ''}`}
          onClick={() => onChange(it.key)}
        >
          <Text>{it.label}</Text>
        </View>
      ))}
    </View>
  )
}
