import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import PageShell from '../../../../components/PageShell'
import Button from '../../../../components/Button'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import ListItem from '../../../../components/ListItem'
import Tag from '../../../../components/Tag'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import { formatTime } from '../../../../services/format'
import { go as navigate, ROUTES, toast, useParam } from '../../../../services/nav'
import { newRequestId } from '../../../../services/requestId'
import {
  ANSWER_KIND_LABEL,
  CATEGORY_LABEL,
  EVENT_STATUS_LABEL,
  HANDLER_TYPE_LABEL,
  SUMMONS_STATE_LABEL,
  URGENCY_LABEL,
  type EventView,
  type HandlerType,
  type ProgressView,
} from '../../../../../types/grid'
import Chips from '../../../../components/Chips'
import Stars from '../../../../components/Stars'
import Pager from '../../../../components/Pager'
import PhotoPicker from '../../../../components/PhotoPicker'
import Photos from '../../../../components/Photos'
import HeldNotice from '../../../../components/HeldNotice'
import ReportLink from '../../../../components/ReportLink'
import '../../grid.scss'

type Party = { type: 'unit' | 'company'; id: string; name: string }

/** The reported spot on the system map (weapp); where the platform has no map (some browsers) say so. */
async function openMap(e: EventView) {
  try {
    await Taro.openLocation({ latitude: e.lat!, longitude: e.lng!, name: e.place, scale: 17 })
  } catch {
    toast('此处无法打开地图，请按坐标查找', 'none')
  }
}

/** Members (在职党员) are many: a picker of one page of them, those responsible for the event's grid first. */
const MEMBER_PAGE = 50

function AssignPanel({ e, parties, onDone }: { e: EventView; parties: Party[]; onDone: () => void }) {
  const options = [
    { key: `community:${e.communityId}`, label: '社区自办' },
    ...parties.map((p) => ({ key: `${p.type}:${p.id}`, label: `${HANDLER_TYPE_LABEL[p.type]}：${p.name}` })),
  ]
  const [pick, setPick] = useState<string>()
  const [memberPage, setMemberPage] = useState(1)
  const members = useCloud('grid', 'event.members', { eventId: e.id, page: memberPage, pageSize: MEMBER_PAGE })
  const memberOptions = [...(members.data?.items ?? [])]
    .sort((a, b) => Number(b.onGrid) - Number(a.onGrid))
    .map((m) => ({
      value: `member:${m.id}`,
      label: `${m.name}${m.onGrid ? '（本网格）' : m.gridName ? `（${m.gridName}）` : ''}${m.overdue ? ' · 本年未报到' : ''}`,
    }))
  const memberTotal = members.data?.total ?? 0
  const assign = useMutation('grid', 'event.assign')
  const go = async () => {
    if (!pick) return
    const [type, ...rest] = pick.split(':')
    const r = await assign.run({ eventId: e.id, handler: { type: type as HandlerType, id: rest.join(':') } })
    if (r) {
      toast('已派单')
      onDone()
    }
  }
  return (
    <Card title={e.status === 'reported' ? '派单' : '改派'}>
      {assign.error ? <Notice tone='error'>{assign.error.message}</Notice> : null}
      <Text className='gd-meta'>处置时限按紧急程度自动计算（{URGENCY_LABEL[e.urgency]}）</Text>
      <Chips idPrefix='handler' items={options} value={pick} onChange={setPick} />
      {memberOptions.length ? (
        <Field
          kind='picker'
          id='member-picker'
          label='或派给在职党员'
          optional
          options={memberOptions}
          value={pick?.startsWith('member:') ? pick : undefined}
          onChange={setPick}
          placeholder='请选择党员'
          hint={memberTotal > MEMBER_PAGE ? `共 ${memberTotal} 位，当前第 ${memberPage} 页` : '本社区报到通过的党员'}
        />
      ) : members.error ? (
        <Text className='gd-meta'>党员名单未能加载：{members.error.message}</Text>
      ) : null}
      <Pager
        idPrefix='member-pager'
        noun='党员'
        page={memberPage}
        pageSize={MEMBER_PAGE}
        total={memberTotal}
        onChange={setMemberPage}
      />
      <Button id='assign' block disabled={!pick} loading={assign.sending} onClick={() => void go()}>
        派单
      </Button>
    </Card>
  )
}

