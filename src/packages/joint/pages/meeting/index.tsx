import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { CommitmentView, JointMeetingView } from '../../../../../types/joint'
import { AGENDA_SOURCE_LABEL, MEETING_CADENCE_LABEL, jointActions } from '../../../../../types/joint'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Chips from '../../../../components/Chips'
import Empty from '../../../../components/Empty'
import Notice from '../../../../components/Notice'
import Tag from '../../../../components/Tag'
import Commitment from '../../../../components/Commitment'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import { validate } from '../../../../services/validate'
import { toast } from '../../../../services/nav'
import { formatTime } from '../../../../services/time'
import DateTimeField from '../../../../components/DateTimeField'
import ProgressForm from '../../components/ProgressForm'
import { myScopes } from '../../lib'
import { useParam } from '../../../../services/nav'
import '../../joint.scss'

type Meeting = JointMeetingView

/** "：5 位已通知，2 位由召集人另行通知" — the parts that apply. */
function noticeSummary(m: Meeting): string {
  const told = m.invited.filter((i) => i.notified).length
  const rest = m.invited.length - told
  const parts = [told ? `${told} 位已通知` : '', rest ? `${rest} 位由召集人另行通知` : ''].filter(Boolean)
  return `：${parts.join('，')}`
}

/** Who was there: the convener ticks the invited members present; everyone else sees the names. */
function Attendance({ m, manages, onSaved }: { m: Meeting; manages: boolean; onSaved: () => void }) {
  const [present, setPresent] = useState(m.present)
  const save = useMutation('org', 'jointMeeting.attendance')
  const changed = present.length !== m.present.length || present.some((p) => !m.present.includes(p))
  if (!manages) {
    return (
      <Card title={`出席（${m.present.length}/${m.invited.length}）`} id='attendance'>
        {m.invited.map((i) => (
          <Text key={i.memberId} className={`jt-line${m.present.includes(i.memberId) ? '' : ' jt-line--muted'}`}>
            {m.present.includes(i.memberId) ? '✓ ' : '　'}
            {i.name}（{i.affiliationName}）{m.present.includes(i.memberId) ? '' : ' 未出席'}
          </Text>
        ))}
      </Card>
    )
  }
  return (
    <Card title={`出席（${present.length}/${m.invited.length}）`} id='attendance'>
      <Text className='jt-line jt-line--muted'>点选到会的委员，再点“保存出席”</Text>
      <Chips
        idPrefix='present'
        items={m.invited.map((i) => ({ key: i.memberId, label: `${i.name}（${i.affiliationName}）` }))}
        values={present}
        onChange={(id) => setPresent(present.includes(id) ? present.filter((x) => x !== id) : [...present, id])}
      />
      {save.error ? <Text className='tx-field__error'>{save.error.message}</Text> : null}
      <Button
        size='small'
        id='attendance-save'
        disabled={!changed}
        loading={save.sending}
        onClick={() => void save.run({ meetingId: m.id, present }).then((r) => r && (toast('已保存出席'), onSaved()))}
      >
        保存出席
      </Button>
    </Card>
  )
}

/** Who was invited and how they heard: 已通知 in 同心圆 (their unit's liaison or company's staff), or told by the convener. */
function Invited({ m }: { m: Meeting }) {
  const told = m.invited.filter((i) => i.notified).length
  return (
    <Card title={`受邀委员（已通知 ${told}/${m.invited.length}）`} id='invited'>
      {m.invited.map((i) => (
        <View key={i.memberId} className='jt-row' id={`invited-${i.memberId}`}>
          <Text className='jt-line'>
            {i.name}（{i.affiliationName}）
          </Text>
          {i.notified ? <Tag tone='green'>已通知</Tag> : <Tag tone='gray'>由召集人另行通知</Tag>}
        </View>
      ))}
      <Text className='jt-line jt-line--muted'>已通知：会议通知已发给其单位联络员或物业公司人员</Text>
    </Card>
  )
}

/** 现场认领: the convener records which invited member's unit or company takes the problem on, what they promise and by when. */
function ClaimForm({
  m,
  itemId,
  onDone,
  onCancel,
}: {
  m: Meeting
  itemId: string
  onDone: () => void
  onCancel: () => void
}) {
  const [memberId, setMemberId] = useState<string>()
  const [commitment, setCommitment] = useState('')
  const [deadline, setDeadline] = useState(m.date)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const claim = useMutation('org', 'jointMeeting.claim')
  const submit = async () => {
    const input = { meetingId: m.id, itemId, memberId: memberId ?? '', commitment: commitment.trim(), deadline }
    const checked = validate(jointActions['jointMeeting.claim'].input, input)
    if (!checked.ok) return setErrors({ ...checked.errors, ...(memberId ? {} : { memberId: '请选择认领的委员' }) })
    setErrors({})
    const r = await claim.run(input)
    if (r) {
      toast('已认领')
      onDone()
    }
  }
  // The members present first: a problem is taken on at the meeting.
  const members = [...m.invited].sort(
    (a, b) => Number(m.present.includes(b.memberId)) - Number(m.present.includes(a.memberId)),
  )
  return (
    <View className='jt-form' id={`claim-form-${itemId}`}>
      <Field
        kind='picker'
        label='认领委员'
        id='claim-member'
        options={members.map((i) => ({ value: i.memberId, label: `${i.name}（${i.affiliationName}）` }))}
        value={memberId}
        onChange={setMemberId}
        error={errors.memberId}
      />
      <Field
        kind='textarea'
        label='承诺'
        id='claim-commitment'
        value={commitment}
        onChange={setCommitment}
        maxLength={200}
        placeholder='如：两周内清理楼道堆物并张贴告示'
        error={errors.commitment}
      />
      <DateTimeField
        label='办结期限'
        mode='date'
        id='claim-deadline'
        value={deadline}
        onChange={setDeadline}
        error={errors.deadline}
      />
      {claim.error ? (
        <Notice tone='error' title='没有认领成功'>
          <Text>{claim.error.message}</Text>
        </Notice>
      ) : null}
      <View className='jt-row'>
        <Button variant='plain' size='small' onClick={onCancel}>
          取消
        </Button>
        <Button size='small' id='claim-submit' loading={claim.sending} onClick={() => void submit()}>
          确认认领
        </Button>
      </View>
    </View>
  )
}

