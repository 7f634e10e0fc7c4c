import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { AgendaSource } from '../../../../../types/joint'
import {
  AGENDA_SOURCE_LABEL,
  MAX_AGENDA,
  MEETING_CADENCE_LABEL,
  MEETING_CADENCES,
  jointActions,
} from '../../../../../types/joint'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Chips from '../../../../components/Chips'
import Empty from '../../../../components/Empty'
import Notice from '../../../../components/Notice'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import { newRequestId } from '../../../../services/requestId'
import { validate } from '../../../../services/validate'
import { dateFromToday } from '../../../../services/time'
import DateTimeField from '../../../../components/DateTimeField'
import { JOINT, chosenScope, useScopeParam, myScopes, type Scope } from '../../lib'
import '../../joint.scss'

interface Item {
  source: AgendaSource
  refId?: string
  title: string
}
const SOURCES: AgendaSource[] = ['grid_event', 'topic', 'need', 'other']
const short = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s)

/** Open problems of the community to put on the agenda: grid events not yet closed, topics still alive, needs not yet met. */
function useSources(scope: Scope, source: AgendaSource) {
  const community = scope.scopeType === 'community' ? scope.scopeId : null
  const events = useCloud(
    'grid',
    'event.board',
    community && source === 'grid_event' ? { communityId: community, open: true, page: 1, pageSize: 50 } : null,
  )
  const topics = useCloud(
    'council',
    'topic.list',
    community && source === 'topic' ? { communityId: community, page: 1, pageSize: 50 } : null,
  )
  const needs = useCloud(
    'service',
    'need.list',
    community && source === 'need' ? { communityId: community, status: 'open', page: 1, pageSize: 50 } : null,
  )
  if (source === 'grid_event')
    return {
      loading: events.loading,
      options: (events.data?.items ?? []).map((e) => ({ value: e.id, label: short(`${e.place}：${e.description}`) })),
    }
  if (source === 'topic')
    return {
      loading: topics.loading,
      options: (topics.data?.items ?? [])
        .filter((t) => t.status === 'open' || t.status === 'accepted')
        .map((t) => ({ value: t.id, label: short(t.title) })),
    }
  if (source === 'need')
    return {
      loading: needs.loading,
      options: (needs.data?.items ?? []).map((n) => ({ value: n.id, label: short(n.title) })),
    }
  return { loading: false, options: [] }
}

