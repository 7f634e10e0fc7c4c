import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import Button from '../Button'
import './index.scss'

export interface ErrorStateProps {
  message: string
  onRetry?: () => void
  /** Another way out, e.g. 选择身份 when not signed in locally. */
  children?: ReactNode
}

/** Something went wrong: the message in plain Chinese and a 重试 button. */
export default function ErrorState({ message, onRetry, children }: ErrorStateProps) {
  return (
    <View className='tx-error'>
      <View className='tx-error__mark'>
        <Text>!</Text>
      </View>
      <Text className='tx-error__text'>{message}</Text>
      {onRetry ? (
        <View className='tx-error__action'>
          <Button variant='secondary' onClick={onRetry} id='retry'>
            重试
          </Button>
        </View>
      ) : null}
      {children ? <View className='tx-error__action'>{children}</View> : null}
    </View>
  )
}
