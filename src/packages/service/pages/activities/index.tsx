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
import Pager from '../../../admin/components/Pager'
import DateField, { today, toIso } from '../../components/DateField'
import { useCommunity } from '../../hooks/useCommunity'
import { SVC } from '../../routes'
import '../../service.scss'

const PAGE = 10

function CreateActivity({ communityId, onDone }: { communityId: string; onDone: () => void }) {
  const [requestId, setRequestId] = useState(newRequestId)
  const [v, setV] = useState({ title: '', kind: 'volunteer', place: '', lat: '30.5928', lng: '114.3055', date: today(1), time: '09:00', hours: '2', capacity: '20' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const create = useMutation('service', 'activity.create')
  const set = (k: keyof typeof v) => (value: string) => setV((o) => ({ ...o, [k]: value }))
  const send = async () => {
    const startAt = toIso(v.date, v.time)
    const input = {
      requestId, communityId, title: v.title, kind: v.kind as ActivityView['kind'], place: { name: v.place, lat: Number(v.lat), lng: Number(v.lng) },
      startAt, endAt: new Date(Date.parse(startAt) + Number(v.hours) * 3600_000).toISOString(), capacity: Number(v.capacity),
    }
    const checked = validate(serviceActions['activity.create'].input, input)
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return
    if (await create.run(input)) {
      toast('活动已发布')
      setRequestId(newRequestId())
      onDone()
    }
  }
  return (
    <Card title='发布活动'>
      <Field label='活动名称' id='act-title' value={v.title} onChange={set('title')} maxLength={60} error={errors.title} />
      <Field kind='picker' label='类型' id='act-kind' options={ACTIVITY_KINDS.map((k) => ({ label: ACTIVITY_KIND_LABEL[k], value: k }))} value={v.kind} onChange={set('kind')} />
      <Field label='地点' id='act-place' value={v.place} onChange={set('place')} placeholder='如：和谐家园东门' error={errors.place} />
      <View className='svc-row'>
        <View className='svc-half'><Field label='纬度' id='act-lat' value={v.lat} onChange={set('lat')} /></View>
        <View className='svc-half'><Field label='经度' id='act-lng' value={v.lng} onChange={set('lng')} /></View>
      </View>
      <DateField label='日期' mode='date' value={v.date} onChange={set('date')} />
      <DateField label='开始时间' mode='time' value={v.time} onChange={set('time')} />
      <Field kind='picker' label='时长' options={[1, 2, 3, 4, 6, 8].map((n) => ({ label: `${n} 小时`, value: String(n) }))} value={v.hours} onChange={set('hours')} error={errors.endAt} />
      <Field label='人数上限' id='act-capacity' value={v.capacity} onChange={set('capacity')} error={errors.capacity} />
      {create.error ? <Notice tone='error' title='发布没有成功'><Text>{create.error.message}</Text></Notice> : null}
      <Button id='act-submit' loading={create.sending} onClick={() => void send()}>发布</Button>
    </Card>
  )
}

/** 服务活动: the community's activities; the secretary also posts them here. */
export default function ActivitiesPage() {
  const { me, picked: own, has } = useCommunity(['secretary', 'member', 'resident', 'unit_liaison'])
  const [page, setPage] = useState(1)
  const [creating, setCreating] = useState(false)
  // A street admin (no community of their own) picks one of the street's communities to oversee.
  const street = (me.data?.roles ?? []).find((g) => g.role === 'street_admin')
  const communities = useCloud('org', 'community.list', !own && street ? { streetId: street.scopeId, page: 1, pageSize: 50 } : null)
  const [chosen, setChosen] = useState<string>()
  const streetPick = chosen ?? communities.data?.items[0]?.id
  const picked = own ?? (streetPick ? { communityId: streetPick } : undefined)
  const list = useCloud('service', 'activity.list', picked ? { communityId: picked.communityId, page, pageSize: PAGE } : null, { reloadOnShow: true })
  return (
    <PageShell title='服务活动' extra={has('secretary') ? <Text className='tx-link' id='act-new' onClick={() => setCreating((c) => !c)}>{creating ? '收起' : '发布活动'}</Text> : undefined}>
      <QueryState {...me}>
        {() =>
          !picked ? (
            <Empty text='您还没有所在社区' hint='党员报到或住户认证后可以看到社区活动' />
          ) : (
            <View>
              {!own && communities.data ? (
                <Chips idPrefix='community' items={communities.data.items.map((c) => ({ key: c.id, label: c.name }))} value={picked.communityId} onChange={(id) => { setChosen(id); setPage(1) }} />
              ) : null}
              {creating ? <CreateActivity communityId={picked.communityId} onDone={() => { setCreating(false); list.reload() }} /> : null}
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
                          description={<Text>{formatTime(a.startAt)} · {a.place.name} · {a.signupCount}/{a.capacity} 人</Text>}
                          extra={<Tag tone={Date.parse(a.endAt) < Date.now() ? 'gray' : 'red'}>{Date.parse(a.endAt) < Date.now() ? '已结束' : ACTIVITY_KIND_LABEL[a.kind]}</Tag>}
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

