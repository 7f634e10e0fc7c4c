import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { ActivityView } from '../../../../../types/service'
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABEL, serviceActions } from '../../../../../types/service'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Chips from '../../../../components/Chips'
import Empty from '../../../../components/Empty'
import Notice from '../../../../components/Notice'
import Tag from '../../../../components/Tag'
import ListItem from '../../../../components/ListItem'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { newRequestId } from '../../../../services/requestId'
import { validate } from '../../../../services/validate'
import { formatTime } from '../../../../services/format'
import { go, toast } from '../../../../services/nav'
import Pager from '../../../../components/Pager'
import DateTimeField from '../../../../components/DateTimeField'
import PlacePicker, { type Place } from '../../../../components/PlacePicker'
import { beijingAt } from '../../../../services/time'
import { useFormErrors } from '../../../../hooks/useFormErrors'
import { useCommunity } from '../../hooks/useCommunity'
import { SVC } from '../../routes'
import '../../service.scss'

const PAGE = 10

const RADII = [100, 200, 300, 500, 1000]
const GRACES = [0, 5, 10, 15, 30, 60]
const HOUR = 3600_000

function CreateActivity({ communityId, onDone }: { communityId: string; onDone: () => void }) {
  const [requestId, setRequestId] = useState(newRequestId)
  // Tomorrow 09:00–11:00 Beijing time; moving the start keeps the length.
  const [v, setV] = useState(() => {
    const startAt = beijingAt(1, '09:00')
    return {
      title: '',
      kind: 'volunteer',
      startAt,
      endAt: new Date(Date.parse(startAt) + 2 * HOUR).toISOString(),
      radius: '200',
      grace: '15',
      capacity: '20',
    }
  })
  const [place, setPlace] = useState<Place>()
  const create = useMutation('service', 'activity.create')
  const { errors, check, clear, formError } = useFormErrors(ACTIVITY_FIELDS, create.error)
  const set = (k: keyof typeof v) => (value: string) => setV((o) => ({ ...o, [k]: value }))
  const setStart = (startAt: string) =>
    setV((o) => ({
      ...o,
      startAt,
      endAt: new Date(Date.parse(startAt) + (Date.parse(o.endAt) - Date.parse(o.startAt))).toISOString(),
    }))
  const send = async () => {
    const input = {
      requestId,
      communityId,
      title: v.title,
      kind: v.kind as ActivityView['kind'],
      place: place ?? { name: '', lat: 0, lng: 0 },
      radiusM: Number(v.radius),
      graceMin: Number(v.grace),
      startAt: v.startAt,
      endAt: v.endAt,
      capacity: Number(v.capacity),
    }
    const checked = validate(serviceActions['activity.create'].input, input)
    if (!check({ ...(checked.ok ? {} : checked.errors), ...(place ? {} : { place: '请选择活动地点' }) })) return
    if (await create.run(input)) {
      toast('活动已发布')
      setRequestId(newRequestId())
      onDone()
    }
  }
  return (
    <Card title='发布活动'>
      <Field
        label='活动名称'
        id='act-title'
        value={v.title}
        onChange={set('title')}
        maxLength={60}
        error={errors.title}
      />
      <Field
        kind='picker'
        label='类型'
        id='act-kind'
        options={ACTIVITY_KINDS.map((k) => ({ label: ACTIVITY_KIND_LABEL[k], value: k }))}
        value={v.kind}
        onChange={set('kind')}
      />
      <View className='tx-field__label'>
        <Text>活动地点</Text>
      </View>
      <PlacePicker
        id='act-place'
        communityId={communityId}
        value={place}
        onChange={(p) => (setPlace(p), clear('place'))}
        error={errors.place}
        hint={`党员在此 ${v.radius} 米内可以定位签到；名称可以改成大家熟悉的叫法`}
      />
      <View className='svc-row'>
        <View className='svc-half'>
          <Field
            kind='picker'
            id='act-radius'
            label='签到范围'
            options={RADII.map((n) => ({ label: `${n} 米内`, value: String(n) }))}
            value={v.radius}
            onChange={set('radius')}
            error={errors.radiusM}
          />
        </View>
        <View className='svc-half'>
          <Field
            kind='picker'
            id='act-grace'
            label='提前/延后签到'
            options={GRACES.map((n) => ({ label: n ? `${n} 分钟` : '不放宽', value: String(n) }))}
            value={v.grace}
            onChange={set('grace')}
            error={errors.graceMin}
          />
        </View>
      </View>
      <DateTimeField
        id='act-start'
        label='开始'
        defaultTime='09:00'
        value={v.startAt}
        onChange={setStart}
        error={errors.startAt}
      />
      <DateTimeField
        id='act-end'
        label='结束'
        defaultTime='11:00'
        value={v.endAt}
        onChange={set('endAt')}
        error={errors.endAt}
        hint={`共 ${Math.max(0, Math.round((Date.parse(v.endAt) - Date.parse(v.startAt)) / 60_000) / 60)} 小时；开始前和结束后 ${v.grace} 分钟内也可签到、签退`}
      />
      <Field label='人数上限' id='act-capacity' value={v.capacity} onChange={set('capacity')} error={errors.capacity} />
      {formError ? (
        <Notice tone='error' title='发布没有成功'>
          <Text>{formError}</Text>
        </Notice>
      ) : null}
      <Button id='act-submit' loading={create.sending} onClick={() => void send()}>
        发布
      </Button>
    </Card>
  )
}