function WhistlePanel({ e, parties, onDone }: { e: EventView; parties: Party[]; onDone: () => void }) {
  const [picked, setPicked] = useState<string[]>([])
  const [note, setNote] = useState('')
  const [requestId] = useState(newRequestId)
  const blow = useMutation('grid', 'whistle.blow')
  const toggle = (k: string) => setPicked(picked.includes(k) ? picked.filter((x) => x !== k) : [...picked, k])
  const go = async () => {
    const chosen = parties.filter((p) => picked.includes(`${p.type}:${p.id}`)).map((p) => ({ type: p.type, id: p.id }))
    const r = await blow.run({ requestId, eventId: e.id, parties: chosen, note: note.trim() || undefined })
    if (r) {
      toast('已吹哨')
      onDone()
    }
  }
  if (!parties.length) return null
  return (
    <Card title='吹哨召集'>
      {blow.error ? <Notice tone='error'>{blow.error.message}</Notice> : null}
      <Text className='gd-meta'>
        被召集方须在时限内报到并承诺，或说明理由；应答、逾期和未应答都会记入单位反馈函和物业记录
      </Text>
      <Chips
        idPrefix='party'
        items={parties.map((p) => ({ key: p.id, label: `${HANDLER_TYPE_LABEL[p.type]}：${p.name}` }))}
        values={parties.filter((p) => picked.includes(`${p.type}:${p.id}`)).map((p) => p.id)}
        onChange={(id) => {
          const p = parties.find((x) => x.id === id)
          if (p) toggle(`${p.type}:${p.id}`)
        }}
      />
      <Field id='whistle-note' label='吹哨说明' optional value={note} onChange={setNote} maxLength={200} />
      <Button id='blow' block disabled={!picked.length} loading={blow.sending} onClick={() => void go()}>
        吹哨
      </Button>
    </Card>
  )
}

function HandlePanel({ e, onDone }: { e: EventView; onDone: () => void }) {
  const accept = useMutation('grid', 'event.accept')
  const progress = useMutation('grid', 'event.progress')
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  if (e.status === 'assigned') {
    return (
      <Card title='处置'>
        {accept.error ? <Notice tone='error'>{accept.error.message}</Notice> : null}
        <Button
          id='accept'
          block
          loading={accept.sending}
          onClick={() => void accept.run({ eventId: e.id }).then((r) => r && (toast('已接单'), onDone()))}
        >
          接单
        </Button>
      </Card>
    )
  }
  if (e.status !== 'accepted') return null
  const send = async (done: boolean) => {
    const r = await progress.run({ eventId: e.id, note: note.trim(), photos, done })
    if (r) {
      toast(done ? '已办结' : '已更新')
      setNote('')
      setPhotos([])
      onDone()
    }
  }
  return (
    <Card title='处置进展'>
      {progress.error ? <Notice tone='error'>{progress.error.message}</Notice> : null}
      <Field id='progress-note' kind='textarea' label='进展说明' value={note} onChange={setNote} maxLength={300} />
      <PhotoPicker fn='grid' value={photos} onChange={setPhotos} max={6} label='处置照片' />
      <View className='gd-actions'>
        <Button
          id='post-progress'
          size='small'
          variant='secondary'
          loading={progress.sending}
          onClick={() => void send(false)}
        >
          上传进展
        </Button>
        <Button id='mark-done' size='small' loading={progress.sending} onClick={() => void send(true)}>
          已办结
        </Button>
      </View>
    </Card>
  )
}

function ConfirmPanel({ e, onDone }: { e: EventView; onDone: () => void }) {
  const confirm = useMutation('grid', 'event.confirm')
  const [rating, setRating] = useState(5)
  const [reason, setReason] = useState('')
  const go = async (resolved: boolean) => {
    const r = await confirm.run(
      resolved ? { eventId: e.id, resolved, rating } : { eventId: e.id, resolved, reason: reason.trim() },
    )
    if (r) {
      toast(resolved ? '已确认解决' : '已重新打开')
      onDone()
    }
  }
  return (
    <Card title='请确认处置结果'>
      {confirm.error ? <Notice tone='error'>{confirm.error.message}</Notice> : null}
      <Stars label='评价处置' value={rating} onChange={setRating} />
      <Button id='confirm-resolved' block loading={confirm.sending} onClick={() => void go(true)}>
        已解决
      </Button>
      <Field
        id='reopen-reason'
        label='没解决？写明原因'
        optional
        value={reason}
        onChange={setReason}
        maxLength={200}
        hint={`还可重新打开 ${Math.max(0, 2 - e.reopenCount)} 次，之后由书记裁定`}
      />
      <Button id='reopen' block variant='secondary' disabled={!reason.trim()} onClick={() => void go(false)}>
        没解决，重新打开
      </Button>
    </Card>
  )
}

