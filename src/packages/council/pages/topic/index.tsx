import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import {
  TIER_LABEL,
  TIER_PROCEDURE,
  TOPIC_STATUS_LABEL,
  type TopicDetailView,
  type Tier,
} from '../../../../../types/council'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import PhotoPicker from '../../../../components/PhotoPicker'
import Photos from '../../../../components/Photos'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import HeldNotice from '../../../../components/HeldNotice'
import ReportLink from '../../../../components/ReportLink'
import { useMe } from '../../../../hooks/useMe'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { usePagedList } from '../../../../hooks/usePagedList'
import Chips from '../../../../components/Chips'
import { ROUTES, go, useParam, toast } from '../../../../services/nav'
import { COUNCIL, isSecretaryOf } from '../../lib'
import { formatTime } from '../../../../services/time'
import '../../council.scss'

function Triage({ topic, onDone }: { topic: TopicDetailView; onDone: () => void }) {
  const [decision, setDecision] = useState<'accept' | 'merge' | 'decline'>('accept')
  const [tier, setTier] = useState<Tier>('major')
  const [reason, setReason] = useState('')
  const [urgentDecision, setUrgentDecision] = useState('')
  const [mergeInto, setMergeInto] = useState<string>()
  const others = usePagedList(
    'council',
    'topic.list',
    decision === 'merge' ? { communityId: topic.communityId, status: 'accepted' } : null,
  )
  const triage = useMutation('council', 'topic.triage')
  const submit = async () => {
    const r = await triage.run({
      topicId: topic.id,
      decision,
      ...(decision === 'accept' ? { tier, ...(tier === 'urgent' ? { urgentDecision } : {}) } : {}),
      ...(decision === 'merge' ? { mergeInto } : {}),
      ...(decision === 'decline' ? { reason } : {}),
    })
    if (r) {
      toast('已处理')
      onDone()
    }
  }
  return (
    <Card title='受理议题'>
      <Chips
        layout='column'
        idPrefix='decision'
        items={[
          { key: 'accept', label: '受理' },
          { key: 'merge', label: '合并到其他议题' },
          { key: 'decline', label: '不予受理' },
        ]}
        value={decision}
        onChange={(k) => setDecision(k as typeof decision)}
      />
      {decision === 'accept' ? (
        <View>
          <Text className='cc-line'>议题层级</Text>
          <Chips
            layout='column'
            idPrefix='tier'
            items={(['urgent', 'minor', 'major'] as Tier[]).map((t) => ({
              key: t,
              label: `${TIER_LABEL[t]}：${TIER_PROCEDURE[t]}`,
            }))}
            value={tier}
            onChange={(k) => setTier(k as Tier)}
          />
          {tier === 'urgent' ? (
            <Field
              id='urgent-decision'
              kind='textarea'
              label='处置决定（立即执行，7 日内提交议事会追认）'
              value={urgentDecision}
              onChange={setUrgentDecision}
              maxLength={500}
            />
          ) : null}
        </View>
      ) : null}
      {decision === 'merge' ? (
        <QueryState
          data={others.first ? undefined : others}
          error={others.items.length ? undefined : others.error}
          loading={others.first}
          reload={others.reload}
        >
          {(list) => (
            <Field
              kind='picker'
              label='合并到'
              options={list.items.filter((t) => t.id !== topic.id).map((t) => ({ label: t.title, value: t.id }))}
              more={others.sheet}
              value={mergeInto}
              onChange={setMergeInto}
            />
          )}
        </QueryState>
      ) : null}
      {decision === 'decline' ? (
        <Field
          id='decline-reason'
          kind='textarea'
          label='公开理由（居民可见）'
          value={reason}
          onChange={setReason}
          maxLength={300}
        />
      ) : null}
      {triage.error ? <Notice tone='error'>{triage.error.message}</Notice> : null}
      <View className='cc-actions'>
        <Button id='submit-triage' block loading={triage.sending} onClick={() => void submit()}>
          确认
        </Button>
      </View>
    </Card>
  )
}

