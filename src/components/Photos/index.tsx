import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { photoSrc } from '../../services/photos'
import './index.scss'

export interface PhotosProps {
  ids: string[]
  /** When given, each thumbnail has a 删除 corner (before the record is submitted). */
  onRemove?: (id: string) => void
}

/** Thumbnails; a tap opens the photo full screen. */
export default function Photos({ ids, onRemove }: PhotosProps) {
  if (!ids.length) return null
  const urls = ids.map(photoSrc)
  return (
    <View className='tx-photos'>
      {ids.map((id, i) => (
        <View key={id} className='tx-photos__item'>
          <Image
            className='tx-photos__img'
            src={urls[i]}
            mode='aspectFill'
            onClick={() => void Taro.previewImage({ urls, current: urls[i] })}
          />
          {onRemove ? (
            <Text className='tx-photos__remove' onClick={() => onRemove(id)}>
              删除
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  )
}
