import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { ROUTES, go } from '../../../../services/nav'
import Pager from '../../../../components/Pager'
import PlaceActions from './PlaceActions'

const PAGE_SIZE = 50

/** One building: its rooms (a tap opens the household), its grid, and 改名 / 调整网格 / 停用. */
export default function BuildingPanel({
  building,
  grids,
  onChanged,
}: {
  building: { id: string; name: string; gridId: string; retired?: boolean }
  grids: { id: string; name: string; retired?: boolean }[]
  onChanged: () => void
}) {
  const [page, setPage] = useState(1)
  const rooms = useCloud('org', 'household.list', { buildingId: building.id, page, pageSize: PAGE_SIZE })
  const grid = grids.find((g) => g.id === building.gridId)
  return (
    <View className='building-panel' id={`building-panel-${building.id}`}>
      <Text className='admin-line'>
        {`${building.name} · ${grid?.name ?? '网格未知'}`}
        {building.retired ? '（已停用）' : ''}
      </Text>
      <QueryState {...rooms} loadingText='正在加载房号…'>
        {(data) => (
          <View>
            <Text className='admin-line admin-line--muted'>{`共 ${data.total} 户，点房号查看住户和面积`}</Text>
            <View className='building-panel__rooms'>
              {data.items.map((h) => (
                <View
                  key={h.id}
                  className='building-panel__room'
                  id={`room-${h.id}`}
                  ariaRole='button'
                  onClick={() => go(ROUTES.adminHousehold(h.id))}
                >
                  <Text className='building-panel__room-no'>{h.room}</Text>
                  {h.floorAreaDm2 !== undefined ? (
                    <Text className='building-panel__room-area'>{(h.floorAreaDm2 / 100).toFixed(1)}㎡</Text>
                  ) : null}
                </View>
              ))}
            </View>
            <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} />
          </View>
        )}
      </QueryState>
      {building.retired ? (
        <Tag tone='gray'>已停用</Tag>
      ) : (
        <PlaceActions
          kind='building'
          id={building.id}
          name={building.name}
          gridId={building.gridId}
          grids={grids}
          caption={`楼栋「${building.name}」`}
          onChanged={onChanged}
        />
      )}
    </View>
  )
}
