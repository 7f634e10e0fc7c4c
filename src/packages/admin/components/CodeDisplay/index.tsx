import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './index.scss'

export interface CodeDisplayProps {
  code: string
}

/** A one-time code in big, spaced letters, with a copy button. */
export default function CodeDisplay({ code }: CodeDisplayProps) {
  return (
    <View className='code-display'>
      <Text className='code-display__code' id='issued-code' userSelect>
        {code}
      </Text>
      <Text className='code-display__copy' onClick={() => void Taro.setClipboardData({ data: code })}>
        复制
      </Text>
    </View>
  )
}
