import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { idAttr } from '../idAttr'
import './index.scss'

export interface NoticeProps {
  tone?: 'info' | 'warn' | 'success' | 'error'
  title?: string
  children?: ReactNode
  /** A link-like action at the right or bottom (e.g. 去认证). */
  actionText?: string
  onAction?: () => void
  id?: string
}

/** A banner that tells the person something about their situation and, optionally, what to do. */
export default function Notice({ tone = 'info', title, children, actionText, onAction, id }: NoticeProps) {
  return (
    <View className={`tx-notice tx-notice--${tone}`} {...idAttr(id)}>
      <View className='tx-notice__main'>
        {title ? <Text className='tx-notice__title'>{title}</Text> : null}
        {children ? <View className='tx-notice__body'>{children}</View> : null}
      </View>
      {actionText && onAction ? (
        <View className='tx-notice__action' onClick={onAction}>
          <Text>{actionText}</Text>
          <Text className='tx-notice__chevron'>›</Text>
        </View>
      ) : null}
    </View>
  )
}
