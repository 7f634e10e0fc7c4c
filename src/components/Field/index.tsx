import { useState, type ReactNode } from 'react'
import { View, Text, Input, Textarea } from '@tarojs/components'
import { idAttr } from '../idAttr'
import OptionSheet, { type SheetMore } from '../OptionSheet'
import './index.scss'

export interface FieldOption {
  label: string
  value: string
}

interface FieldBase {
  label: string
  /** The message under the control, in red. */
  error?: string
  /** A plain-words hint under the control. */
  hint?: string
  /** Marks the label as optional (选填); fields are required by default. */
  optional?: boolean
  id?: string
  disabled?: boolean
}

export interface TextFieldProps extends FieldBase {
  kind?: 'text' | 'phone' | 'textarea' | 'code'
  value: string
  onChange: (value: string) => void
  placeholder?: string
  maxLength?: number
}

export interface PickerFieldProps extends FieldBase {
  kind: 'picker'
  options: FieldOption[]
  value: string | undefined
  onChange: (value: string) => void
  placeholder?: string
  /** Options of a list longer than one page: the sheet offers 显示更多 (usePagedList). */
  more?: SheetMore
}

export type FieldProps = TextFieldProps | PickerFieldProps

/** The chosen option shown like an input; a tap opens the option sheet (large rows, a tick on the choice). */
function PickerControl({ options, value, onChange, placeholder, disabled, label, id, more }: PickerFieldProps) {
  const [open, setOpen] = useState(false)
  const idx = options.findIndex((o) => o.value === value)
  const shown = idx >= 0 ? options[idx].label : (placeholder ?? '请选择')
  const off = disabled || (options.length === 0 && !(more && more.left > 0))
  return (
    <View>
      <View
        className={`tx-field__picker${idx >= 0 ? '' : ' tx-field__picker--empty'}${off ? ' tx-field__picker--disabled' : ''}`}
        ariaRole='button'
        onClick={() => {
          if (!off) setOpen(true)
        }}
      >
        <Text className='tx-field__picker-text'>{shown}</Text>
        <Text className='tx-field__chevron'>›</Text>
      </View>
      {open ? (
        <OptionSheet
          title={`选择${label}`}
          options={options}
          value={value}
          onChange={onChange}
          onClose={() => setOpen(false)}
          idPrefix={id ?? 'field'}
          more={more}
        />
      ) : null}
    </View>
  )
}

function Control(props: FieldProps): ReactNode {
  if (props.kind === 'picker') return <PickerControl {...props} />
  const { kind = 'text', value, onChange, placeholder, maxLength = 140, disabled } = props
  if (kind === 'textarea') {
    return (
      <Textarea
        className='tx-field__textarea'
        value={value}
        placeholder={placeholder}
        maxlength={maxLength}
        disabled={disabled}
        autoHeight
        onInput={(e) => onChange(e.detail.value)}
      />
    )
  }
  return (
    <Input
      className='tx-field__input'
      value={value}
      type={kind === 'phone' ? 'number' : 'text'}
      placeholder={placeholder}
      maxlength={kind === 'phone' ? 11 : maxLength}
      disabled={disabled}
      onInput={(e) => onChange(e.detail.value)}
    />
  )
}

/** A labelled form control (text, phone, code, textarea or picker) with hint and error text. */
export default function Field(props: FieldProps) {
  const { label, error, hint, optional, id } = props
  return (
    <View className={`tx-field${error ? ' tx-field--error' : ''}`} {...idAttr(id)}>
      <View className='tx-field__label'>
        <Text>{label}</Text>
        {optional ? <Text className='tx-field__optional'>（选填）</Text> : null}
      </View>
      <Control {...props} />
      {error ? <Text className='tx-field__error'>{error}</Text> : null}
      {!error && hint ? <Text className='tx-field__hint'>{hint}</Text> : null}
    </View>
  )
}
