import { View, Text } from '@tarojs/components'
import Chips from '../../../../components/Chips'
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

/** Which community/street the page works on: a row of chips (the shared Chips), or just the name when there is one. */
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
      <Chips
        idPrefix='scope'
        items={options.map((o) => ({ key: o.id, label: o.name }))}
        value={value}
        onChange={onChange}
      />
    </View>
  )
}
