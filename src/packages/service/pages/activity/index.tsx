import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ActivityView, AttendanceView } from '../../../../../types/service'
import { ACTIVITY_KIND_LABEL, ATTENDANCE_STATUS_LABEL, PRESENCE_LABEL } from '../../../../../types/service'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Empty from '../../../../components/Empty'
import Notice from '../../../../components/Notice'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { call } from '../../../../services/cloud'
import { toCloudError } from '../../../../services/errors'
import { newRequestId } from '../../../../services/requestId'
import { formatTime } from '../../../../services/format'
import { isH5, toast, useParam } from '../../../../services/nav'
import { locate } from '../../../../services/locate'
import Pager from '../../../../components/Pager'
import QrCode from '../../../../components/QrCode'
import { minutesText } from '../../components/minutes'
import { useCommunity } from '../../hooks/useCommunity'
import '../../service.scss'
import { useNoticeConsent } from '../../../../hooks/useNoticeConsent'

const safe = (id: string) => id.replace(/[^\w-]/g, '-')

/** The member's side: sign up, then sign in and out by the organiser's code or by location. */
function MemberPanel({ a, onChange }: { a: ActivityView; onChange: () => void }) {
  const signup = useMutation('service', 'activity.signup')
  const askConsent = useNoticeConsent(['activityReminder']) // asked before the send: WeChat needs the tap
  const signin = useMutation('service', 'activity.signin')
  const signout = useMutation('service', 'activity.signout')
  const [code, setCode] = useState('')
  const status = a.mine?.status
  const step = status === 'signed_up' ? 'in' : status === 'signed_in' ? 'out' : null
  const m = step === 'in' ? signin : signout
  const word = step === 'in' ? '签到' : '签退'

  const sendCode = async (token: string) => {
    if (!token.trim()) return toast('请先输入签到码', 'none')
    if (await m.run({ activityId: a.id, method: 'qr', token: token.trim() })) {
      toast(`${word}成功`)
      setCode('')
      onChange()
    }
  }
  const scan = async () => {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      await sendCode(r.result)
    } catch {
      /* cancelled */
    }
  }
  // GCJ-02 on both platforms (services/locate converts the browser's WGS-84 in H5).
  const [locating, setLocating] = useState(false)
  const [locProblem, setLocProblem] = useState('')
  const byLocation = async () => {
    setLocating(true)
    setLocProblem('')
    try {
      const here = await locate()
      if (await m.run({ activityId: a.id, method: 'location', ...here })) {
        toast(`${word}成功`)
        onChange()
      }
    } catch (e) {
      setLocProblem(`${(e as Error).message}；也可以改用扫码${word}`)
    } finally {
      setLocating(false)
    }
  }

  const presence = a.mine?.presence
  return (
    <Card
      title='我的参与'
      extra={
        status ? <Tag tone={status === 'confirmed' ? 'green' : 'gold'}>{ATTENDANCE_STATUS_LABEL[status]}</Tag> : null
      }
      id='my-attendance'
    >
      {presence ? (
        <Notice tone={presence === 'confirmed' ? 'info' : 'warn'} title={PRESENCE_LABEL[presence]} id='my-presence'>
          <Text>
            {presence === 'pending'
              ? '您用定位签到或签退，须组织者确认您在现场，时长才能计入台账。'
              : presence === 'confirmed'
                ? '定位签到已由组织者确认。'
                : '如确有服务，请联系社区补录时长。'}
          </Text>
        </Notice>
      ) : null}
      {!status ? (
        <View>
          <Text className='svc-line svc-line--muted'>
            已报名 {a.signupCount} / {a.capacity} 人
          </Text>
          {signup.error ? <Text className='tx-field__error'>{signup.error.message}</Text> : null}
          <Button
            id='act-signup'
            loading={signup.sending}
            onClick={() =>
              void askConsent()
                .then(() => signup.run({ activityId: a.id }))
                .then((r) => r && (toast('报名成功'), onChange()))
            }
          >
            报名参加
          </Button>
        </View>
      ) : null}
      {step ? (
        <View>
          {a.mine?.signedInAt ? <Text className='svc-line'>签到时间：{formatTime(a.mine.signedInAt)}</Text> : null}
          <Text className='svc-line svc-line--muted'>
            请扫描组织者手机上的二维码（30 秒内有效），或在活动地点 {a.radiusM} 米内定位{word}。定位{word}
            须组织者确认您到场后才计时长。
          </Text>
          {isH5 ? (
            <View>
              <Field
                label={`${word}码`}
                id='sign-code'
                value={code}
                onChange={setCode}
                placeholder='输入或粘贴组织者出示的签到码'
                maxLength={200}
              />
              <Button id='sign-submit' loading={m.sending} onClick={() => void sendCode(code)}>
                提交{word}码
              </Button>
            </View>
          ) : (
            <Button id='sign-scan' loading={m.sending} onClick={() => void scan()}>
              扫码{word}
            </Button>
          )}
          <View className='svc-gap'>
            <Button
              variant='secondary'
              id='sign-location'
              loading={locating}
              disabled={m.sending}
              onClick={() => void byLocation()}
            >
              定位{word}
            </Button>
            {locProblem ? (
              <Text className='tx-field__error' id='sign-location-problem'>
                {locProblem}
              </Text>
            ) : null}
          </View>
          {m.error ? (
            <Notice tone='error' title={`${word}没有成功`} id='sign-error'>
              <Text>{m.error.message}</Text>
            </Notice>
          ) : null}
        </View>
      ) : null}
      {status === 'signed_out' || status === 'confirmed' || status === 'manual_pending' ? (
        <View>
          {a.mine?.signedInAt ? <Text className='svc-line'>签到：{formatTime(a.mine.signedInAt)}</Text> : null}
          {a.mine?.signedOutAt ? <Text className='svc-line'>签退：{formatTime(a.mine.signedOutAt)}</Text> : null}
          <Text className='svc-line svc-line--strong' id='my-minutes'>
            服务时长：{minutesText(a.mine?.minutes ?? 0)}
          </Text>
          <Text className='svc-line svc-line--muted'>
            {status === 'confirmed'
              ? '社区已确认，已计入台账'
              : presence === 'pending'
                ? '等待组织者确认到场，再由社区确认时长'
                : presence === 'rejected'
                  ? '不计入台账'
                  : '等待社区确认'}
          </Text>
        </View>
      ) : null}
    </Card>
  )
}

