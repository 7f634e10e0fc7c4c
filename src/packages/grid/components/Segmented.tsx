import { View, Text } from '@tarojs/components'

/** Big tabs inside a page. */
export default function Segmented<K extends string>({ items, value, onChange }: { items: { key: K; label: string }[]; value: K; onChange: (k: K) => void }) {
  return (
    <View className='gd-seg'>
      {items.map((it) => (
        <View key={it.key} id={`tab-${it.key}`} className={`gd-seg__item${it.key === value ? ' gd-seg__item--on' : ''}`} onClick={() => onChange(it.key)}>
          <Text>{it.label}</Text>
        </View>
      ))}
    </View>
  )
}