/** 大事 onto an agenda from here: a meeting that has not started, as a new item or into one without a vote under way. */
function ToAgenda({ topic }: { topic: TopicDetailView }) {
  const meetings = useCloud(
    'council',
    'meeting.list',
    { communityId: topic.communityId, pageSize: 20 },
    { reloadOnShow: true },
  )
  const [meetingId, setMeetingId] = useState<string>()
  const [itemId, setItemId] = useState('')
  const add = useMutation('council', 'meeting.addTopic')
  return (
    <Card title='列入会议议程'>
      <QueryState {...meetings}>
        {(list) => {
          const open = list.items.filter((m) => !m.agendaLocked)
          const chosen = open.find((m) => m.id === meetingId)
          if (!open.length) {
            return (
              <View>
                <Text className='cc-line--muted'>还没有未开始的会议。</Text>
                <Button
                  id='new-meeting'
                  variant='secondary'
                  block
                  onClick={() => go(COUNCIL.meetingEdit(topic.communityId))}
                >
                  新建议事会议
                </Button>
              </View>
            )
          }
          return (
            <View>
              <Field
                id='agenda-meeting'
                kind='picker'
                label='会议'
                options={open.map((m) => ({
                  label: `${m.title}（${formatTime(m.startsAt).slice(0, 10)}）`,
                  value: m.id,
                }))}
                value={meetingId}
                onChange={(v) => {
                  setMeetingId(v)
                  setItemId('')
                }}
              />
              {chosen ? (
                <Field
                  id='agenda-item'
                  kind='picker'
                  label='放在'
                  options={[
                    { label: '新增一项议程（以议题为标题）', value: '' },
                    ...chosen.agenda
                      .filter((a) => !a.openVoteId && a.topicIds.length < 5)
                      .map((a) => ({ label: `并入第 ${a.order} 项：${a.title}`, value: a.itemId })),
                  ]}
                  value={itemId}
                  onChange={setItemId}
                />
              ) : null}
              {add.error ? <Notice tone='error'>{add.error.message}</Notice> : null}
              <Button
                id='add-to-agenda'
                block
                disabled={!chosen}
                loading={add.sending}
                onClick={() =>
                  void add
                    .run({ meetingId: chosen!.id, topicId: topic.id, ...(itemId ? { itemId } : {}) })
                    .then((m) => {
                      if (m) {
                        toast('已列入议程')
                        go(COUNCIL.meeting(m.id))
                      }
                    })
                }
              >
                列入议程
              </Button>
            </View>
          )
        }}
      </QueryState>
    </Card>
  )
}

function Ratify({ topic, onDone }: { topic: TopicDetailView; onDone: () => void }) {
  const [note, setNote] = useState('')
  const ratify = useMutation('council', 'topic.ratify')
  return (
    <Card title='议事会追认'>
      <Field kind='textarea' label='追认说明' value={note} onChange={setNote} maxLength={300} />
      {ratify.error ? <Notice tone='error'>{ratify.error.message}</Notice> : null}
      <Button
        block
        loading={ratify.sending}
        onClick={() => void ratify.run({ topicId: topic.id, note }).then((r) => r && (toast('已追认'), onDone()))}
      >
        记录追认
      </Button>
    </Card>
  )
}

function Edit({ topic, onDone }: { topic: TopicDetailView; onDone: () => void }) {
  const [title, setTitle] = useState(topic.title)
  const [body, setBody] = useState(topic.body)
  const [photos, setPhotos] = useState(topic.photos)
  const update = useMutation('council', 'topic.update')
  return (
    <Card title='修改议题（有人附议后不能再改）'>
      <Field label='议题标题' value={title} onChange={setTitle} maxLength={40} />
      <Field kind='textarea' label='具体内容' value={body} onChange={setBody} maxLength={1000} />
      <PhotoPicker fn='council' value={photos} onChange={setPhotos} max={9} label='现场照片' />
      {update.error ? <Notice tone='error'>{update.error.message}</Notice> : null}
      <Button
        block
        variant='secondary'
        loading={update.sending}
        onClick={() =>
          void update.run({ topicId: topic.id, title, body, photos }).then((r) => r && (toast('已保存'), onDone()))
        }
      >
        保存修改
      </Button>
    </Card>
  )
}

