import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { WishView } from '../../../../../types/service'
import { CLAIM_END_LABEL, serviceActions, WISH_STATUS_LABEL } from '../../../../../types/service'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Empty from '../../../../components/Empty'
import Notice from '../../../../components/Notice'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import HouseholdPicker from '../../../../components/HouseholdPicker'
import HeldNotice from '../../../../components/HeldNotice'
import ReportLink from '../../../../components/ReportLink'
import { MODERATION_LABEL } from '../../../../../types/moderation'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { newRequestId } from '../../../../services/requestId'
import { validate } from '../../../../services/validate'
import { formatTime } from '../../../../services/format'
import { toast } from '../../../../services/nav'
import Segmented from '../../../../components/Segmented'
import Pager from '../../../../components/Pager'
import DateTimeField from '../../../../components/DateTimeField'
import { beijingIso as toIso, dateFromToday as today } from '../../../../services/time'
import Stars from '../../../../components/Stars'
import { useCommunity } from '../../hooks/useCommunity'
import '../../service.scss'
import { useNoticeConsent } from '../../../../hooks/useNoticeConsent'

type Tab = 'open' | 'mine' | 'returned' | 'all'
const PAGE = 10
const TONE = { open: 'red', claimed: 'gold', delivered: 'blue', confirmed: 'green', returned: 'gray' } as const

function PostWish({ onDone, onBehalfOf }: { onDone: () => void; onBehalfOf?: string }) {
  const [requestId, setRequestId] = useState(newRequestId)
  const [v, setV] = useState({ title: '', detail: '', due: today(7) })
  const [home, setHome] = useState<{ householdId: string; address: string }>()
  const [residentName, setResidentName] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const create = useMutation('service', 'wish.create')
  const askConsent = useNoticeConsent(['wishClaimed', 'wishReturned', 'wishMessage']) // asked before the send: WeChat needs the tap
  const send = async () => {
    const input = {
      requestId,
      title: v.title,
      detail: v.detail || undefined,
      dueAt: toIso(v.due),
      ...(onBehalfOf ? { householdId: home?.householdId, residentName: residentName || undefined } : {}),
    }
    if (onBehalfOf && !home) return setErrors({ householdId: '请选择居民的房屋' })
    const checked = validate(serviceActions['wish.create'].input, input)
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return
    if (!onBehalfOf) await askConsent()
    if (await create.run(input)) {
      toast('心愿已发布')
      setV({ title: '', detail: '', due: today(7) })
      setRequestId(newRequestId())
      onDone()
    }
  }
  return (
    <Card title={onBehalfOf ? '代居民发布微心愿' : '许一个微心愿'}>
      {onBehalfOf ? (
        <View>
          <HouseholdPicker
            communityId={onBehalfOf}
            value={home?.householdId}
            onChange={setHome}
            error={errors.householdId}
            idPrefix='wish-hh'
          />
          <Field
            label='居民姓名'
            id='wish-resident'
            value={residentName}
            onChange={setResidentName}
            maxLength={20}
            error={errors.residentName}
          />
        </View>
      ) : null}
      <Field
        label='心愿'
        id='wish-title'
        value={v.title}
        onChange={(t) => setV((o) => ({ ...o, title: t }))}
        placeholder='如：想要一副老花镜'
        maxLength={40}
        error={errors.title}
      />
      <Field
        label='说明'
        kind='textarea'
        id='wish-detail'
        optional
        value={v.detail}
        onChange={(t) => setV((o) => ({ ...o, detail: t }))}
        maxLength={300}
      />
      <DateTimeField
        label='希望在此日期前实现'
        id='wish-due'
        mode='date'
        value={v.due}
        onChange={(d) => setV((o) => ({ ...o, due: d }))}
        error={errors.dueAt}
      />
      {create.error ? (
        <Notice tone='error' title='发布没有成功'>
          <Text>{create.error.message}</Text>
        </Notice>
      ) : null}
      <Button id='wish-submit' loading={create.sending} onClick={() => void send()}>
        发布心愿
      </Button>
    </Card>
  )
}

