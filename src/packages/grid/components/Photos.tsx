import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { photoSrc } from './photos'

/** Thumbnails; a tap opens the photo full screen. */
export default function Photos({ ids }: { ids: string[] }) {
  if (!ids.length) return null
  const urls = ids.map(photoSrc)
  return (
    <View className='gd-photos'>
      {urls.map((u) => (
        <Image key={u} className='gd-photo' src={u} mode='aspectFill' onClick={() => void Taro.previewImage({ urls, current: u })} />
      ))}
    </View>
  )
}