/** A topic: what was proposed, how many seconded it, how the community handled it. */
export default function TopicPage() {
  const id = useParam('id')
  const q = useCloud('council', 'topic.get', { topicId: id }, { reloadOnShow: true })
  const me = useMe()
  const second = useMutation('council', 'topic.second')
  const [editing, setEditing] = useState(false)
  return (
    <PageShell title='议题详情'>
      <QueryState {...q}>
        {(t) => {
          const secretary = !!me.data && isSecretaryOf(me.data.roles, t.communityId)
          return (
            <View>
              {t.mine ? <HeldNotice state={t.moderation} heldPhotos={t.heldPhotos?.length} /> : null}
              <Card
                title={t.title}
                extra={
                  <Tag tone={t.status === 'accepted' ? 'green' : t.status === 'open' ? 'gold' : 'gray'}>
                    {TOPIC_STATUS_LABEL[t.status]}
                  </Tag>
                }
              >
                <Text className='cc-line--muted'>{`提议人 ${t.authorName} · ${formatTime(t.createdAt)}${t.estateName ? ` · ${t.estateName}` : ''}`}</Text>
                <Text className='cc-body'>{t.body}</Text>
                <Photos ids={t.photos} />
                <View className='cc-row'>
                  <Tag tone='red'>{`附议 ${t.seconds}`}</Tag>
                  {t.tier ? <Tag tone='blue'>{TIER_LABEL[t.tier]}</Tag> : null}
                </View>
                {t.tier ? <Text className='cc-line--muted'>{`处理程序：${TIER_PROCEDURE[t.tier]}`}</Text> : null}
                {t.declineReason ? (
                  <Notice tone='warn' title='不予受理的理由'>
                    {t.declineReason}
                  </Notice>
                ) : null}
                {t.mergedInto ? (
                  <Notice
                    tone='info'
                    title='已合并'
                    actionText='查看'
                    onAction={() => go(COUNCIL.topic(t.mergedInto!))}
                  >
                    该议题已与同类议题合并办理
                  </Notice>
                ) : null}
                {t.urgent ? (
                  <Notice tone={t.urgent.overdue ? 'error' : 'info'} title='急事处置'>
                    {`${t.urgent.decision}（${formatTime(t.urgent.decidedAt)} 决定；${t.urgent.ratifiedAt ? `已于 ${formatTime(t.urgent.ratifiedAt)} 经议事会追认：${t.urgent.ratifyNote ?? ''}` : `须在 ${formatTime(t.urgent.ratifyBy)} 前经议事会追认${t.urgent.overdue ? '，已逾期' : ''}`}）`}
                  </Notice>
                ) : null}
                {t.canSecond ? (
                  <Button
                    id='second'
                    block
                    loading={second.sending}
                    onClick={() => void second.run({ topicId: t.id }).then((r) => r && (toast('已附议'), q.reload()))}
                  >
                    我也附议
                  </Button>
                ) : t.secondedByMe ? (
                  <Text className='cc-line' id='seconded'>
                    您已附议
                  </Text>
                ) : null}
                {second.error ? <Notice tone='error'>{second.error.message}</Notice> : null}
                {t.canEdit && !editing ? (
                  <Button variant='plain' onClick={() => setEditing(true)}>
                    修改议题
                  </Button>
                ) : null}
                {!t.mine && !t.moderation ? (
                  <ReportLink kind='topic' id={t.id} photos={t.photos} idPrefix='report-topic' />
                ) : null}
              </Card>
              {t.gridEventId ? (
                <Notice
                  tone='info'
                  title='来自网格上报'
                  actionText={secretary ? '查看网格事件' : undefined}
                  onAction={secretary ? () => go(ROUTES.gridEvent(t.gridEventId!)) : undefined}
                >
                  网格员或居民上报的问题，经书记转为议题办理。
                </Notice>
              ) : null}
              {t.voteId ? (
                <Notice
                  tone='info'
                  title='已交付表决'
                  actionText='查看表决'
                  onAction={() => go(COUNCIL.vote(t.voteId!))}
                >
                  住户表决的实时参与情况和结果
                </Notice>
              ) : secretary && t.status === 'accepted' && t.tier === 'minor' ? (
                <Card title='小事：直接表决'>
                  <Text className='cc-line--muted'>小事由相关住户简单多数议决，不必召开议事会议。</Text>
                  <Button id='open-vote-on-topic' block onClick={() => go(COUNCIL.voteOpenOnTopic(t.id))}>
                    发起表决
                  </Button>
                </Card>
              ) : null}
              {secretary && t.status === 'accepted' && t.tier === 'major' && !t.openVoteId ? (
                <ToAgenda topic={t} />
              ) : null}
              {editing ? (
                <Edit
                  topic={t}
                  onDone={() => {
                    setEditing(false)
                    q.reload()
                  }}
                />
              ) : null}
              {secretary && t.status === 'open' ? <Triage topic={t} onDone={q.reload} /> : null}
              {secretary && t.tier === 'urgent' && t.urgent && !t.urgent.ratifiedAt ? (
                <Ratify topic={t} onDone={q.reload} />
              ) : null}
            </View>
          )
        }}
      </QueryState>
    </PageShell>
  )
}