/** The organiser's rotating code: a new one every 10 s, each valid at most 30 s. */
function CodePanel({ activityId }: { activityId: string }) {
  const [tok, setTok] = useState<{ token: string; qrText: string; expiresAt: string }>()
  const [error, setError] = useState<string>()
  const [tick, setTick] = useState(0)
  useEffect(() => {
    let live = true
    const load = () =>
      call('service', 'activity.token', { activityId })
        .then((t) => live && (setTok(t), setError(undefined)))
        .catch((e: unknown) => live && setError(toCloudError(e).message))
    void load()
    const every = setInterval(() => void load(), 10_000)
    const clock = setInterval(() => setTick((t) => t + 1), 1000)
    return () => {
      live = false
      clearInterval(every)
      clearInterval(clock)
    }
  }, [activityId])
  const left = tok ? Math.max(0, Math.round((Date.parse(tok.expiresAt) - Date.now()) / 1000)) : 0
  return (
    <Card title='签到码' id='code-panel'>
      {error ? (
        <Notice tone='error' title='无法出示签到码'>
          <Text>{error}</Text>
        </Notice>
      ) : null}
      {tok ? (
        <View className='svc-qr'>
          <QrCode text={tok.qrText} id='svc-qr' />
          <Text className='svc-code' id='org-code' userSelect>
            {tok.token}
          </Text>
          <Text className='svc-line svc-line--muted' data-tick={tick}>
            每 10 秒自动更新，本码 {left} 秒后失效；截图转发无效
          </Text>
        </View>
      ) : null}
    </Card>
  )
}

function ManualEntry({ row, activityId, onDone }: { row: AttendanceView; activityId: string; onDone: () => void }) {
  const [requestId] = useState(newRequestId)
  const [minutes, setMinutes] = useState('60')
  const [reason, setReason] = useState('')
  const m = useMutation('service', 'hours.manual')
  return (
    <View className='svc-gap'>
      <Field label='补录时长（分钟）' value={minutes} onChange={setMinutes} id={`manual-min-${safe(row.id)}`} />
      <Field
        label='补录原因'
        kind='textarea'
        value={reason}
        onChange={setReason}
        placeholder='须写明原因，并由另一人复核'
        id={`manual-reason-${safe(row.id)}`}
      />
      {m.error ? <Text className='tx-field__error'>{m.error.message}</Text> : null}
      <Button
        size='small'
        loading={m.sending}
        onClick={() =>
          void m
            .run({ requestId, activityId, memberId: row.memberId, minutes: Number(minutes), reason })
            .then((r) => r && (toast('已提交复核'), onDone()))
        }
      >
        提交补录
      </Button>
    </View>
  )
}

