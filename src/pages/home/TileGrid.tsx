import { View, Text } from '@tarojs/components'
import type { Tile } from './tiles'
import { go } from '../../services/nav'

export interface TileGridProps {
  tiles: Tile[]
}

/** Big two-column entry tiles. */
export default function TileGrid({ tiles }: TileGridProps) {
  return (
    <View className='home-tiles'>
      {tiles.map((t) => (
        <View key={t.key} className='home-tile' id={`tile-${t.key}`} onClick={() => go(t.url)}>
          <View className='home-tile__mark'>
            <Text>{t.mark}</Text>
          </View>
          <Text className='home-tile__title'>{t.title}</Text>
          <Text className='home-tile__desc'>{t.desc}</Text>
        </View>
      ))}
    </View>
  )
}
