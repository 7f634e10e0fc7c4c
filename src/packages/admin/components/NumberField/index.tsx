import { View, Text, Input } from '@tarojs/components'
import { idAttr } from '../../../../components/idAttr'
import '../../../../components/Field/index.scss'
import './index.scss'

export interface NumberFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  /** Shown after the box: 层, 户, 平方米. */
  unit?: string
  /** Allow a decimal point (the area); otherwise whole numbers only. */
  decimal?: boolean
  placeholder?: string
  maxLength?: number
  error?: string
  hint?: string
  id?: string
}

/**
 * A labelled number box with its unit, styled like Field. Kept as text: a half-typed "85." must stay
 * on screen (an H5 <input type=number> would report it as empty), the form parses it on send.
 */
export default function NumberField({
  label,
  value,
  onChange,
  unit,
  decimal = false,
  placeholder,
  maxLength = 6,
  error,
  hint,
  id,
}: NumberFieldProps) {
  const weapp = process.env.TARO_ENV === 'weapp'
  return (
    <View className={`tx-field${error ? ' tx-field--error' : ''}`} {...idAttr(id)}>
      <View className='tx-field__label'>
        <Text>{label}</Text>
      </View>
      <View className='num-field__row'>
        <Input
          className='tx-field__input num-field__input'
          value={value}
          type={weapp ? (decimal ? 'digit' : 'number') : 'text'}
          nativeProps={weapp ? undefined : { inputMode: decimal ? 'decimal' : 'numeric' }}
          placeholder={placeholder}
          maxlength={maxLength}
          onInput={(e) => onChange(e.detail.value)}
        />
        {unit ? <Text className='num-field__unit'>{unit}</Text> : null}
      </View>
      {error ? <Text className='tx-field__error'>{error}</Text> : null}
      {!error && hint ? <Text className='tx-field__hint'>{hint}</Text> : null}
    </View>
  )
}
