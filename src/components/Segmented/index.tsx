import { View, Text } from '@tarojs/components'
import './index.scss'

export interface SegmentedProps<K extends string> {
  items: { key: K; label: string }[]
  value: K
  onChange: (key: K) => void
}

/**
 * Two to four big tabs inside a page (tab ids are `tab-<key>`). The chosen tab is raised and bold,
 * not only coloured.
 */
export default function Segmented<K extends string>({ items, value, onChange }: SegmentedProps<K>) {
  return (
    <View className='tx-seg' ariaRole='tablist'>
      {items.map((it) => (
        <View
          key={it.key}
          id={`tab-${it.key}`}
          className={`tx-seg__item${it.key === value ? ' tx-seg__item--on' : ''}`}
          ariaRole='tab'
          ariaLabel={it.key === value ? `${it.label}（已选）` : it.label}
          onClick={() => onChange(it.key)}
        >
          <Text>{it.label}</Text>
        </View>
      ))}
    </View>
  )
}
