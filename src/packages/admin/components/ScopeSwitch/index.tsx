import { View, Text } from '@tarojs/components'
import './index.scss'

export interface ScopeOption {
  id: string
  name: string
}

export interface ScopeSwitchProps {
  label: string
  options: ScopeOption[]
  value: string | undefined
  onChange: (id: string) => void
}

/** Which community/street the page works on: a row of chips, or just the name when there is one. */
export default function ScopeSwitch({ label, options, value, onChange }: ScopeSwitchProps) {
  if (options.length === 0) return null
  if (options.length === 1) {
    return (
      <View className='scope-switch scope-switch--single'>
        <Text className='scope-switch__label'>{label}</Text>
        <Text className='scope-switch__single'>{options[0].name}</Text>
      </View>
    )
  }
  return (
    <View className='scope-switch'>
      <Text className='scope-switch__label'>{label}</Text>
      <View className='scope-switch__chips'>
        {options.map((o) => (
          <View
            key={o.id}
            className={`scope-switch__chip${o.id === value ? ' scope-switch__chip--on' : ''}`}
            onClick={() => onChange(o.id)}
            id={`scope-${o.id}`}
          >
            <Text>{o.name}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
