import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { idAttr } from '../idAttr'
import './index.scss'

export interface CardProps {
  title?: string
  /** Right side of the title row: a tag, a small link. */
  extra?: ReactNode
  children?: ReactNode
  onClick?: () => void
  className?: string
  id?: string
}

/** A white panel with an optional title row. */
export default function Card({ title, extra, children, onClick, className, id }: CardProps) {
  return (
    <View
      className={`tx-card${onClick ? ' tx-card--tap' : ''}${className ? ` ${className}` : ''}`}
      onClick={onClick}
      {...idAttr(id)}
    >
      {title || extra ? (
        <View className='tx-card__head'>
          {title ? <Text className='tx-card__title'>{title}</Text> : <View />}
          {extra ? <View className='tx-card__extra'>{extra}</View> : null}
        </View>
      ) : null}
      {children}
    </View>
  )
}
