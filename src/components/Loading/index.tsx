import { View, Text } from '@tarojs/components'
import './index.scss'

export interface LoadingProps {
  text?: string
}

/** A calm loading indicator with words, for screens and sections. */
export default function Loading({ text = '正在加载…' }: LoadingProps) {
  return (
    <View className='tx-loading' aria-busy='true'>
      <View className='tx-loading__spinner' />
      <Text className='tx-loading__text'>{text}</Text>
    </View>
  )
}
