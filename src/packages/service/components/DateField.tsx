import { View, Text, Picker } from '@tarojs/components'

export interface DateFieldProps {
  label: string
  mode: 'date' | 'time'
  value: string
  onChange: (v: string) => void
  id?: string
  error?: string
}

/** A date (YYYY-MM-DD) or time (HH:mm) picker in the look of Field. */
export default function DateField({ label, mode, value, onChange, id, error }: DateFieldProps) {
  return (
    <View className={`tx-field${error ? ' tx-field--error' : ''}`} id={id}>
      <View className='tx-field__label'>
        <Text>{label}</Text>
      </View>
      <Picker mode={mode} value={value} onChange={(e) => onChange(String(e.detail.value))}>
        <View className='tx-field__picker'>
          <Text className='tx-field__picker-text'>{value || '请选择'}</Text>
          <Text className='tx-field__chevron'>›</Text>
        </View>
      </Picker>
      {error ? <Text className='tx-field__error'>{error}</Text> : null}
    </View>
  )
}

/** Beijing dates for the pickers (services/time): today's date, and a picked date + time as an instant. */
export { dateFromToday as today, beijingIso as toIso } from '../../../services/time'