function Confirm({ w, onDone }: { w: WishView; onDone: (r: WishView | undefined) => void }) {
  const [rating, setRating] = useState(5)
  const [thanks, setThanks] = useState('')
  const m = useMutation('service', 'wish.confirm')
  return (
    <View className='svc-gap'>
      <Stars label='评价' value={rating} onChange={setRating} />
      <Field label='感谢的话' id='wish-thanks' optional value={thanks} onChange={setThanks} maxLength={200} />
      {m.error ? <Text className='tx-field__error'>{m.error.message}</Text> : null}
      <Button
        id={`confirm-${w.id}`}
        loading={m.sending}
        onClick={() => void m.run({ wishId: w.id, rating, thanks: thanks || undefined }).then(onDone)}
      >
        确认收到
      </Button>
    </View>
  )
}

const MSG_PAGE = 10

/** The conversation between the resident and the claimer (numbers are masked by the server). */
function Messages({ w }: { w: WishView }) {
  const [page, setPage] = useState(1)
  const [text, setText] = useState('')
  const [requestId, setRequestId] = useState(newRequestId)
  const q = useCloud('service', 'wish.messages', { wishId: w.id, page, pageSize: MSG_PAGE })
  const send = useMutation('service', 'wish.message')
  const askConsent = useNoticeConsent(['wishMessage'])
  const submit = async () => {
    await askConsent()
    if (await send.run({ requestId, wishId: w.id, text })) {
      setText('')
      setRequestId(newRequestId())
      setPage(1)
      q.reload()
    }
  }
  return (
    <View className='svc-history' id={`wish-messages-${w.id}`}>
      <Text className='svc-line svc-line--muted'>在这里留言联系对方，手机号不会完整显示</Text>
      <QueryState {...q} loadingText='正在加载留言…'>
        {(data) =>
          data.items.length === 0 ? (
            <Text className='svc-line svc-line--muted'>还没有留言</Text>
          ) : (
            <View>
              {data.items.map((m) => (
                <View key={m.id} className='svc-history__item'>
                  <Text className='svc-line'>
                    {m.mine ? '我' : m.byName}（{m.side === 'resident' ? '许愿居民' : '认领党员'}）· {formatTime(m.at)}
                  </Text>
                  <Text className='svc-line'>{m.text}</Text>
                </View>
              ))}
              <Pager page={page} pageSize={MSG_PAGE} total={data.total} onChange={setPage} />
            </View>
          )
        }
      </QueryState>
      <Field
        label='留言'
        kind='textarea'
        id={`wish-msg-${w.id}`}
        value={text}
        onChange={setText}
        maxLength={300}
        error={send.error?.message}
      />
      <Button size='small' id={`wish-msg-send-${w.id}`} loading={send.sending} onClick={() => void submit()}>
        发送留言
      </Button>
    </View>
  )
}

function Release({ w, onDone }: { w: WishView; onDone: () => void }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const m = useMutation('service', 'wish.release')
  if (!open)
    return (
      <Button size='small' variant='plain' id={`release-${w.id}`} onClick={() => setOpen(true)}>
        放弃认领
      </Button>
    )
  return (
    <View className='svc-gap'>
      <Field
        label='放弃的原因'
        id={`release-reason-${w.id}`}
        optional
        value={reason}
        onChange={setReason}
        placeholder='如：临时出差'
        maxLength={200}
        error={m.error?.message}
      />
      <Button
        size='small'
        variant='secondary'
        id={`release-confirm-${w.id}`}
        loading={m.sending}
        onClick={() =>
          void m
            .run({ wishId: w.id, reason: reason || undefined })
            .then((r) => r && (toast('已放弃，心愿回到待认领'), onDone()))
        }
      >
        确认放弃认领
      </Button>
    </View>
  )
}