/** The organiser says whether a member who signed in or out by location was there (a “no” needs a reason). */
function PresenceActions({ row, onDone }: { row: AttendanceView; onDone: () => void }) {
  const m = useMutation('service', 'activity.confirmPresence')
  const [absent, setAbsent] = useState(false)
  const [reason, setReason] = useState('')
  const send = (present: boolean) =>
    void m
      .run({ attendanceId: row.id, present, reason: present ? undefined : reason.trim() })
      .then((x) => x && (toast(present ? '已确认到场' : '已记录未到场'), onDone()))
  return (
    <View className='svc-presence'>
      <View className='svc-row'>
        <Button size='small' id={`present-${safe(row.id)}`} loading={m.sending} onClick={() => send(true)}>
          确认到场
        </Button>
        <Button size='small' variant='plain' id={`absent-${safe(row.id)}`} onClick={() => setAbsent((s) => !s)}>
          未到场
        </Button>
      </View>
      {absent ? (
        <View>
          <Field
            label='未到场的原因'
            kind='textarea'
            id={`absent-reason-${safe(row.id)}`}
            value={reason}
            onChange={setReason}
            placeholder='如：现场没有见到本人'
            maxLength={200}
          />
          <Button
            size='small'
            variant='secondary'
            disabled={!reason.trim()}
            loading={m.sending}
            onClick={() => send(false)}
          >
            记录未到场
          </Button>
        </View>
      ) : null}
      {m.error ? <Text className='tx-field__error'>{m.error.message}</Text> : null}
    </View>
  )
}

function Attendance({ activityId, organiser }: { activityId: string; organiser: boolean }) {
  const [page, setPage] = useState(1)
  const q = useCloud('service', 'activity.attendance', { activityId, page, pageSize: 20 })
  const confirm = useMutation('service', 'hours.confirm')
  const approve = useMutation('service', 'hours.approveManual')
  const remind = useMutation('service', 'activity.remind')
  const [manualFor, setManualFor] = useState<string>()
  const err = confirm.error ?? approve.error ?? remind.error
  return (
    <Card
      title='报名签到名单'
      extra={
        !organiser ? undefined : (
          <Text
            className='tx-link'
            id='remind'
            onClick={() => void remind.run({ activityId }).then((r) => r && toast(`已提醒 ${r.sent} 人`))}
          >
            发送提醒
          </Text>
        )
      }
    >
      {err ? (
        <Notice tone='error' title='操作没有成功'>
          <Text>{err.message}</Text>
        </Notice>
      ) : null}
      <QueryState {...q} loadingText='正在加载名单…'>
        {(data) =>
          data.items.length === 0 ? (
            <Empty text='还没有人报名' />
          ) : (
            <View>
              {data.items.map((r) => (
                <View key={r.id} className='svc-list-item' id={`row-${safe(r.id)}`}>
                  <View className='svc-row'>
                    <Text className='svc-line svc-line--strong'>{r.memberName}</Text>
                    <Tag tone={r.status === 'confirmed' ? 'green' : 'gold'}>{ATTENDANCE_STATUS_LABEL[r.status]}</Tag>
                    <Text className='svc-line'>{minutesText(r.minutes)}</Text>
                  </View>
                  {r.signedInAt ? (
                    <Text className='svc-line svc-line--muted'>
                      签到 {formatTime(r.signedInAt)}
                      {r.signedOutAt ? ` · 签退 ${formatTime(r.signedOutAt)}` : ''}
                    </Text>
                  ) : null}
                  {r.manual ? (
                    <Text className='svc-line svc-line--muted'>
                      补录：{r.manual.reason}（{r.manual.enteredByName}
                      {r.manual.approvedByName ? `，复核 ${r.manual.approvedByName}` : '，待复核'}）
                    </Text>
                  ) : null}
                  {r.presence ? (
                    <Text
                      className={`svc-line${r.presence === 'confirmed' ? ' svc-line--muted' : ' svc-line--warn'}`}
                      id={`presence-${safe(r.id)}`}
                    >
                      {PRESENCE_LABEL[r.presence]}
                      {r.presenceByName ? `（${r.presenceByName}）` : ''}
                    </Text>
                  ) : null}
                  {organiser && r.presence === 'pending' ? <PresenceActions row={r} onDone={q.reload} /> : null}
                  {r.confirmedByName ? (
                    <Text className='svc-line svc-line--muted'>确认人：{r.confirmedByName}</Text>
                  ) : null}
                  <View className='svc-row'>
                    {organiser && r.status === 'signed_out' && (!r.presence || r.presence === 'confirmed') ? (
                      <Button
                        size='small'
                        id={`confirm-${safe(r.id)}`}
                        loading={confirm.sending}
                        onClick={() =>
                          void confirm.run({ attendanceId: r.id }).then((x) => x && (toast('已确认'), q.reload()))
                        }
                      >
                        确认时长
                      </Button>
                    ) : null}
                    {r.status === 'manual_pending' ? (
                      <Button
                        size='small'
                        variant='secondary'
                        loading={approve.sending}
                        onClick={() =>
                          void approve.run({ attendanceId: r.id }).then((x) => x && (toast('已复核'), q.reload()))
                        }
                      >
                        复核通过
                      </Button>
                    ) : null}
                    {organiser &&
                    (r.status === 'signed_up' || r.status === 'signed_in' || r.presence === 'rejected') ? (
                      <Button
                        size='small'
                        variant='plain'
                        onClick={() => setManualFor(manualFor === r.id ? undefined : r.id)}
                      >
                        补录
                      </Button>
                    ) : null}
                  </View>
                  {manualFor === r.id ? (
                    <ManualEntry
                      row={r}
                      activityId={activityId}
                      onDone={() => {
                        setManualFor(undefined)
                        q.reload()
                      }}
                    />
                  ) : null}
                </View>
              ))}
              <Pager page={page} pageSize={20} total={data.total} onChange={setPage} />
            </View>
          )
        }
      </QueryState>
    </Card>
  )
}

