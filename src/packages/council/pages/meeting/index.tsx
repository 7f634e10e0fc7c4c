import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import {
  MEETING_STATUS_LABEL,
  PARTICIPANT_LABEL,
  RESPONSIBLE_KINDS,
  type MeetingView,
  type PartyView,
  type ResponsibleKind,
} from '../../../../../types/council'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import Loading from '../../../../components/Loading'
import ErrorState from '../../../../components/ErrorState'
import ListItem from '../../../../components/ListItem'
import { useMe } from '../../../../hooks/useMe'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { useFormErrors } from '../../../../hooks/useFormErrors'
import DateTimeField from '../../../../components/DateTimeField'
import { dateFromToday, formatDate, formatTime } from '../../../../services/time'
import PartyPicker from '../../components/PartyPicker'
import { COUNCIL, isSecretaryOf } from '../../lib'
import { confirm, go, useParam, toast } from '../../../../services/nav'
import '../../council.scss'

function ResolutionForm({ meeting, itemId, onDone }: { meeting: MeetingView; itemId: string; onDone: () => void }) {
  const [decision, setDecision] = useState('')
  const [party, setParty] = useState<PartyView>()
  const [deadline, setDeadline] = useState(dateFromToday(30))
  const record = useMutation('council', 'resolution.record')
  const { errors, check, formError } = useFormErrors(
    { decision: `decision-${itemId}`, responsible: `responsible-${itemId}`, deadline: `deadline-${itemId}` },
    record.error,
  )
  const cites = meeting.agenda.find((a) => a.itemId === itemId)?.lastClosedVoteId
  const submit = async () => {
    const found: Record<string, string> = {}
    if (!decision.trim()) found.decision = '请填写决议内容'
    if (!party) found.responsible = '请选择责任方'
    if (deadline < dateFromToday(0)) found.deadline = '完成日期不能早于今天'
    if (!check(found) || !party) return
    // The server cites the item's latest counted vote itself; naming an older one would be refused.
    const r = await record.run({
      meetingId: meeting.id,
      itemId,
      decision,
      responsible: { type: party.type as ResponsibleKind, id: party.id },
      deadline,
    })
    if (r) {
      toast('决议已记录')
      onDone()
    }
  }
  return (
    <View className='cc-edit-item'>
      {cites ? <Text className='cc-line--muted'>决议将引用本议程项最近一次表决的结果。</Text> : null}
      <Field
        id={`decision-${itemId}`}
        kind='textarea'
        label='决议内容'
        value={decision}
        onChange={setDecision}
        maxLength={1000}
        error={errors.decision}
      />
      <View className={`tx-field${errors.responsible ? ' tx-field--error' : ''}`} id={`responsible-${itemId}`}>
        <View className='tx-field__label'>
          <Text>责任方</Text>
        </View>
        {party ? (
          <View className='cc-invitee'>
            <Text
              className='cc-line'
              id={`responsible-chosen-${itemId}`}
            >{`${party.name}${party.detail ? `（${party.detail}）` : ''}`}</Text>
            <Button size='small' variant='plain' onClick={() => setParty(undefined)}>
              重选
            </Button>
          </View>
        ) : (
          <PartyPicker
            communityId={meeting.communityId}
            idPrefix={`responsible-${itemId}`}
            types={[...RESPONSIBLE_KINDS.filter((k) => k !== 'community'), 'community']}
            chosen={[]}
            onPick={setParty}
          />
        )}
        {errors.responsible ? <Text className='tx-field__error'>{errors.responsible}</Text> : null}
      </View>
      <DateTimeField
        id={`deadline-${itemId}`}
        mode='date'
        label='完成日期（当天内完成）'
        value={deadline}
        onChange={setDeadline}
        error={errors.deadline}
      />
      {formError ? <Notice tone='error'>{formError}</Notice> : null}
      <Button
        id={`record-${itemId}`}
        size='small'
        disabled={!party}
        loading={record.sending}
        onClick={() => void submit()}
      >
        记录决议
      </Button>
    </View>
  )
}

