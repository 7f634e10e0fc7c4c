import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Button from '../../../../components/Button'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { useNoticeConsent } from '../../../../hooks/useNoticeConsent'
import { useMe } from '../../../../hooks/useMe'
import { newRequestId } from '../../../../services/requestId'
import { toast } from '../../../../services/nav'
import Taro, { useRouter } from '@tarojs/taro'
import { CATEGORIES, CATEGORY_LABEL, URGENCIES, URGENCY_LABEL, type Category, type Urgency } from '../../../../../types/grid'
import Chips from '../../../../components/Chips'
import PhotoPicker from '../../../../components/PhotoPicker'
import { GRID } from '../../routes'
import '../../grid.scss'

/** Report an event: grid workers on their grid, 楼栋长 for their buildings, members and verified residents in their community. */
export default function ReportPage() {
  // 我的楼栋 opens it for one of the 楼栋长's buildings: grid, estate and building chosen already.
  const { params } = useRouter()
  const me = useMe({})
  const roles = me.data?.roles ?? []
  const myGrids = roles.filter((g) => g.role === 'grid_worker' || g.role === 'building_leader').map((g) => ({ value: g.scopeId, label: g.scopeName }))
    .filter((g, i, all) => all.findIndex((x) => x.value === g.value) === i)
  const communityId = roles.find((g) => g.role === 'grid_worker' || g.role === 'building_leader')?.communityId
    ?? roles.find((g) => (g.role === 'member' || g.role === 'resident') && g.communityId)?.communityId
    ?? roles.find((g) => g.role === 'member')?.scopeId
  const grids = useCloud('org', 'grid.list', myGrids.length || !communityId ? null : { communityId })
  const options = myGrids.length ? myGrids : (grids.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))
  const [gridId, setGridId] = useState<string | undefined>(params.gridId)
  const [category, setCategory] = useState<Category>()
  const [urgency, setUrgency] = useState<Urgency>('normal')
  const [place, setPlace] = useState('')
  const [description, setDescription] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [problem, setProblem] = useState('')
  const requestId = useMemo(newRequestId, [])
  const report = useMutation('grid', 'event.report')
  const askConsent = useNoticeConsent(['gridEventDone']) // asked before the send: WeChat needs the tap
  const grid = gridId ?? (options.length === 1 ? options[0].value : undefined)
  // The place: estate and building (optional) — the building fixes the estate's property company as a possible handler.
  const estates = useCloud('org', 'estate.list', communityId ? { communityId } : null)
  const [estateId, setEstateId] = useState<string | undefined>(params.estateId)
  const buildings = useCloud('org', 'building.list', estateId ? { estateId } : null)
  const [buildingId, setBuildingId] = useState<string | undefined>(params.buildingId)
  const buildingOptions = (buildings.data?.items ?? []).filter((b) => b.gridId === grid).map((b) => ({ value: b.id, label: b.name }))
  // Coordinates are optional: a refused permission or a browser without location must not block the report.
  const [spot, setSpot] = useState<{ lat: number; lng: number }>()
  const [locating, setLocating] = useState(false)
  const [locProblem, setLocProblem] = useState('')
  const locate = async () => {
    setLocating(true)
    setLocProblem('')
    try {
      const r = await Taro.getLocation({ type: 'gcj02' })
      setSpot({ lat: r.latitude, lng: r.longitude })
    } catch {
      setLocProblem('没有取得位置：请在设置中允许定位后重试，或不带定位直接上报（请把地点写清楚）')
    } finally {
      setLocating(false)
    }
  }

  const submit = async () => {
    setProblem('')
    if (!grid) return setProblem('请选择网格')
    if (!category) return setProblem('请选择事件类别')
    if (!place.trim()) return setProblem('请填写地点')
    if (!description.trim()) return setProblem('请描述事件')
    const building = buildingOptions.find((b) => b.value === buildingId)?.value
    await askConsent()
    const r = await report.run({
      requestId, gridId: grid, estateId, buildingId: building, lat: spot?.lat, lng: spot?.lng,
      category, urgency, place: place.trim(), description: description.trim(), photos,
    })
    if (r) {
      toast('已上报')
      void Taro.redirectTo({ url: GRID.event(r.id) })
    }
  }

  return (
    <PageShell title='上报网格事件' intro='发现问题，拍照上报，社区派单处置'>
      <QueryState {...me}>
        {() =>
          options.length === 0 && !grids.loading ? (
            <Notice tone='warn'>只有网格员、楼栋长、本社区在职党员或已认证居民可以上报。请先完成房屋认证或党员报到。</Notice>
          ) : (
            <View>
              {report.error ? <Notice tone='error'>{report.error.message}</Notice> : null}
              {problem ? <Notice tone='error'>{problem}</Notice> : null}
              <Card>
                <Field kind='picker' id='grid-picker' label='网格' options={options} value={grid} onChange={setGridId} placeholder='请选择网格' />
                <View className='gd-meta'>事件类别</View>
                <Chips idPrefix='cat' items={CATEGORIES.map((k) => ({ key: k, label: CATEGORY_LABEL[k] }))} value={category} onChange={setCategory} />
                <View className='gd-meta'>紧急程度</View>
                <Chips idPrefix='urg' items={URGENCIES.map((k) => ({ key: k, label: URGENCY_LABEL[k] }))} value={urgency} onChange={setUrgency} />
                {estates.data ? (
                  <Field kind='picker' id='estate-picker' label='小区' optional options={estates.data.items.map((e) => ({ value: e.id, label: e.name }))} value={estateId} onChange={(v) => (setEstateId(v), setBuildingId(undefined))} placeholder='请选择小区' />
                ) : null}
                {estateId ? (
                  <Field kind='picker' id='building-picker' label='楼栋' optional options={buildingOptions} value={buildingId} onChange={setBuildingId} placeholder={buildingOptions.length ? '请选择楼栋' : '该小区在本网格内没有楼栋'} />
                ) : null}
                <Field id='place' label='地点' value={place} onChange={setPlace} placeholder='如：3号楼2单元楼道' maxLength={60} />
                <View className='gd-row'>
                  <Text className='gd-meta' id='location-state'>{spot ? `已定位：${spot.lat.toFixed(5)}, ${spot.lng.toFixed(5)}` : '定位（选填）：记录事发位置，便于处置方找到'}</Text>
                  {spot ? (
                    <Button id='clear-location' size='small' variant='plain' onClick={() => setSpot(undefined)}>清除</Button>
                  ) : (
                    <Button id='locate' size='small' variant='secondary' loading={locating} onClick={() => void locate()}>定位</Button>
                  )}
                </View>
                {locProblem ? <Notice tone='warn'>{locProblem}</Notice> : null}
                <Field id='description' kind='textarea' label='事件描述' value={description} onChange={setDescription} placeholder='发生了什么，影响到谁' maxLength={500} />
                <PhotoPicker fn='grid' value={photos} onChange={setPhotos} max={6} label='现场照片' />
              </Card>
              <Button id='submit-report' block loading={report.sending} onClick={() => void submit()}>上报</Button>
            </View>
          )
        }
      </QueryState>
    </PageShell>
  )
}
