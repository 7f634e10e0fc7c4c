import { View, Text } from '@tarojs/components'

export interface SegmentedProps<K extends string> {
  items: { key: K; label: string }[]
  value: K
  onChange: (key: K) => void
}

/** Big tabs inside a page. */
export default function Segmented<K extends string>({ items, value, onChange }: SegmentedProps<K>) {
  return (
    <View className='pp-seg'>
      {items.map((it) => (
        <View key={it.key} id={`tab-${it.key}`} className={`pp-seg__item${it.key === value ? ' pp-seg__item--on' : ''}`} onClick={() => onChange(it.key)}>
          <Text>{it.label}</Text>
        </View>
      ))}
    </View>
  )
}
