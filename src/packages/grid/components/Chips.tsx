import { View, Text } from '@tarojs/components'

export interface ChipsProps<K extends string> {
  items: { key: K; label: string }[]
  value: K | undefined
  onChange: (key: K) => void
  idPrefix: string
}

/** Large tap targets for one choice (category, urgency, post…). */
export default function Chips<K extends string>({ items, value, onChange, idPrefix }: ChipsProps<K>) {
  return (
    <View className='gd-chips'>
      {items.map((it) => (
        <View key={it.key} id={`${idPrefix}-${it.key.replace(/[^\w-]/g, '-')}`} className={`gd-chip${it.key === value ? ' gd-chip--on' : ''}`} onClick={() => onChange(it.key)}>
          <Text>{it.label}</Text>
        </View>
      ))}
    </View>
  )
}
