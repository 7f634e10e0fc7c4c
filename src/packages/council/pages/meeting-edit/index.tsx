import { useEffect, useMemo, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PARTICIPANT_LABEL, type ParticipantKind, type PartyRef, type PartyType } from '../../../../../types/council'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import Chips from '../../../../components/Chips'
import PartyPicker, { partyKey } from '../../components/PartyPicker'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { usePagedList } from '../../../../hooks/usePagedList'
import { useFormErrors } from '../../../../hooks/useFormErrors'
import DateTimeField from '../../../../components/DateTimeField'
import { beijingAt } from '../../../../services/time'
import { COUNCIL } from '../../lib'
import { useParam, toast } from '../../../../services/nav'
import { newRequestId } from '../../../../services/requestId'
import '../../council.scss'

interface Item {
  itemId?: string
  title: string
  topicIds: string[]
}
interface Participant {
  kind: ParticipantKind
  name: string
  ref?: PartyRef
}

/** Bodies the secretary names (they have no account to invite); everyone else is picked from the community's records. */
const BODY_KINDS: ParticipantKind[] = ['party', 'residents_committee', 'owners_committee', 'resident_rep']
/** A picked party's participant kind. */
const KIND_OF: Partial<Record<PartyType, ParticipantKind>> = {
  company: 'property',
  unit: 'unit',
  gridStaff: 'grid',
  resident: 'resident_rep',
}

/** In three days at 19:00 Beijing time: after work, with time to tell the participants. */
const defaultStart = () => beijingAt(3, '19:00')
const MEETING_FIELDS: Record<string, string> = {
  title: 'meeting-title',
  startsAt: 'meeting-start',
  place: 'meeting-place',
  link: 'meeting-link',
  agenda: 'meeting-agenda',
  participants: 'meeting-participants',
}
const DEFAULT_PARTICIPANTS: Participant[] = [
  { kind: 'party', name: '社区党委' },
  { kind: 'residents_committee', name: '社区居委会' },
  { kind: 'resident_rep', name: '居民代表' },
]

