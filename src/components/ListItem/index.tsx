import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { idAttr } from '../idAttr'
import './index.scss'

export interface ListItemProps {
  title: string
  /** Second line: details in smaller text. */
  description?: ReactNode
  /** Right side: a tag, a value. */
  extra?: ReactNode
  /** Shows a chevron and makes the row tappable. */
  onClick?: () => void
  id?: string
}

/** One row of a list: title, details, optional right side and chevron. */
export default function ListItem({ title, description, extra, onClick, id }: ListItemProps) {
  return (
    <View className={`tx-item${onClick ? ' tx-item--tap' : ''}`} onClick={onClick} {...idAttr(id)}>
      <View className='tx-item__main'>
        <Text className='tx-item__title'>{title}</Text>
        {description ? <View className='tx-item__desc'>{description}</View> : null}
      </View>
      {extra ? <View className='tx-item__extra'>{extra}</View> : null}
      {onClick ? <Text className='tx-item__chevron'>›</Text> : null}
    </View>
  )
}
