import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Field from '../Field'
import Loading from '../Loading'
import Button from '../Button'
import { useCloud } from '../../hooks/useCloud'
import { call } from '../../services/cloud'
import { toCloudError } from '../../services/errors'
import './index.scss'

export interface HouseholdChoice {
  householdId: string
  /** e.g. 幸福里小区 3号楼 501 */
  address: string
}

export interface HouseholdPickerProps {
  communityId: string | undefined
  value: string | undefined
  onChange: (choice: HouseholdChoice | undefined) => void
  /** Error for the room (e.g. 请选择房号). */
  error?: string
  idPrefix?: string
}

interface Room {
  id: string
  room: string
}

const PAGE_SIZE = 50

/** Rooms of a building, page by page (a building rarely has more than one page). */
function useRooms(buildingId: string | undefined) {
  const [rooms, setRooms] = useState<Room[]>([])
  const [total, setTotal] = useState(0)
  const [page, setPage] = useState(1)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string>()
  const [tick, setTick] = useState(0)

  useEffect(() => {
    setRooms([])
    setTotal(0)
    setPage(1)
  }, [buildingId])

  useEffect(() => {
    if (!buildingId) return
    let live = true
    setLoading(true)
    setError(undefined)
    call('org', 'household.list', { buildingId, page, pageSize: PAGE_SIZE })
      .then((res) => {
        if (!live) return
        setRooms((prev) => (page === 1 ? res.items : [...prev, ...res.items]).map((h) => ({ id: h.id, room: h.room })))
        setTotal(res.total)
      })
      .catch((e: unknown) => live && setError(toCloudError(e).message))
      .finally(() => live && setLoading(false))
    return () => {
      live = false
    }
  }, [buildingId, page, tick])

  return { rooms, total, loading, error, more: () => setPage((p) => p + 1), retry: () => setTick((t) => t + 1) }
}

/** Estate → building → room, for one community. */
export default function HouseholdPicker({
  communityId,
  value,
  onChange,
  error,
  idPrefix = 'hh',
}: HouseholdPickerProps) {
  const [estateId, setEstateId] = useState<string>()
  const [buildingId, setBuildingId] = useState<string>()
  const estates = useCloud('org', 'estate.list', communityId ? { communityId } : null)
  const buildings = useCloud('org', 'building.list', estateId ? { estateId } : null)
  const rooms = useRooms(buildingId)

  useEffect(() => {
    setEstateId(undefined)
    setBuildingId(undefined)
  }, [communityId])

  const estateName = estates.data?.items.find((e) => e.id === estateId)?.name ?? ''
  const buildingName = buildings.data?.items.find((b) => b.id === buildingId)?.name ?? ''

  return (
    <View className='tx-hh'>
      <Field
        kind='picker'
        id={`${idPrefix}-estate`}
        label='小区'
        placeholder={!communityId ? '请先选择社区' : estates.loading ? '正在加载小区…' : '请选择小区'}
        disabled={!communityId || estates.loading}
        options={(estates.data?.items ?? []).map((e) => ({ label: e.name, value: e.id }))}
        value={estateId}
        error={estates.error?.message}
        onChange={(v) => {
          setEstateId(v)
          setBuildingId(undefined)
          onChange(undefined)
        }}
      />
      <Field
        kind='picker'
        id={`${idPrefix}-building`}
        label='楼栋'
        placeholder={!estateId ? '请先选择小区' : buildings.loading ? '正在加载楼栋…' : '请选择楼栋'}
        disabled={!estateId || buildings.loading}
        options={(buildings.data?.items ?? []).map((b) => ({ label: b.name, value: b.id }))}
        value={buildingId}
        error={buildings.error?.message}
        onChange={(v) => {
          setBuildingId(v)
          onChange(undefined)
        }}
      />
      {buildingId ? (
        <View className='tx-hh__rooms' id={`${idPrefix}-rooms`}>
          <Text className='tx-hh__label'>房号</Text>
          {rooms.error ? (
            <View>
              <Text className='tx-hh__error'>{rooms.error}</Text>
              <Button variant='plain' size='small' onClick={rooms.retry}>
                重试
              </Button>
            </View>
          ) : null}
          {!rooms.loading && !rooms.error && rooms.rooms.length === 0 ? (
            <Text className='tx-hh__hint'>这栋楼还没有登记房号，请联系社区</Text>
          ) : null}
          <View className='tx-hh__grid'>
            {rooms.rooms.map((r) => (
              <View
                key={r.id}
                className={`tx-hh__room${r.id === value ? ' tx-hh__room--on' : ''}`}
                id={`${idPrefix}-room-${r.room}`}
                onClick={() => onChange({ householdId: r.id, address: `${estateName} ${buildingName} ${r.room}` })}
              >
                <Text>{r.id === value ? `✓ ${r.room}` : r.room}</Text>
              </View>
            ))}
          </View>
          {rooms.loading ? <Loading text='正在加载房号…' /> : null}
          {!rooms.loading && rooms.rooms.length < rooms.total ? (
            <Button variant='plain' size='small' block onClick={rooms.more}>
              显示更多房号
            </Button>
          ) : null}
        </View>
      ) : null}
      {error ? <Text className='tx-hh__error'>{error}</Text> : null}
    </View>
  )
}
