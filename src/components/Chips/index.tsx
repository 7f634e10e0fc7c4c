import { View, Text } from '@tarojs/components'
import './index.scss'

export interface ChipItem<K extends string> {
  key: K
  label: string
}

export interface ChipsProps<K extends string> {
  items: ChipItem<K>[]
  /** One choice: the chosen key. */
  value?: K
  /** Several choices: the chosen keys (a tap toggles). */
  values?: K[]
  /** The tapped key (the new choice, or the key to toggle). */
  onChange: (key: K) => void
  /** Chip ids are `<idPrefix>-<key>` (characters other than letters, digits, _ and - become -). */
  idPrefix: string
  /** `column`: one full-width choice a row, in larger type (ballot options, tiers); default `wrap`. */
  layout?: 'wrap' | 'column'
  /** Shown but not changeable (a ballot that can no longer change). */
  disabled?: boolean
}

/**
 * Large rounded choices (category, urgency, buildings, parties…), 88 design px tall. A chosen chip
 * shows a tick and bold text besides its colour.
 */
export default function Chips<K extends string>({
  items,
  value,
  values,
  onChange,
  idPrefix,
  layout = 'wrap',
  disabled,
}: ChipsProps<K>) {
  return (
    <View className={`tx-chips${layout === 'column' ? ' tx-chips--column' : ''}`}>
      {items.map((it) => {
        const on = values ? values.includes(it.key) : it.key === value
        return (
          <View
            key={it.key}
            id={`${idPrefix}-${it.key.replace(/[^\w-]/g, '-')}`}
            className={`tx-chip${on ? ' tx-chip--on' : ''}`}
            ariaRole='button'
            onClick={() => !disabled && onChange(it.key)}
          >
            {on ? <Text className='tx-chip__tick'>✓</Text> : null}
            <Text>{it.label}</Text>
          </View>
        )
      })}
    </View>
  )
}
