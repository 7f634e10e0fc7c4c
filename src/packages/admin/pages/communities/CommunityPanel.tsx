import { View } from '@tarojs/components'
import { useCloud } from '../../../../hooks/useCloud'
import GridPanel from './GridPanel'
import EstatePanel from './EstatePanel'

/** One community's grids and estates (with buildings): the grids are loaded once for both. */
export default function CommunityPanel({ communityId, onChanged }: { communityId: string; onChanged: () => void }) {
  const grids = useCloud('org', 'grid.list', { communityId, includeRetired: true })
  return (
    <View className='community-panel'>
      <EstatePanel communityId={communityId} grids={grids} onChanged={onChanged} />
      <GridPanel communityId={communityId} grids={grids} onAdded={onChanged} />
    </View>
  )
}