function SecretaryPanel({ m, onChange }: { m: MeetingView; onChange: () => void }) {
  const publish = useMutation('council', 'meeting.publish')
  const start = useMutation('council', 'meeting.start')
  const end = useMutation('council', 'meeting.minutes')
  const [minutes, setMinutes] = useState('')
  const err = publish.error ?? start.error ?? end.error
  return (
    <Card title='书记操作'>
      {m.status === 'draft' ? (
        <View className='cc-actions'>
          <Button
            id='edit-meeting'
            variant='secondary'
            block
            onClick={() => go(COUNCIL.meetingEdit(m.communityId, m.id))}
          >
            修改会议和议程
          </Button>
          <Button
            id='publish-meeting'
            block
            loading={publish.sending}
            onClick={() =>
              void confirm('发布议程', '发布后居民可以看到议程，并通知订阅的居民。').then(async (ok) => {
                if (ok && (await publish.run({ meetingId: m.id }))) {
                  toast('已发布')
                  onChange()
                }
              })
            }
          >
            发布议程
          </Button>
        </View>
      ) : null}
      {m.status === 'published' ? (
        <View className='cc-actions'>
          {!m.agendaLocked ? (
            <Button variant='secondary' block onClick={() => go(COUNCIL.meetingEdit(m.communityId, m.id))}>
              修改会议和议程
            </Button>
          ) : null}
          <Button
            id='start-meeting'
            block
            loading={start.sending}
            onClick={() =>
              void confirm('开始会议', '开始后议程将锁定，不能再修改。').then(async (ok) => {
                if (ok && (await start.run({ meetingId: m.id }))) {
                  toast('会议开始')
                  onChange()
                }
              })
            }
          >
            开始会议
          </Button>
        </View>
      ) : null}
      {m.status === 'started' ? (
        <View>
          <Field id='minutes' kind='textarea' label='会议纪要' value={minutes} onChange={setMinutes} maxLength={5000} />
          <Button
            id='end-meeting'
            block
            loading={end.sending}
            onClick={() =>
              void end.run({ meetingId: m.id, minutes }).then((r) => r && (toast('纪要已保存'), onChange()))
            }
          >
            保存纪要并结束会议
          </Button>
        </View>
      ) : null}
      {err ? <Notice tone='error'>{err.message}</Notice> : null}
    </Card>
  )
}