function ConveneForm({ scope }: { scope: Scope }) {
  const [requestId] = useState(newRequestId)
  const today = dateFromToday()
  const [title, setTitle] = useState(`${scope.name} ${Number(today.slice(5, 7))} 月联席会议`)
  const [date, setDate] = useState(dateFromToday(7))
  const [cadence, setCadence] = useState<(typeof MEETING_CADENCES)[number]>('monthly')
  const [agenda, setAgenda] = useState<Item[]>([])
  const [source, setSource] = useState<AgendaSource>(scope.scopeType === 'community' ? 'grid_event' : 'other')
  const [typed, setTyped] = useState('')
  const [invite, setInvite] = useState<string[] | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const roster = useCloud('org', 'committee.list', {
    scopeType: scope.scopeType,
    scopeId: scope.scopeId,
    includeEnded: false,
  })
  const picks = useSources(scope, source)
  const convene = useMutation('org', 'jointMeeting.convene')
  const serving = roster.data?.items ?? []
  const invited = invite ?? serving.map((m) => m.id)
  const sources = scope.scopeType === 'community' ? SOURCES : (['other'] as AgendaSource[])

  const add = (item: Item) => {
    if (
      agenda.length >= MAX_AGENDA ||
      agenda.some((a) => (item.refId ? a.refId === item.refId : a.title === item.title))
    )
      return
    setAgenda([...agenda, item])
    setErrors((e) => ({ ...e, agenda: '' }))
  }
  const submit = async () => {
    const input = {
      requestId,
      scopeType: scope.scopeType,
      scopeId: scope.scopeId,
      title: title.trim(),
      date,
      cadence,
      agenda,
      invite: invited,
    }
    const checked = validate(jointActions['jointMeeting.convene'].input, input)
    if (!checked.ok) return setErrors(checked.errors)
    if (invited.length === 0) return setErrors({ invite: '请至少邀请一位委员' })
    setErrors({})
    const r = await convene.run(input)
    if (r) void Taro.redirectTo({ url: JOINT.meeting(r.id) })
  }
  return (
    <View>
      <Card title='会议'>
        <Field
          label='会议名称'
          id='convene-title'
          value={title}
          onChange={setTitle}
          maxLength={40}
          error={errors.title}
        />
        <DateTimeField
          label='会议日期'
          mode='date'
          id='convene-date'
          value={date}
          onChange={setDate}
          error={errors.date}
        />
        <Text className='jt-line jt-line--strong'>会议周期</Text>
        <Chips
          idPrefix='cadence'
          items={MEETING_CADENCES.map((c) => ({ key: c, label: `${MEETING_CADENCE_LABEL[c]}例会` }))}
          value={cadence}
          onChange={setCadence}
        />
      </Card>
      <Card title={`议题（${agenda.length}）`} id='agenda'>
        {agenda.length === 0 ? <Text className='jt-line jt-line--muted'>从下面添加要在会上解决的问题</Text> : null}
        {agenda.map((a, i) => (
          <View key={`${a.source}-${a.refId ?? a.title}`} className='jt-item' id={`agenda-${i + 1}`}>
            <Text className='jt-item__title'>
              {i + 1}. {a.title}
            </Text>
            <View className='jt-row'>
              <Tag tone='gold'>{AGENDA_SOURCE_LABEL[a.source]}</Tag>
              <Button
                size='small'
                variant='plain'
                id={`agenda-remove-${i + 1}`}
                onClick={() => setAgenda(agenda.filter((_, j) => j !== i))}
              >
                移除
              </Button>
            </View>
          </View>
        ))}
        {errors.agenda ? <Text className='tx-field__error'>{errors.agenda}</Text> : null}
        <View className='jt-form'>
          <Text className='jt-line jt-line--strong'>添加议题：来自</Text>
          <Chips
            idPrefix='agenda-source'
            items={sources.map((s) => ({ key: s, label: s === 'other' ? '直接填写' : AGENDA_SOURCE_LABEL[s] }))}
            value={source}
            onChange={setSource}
          />
          {source === 'other' ? (
            <View>
              <Field
                label='议题'
                id='agenda-typed'
                value={typed}
                onChange={setTyped}
                maxLength={80}
                placeholder='如：冬季供水管道防冻'
              />
              <Button
                size='small'
                variant='secondary'
                id='agenda-add'
                onClick={() => {
                  if (typed.trim()) {
                    add({ source: 'other', title: typed.trim() })
                    setTyped('')
                  }
                }}
              >
                加入议题
              </Button>
            </View>
          ) : (
            <Field
              kind='picker'
              label={`选择${AGENDA_SOURCE_LABEL[source]}`}
              id='agenda-pick'
              options={picks.options.filter((o) => !agenda.some((a) => a.refId === o.value))}
              value={undefined}
              onChange={(refId) => add({ source, refId, title: picks.options.find((o) => o.value === refId)!.label })}
              placeholder={
                picks.loading
                  ? '正在加载…'
                  : picks.options.length
                    ? '点此选择，选中即加入议题'
                    : `没有未办结的${AGENDA_SOURCE_LABEL[source]}`
              }
            />
          )}
        </View>
      </Card>
      <Card title={`邀请委员（${invited.length}/${serving.length}）`} id='invite'>
        <QueryState {...roster} loadingText='正在加载委员…'>
          {() =>
            serving.length === 0 ? (
              <Empty text='还没有现任兼职委员' hint='请先在“委员名单”中任命' />
            ) : (
              <Chips
                idPrefix='invite'
                items={serving.map((m) => ({ key: m.id, label: `${m.name}（${m.affiliation.name}）` }))}
                values={invited}
                onChange={(id) => setInvite(invited.includes(id) ? invited.filter((x) => x !== id) : [...invited, id])}
              />
            )
          }
        </QueryState>
        {errors.invite ? <Text className='tx-field__error'>{errors.invite}</Text> : null}
        <Text className='jt-line jt-line--muted'>
          召集后，受邀委员所在报到单位的联络员、物业公司的人员会收到会议通知；其他委员请您另行通知
        </Text>
      </Card>
      {convene.error ? (
        <Notice tone='error' title='没有召集成功'>
          <Text>{convene.error.message}</Text>
        </Notice>
      ) : null}
      <Button id='convene-submit' loading={convene.sending} onClick={() => void submit()}>
        召集会议
      </Button>
    </View>
  )
}

/** Convening a 联席会议: title, date, cadence, the agenda of problems (picked from open grid events, topics and needs, or typed) and the invited members. */
export default function ConvenePage() {
  const me = useMe({ reloadOnShow: false })
  const route = useScopeParam()
  return (
    <PageShell title='召集联席会议' intro='把居民反映的问题列入议题，邀请兼职委员到会认领'>
      <QueryState {...me}>
        {(m) => {
          const scope = chosenScope(
            myScopes(m.roles).filter((s) => s.manages),
            route,
          )
          if (!scope || !scope.manages) return <Empty text='联席会议由社区书记或街道管理员召集' />
          return <ConveneForm scope={scope} />
        }}
      </QueryState>
    </PageShell>
  )
}
