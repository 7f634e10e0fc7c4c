import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Field from '../Field'
import Button from '../Button'
import { idAttr } from '../idAttr'
import { useCloud } from '../../hooks/useCloud'
import { locate } from '../../services/locate'
import type { LatLng } from '../../services/coords'
import './index.scss'

export interface Place extends LatLng {
  name: string
}

export interface PlacePickerProps {
  communityId: string
  value: Place | undefined
  onChange: (place: Place | undefined) => void
  /** Under the name, e.g. 签到范围 200 米. */
  hint?: string
  error?: string
  id?: string
}

/**
 * Where something happens, chosen — never typed as latitude and longitude: one of the community's
 * known places (its estates and buildings with coordinates), a point on WeChat's map
 * (`chooseLocation`, mini-program), or where the phone is now (用当前位置). All GCJ-02. The name stays
 * editable (和谐家园东门) and is what people read; the coordinates are what sign-in checks against.
 */
export default function PlacePicker({ communityId, value, onChange, hint, error, id }: PlacePickerProps) {
  const estates = useCloud('org', 'estate.list', { communityId })
  const [estateId, setEstateId] = useState<string>()
  const [buildingId, setBuildingId] = useState<string>()
  const buildings = useCloud('org', 'building.list', estateId ? { estateId } : null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState('')
  const known = (estates.data?.items ?? []).filter((e) => e.lat !== undefined && e.lng !== undefined)
  const rooms = (buildings.data?.items ?? []).filter((b) => b.lat !== undefined && b.lng !== undefined)
  const estate = known.find((e) => e.id === estateId)

  const pickEstate = (eid: string) => {
    const e = known.find((x) => x.id === eid)
    setEstateId(eid)
    setBuildingId(undefined)
    if (e) onChange({ name: e.name, lat: e.lat!, lng: e.lng! })
  }
  const pickBuilding = (bid: string) => {
    const b = rooms.find((x) => x.id === bid)
    setBuildingId(bid)
    if (b && estate) onChange({ name: `${estate.name} ${b.name}`, lat: b.lat!, lng: b.lng! })
  }
  const here = async () => {
    setBusy(true)
    setProblem('')
    try {
      const p = await locate()
      setEstateId(undefined)
      setBuildingId(undefined)
      // A position has no name people know: they write one (和谐家园东门).
      onChange({ name: '', ...p })
    } catch (e) {
      setProblem((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const onMap = async () => {
    setProblem('')
    try {
      const r = await Taro.chooseLocation(value ? { latitude: value.lat, longitude: value.lng } : {})
      setEstateId(undefined)
      setBuildingId(undefined)
      onChange({ name: (r.name || r.address || '地图上的位置').slice(0, 60), lat: r.latitude, lng: r.longitude })
    } catch {
      // Closing the map without choosing is not a problem.
    }
  }

  return (
    <View className={`tx-place${error ? ' tx-place--error' : ''}`} {...idAttr(id)}>
      {known.length ? (
        <View className='tx-place__known'>
          <Field
            kind='picker'
            id={`${id ?? 'place'}-estate`}
            label='小区'
            options={known.map((e) => ({ label: e.name, value: e.id }))}
            value={estateId}
            onChange={pickEstate}
            placeholder='选择本社区的小区'
          />
          {estateId && rooms.length ? (
            <Field
              kind='picker'
              id={`${id ?? 'place'}-building`}
              label='楼栋'
              optional
              options={rooms.map((b) => ({ label: b.name, value: b.id }))}
              value={buildingId}
              onChange={pickBuilding}
              placeholder='整个小区'
            />
          ) : null}
        </View>
      ) : null}
      <View className='tx-place__actions'>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button size='small' variant='secondary' id={`${id ?? 'place'}-map`} onClick={() => void onMap()}>
            在地图上选
          </Button>
        ) : null}
        <Button
          size='small'
          variant='secondary'
          id={`${id ?? 'place'}-here`}
          loading={busy}
          onClick={() => void here()}
        >
          用当前位置
        </Button>
      </View>
      {problem ? <Text className='tx-field__error'>{problem}</Text> : null}
      {value ? (
        <View className='tx-place__chosen'>
          <Text className='tx-place__pin'>✓ 已选定位置</Text>
          <Field
            id={`${id ?? 'place'}-name`}
            label='地点名称'
            value={value.name}
            onChange={(name) => onChange({ ...value, name })}
            maxLength={60}
            placeholder='如：和谐家园东门'
            hint={hint ?? '可以改成大家熟悉的叫法，如：和谐家园东门'}
            error={error}
          />
        </View>
      ) : (
        <Text className={error ? 'tx-field__error' : 'tx-field__hint'}>
          {error ?? '请选择小区或楼栋，或用当前位置'}
        </Text>
      )}
    </View>
  )
}
