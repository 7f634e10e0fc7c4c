import { useEffect, useMemo, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PARTICIPANT_KINDS, PARTICIPANT_LABEL, type ParticipantKind } from '../../../../../types/council'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { usePagedList } from '../../../../hooks/usePagedList'
import { useFormErrors } from '../../../../hooks/useFormErrors'
import DateTimeField from '../../../../components/DateTimeField'
import { beijingAt } from '../../../../services/time'
import { COUNCIL, newRequestId, param, toast } from '../../lib'
import '../../council.scss'

interface Item { itemId?: string; title: string; topicIds: string[] }
interface Participant { kind: ParticipantKind; name: string }

/** In three days at 19:00 Beijing time: after work, with time to tell the participants. */
const defaultStart = () => beijingAt(3, '19:00')
const MEETING_FIELDS: Record<string, string> = { title: 'meeting-title', startsAt: 'meeting-start', place: 'meeting-place', agenda: 'meeting-agenda', participants: 'meeting-participants' }
const DEFAULT_PARTICIPANTS: Participant[] = [
  { kind: 'party', name: '社区党委' }, { kind: 'residents_committee', name: '社区居委会' }, { kind: 'resident_rep', name: '居民代表' },
]

/** Secretary: create or edit a meeting — time, place, ordered agenda linked to accepted topics, participants. */
export default function MeetingEditPage() {
  const communityId = param('communityId')
  const id = param('id')
  const existing = useCloud('council', 'meeting.get', id ? { meetingId: id } : null)
  const topics = usePagedList('council', 'topic.list', { communityId, status: 'accepted' })
  const [title, setTitle] = useState('')
  const [start, setStart] = useState(defaultStart)
  const [place, setPlace] = useState('社区党群服务中心')
  const [items, setItems] = useState<Item[]>([{ title: '', topicIds: [] }])
  const [participants, setParticipants] = useState<Participant[]>(DEFAULT_PARTICIPANTS)
  const requestId = useMemo(newRequestId, [])
  const create = useMutation('council', 'meeting.create')
  const update = useMutation('council', 'meeting.update')
  const { errors, check, formError } = useFormErrors(MEETING_FIELDS, create.error ?? update.error)

  useEffect(() => {
    const m = existing.data
    if (!m) return
    setTitle(m.title); setStart(m.startsAt); setPlace(m.place)
    setItems(m.agenda.map((a) => ({ itemId: a.itemId, title: a.title, topicIds: a.topicIds })))
    setParticipants(m.participants)
  }, [existing.data])

  const setItem = (i: number, patch: Partial<Item>) => setItems((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)))
  const move = (i: number, d: -1 | 1) => setItems((xs) => {
    const j = i + d
    if (j < 0 || j >= xs.length) return xs
    const out = [...xs]; [out[i], out[j]] = [out[j], out[i]]; return out
  })

  const save = async () => {
    const found: Record<string, string> = {}
    if (!title.trim()) found.title = '请填写会议名称'
    if (Date.parse(start) <= Date.now()) found.startsAt = '会议时间须晚于现在'
    if (items.some((x) => !x.title.trim())) found.agenda = '请填写每一项议程的标题'
    if (!check(found)) return
    const fields = { title, startsAt: start, place, online: false, agenda: items.map((x) => ({ ...(x.itemId ? { itemId: x.itemId } : {}), title: x.title, topicIds: x.topicIds })), participants }
    const m = id ? await update.run({ meetingId: id, ...fields }) : await create.run({ requestId, communityId, ...fields })
    if (!m) return
    toast('已保存')
    void Taro.redirectTo({ url: COUNCIL.meeting(m.id) })
  }

  return (
    <PageShell title={id ? '修改会议' : '新建议事会议'} intro='会议开始后议程不能再修改。保存后为草稿，发布后居民可以看到议程。'>
      <QueryState data={topics.first ? undefined : topics} error={topics.items.length ? undefined : topics.error} loading={topics.first} reload={topics.reload}>
        {(accepted) => (
          <View>
            <Card title='基本信息'>
              <Field id='meeting-title' label='会议名称' value={title} onChange={setTitle} placeholder='例如：和谐社区红色议事会（停车专题）' maxLength={60} error={errors.title} />
              <DateTimeField id='meeting-start' label='会议时间' defaultTime='19:00' value={start} onChange={setStart} error={errors.startsAt} />
              <Field id='meeting-place' label='地点' value={place} onChange={setPlace} maxLength={80} error={errors.place} />
            </Card>
            <Card title='议程（按顺序）' id='meeting-agenda'>
              {errors.agenda ? <Text className='tx-field__error'>{errors.agenda}</Text> : null}
              {items.map((it, i) => (
                <View key={i} className='cc-edit-item'>
                  <Field id={`item-title-${i}`} label={`第 ${i + 1} 项`} value={it.title} onChange={(v) => setItem(i, { title: v })} maxLength={60} placeholder='议程标题' />
                  <Field
                    id={`item-topic-${i}`}
                    kind='picker'
                    label='关联议题'
                    optional
                    options={[{ label: '（不关联）', value: '' }, ...accepted.items.map((t) => ({ label: t.title, value: t.id }))]}
                    more={topics.sheet}
                    value={it.topicIds[0] ?? ''}
                    onChange={(v) => setItem(i, { topicIds: v ? [v] : [] })}
                  />
                  <View className='cc-row'>
                    <Button size='small' variant='plain' disabled={i === 0} onClick={() => move(i, -1)}>上移</Button>
                    <Button size='small' variant='plain' disabled={i === items.length - 1} onClick={() => move(i, 1)}>下移</Button>
                    <Button size='small' variant='plain' disabled={items.length === 1} onClick={() => setItems((xs) => xs.filter((_, j) => j !== i))}>删除</Button>
                  </View>
                </View>
              ))}
              <Button id='add-item' variant='secondary' size='small' onClick={() => setItems((xs) => [...xs, { title: '', topicIds: [] }])}>添加议程</Button>
            </Card>
            <Card title='参会方' id='meeting-participants'>
              {errors.participants ? <Text className='tx-field__error'>{errors.participants}</Text> : null}
              {participants.map((p, i) => (
                <View key={i} className='cc-edit-item'>
                  <Field kind='picker' label='类别' options={PARTICIPANT_KINDS.map((k) => ({ label: PARTICIPANT_LABEL[k], value: k }))} value={p.kind} onChange={(v) => setParticipants((xs) => xs.map((x, j) => (j === i ? { ...x, kind: v as ParticipantKind } : x)))} />
                  <Field label='名称' value={p.name} onChange={(v) => setParticipants((xs) => xs.map((x, j) => (j === i ? { ...x, name: v } : x)))} maxLength={40} />
                  <Button size='small' variant='plain' disabled={participants.length === 1} onClick={() => setParticipants((xs) => xs.filter((_, j) => j !== i))}>删除</Button>
                </View>
              ))}
              <Button variant='secondary' size='small' onClick={() => setParticipants((xs) => [...xs, { kind: 'property', name: '' }])}>添加参会方</Button>
            </Card>
            {formError ? <Notice tone='error'>{formError}</Notice> : null}
            <View className='cc-actions'>
              <Button id='save-meeting' block loading={create.sending || update.sending} onClick={() => void save()}>保存</Button>
              <Text className='cc-line--muted'>只能关联已受理的议题。</Text>
            </View>
          </View>
        )}
      </QueryState>
    </PageShell>
  )
}