function SecretaryPanel({ e, onDone }: { e: EventView; onDone: () => void }) {
  const decide = useMutation('grid', 'event.decide')
  const convert = useMutation('grid', 'event.convert')
  const [note, setNote] = useState('')
  const [requestId] = useState(newRequestId)
  return (
    <Card title='书记操作'>
      {decide.error ? <Notice tone='error'>{decide.error.message}</Notice> : null}
      {convert.error ? <Notice tone='error'>{convert.error.message}</Notice> : null}
      {e.status === 'deciding' ? (
        <View>
          <Field id='decide-note' label='裁定意见' value={note} onChange={setNote} maxLength={200} />
          <View className='gd-actions'>
            <Button
              id='decide-close'
              size='small'
              disabled={!note.trim()}
              loading={decide.sending}
              onClick={() =>
                void decide.run({ eventId: e.id, close: true, note: note.trim() }).then((r) => r && onDone())
              }
            >
              裁定办结
            </Button>
            <Button
              id='decide-reassign'
              size='small'
              variant='secondary'
              disabled={!note.trim()}
              onClick={() =>
                void decide.run({ eventId: e.id, close: false, note: note.trim() }).then((r) => r && onDone())
              }
            >
              重新派单
            </Button>
          </View>
        </View>
      ) : null}
      {!e.link && e.status !== 'closed' ? (
        <View className='gd-actions'>
          <Button
            id='to-need'
            size='small'
            variant='secondary'
            loading={convert.sending}
            onClick={() =>
              void convert
                .run({ requestId: `${requestId}-n`, eventId: e.id, to: 'need' })
                .then((r) => r && (toast('已转为需求'), onDone()))
            }
          >
            转为社区需求
          </Button>
          <Button
            id='to-topic'
            size='small'
            variant='secondary'
            loading={convert.sending}
            onClick={() =>
              void convert
                .run({ requestId: `${requestId}-t`, eventId: e.id, to: 'topic' })
                .then((r) => r && (toast('已转为议题'), onDone()))
            }
          >
            转为议事议题
          </Button>
        </View>
      ) : null}
    </Card>
  )
}

/** Steps that change the state get a label; a progress note, a confirmation and a decision say what they are. */
const STEP_LABEL: Partial<Record<ProgressView['kind'], string>> = { done: '处置方报办结', reopen: '上报人重新打开' }

function Step({ p }: { p: ProgressView }) {
  return (
    <View className='gd-step' id={`step-${p.seq}`}>
      {STEP_LABEL[p.kind] ? <Text className='gd-meta'>{STEP_LABEL[p.kind]}</Text> : null}
      <Text className='gd-text'>{p.note}</Text>
      <Text className='gd-meta'>
        {p.byName} · {formatTime(p.at)}
      </Text>
      <Photos ids={p.photos} />
    </View>
  )
}

const HISTORY_PAGE = 10

/** Every step, newest first, a page at a time: nothing of a long handling is cut (the event carries only the latest). */
function AllSteps({ eventId }: { eventId: string }) {
  const [page, setPage] = useState(1)
  const q = useCloud('grid', 'progress.list', { eventId, page, pageSize: HISTORY_PAGE })
  return (
    <QueryState {...q} loadingText='正在加载处置记录…'>
      {(data) => (
        <View id='all-steps'>
          {data.items.map((p) => (
            <Step key={p.seq} p={p} />
          ))}
          <Pager page={page} pageSize={HISTORY_PAGE} total={data.total} onChange={setPage} />
        </View>
      )}
    </QueryState>
  )
}

/** The latest steps of the handling; with more than those, all of them on request. */
function Progress({ e }: { e: EventView }) {
  const [all, setAll] = useState(false)
  const more = e.progressCount > e.progress.length
  return (
    <View>
      <Text className='gd-section'>处置过程（共 {e.progressCount} 条）</Text>
      <Card>
        {all ? (
          <AllSteps key={e.progressCount} eventId={e.id} />
        ) : (
          <View>
            {more ? <Text className='gd-meta'>以下是最近 {e.progress.length} 条</Text> : null}
            {e.progress.map((p) => (
              <Step key={p.seq} p={p} />
            ))}
          </View>
        )}
        {more ? (
          <Button id='toggle-steps' size='small' variant='plain' onClick={() => setAll(!all)}>
            {all ? '只看最近几条' : `查看全部 ${e.progressCount} 条（最新在前）`}
          </Button>
        ) : null}
      </Card>
    </View>
  )
}