function Agenda({
  m,
  commitments,
  manages,
  onChange,
}: {
  m: Meeting
  commitments: CommitmentView[]
  manages: boolean
  onChange: () => void
}) {
  const [claiming, setClaiming] = useState<string>()
  const [reporting, setReporting] = useState<string>()
  return (
    <Card title={`议题与认领（已认领 ${commitments.length}/${m.agenda.length}）`} id='agenda'>
      {m.agenda.map((a, i) => {
        const c = commitments.find((x) => x.itemId === a.id)
        return (
          <View key={a.id} className='jt-item' id={`item-${a.id}`}>
            <View className='jt-row'>
              <Tag tone='gold'>
                议题 {i + 1} · {AGENDA_SOURCE_LABEL[a.source]}
              </Tag>
            </View>
            {c ? (
              <View>
                <Commitment c={c} full id={`commitment-${a.id}`} />
                {manages && c.status === 'open' ? (
                  reporting === c.id ? (
                    <ProgressForm
                      c={c}
                      onDone={() => {
                        setReporting(undefined)
                        onChange()
                      }}
                      onCancel={() => setReporting(undefined)}
                    />
                  ) : (
                    <Button size='small' variant='plain' id={`report-${a.id}`} onClick={() => setReporting(c.id)}>
                      代为报告进展
                    </Button>
                  )
                ) : null}
              </View>
            ) : (
              <View>
                <Text className='jt-item__title'>{a.title}</Text>
                <Text className='jt-line jt-line--muted'>尚未认领</Text>
                {manages ? (
                  claiming === a.id ? (
                    <ClaimForm
                      m={m}
                      itemId={a.id}
                      onCancel={() => setClaiming(undefined)}
                      onDone={() => {
                        setClaiming(undefined)
                        onChange()
                      }}
                    />
                  ) : (
                    <Button size='small' id={`claim-${a.id}`} onClick={() => setClaiming(a.id)}>
                      现场认领
                    </Button>
                  )
                ) : null}
              </View>
            )}
          </View>
        )
      })}
    </Card>
  )
}

/** One 联席会议: its agenda with what each problem's taker promised and how far it got, and who attended. */
export default function MeetingPage() {
  const id = useParam('id')
  const me = useMe({ reloadOnShow: false })
  const q = useCloud('org', 'jointMeeting.get', id ? { meetingId: id } : null, { reloadOnShow: true })
  if (!id)
    return (
      <PageShell title='联席会议'>
        <Empty text='没有指定会议' />
      </PageShell>
    )
  return (
    <PageShell title='联席会议'>
      <QueryState {...q} loadingText='正在加载会议…'>
        {({ meeting: m, commitments }) => {
          const manages = !!me.data && myScopes(me.data.roles).some((s) => s.manages && s.scopeId === m.scopeId)
          const overdue = commitments.filter((c) => c.status === 'open' && c.overdue)
          const done = commitments.filter((c) => c.status === 'done').length
          return (
            <View>
              <Card title={m.title} id='meeting-head'>
                <Text className='jt-line'>
                  {m.date} · {MEETING_CADENCE_LABEL[m.cadence]}例会 · 召集人 {m.convenedByName}
                </Text>
                <Text className='jt-line jt-line--muted'>
                  于 {formatTime(m.createdAt)} 召集，邀请 {m.invited.length} 位委员{noticeSummary(m)}
                </Text>
                <View className='jt-stats jt-gap'>
                  <View className='jt-stat'>
                    <Text className='jt-stat__num'>{commitments.length}</Text>
                    <Text className='jt-stat__label'>已认领</Text>
                  </View>
                  <View className='jt-stat'>
                    <Text className='jt-stat__num'>{done}</Text>
                    <Text className='jt-stat__label'>已办结</Text>
                  </View>
                  <View className='jt-stat'>
                    <Text className='jt-stat__num' id='overdue-count'>
                      {overdue.length}
                    </Text>
                    <Text className='jt-stat__label'>已逾期</Text>
                  </View>
                </View>
              </Card>
              {overdue.length ? (
                <Notice tone='warn' title={`${overdue.length} 项已过期限仍未办结`} id='overdue-notice'>
                  <Text>
                    {overdue.map((c) => `${c.affiliation.name}：${c.problem}（期限 ${c.deadline}）`).join('；')}
                  </Text>
                </Notice>
              ) : null}
              <Agenda m={m} commitments={commitments} manages={manages} onChange={q.reload} />
              <Attendance key={m.present.join()} m={m} manages={manages} onSaved={q.reload} />
              <Invited m={m} />
            </View>
          )
        }}
      </QueryState>
    </PageShell>
  )
}
