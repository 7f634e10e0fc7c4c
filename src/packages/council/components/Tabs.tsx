import { View, Text } from '@tarojs/components'

export interface TabsProps<K extends string> {
  items: { key: K; label: string }[]
  value: K
  onChange: (key: K) => void
}

/** Big tabs across the top of a page. */
export default function Tabs<K extends string>({ items, value, onChange }: TabsProps<K>) {
  return (
    <View className='cc-tabs'>
      {items.map((it) => (
        <View key={it.key} id={`tab-${it.key}`} className={`cc-tabs__item${it.key === value ? ' cc-tabs__item--on' : ''}`} onClick={() => onChange(it.key)}>
          <Text>{it.label}</Text>
        </View>
      ))}
    </View>
  )
}