/** One event: what happened, who handles it by when, whistle answers, progress; and what the viewer can do now. */
export default function EventPage() {
  const id = useParam('id')
  const q = useCloud('grid', 'event.get', id ? { eventId: id } : null)
  const me = useMe({})
  const data = q.data
  const isSecretary =
    !!data && !!me.data?.roles.some((g) => g.role === 'secretary' && g.scopeId === data.event.communityId)
  const partiesQ = useCloud('grid', 'whistle.parties', data?.canAssign ? { eventId: id } : null)
  const parties = (partiesQ.data?.items ?? []) as Party[]
  const open = data && !['closed', 'converted'].includes(data.event.status)
  return (
    <PageShell title='事件详情'>
      <QueryState {...q}>
        {({ event: e, summons, canAssign, canHandle }) => (
          <View>
            <Card>
              <View className='gd-row'>
                <Text className='gd-title'>
                  {CATEGORY_LABEL[e.category]} · {URGENCY_LABEL[e.urgency]}
                </Text>
                <Tag tone={e.status === 'closed' ? 'gray' : 'red'}>{EVENT_STATUS_LABEL[e.status]}</Tag>
              </View>
              <Text className='gd-text'>{e.description}</Text>
              <Text className='gd-meta'>
                {e.communityName ? `${e.communityName} ` : ''}
                {e.gridName} · {e.place}
              </Text>
              {e.estateName || e.buildingName ? (
                <Text className='gd-meta' id='event-estate'>
                  小区：{[e.estateName, e.buildingName].filter(Boolean).join(' ')}
                </Text>
              ) : null}
              {e.lat !== undefined && e.lng !== undefined ? (
                <Text className='gd-meta gd-link' id='event-location' onClick={() => void openMap(e)}>
                  定位：{e.lat.toFixed(5)}, {e.lng.toFixed(5)}（查看地图）
                </Text>
              ) : null}
              <Text className='gd-meta'>
                上报：{e.reporterName} {formatTime(e.createdAt)}
              </Text>
              {e.handler ? (
                <Text className='gd-meta'>
                  处置方：{HANDLER_TYPE_LABEL[e.handler.type]} {e.handler.name}
                  {e.acceptedByName ? `（${e.acceptedByName}接单）` : ''}
                </Text>
              ) : null}
              {e.deadline ? (
                <Text className={`gd-meta${e.overdue ? ' gd-overdue' : ''}`}>
                  处置时限：{formatTime(e.deadline)}
                  {e.overdue ? '（已超期）' : ''}
                </Text>
              ) : null}
              {e.reopenCount ? <Text className='gd-meta'>已重新打开 {e.reopenCount} 次</Text> : null}
              {e.rating ? <Stars compact label='上报人评价' value={e.rating} /> : null}
              <Photos ids={e.photos} />
              {!e.mine && !e.moderation ? (
                <ReportLink kind='event' id={e.id} photos={e.photos} idPrefix='report-event' />
              ) : null}
            </Card>
            {e.mine ? <HeldNotice state={e.moderation} heldPhotos={e.heldPhotos?.length} /> : null}
            {e.link ? (
              <Card>
                <ListItem
                  id='event-link'
                  title={e.link.type === 'need' ? '已转为社区需求' : '已转为议事议题'}
                  description={e.link.type === 'need' ? '查看需求清单中的这条需求' : '查看议事会中的这个议题'}
                  onClick={() => navigate(e.link!.type === 'need' ? ROUTES.need(e.link!.id) : ROUTES.topic(e.link!.id))}
                />
              </Card>
            ) : null}

            {summons.length ? (
              <View>
                <Text className='gd-section'>吹哨应答</Text>
                {summons.map((s) => (
                  <Card key={s.id} id={`summons-${s.partyId}`}>
                    <View className='gd-row'>
                      <Text className='gd-title'>{s.partyName}</Text>
                      <Tag tone={s.state === 'on_time' ? 'green' : s.state === 'pending' ? 'gold' : 'red'}>
                        {SUMMONS_STATE_LABEL[s.state]}
                      </Tag>
                    </View>
                    {s.answerText ? (
                      <Text className='gd-text'>
                        {ANSWER_KIND_LABEL[s.answerKind!]}：{s.answerText}
                      </Text>
                    ) : null}
                    <Text className='gd-meta'>
                      应答时限 {formatTime(s.windowEndsAt)}
                      {s.answeredAt ? ` · ${s.answeredByName} ${formatTime(s.answeredAt)} 应答` : ''}
                    </Text>
                  </Card>
                ))}
              </View>
            ) : null}

            {e.progress.length ? <Progress e={e} /> : null}

            {canAssign && ['reported', 'assigned'].includes(e.status) ? (
              <AssignPanel e={e} parties={parties} onDone={q.reload} />
            ) : null}
            {isSecretary && open ? <WhistlePanel e={e} parties={parties} onDone={q.reload} /> : null}
            {canHandle ? <HandlePanel e={e} onDone={q.reload} /> : null}
            {e.mine && e.status === 'done' ? <ConfirmPanel e={e} onDone={q.reload} /> : null}
            {isSecretary && open ? <SecretaryPanel e={e} onDone={q.reload} /> : null}
          </View>
        )}
      </QueryState>
    </PageShell>
  )
}
