import { View, Text } from '@tarojs/components'

export interface ChoicesProps {
  options: { key: string; label: string }[]
  value: string | null | undefined
  onChange: (key: string) => void
  idPrefix?: string
  disabled?: boolean
}

/** Large one-of-many buttons (ballot options, tiers): easy to hit, obvious which is chosen. */
export default function Choices({ options, value, onChange, idPrefix = 'choice', disabled }: ChoicesProps) {
  return (
    <View className='cc-choices'>
      {options.map((o) => (
        <View
          key={o.key}
          id={`${idPrefix}-${o.key}`}
          className={`cc-choice${o.key === value ? ' cc-choice--on' : ''}`}
          onClick={() => !disabled && onChange(o.key)}
        >
          <Text>{o.label}</Text>
          {o.key === value ? <Text>✓</Text> : null}
        </View>
      ))}
    </View>
  )
}
