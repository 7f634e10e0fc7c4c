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
import { toast, useParam } from '../../../../services/nav'
import { locate } from '../../../../services/locate'
import { useFormErrors } from '../../../../hooks/useFormErrors'
import Taro from '@tarojs/taro'
import {
  CATEGORIES,
  CATEGORY_LABEL,
  URGENCIES,
  URGENCY_LABEL,
  type Category,
  type Urgency,
} from '../../../../../types/grid'
import Chips from '../../../../components/Chips'
import PhotoPicker from '../../../../components/PhotoPicker'
import { GRID } from '../../routes'
import '../../grid.scss'

/** Fields in the order shown: the first with an error is scrolled to. */
const REPORT_FIELDS: Record<string, string> = {
  category: 'report-category',
  estateId: 'estate-picker',
  buildingId: 'building-picker',
  place: 'place',
  description: 'description',
  photos: 'report-photos',
}

/**
 * Report an event: grid workers on their grids, 楼栋长 for their buildings, members and verified residents in their community.
 * Nobody picks a grid: it follows from the building chosen, else from the reporter (their one grid,
 * their home, their 报到 grid) — the server derives and checks it the same way (event.report).
 */
export default function ReportPage() {
  // 我的楼栋 opens it for one of the 楼栋长's buildings: grid, estate and building chosen already.
  const estateParam = useParam('estateId')
  const buildingParam = useParam('buildingId')
  const me = useMe({})
  const roles = me.data?.roles ?? []
  const workerGrids = roles
    .filter((g) => g.role === 'grid_worker' || g.role === 'building_leader')
    .map((g) => g.scopeId)
  const resident = roles.some((g) => g.role === 'resident')
  const member = roles.some((g) => g.role === 'member')
  const communityId =
    roles.find((g) => g.role === 'grid_worker' || g.role === 'building_leader')?.communityId ??
    roles.find((g) => (g.role === 'member' || g.role === 'resident') && g.communityId)?.communityId ??
    roles.find((g) => g.role === 'member')?.scopeId
  const grids = useCloud('org', 'grid.list', communityId ? { communityId } : null)
  const gridName = (id: string | undefined) => grids.data?.items.find((g) => g.id === id)?.name
  const [category, setCategory] = useState<Category>()
  const [urgency, setUrgency] = useState<Urgency>('normal')
  const [place, setPlace] = useState('')
  const [description, setDescription] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const requestId = useMemo(newRequestId, [])
  const report = useMutation('grid', 'event.report')
  const { errors, check, clear, formError } = useFormErrors(REPORT_FIELDS, report.error)
  const askConsent = useNoticeConsent(['gridEventDone']) // asked before the send: WeChat needs the tap
  // The place: estate and building (optional) — the building fixes the grid and the estate's property company as a possible handler.
  const estates = useCloud('org', 'estate.list', communityId ? { communityId } : null)
  const [estateId, setEstateId] = useState<string | undefined>(estateParam || undefined)
  const buildings = useCloud('org', 'building.list', estateId ? { estateId } : null)
  const [buildingId, setBuildingId] = useState<string | undefined>(buildingParam || undefined)
  // A grid worker or 楼栋长 (who is nothing else here) reports on the grids they work on; others anywhere in the community.
  const onlyWorker = workerGrids.length > 0 && !resident && !member
  const buildingOptions = (buildings.data?.items ?? [])
    .filter((b) => !onlyWorker || workerGrids.includes(b.gridId))
    .map((b) => ({ value: b.id, label: b.name, gridId: b.gridId }))
  const building = buildingOptions.find((b) => b.value === buildingId)
  const derived = building
    ? `${gridName(building.gridId) ?? ''}（按所选楼栋）`
    : workerGrids.length === 1
      ? `${gridName(workerGrids[0]) ?? ''}（您负责的网格）`
      : workerGrids.length > 1
        ? '请选择楼栋，按楼栋确定网格'
        : resident
          ? '按您房屋所在的网格'
          : '按您报到的网格'
  // Coordinates are optional: a refused permission or a browser without location must not block the report.
  const [spot, setSpot] = useState<{ lat: number; lng: number }>()
  const [locating, setLocating] = useState(false)
  const [locProblem, setLocProblem] = useState('')
  const findMe = async () => {
    setLocating(true)
    setLocProblem('')
    try {
      setSpot(await locate())
    } catch (e) {
      setLocProblem(`${(e as Error).message}；也可以不带定位上报，请把地点写清楚`)
    } finally {
      setLocating(false)
    }
  }

  const submit = async () => {
    const found: Record<string, string> = {}
    if (!category) found.category = '请选择事件类别'
    if (workerGrids.length > 1 && onlyWorker && !building) found.buildingId = '您负责几个网格，请选择事发楼栋'
    if (!place.trim()) found.place = '请填写地点'
    if (!description.trim()) found.description = '请描述事件'
    if (!check(found) || !category) return
    await askConsent()
    const r = await report.run({
      requestId,
      estateId,
      buildingId: building?.value,
      lat: spot?.lat,
      lng: spot?.lng,
      category,
      urgency,
      place: place.trim(),
      description: description.trim(),
      photos,
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
          !communityId || (!workerGrids.length && !resident && !member) ? (
            <Notice tone='warn'>
              只有网格员、楼栋长、本社区在职党员或已认证居民可以上报。请先完成房屋认证或党员报到。
            </Notice>
          ) : (
            <View>
              <Card>
                <View className='gd-meta' id='report-category'>
                  事件类别
                </View>
                <Chips
                  idPrefix='cat'
                  items={CATEGORIES.map((k) => ({ key: k, label: CATEGORY_LABEL[k] }))}
                  value={category}
                  onChange={(k) => (setCategory(k), clear('category'))}
                />
                {errors.category ? <Text className='tx-field__error'>{errors.category}</Text> : null}
                <View className='gd-meta'>紧急程度</View>
                <Chips
                  idPrefix='urg'
                  items={URGENCIES.map((k) => ({ key: k, label: URGENCY_LABEL[k] }))}
                  value={urgency}
                  onChange={setUrgency}
                />
                {estates.data ? (
                  <Field
                    kind='picker'
                    id='estate-picker'
                    label='小区'
                    optional
                    options={estates.data.items.map((e) => ({ value: e.id, label: e.name }))}
                    value={estateId}
                    onChange={(v) => (setEstateId(v), setBuildingId(undefined))}
                    placeholder='请选择小区'
                    error={errors.estateId}
                  />
                ) : null}
                {estateId ? (
                  <Field
                    kind='picker'
                    id='building-picker'
                    label='楼栋'
                    optional={!(onlyWorker && workerGrids.length > 1)}
                    options={buildingOptions}
                    value={buildingId}
                    onChange={(v) => (setBuildingId(v), clear('buildingId'))}
                    placeholder={
                      buildings.loading
                        ? '正在读取楼栋…'
                        : buildingOptions.length
                          ? '请选择楼栋'
                          : '该小区没有您负责的楼栋'
                    }
                    error={errors.buildingId}
                  />
                ) : null}
                <Text className='gd-meta' id='derived-grid'>{`所属网格：${derived}`}</Text>
                <Field
                  id='place'
                  label='地点'
                  value={place}
                  onChange={(v) => (setPlace(v), clear('place'))}
                  placeholder='如：3号楼2单元楼道'
                  maxLength={60}
                  error={errors.place}
                />
                <View className='gd-row'>
                  <Text className='gd-meta' id='location-state'>
                    {spot ? '✓ 已记录您现在的位置，处置方可以按位置找到' : '定位（选填）：记录事发位置，便于处置方找到'}
                  </Text>
                  {spot ? (
                    <Button id='clear-location' size='small' variant='plain' onClick={() => setSpot(undefined)}>
                      清除
                    </Button>
                  ) : (
                    <Button
                      id='locate'
                      size='small'
                      variant='secondary'
                      loading={locating}
                      onClick={() => void findMe()}
                    >
                      定位
                    </Button>
                  )}
                </View>
                {locProblem ? <Notice tone='warn'>{locProblem}</Notice> : null}
                <Field
                  id='description'
                  kind='textarea'
                  label='事件描述'
                  value={description}
                  onChange={(v) => (setDescription(v), clear('description'))}
                  placeholder='发生了什么，影响到谁'
                  maxLength={500}
                  error={errors.description}
                />
                <View id='report-photos'>
                  <PhotoPicker fn='grid' value={photos} onChange={setPhotos} max={6} label='现场照片' />
                  {errors.photos ? <Text className='tx-field__error'>{errors.photos}</Text> : null}
                </View>
              </Card>
              {formError ? <Notice tone='error'>{formError}</Notice> : null}
              <Button id='submit-report' block loading={report.sending} onClick={() => void submit()}>
                上报
              </Button>
            </View>
          )
        }
      </QueryState>
    </PageShell>
  )
}