/** What each step says once done, on the card itself. */
const DONE: Record<'claim' | 'deliver' | 'confirm', (w: WishView) => string> = {
  claim: () => '已认领：送到后请点“标记已送达”',
  deliver: () => '已标记送达：等居民确认收到',
  confirm: () => '已确认收到，谢谢您的评价',
}

/**
 * One wish. An action's answer (the wish as it is now) replaces it in place — a claimed wish stays
 * on the 待认领 list as 已认领 with a confirmation, rather than vanishing — until the list is read again.
 */
function WishCard({ w: listed, onDone }: { w: WishView; onDone: () => void }) {
  const claim = useMutation('service', 'wish.claim')
  const deliver = useMutation('service', 'wish.deliver')
  const [now, setNow] = useState<{ w: WishView; step: keyof typeof DONE }>()
  const w = now?.w ?? listed
  // The list read again (pull to refresh, another tab) is newer than the answer kept here.
  useEffect(() => setNow(undefined), [listed])
  const done = (step: keyof typeof DONE, msg: string) => (r: WishView | undefined) => {
    if (!r) return
    setNow({ w: r, step })
    toast(msg)
  }
  const [note, setNote] = useState('')
  const [talk, setTalk] = useState(false)
  const askConsent = useNoticeConsent(['wishReturned', 'wishMessage']) // the claimer is told when the claim lapses
  const err = claim.error ?? deliver.error
  return (
    <Card
      title={w.title}
      extra={
        w.moderation ? (
          <Tag tone='gray'>{MODERATION_LABEL[w.moderation]}</Tag>
        ) : (
          <Tag tone={TONE[w.status]}>{WISH_STATUS_LABEL[w.status]}</Tag>
        )
      }
      id={`wish-${w.id}`}
    >
      {now ? (
        <Notice tone='success' id={`wish-done-${w.id}`}>
          <Text>{DONE[now.step](w)}</Text>
        </Notice>
      ) : null}
      {w.mine ? <HeldNotice state={w.moderation} id={`wish-held-${w.id}`} /> : null}
      {w.care ? (
        <View className='svc-line' id={`wish-care-${w.id}`}>
          <Tag tone='red'>重点关爱</Tag>
        </View>
      ) : null}
      {w.detail ? <Text className='svc-line'>{w.detail}</Text> : null}
      <Text className='svc-line svc-line--muted'>
        {w.residentName} · {w.address} · {formatTime(w.dueAt).slice(0, 10)} 前
      </Text>
      {w.claimerName ? <Text className='svc-line'>认领党员：{w.claimerName}</Text> : null}
      {w.status === 'claimed' && w.claimDueAt ? (
        <Text className='svc-line' id={`wish-claim-due-${w.id}`}>
          请在 {formatTime(w.claimDueAt).slice(0, 10)} 前送达，逾期将退回待认领
        </Text>
      ) : null}
      {w.lastClaimEnd && (w.status === 'open' || w.status === 'returned') ? (
        <Text className='svc-line svc-line--muted' id={`wish-claim-end-${w.id}`}>
          {w.lastClaimEnd.claimerName}：{CLAIM_END_LABEL[w.lastClaimEnd.outcome]}
          {w.lastClaimEnd.reason ? `（${w.lastClaimEnd.reason}）` : ''}
        </Text>
      ) : null}
      {w.deliveredNote ? <Text className='svc-line'>送达说明：{w.deliveredNote}</Text> : null}
      {w.rating ? (
        <View className='svc-line'>
          <Stars compact label='居民评价' value={w.rating} />
          {w.thanks ? <Text>{w.thanks}</Text> : null}
        </View>
      ) : null}
      {err ? <Text className='tx-field__error'>{err.message}</Text> : null}
      {w.canClaim ? (
        <Button
          size='small'
          id={`claim-${w.id}`}
          loading={claim.sending}
          onClick={() =>
            void askConsent()
              .then(() => claim.run({ wishId: w.id }))
              .then(done('claim', '已认领'))
          }
        >
          我来认领
        </Button>
      ) : null}
      {w.canDeliver ? (
        <View>
          <Field
            label='送达说明'
            id={`deliver-note-${w.id}`}
            value={note}
            onChange={setNote}
            placeholder='如：已送到家中'
            maxLength={200}
          />
          <Button
            size='small'
            id={`deliver-${w.id}`}
            loading={deliver.sending}
            onClick={() => void deliver.run({ wishId: w.id, note }).then(done('deliver', '已标记送达'))}
          >
            标记已送达
          </Button>
        </View>
      ) : null}
      {w.canRelease ? <Release w={w} onDone={onDone} /> : null}
      {w.canConfirm ? <Confirm w={w} onDone={done('confirm', '已确认，谢谢您')} /> : null}
      {w.canMessage ? (
        <View>
          <Button size='small' variant='plain' id={`wish-talk-${w.id}`} onClick={() => setTalk((t) => !t)}>
            {talk ? '收起留言' : w.claimerName ? '留言联系' : '留言'}
          </Button>
          {talk ? <Messages w={w} /> : null}
        </View>
      ) : null}
      {!w.mine && !w.moderation ? <ReportLink kind='wish' id={w.id} idPrefix={`report-wish-${w.id}`} /> : null}
    </Card>
  )
}

