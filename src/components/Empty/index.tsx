import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import './index.scss'

export interface EmptyProps {
  text: string
  hint?: string
  /** An optional next step (usually a Button). */
  children?: ReactNode
}

/** Nothing to show yet, said plainly, with an optional next step. */
export default function Empty({ text, hint, children }: EmptyProps) {
  return (
    <View className='tx-empty'>
      <View className='tx-empty__mark'>
        <Text>空</Text>
      </View>
      <Text className='tx-empty__text'>{text}</Text>
      {hint ? <Text className='tx-empty__hint'>{hint}</Text> : null}
      {children ? <View className='tx-empty__action'>{children}</View> : null}
    </View>
  )
}