/** 活动详情: members sign up and sign in/out; the organiser shows the code and confirms minutes. */
export default function ActivityPage() {
  const id = useParam('id')
  const { me, has } = useCommunity()
  const q = useCloud('service', 'activity.get', id ? { activityId: id } : null)
  const [showCode, setShowCode] = useState(false)
  if (!id)
    return (
      <PageShell>
        <Empty text='没有指定活动' />
      </PageShell>
    )
  return (
    <PageShell>
      <QueryState {...q} loadingText='正在加载活动…'>
        {(a) => {
          const organiser = (me.data?.roles ?? []).some((g) => g.role === 'secretary' && g.scopeId === a.communityId)
          const member = (me.data?.roles ?? []).some((g) => g.role === 'member' && g.scopeId === a.communityId)
          // The street admin oversees: reads the list and can be the second approver of hand-entered minutes.
          const overseer =
            !organiser && (me.data?.roles ?? []).some((g) => g.role === 'street_admin' && g.scopeId === a.streetId)
          return (
            <View>
              <Card title={a.title} extra={<Tag tone='red'>{ACTIVITY_KIND_LABEL[a.kind]}</Tag>} id='activity-card'>
                <Text className='svc-line'>
                  时间：{formatTime(a.startAt)} — {formatTime(a.endAt)}
                </Text>
                <Text className='svc-line'>
                  地点：{a.place.name}（签到范围 {a.radiusM} 米）
                </Text>
                <Text className='svc-line'>
                  名额：{a.signupCount} / {a.capacity}
                </Text>
                <Text className='svc-line svc-line--muted'>发布人：{a.createdByName}</Text>
              </Card>
              {member ? <MemberPanel a={a} onChange={q.reload} /> : null}
              {organiser ? (
                <View>
                  <Button
                    id='show-code'
                    variant={showCode ? 'secondary' : 'primary'}
                    onClick={() => setShowCode((s) => !s)}
                  >
                    {showCode ? '收起签到码' : '出示签到码'}
                  </Button>
                  {showCode ? <CodePanel activityId={a.id} /> : null}
                  <Attendance activityId={a.id} organiser />
                </View>
              ) : null}
              {overseer ? <Attendance activityId={a.id} organiser={false} /> : null}
              {!member && !organiser && !overseer && !has('member') ? (
                <Notice tone='info' title='仅报到党员可报名'>
                  <Text>完成在职党员报到后即可报名参加</Text>
                </Notice>
              ) : null}
            </View>
          )
        }}
      </QueryState>
    </PageShell>
  )
}