/** 微心愿: residents post; members claim and deliver; the resident confirms and thanks. */
export default function WishesPage() {
  const { me, picked, has } = useCommunity(['resident', 'member', 'secretary'])
  const [picked_, setTab] = useState<Tab>()
  // A resident starts on their own wishes, a member on the open ones (once the roles have loaded).
  const tab: Tab = picked_ ?? (has('resident') ? 'mine' : 'open')
  const [page, setPage] = useState(1)
  const status = tab === 'open' || tab === 'returned' ? tab : ('all' as const)
  const input = picked ? { communityId: picked.communityId, page, pageSize: PAGE, status, mine: tab === 'mine' } : null
  const secretary = picked?.role === 'secretary'
  const list = useCloud('service', 'wish.list', input, { reloadOnShow: true })
  return (
    <PageShell title='微心愿' intro='居民许愿，党员认领，送上一份温暖'>
      <QueryState {...me}>
        {() =>
          !picked ? (
            <Empty text='请先认证房屋或完成党员报到' />
          ) : (
            <View>
              {has('resident') ? <PostWish onDone={list.reload} /> : null}
              {secretary && !has('resident') ? <PostWish onDone={list.reload} onBehalfOf={picked.communityId} /> : null}
              <Segmented<Tab>
                items={
                  secretary
                    ? [
                        { key: 'open', label: '待认领' },
                        { key: 'returned', label: '已退回' },
                        { key: 'all', label: '全部' },
                      ]
                    : [
                        { key: 'open', label: '待认领' },
                        { key: 'mine', label: '我的' },
                        { key: 'all', label: '全部' },
                      ]
                }
                value={tab}
                onChange={(t) => {
                  setTab(t)
                  setPage(1)
                }}
              />
              <QueryState {...list} loadingText='正在加载心愿…'>
                {(data) =>
                  data.items.length === 0 ? (
                    <Empty
                      text={
                        tab === 'mine' ? '您还没有心愿' : tab === 'returned' ? '没有过期退回的心愿' : '暂时没有心愿'
                      }
                      hint={
                        tab === 'open'
                          ? '居民发布的心愿会出现在这里'
                          : tab === 'returned'
                            ? '过了期望日期仍无人认领的心愿会退回社区'
                            : undefined
                      }
                    />
                  ) : (
                    <View>
                      {data.items.map((w) => (
                        <WishCard key={w.id} w={w} onDone={list.reload} />
                      ))}
                      <Pager page={page} pageSize={PAGE} total={data.total} onChange={setPage} />
                    </View>
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
