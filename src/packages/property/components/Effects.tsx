import { View, Text } from '@tarojs/components'
import type { ObjectionEffectView } from '../../../../types/property'

/** Upheld objections beside a placement: ratings the street excluded, or its note. */
export default function Effects({ effects }: { effects?: ObjectionEffectView[] }) {
  if (!effects?.length) return null
  return (
    <View>
      {effects.map((e) => (
        <View key={e.objectionId} className='pp-effect' id={`effect-${e.objectionId}`}>
          <Text className='pp-effect__title'>
            {e.kind === 'exclude' ? `异议成立 · 剔除 ${e.excluded} 条评价` : '异议成立 · 街道说明'}
          </Text>
          <Text className='pp-effect__text'>{e.text}</Text>
        </View>
      ))}
    </View>
  )
}
