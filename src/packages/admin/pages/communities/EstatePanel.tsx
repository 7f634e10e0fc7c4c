import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Button from '../../../../components/Button'
import Chips from '../../../../components/Chips'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import type { GridsQuery } from './GridPanel'
import CreateEstate from './CreateEstate'
import BuildingForm from './BuildingForm'
import BuildingPanel from './BuildingPanel'
import PlaceActions from './PlaceActions'

/** The buildings of an opened estate (retired ones too, marked), one opened with its rooms, and the form to add one. */
function EstateBuildings({
  estateId,
  estateName,
  retired,
  grids,
  onChanged,
}: {
  estateId: string
  estateName: string
  retired: boolean
  grids: GridsQuery
  onChanged: () => void
}) {
  const buildings = useCloud('org', 'building.list', { estateId, includeRetired: true })
  // Each opening of the form is a new mount, hence a new requestId.
  const [formKey, setFormKey] = useState(0)
  const [adding, setAdding] = useState(false)
  const [openId, setOpenId] = useState<string>()
  const gridItems = grids.data?.items ?? []
  const changed = () => {
    buildings.reload()
    onChanged()
  }
  return (
    <View className='estate__body' id={`estate-buildings-${estateId}`}>
      <QueryState {...buildings} loadingText='正在加载楼栋…'>
        {(data) =>
          data.items.length === 0 ? (
            <Text className='admin-line admin-line--muted'>还没有楼栋</Text>
          ) : (
            <View>
              <Chips
                idPrefix='building'
                items={data.items.map((b) => ({ key: b.id, label: b.retired ? `${b.name}（已停用）` : b.name }))}
                value={openId}
                onChange={(id) => setOpenId(openId === id ? undefined : id)}
              />
              {data.items
                .filter((b) => b.id === openId)
                .map((b) => (
                  <BuildingPanel key={b.id} building={b} grids={gridItems} onChanged={changed} />
                ))}
            </View>
          )
        }
      </QueryState>
      {retired ? null : adding ? (
        <BuildingForm
          key={formKey}
          estateId={estateId}
          estateName={estateName}
          grids={gridItems.filter((g) => !g.retired)}
          gridsLoading={grids.loading}
          onCreated={changed}
          onClose={() => setAdding(false)}
        />
      ) : (
        <Button
          variant='secondary'
          id={`building-new-${estateId}`}
          onClick={() => {
            setFormKey((k) => k + 1)
            setAdding(true)
          }}
        >
          ＋ 添加楼栋
        </Button>
      )}
      {retired ? (
        <Tag tone='gray'>小区已停用</Tag>
      ) : (
        <PlaceActions
          kind='estate'
          id={estateId}
          name={estateName}
          caption={`小区「${estateName}」`}
          onChanged={onChanged}
        />
      )}
    </View>
  )
}

/** The estates (小区) of a community: list, new estate, and per estate its buildings. */
export default function EstatePanel({
  communityId,
  grids,
  onChanged,
}: {
  communityId: string
  grids: GridsQuery
  onChanged: () => void
}) {
  const estates = useCloud('org', 'estate.list', { communityId, includeRetired: true })
  const [open, setOpen] = useState<string>()
  const [creating, setCreating] = useState(false)

  return (
    <View className='community-section' id={`estates-${communityId}`}>
      <Text className='community-section__title'>小区与楼栋</Text>
      <QueryState {...estates} loadingText='正在加载小区…'>
        {(data) =>
          data.items.length === 0 ? (
            <Text className='admin-line admin-line--muted'>还没有小区。先新建小区，再为它添加楼栋。</Text>
          ) : (
            <View>
              {data.items.map((e) => (
                <View key={e.id} className={`estate${open === e.id ? ' estate--open' : ''}`} id={`estate-${e.id}`}>
                  <View
                    className='estate__head'
                    id={`estate-open-${e.id}`}
                    ariaRole='button'
                    onClick={() => setOpen(open === e.id ? undefined : e.id)}
                  >
                    <View className='estate__titles'>
                      <Text className='estate__name'>{e.name}</Text>
                      <Text className='estate__company'>
                        {e.retired ? '已停用' : e.companyName ? `物业：${e.companyName}` : '未登记物业公司'}
                      </Text>
                    </View>
                    <Text className='estate__toggle'>{open === e.id ? '收起' : '楼栋 ›'}</Text>
                  </View>
                  {open === e.id ? (
                    <EstateBuildings
                      estateId={e.id}
                      estateName={e.name}
                      retired={!!e.retired}
                      grids={grids}
                      onChanged={() => {
                        estates.reload()
                        onChanged()
                      }}
                    />
                  ) : null}
                </View>
              ))}
            </View>
          )
        }
      </QueryState>
      {creating ? (
        <CreateEstate
          communityId={communityId}
          onCancel={() => setCreating(false)}
          onCreated={(estate) => {
            setCreating(false)
            setOpen(estate.id)
            estates.reload()
            onChanged()
          }}
        />
      ) : (
        <Button
          variant='secondary'
          id={`estate-new-${communityId}`}
          className='admin-gap'
          onClick={() => setCreating(true)}
        >
          ＋ 新建小区
        </Button>
      )}
    </View>
  )
}