/** Form fields in the order they are shown: the first one with an error is scrolled to. */
const ACTIVITY_FIELDS: Record<string, string> = {
  title: 'act-title',
  place: 'act-place',
  radiusM: 'act-radius',
  graceMin: 'act-grace',
  startAt: 'act-start',
  endAt: 'act-end',
  capacity: 'act-capacity',
}

/** 服务活动: the community's activities; the secretary also posts them here. */
export default function ActivitiesPage() {
  const { me, picked: own, has } = useCommunity(['secretary', 'member', 'resident', 'unit_liaison'])
  const [page, setPage] = useState(1)
  const [creating, setCreating] = useState(false)
  // A street admin (no community of their own) picks one of the street's communities to oversee.
  const street = (me.data?.roles ?? []).find((g) => g.role === 'street_admin')
  const communities = useCloud(
    'org',
    'community.list',
    !own && street ? { streetId: street.scopeId, page: 1, pageSize: 50 } : null,
  )
  const [chosen, setChosen] = useState<string>()
  const streetPick = chosen ?? communities.data?.items[0]?.id
  const picked = own ?? (streetPick ? { communityId: streetPick } : undefined)
  const list = useCloud(
    'service',
    'activity.list',
    picked ? { communityId: picked.communityId, page, pageSize: PAGE } : null,
    { reloadOnShow: true },
  )
  return (
    <PageShell
      title='服务活动'
      extra={
        has('secretary') ? (
          <Text className='tx-link' id='act-new' onClick={() => setCreating((c) => !c)}>
            {creating ? '收起' : '发布活动'}
          </Text>
        ) : undefined
      }
    >
      <QueryState {...me}>
        {() =>
          !picked ? (
            <Empty text='您还没有所在社区' hint='党员报到或住户认证后可以看到社区活动' />
          ) : (
            <View>
              {!own && communities.data ? (
                <Chips
                  idPrefix='community'
                  items={communities.data.items.map((c) => ({ key: c.id, label: c.name }))}
                  value={picked.communityId}
                  onChange={(id) => {
                    setChosen(id)
                    setPage(1)
                  }}
                />
              ) : null}
              {creating ? (
                <CreateActivity
                  communityId={picked.communityId}
                  onDone={() => {
                    setCreating(false)
                    list.reload()
                  }}
                />
              ) : null}
              <QueryState {...list} loadingText='正在加载活动…'>
                {(data) =>
                  data.items.length === 0 ? (
                    <Empty text='还没有活动' hint='社区发布活动后会出现在这里' />
                  ) : (
                    <Card>
                      {data.items.map((a) => (
                        <ListItem
                          key={a.id}
                          id={`act-${a.id}`}
                          title={a.title}
                          description={
                            <Text>
                              {formatTime(a.startAt)} · {a.place.name} · {a.signupCount}/{a.capacity} 人
                            </Text>
                          }
                          extra={
                            <Tag tone={Date.parse(a.endAt) < Date.now() ? 'gray' : 'red'}>
                              {Date.parse(a.endAt) < Date.now() ? '已结束' : ACTIVITY_KIND_LABEL[a.kind]}
                            </Tag>
                          }
                          onClick={() => go(SVC.activity(a.id))}
                        />
                      ))}
                      <Pager page={page} pageSize={PAGE} total={data.total} onChange={setPage} />
                    </Card>
                  )
                }
              </QueryState>
            </View>
          )
        }
      </QueryState>
    </PageShell>
  )
}