/** Secretary: create or edit a meeting — time, place, ordered agenda linked to accepted topics, participants. */
export default function MeetingEditPage() {
  const communityId = useParam('communityId')
  const id = useParam('id')
  const existing = useCloud('council', 'meeting.get', id ? { meetingId: id } : null)
  const topics = usePagedList('council', 'topic.list', { communityId, status: 'accepted' })
  const [title, setTitle] = useState('')
  const [start, setStart] = useState(defaultStart)
  const [place, setPlace] = useState('社区党群服务中心')
  const [online, setOnline] = useState(false)
  const [link, setLink] = useState('')
  const [items, setItems] = useState<Item[]>([{ title: '', topicIds: [] }])
  const [participants, setParticipants] = useState<Participant[]>(DEFAULT_PARTICIPANTS)
  const requestId = useMemo(newRequestId, [])
  const create = useMutation('council', 'meeting.create')
  const update = useMutation('council', 'meeting.update')
  const { errors, check, formError } = useFormErrors(MEETING_FIELDS, create.error ?? update.error)

  useEffect(() => {
    const m = existing.data
    if (!m) return
    setTitle(m.title)
    setStart(m.startsAt)
    setPlace(m.place)
    setOnline(m.online)
    setLink(m.link ?? '')
    setItems(m.agenda.map((a) => ({ itemId: a.itemId, title: a.title, topicIds: a.topicIds })))
    setParticipants(m.participants)
  }, [existing.data])

  const setItem = (i: number, patch: Partial<Item>) =>
    setItems((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)))
  const move = (i: number, d: -1 | 1) =>
    setItems((xs) => {
      const j = i + d
      if (j < 0 || j >= xs.length) return xs
      const out = [...xs]
      ;[out[i], out[j]] = [out[j], out[i]]
      return out
    })

  const save = async () => {
    const found: Record<string, string> = {}
    if (!title.trim()) found.title = '请填写会议名称'
    if (Date.parse(start) <= Date.now()) found.startsAt = '会议时间须晚于现在'
    if (online && !link.trim()) found.link = '请填写会议链接或会议号'
    if (!online && !place.trim()) found.place = '请填写地点'
    if (items.some((x) => !x.title.trim())) found.agenda = '请填写每一项议程的标题'
    if (!check(found)) return
    const fields = {
      title,
      startsAt: start,
      online,
      ...(online ? { link } : { place }),
      agenda: items.map((x) => ({ ...(x.itemId ? { itemId: x.itemId } : {}), title: x.title, topicIds: x.topicIds })),
      participants: participants.map((p) => (p.ref ? { kind: p.kind, ref: p.ref } : { kind: p.kind, name: p.name })),
    }
    const m = id
      ? await update.run({ meetingId: id, rev: existing.data?.rev ?? 0, ...fields })
      : await create.run({ requestId, communityId, ...fields })
    if (!m) return
    toast('已保存')
    void Taro.redirectTo({ url: COUNCIL.meeting(m.id) })
  }

  return (
    <PageShell
      title={id ? '修改会议' : '新建议事会议'}
      intro='会议开始后议程不能再修改。保存后为草稿，发布后居民可以看到议程。'
    >
      <QueryState
        data={topics.first ? undefined : topics}
        error={topics.items.length ? undefined : topics.error}
        loading={topics.first}
        reload={topics.reload}
      >
        {(accepted) => (
          <View>
            <Card title='基本信息'>
              <Field
                id='meeting-title'
                label='会议名称'
                value={title}
                onChange={setTitle}
                placeholder='例如：和谐社区红色议事会（停车专题）'
                maxLength={60}
                error={errors.title}
              />
              <DateTimeField
                id='meeting-start'
                label='会议时间'
                defaultTime='19:00'
                value={start}
                onChange={setStart}
                error={errors.startsAt}
              />
              <Text className='cc-line'>开会方式</Text>
              <Chips
                idPrefix='meeting-mode'
                items={[
                  { key: 'offline', label: '线下开会' },
                  { key: 'online', label: '线上开会' },
                ]}
                value={online ? 'online' : 'offline'}
                onChange={(k) => setOnline(k === 'online')}
              />
              {online ? (
                <Field
                  id='meeting-link'
                  label='会议链接或会议号'
                  value={link}
                  onChange={setLink}
                  maxLength={200}
                  placeholder='例如：腾讯会议 123-456-789'
                  error={errors.link}
                />
              ) : (
                <Field
                  id='meeting-place'
                  label='地点'
                  value={place}
                  onChange={setPlace}
                  maxLength={80}
                  error={errors.place}
                />
              )}
            </Card>
            <Card title='议程（按顺序）' id='meeting-agenda'>
              {errors.agenda ? <Text className='tx-field__error'>{errors.agenda}</Text> : null}
              {items.map((it, i) => (
                <View key={i} className='cc-edit-item'>
                  <Field
                    id={`item-title-${i}`}
                    label={`第 ${i + 1} 项`}
                    value={it.title}
                    onChange={(v) => setItem(i, { title: v })}
                    maxLength={60}
                    placeholder='议程标题'
                  />
                  <Text className='cc-line'>{`关联议题（可多选，最多 5 个）${it.topicIds.length ? `：已选 ${it.topicIds.length} 个` : ''}`}</Text>
                  {accepted.items.length ? (
                    <Chips
                      idPrefix={`item-topics-${i}`}
                      items={accepted.items.map((t) => ({ key: t.id, label: t.title }))}
                      values={it.topicIds}
                      onChange={(t) =>
                        setItem(i, {
                          topicIds: it.topicIds.includes(t)
                            ? it.topicIds.filter((x) => x !== t)
                            : [...it.topicIds, t].slice(0, 5),
                        })
                      }
                    />
                  ) : (
                    <Text className='cc-line--muted'>暂无已受理的议题</Text>
                  )}
                  {topics.sheet.left > 0 ? (
                    <Button
                      size='small'
                      variant='plain'
                      loading={topics.sheet.loading}
                      onClick={topics.sheet.load}
                    >{`显示更多议题（还有 ${topics.sheet.left} 个）`}</Button>
                  ) : null}
                  <View className='cc-row'>
                    <Button size='small' variant='plain' disabled={i === 0} onClick={() => move(i, -1)}>
                      上移
                    </Button>
                    <Button size='small' variant='plain' disabled={i === items.length - 1} onClick={() => move(i, 1)}>
                      下移
                    </Button>
                    <Button
                      size='small'
                      variant='plain'
                      disabled={items.length === 1}
                      onClick={() => setItems((xs) => xs.filter((_, j) => j !== i))}
                    >
                      删除
                    </Button>
                  </View>
                </View>
              ))}
              <Button
                id='add-item'
                variant='secondary'
                size='small'
                onClick={() => setItems((xs) => [...xs, { title: '', topicIds: [] }])}
              >
                添加议程
              </Button>
            </Card>
            <Card title='参会方（社区组织）' id='meeting-participants'>
              {errors.participants ? <Text className='tx-field__error'>{errors.participants}</Text> : null}
              {participants.map((p, i) =>
                p.ref ? null : (
                  <View key={i} className='cc-edit-item'>
                    <Field
                      kind='picker'
                      label='类别'
                      options={BODY_KINDS.map((k) => ({ label: PARTICIPANT_LABEL[k], value: k }))}
                      value={p.kind}
                      onChange={(v) =>
                        setParticipants((xs) => xs.map((x, j) => (j === i ? { ...x, kind: v as ParticipantKind } : x)))
                      }
                    />
                    <Field
                      label='名称'
                      value={p.name}
                      onChange={(v) => setParticipants((xs) => xs.map((x, j) => (j === i ? { ...x, name: v } : x)))}
                      maxLength={40}
                    />
                    <Button
                      size='small'
                      variant='plain'
                      disabled={participants.length === 1}
                      onClick={() => setParticipants((xs) => xs.filter((_, j) => j !== i))}
                    >
                      删除
                    </Button>
                  </View>
                ),
              )}
              <Button
                variant='secondary'
                size='small'
                onClick={() => setParticipants((xs) => [...xs, { kind: 'owners_committee', name: '' }])}
              >
                添加社区组织
              </Button>
            </Card>
            <Card title='邀请参会（从本社区名单中选择）'>
              <Text className='cc-line--muted'>
                受邀的单位、物业、网格员和居民会收到会议通知，并在首页看到这次会议。
              </Text>
              {participants
                .filter((p) => p.ref)
                .map((p) => (
                  <View
                    key={partyKey(p.ref!)}
                    className='cc-invitee'
                    id={`invitee-${p.ref!.id.replace(/[^\w-]/g, '-')}`}
                  >
                    <Text className='cc-line'>{`${PARTICIPANT_LABEL[p.kind]}：${p.name}`}</Text>
                    <Button
                      size='small'
                      variant='plain'
                      onClick={() => setParticipants((xs) => xs.filter((x) => x !== p))}
                    >
                      移除
                    </Button>
                  </View>
                ))}
              <PartyPicker
                communityId={communityId || existing.data?.communityId || ''}
                idPrefix='invite'
                types={['company', 'unit', 'gridStaff', 'resident']}
                chosen={participants.filter((p) => p.ref).map((p) => partyKey(p.ref!))}
                pickText='邀请'
                onPick={(party) =>
                  setParticipants((xs) => [
                    ...xs,
                    { kind: KIND_OF[party.type]!, name: party.name, ref: { type: party.type, id: party.id } },
                  ])
                }
              />
            </Card>
            {formError ? <Notice tone='error'>{formError}</Notice> : null}
            {id && update.error?.code === 'CONFLICT' ? (
              // Changed meanwhile (a topic put on the agenda from its page): read it again rather than undo that change.
              <Button
                id='meeting-reload'
                variant='secondary'
                block
                onClick={() => {
                  update.reset()
                  existing.reload()
                }}
              >
                重新读取会议（需重新填写本次修改）
              </Button>
            ) : null}
            <View className='cc-actions'>
              <Button id='save-meeting' block loading={create.sending || update.sending} onClick={() => void save()}>
                保存
              </Button>
              <Text className='cc-line--muted'>只能关联已受理的议题。</Text>
            </View>
          </View>
        )}
      </QueryState>
    </PageShell>
  )
}