/** A meeting: agenda, participants, sign-in; for the secretary, its whole life and per-item votes and resolutions. */
export default function MeetingPage() {
  const id = useParam('id')
  const q = useCloud('council', 'meeting.get', { meetingId: id }, { reloadOnShow: true })
  const me = useMe()
  const checkIn = useMutation('council', 'meeting.checkIn')
  const resolutions = useCloud(
    'council',
    'resolution.list',
    q.data ? { communityId: q.data.communityId, meetingId: id, pageSize: 50 } : null,
    { reloadOnShow: true },
  )
  const votes = useCloud(
    'council',
    'vote.list',
    q.data && q.data.status !== 'draft' ? { communityId: q.data.communityId, meetingId: id, pageSize: 50 } : null,
    { reloadOnShow: true },
  )
  const [openForm, setOpenForm] = useState<string>()
  return (
    <PageShell title='议事会议'>
      <QueryState {...q}>
        {(m) => {
          const secretary = !!me.data && isSecretaryOf(me.data.roles, m.communityId)
          const resOf = (itemId: string) => resolutions.data?.items.find((r) => r.itemId === itemId)
          const canSign =
            m.status === 'started' ||
            (m.status === 'published' && Date.now() >= new Date(m.startsAt).getTime() - 30 * 60_000)
          return (
            <View>
              <Card
                title={m.title}
                extra={<Tag tone={m.status === 'started' ? 'red' : 'gray'}>{MEETING_STATUS_LABEL[m.status]}</Tag>}
              >
                <Text className='cc-line'>{`时间：${formatTime(m.startsAt)}`}</Text>
                {m.online ? (
                  <Text className='cc-line' id='meeting-where'>{`线上开会：${m.link ?? ''}`}</Text>
                ) : (
                  <Text className='cc-line' id='meeting-where'>{`地点：${m.place}`}</Text>
                )}
                <Text className='cc-line--muted'>{`已签到 ${m.attendeeCount} 人${m.agendaLocked ? ' · 议程已锁定' : ''}`}</Text>
                {canSign && me.data ? (
                  <Button
                    id='check-in'
                    size='small'
                    variant='secondary'
                    loading={checkIn.sending}
                    onClick={() =>
                      void checkIn.run({ meetingId: m.id }).then((r) => r && (toast('已签到'), q.reload()))
                    }
                  >
                    签到
                  </Button>
                ) : null}
                {checkIn.error ? <Notice tone='error'>{checkIn.error.message}</Notice> : null}
              </Card>
              <Card title='议程'>
                {votes.loading || resolutions.loading ? <Loading text='正在加载表决和决议…' /> : null}
                {votes.error || resolutions.error ? (
                  <ErrorState
                    message={(votes.error ?? resolutions.error)!.message}
                    onRetry={() => {
                      votes.reload()
                      resolutions.reload()
                    }}
                  />
                ) : null}
                {m.agenda.map((a) => {
                  const r = resOf(a.itemId)
                  return (
                    <View key={a.itemId} className='cc-agenda-item' id={`agenda-${a.itemId}`}>
                      <Text className='cc-line'>{`${a.order}. ${a.title}`}</Text>
                      {a.topicIds.map((t) => (
                        <Text key={t} className='cc-line--muted tx-link' onClick={() => go(COUNCIL.topic(t))}>
                          {'关联议题 ›'}
                        </Text>
                      ))}
                      {(votes.data?.items ?? [])
                        .filter((v) => v.meetingId === m.id && v.itemId === a.itemId)
                        .map((v) => (
                          <ListItem
                            key={v.id}
                            id={`item-vote-${v.id}`}
                            title={`表决：${v.title}`}
                            description={
                              v.result
                                ? v.result.summary
                                : `${v.status === 'open' ? '投票中' : '待计票'} · 截止 ${formatTime(v.closesAt)}`
                            }
                            onClick={() => go(COUNCIL.vote(v.id))}
                          />
                        ))}
                      {r ? (
                        <ListItem
                          title={`决议：${r.decision}`}
                          description={`责任方 ${r.responsibleName} · ${formatDate(r.deadline)} 前完成`}
                          onClick={() => go(COUNCIL.resolution(r.id))}
                        />
                      ) : null}
                      {secretary && m.status !== 'draft' ? (
                        <View className='cc-row'>
                          {a.openVoteId ? (
                            <Text className='cc-line--muted'>表决计票后才能再次表决或记录决议</Text>
                          ) : (
                            <Button
                              id={`open-vote-${a.itemId}`}
                              size='small'
                              variant='secondary'
                              onClick={() => go(COUNCIL.voteOpen(m.id, a.itemId))}
                            >
                              {a.lastClosedVoteId ? '重新表决' : '发起表决'}
                            </Button>
                          )}
                          {!r && !a.openVoteId && (m.status === 'started' || m.status === 'ended') ? (
                            <Button
                              id={`resolve-${a.itemId}`}
                              size='small'
                              variant='plain'
                              onClick={() => setOpenForm(openForm === a.itemId ? undefined : a.itemId)}
                            >
                              记录决议
                            </Button>
                          ) : null}
                        </View>
                      ) : null}
                      {openForm === a.itemId && !r ? (
                        <ResolutionForm
                          meeting={m}
                          itemId={a.itemId}
                          onDone={() => {
                            setOpenForm(undefined)
                            resolutions.reload()
                          }}
                        />
                      ) : null}
                    </View>
                  )
                })}
              </Card>
              <Card
                title='参会方'
                extra={
                  secretary && m.status !== 'draft' ? (
                    <Text id='open-roll' className='tx-link' onClick={() => go(COUNCIL.roll(m.id))}>
                      到会情况 ›
                    </Text>
                  ) : undefined
                }
              >
                {m.participants.map((p, i) => (
                  <Text
                    key={i}
                    className='cc-line'
                  >{`${PARTICIPANT_LABEL[p.kind]}：${p.name}${p.ref ? '（已邀请）' : ''}`}</Text>
                ))}
              </Card>
              {m.minutes ? (
                <Card title='会议纪要'>
                  <Text className='cc-body' id='minutes-text'>
                    {m.minutes}
                  </Text>
                </Card>
              ) : null}
              {secretary && m.status !== 'ended' ? <SecretaryPanel m={m} onChange={q.reload} /> : null}
            </View>
          )
        }}
      </QueryState>
    </PageShell>
  )
}
