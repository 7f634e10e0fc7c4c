import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import Button from '../Button'
import Field from '../Field'
import Notice from '../Notice'
import { idAttr } from '../idAttr'
import './index.scss'

export interface ConfirmSheetProps {
  title: string
  /** What will happen, in plain words. */
  children: ReactNode
  confirmText: string
  onConfirm: () => void
  onClose: () => void
  sending?: boolean
  /** The refusal of the last try, shown above the buttons. */
  error?: string
  /** A reason box (required unless `optional`). */
  reason?: {
    label: string
    value: string
    onChange: (v: string) => void
    optional?: boolean
    error?: string
    placeholder?: string
  }
  /** Confirming ends or removes something: the button is red. */
  danger?: boolean
  id?: string
}

/**
 * A confirmation before a step that cannot be taken back (辞去职务, 退出本户, ending an appointment): a
 * sheet from the bottom that says exactly what will happen, with an optional reason and two large
 * buttons. Drawn like the option sheet (not the platform modal, whose text is small on H5).
 */
export default function ConfirmSheet({
  title,
  children,
  confirmText,
  onConfirm,
  onClose,
  sending,
  error,
  reason,
  danger,
  id,
}: ConfirmSheetProps) {
  return (
    <View className='tx-confirm' catchMove {...idAttr(id)}>
      <View className='tx-confirm__mask' onClick={onClose} />
      <View className='tx-confirm__panel' ariaRole='dialog' ariaLabel={title}>
        <Text className='tx-confirm__title'>{title}</Text>
        <View className='tx-confirm__body'>{children}</View>
        {reason ? (
          <Field
            kind='textarea'
            id={id ? `${id}-reason` : undefined}
            label={reason.label}
            optional={reason.optional}
            value={reason.value}
            onChange={reason.onChange}
            maxLength={200}
            placeholder={reason.placeholder}
            error={reason.error}
          />
        ) : null}
        {error ? (
          <Notice tone='error' title='没有办成'>
            <Text>{error}</Text>
          </Notice>
        ) : null}
        <View className='tx-confirm__actions'>
          <Button
            variant='plain'
            block={false}
            className='tx-confirm__cancel'
            id={id ? `${id}-cancel` : undefined}
            onClick={onClose}
          >
            取消
          </Button>
          <Button
            variant={danger ? 'danger' : 'primary'}
            block={false}
            className='tx-confirm__ok'
            loading={sending}
            id={id ? `${id}-ok` : undefined}
            onClick={onConfirm}
          >
            {confirmText}
          </Button>
        </View>
      </View>
    </View>
  )
}
