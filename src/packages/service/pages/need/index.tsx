import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { NeedOfferView, NeedView } from '../../../../../types/service'
import type { RoleGrant } from '../../../../../types/roles'
import {
  NEED_SOURCE_LABEL,
  NEED_STATUS_LABEL,
  OFFER_STATUS_LABEL,
  OWNER_TYPE_LABEL,
} from '../../../../../types/service'
import PageShell from '../../../../components/PageShell'
import Button from '../../../../components/Button'
import Card from '../../../../components/Card'
import Empty from '../../../../components/Empty'
import Field from '../../../../components/Field'
import ListItem from '../../../../components/ListItem'
import Notice from '../../../../components/Notice'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import { formatTime } from '../../../../services/format'
import { go, ROUTES, toast, useParam } from '../../../../services/nav'
import { newRequestId } from '../../../../services/requestId'
import Pager from '../../../../components/Pager'
import DateTimeField from '../../../../components/DateTimeField'
import { beijingIso as toIso, dateFromToday as today } from '../../../../services/time'
import { SVC } from '../../routes'
import '../../service.scss'

const TONE = { open: 'red', matched: 'gold', done: 'green' } as const
const OFFER_TONE = { pending: 'gold', accepted: 'green', declined: 'gray' } as const
const OTHER = '__other'
const PAGE = 10

/** Who the caller can offer as on this need: the unit they are liaison of in its community, else themselves as a member. */
function useOfferer(communityId: string, roles: RoleGrant[]) {
  const unit = roles.find((g) => g.role === 'unit_liaison' && g.communityId === communityId)
  const member = roles.some((g) => g.role === 'member' && g.scopeId === communityId)
  const mine = useCloud('service', 'member.mine', !unit && member ? {} : null)
  if (unit) return { kind: 'unit' as const, ownerId: unit.scopeId, name: unit.scopeName }
  if (member && mine.data) return { kind: 'member' as const, ownerId: mine.data.id, name: mine.data.name }
  return undefined
}

/** 我来认领: with one of the offerer's listed resources, or by writing what they can give. */
function OfferForm({
  need,
  offerer,
  onDone,
}: {
  need: NeedView
  offerer: { kind: 'unit' | 'member'; ownerId: string; name: string }
  onDone: () => void
}) {
  const [requestId] = useState(newRequestId)
  const resources = useCloud('service', 'resource.list', {
    communityId: need.communityId,
    ownerId: offerer.ownerId,
    page: 1,
    pageSize: 50,
  })
  const [resourceId, setResourceId] = useState<string>(OTHER)
  const [title, setTitle] = useState('')
  const [note, setNote] = useState('')
  const m = useMutation('service', 'need.offer')
  const send = () =>
    void m
      .run({
        requestId,
        needId: need.id,
        unitId: offerer.kind === 'unit' ? offerer.ownerId : undefined,
        resourceId: resourceId === OTHER ? undefined : resourceId,
        title: resourceId === OTHER ? title.trim() || undefined : undefined,
        note: note.trim() || undefined,
      })
      .then((r) => r && (toast('已认领，等待社区确认'), onDone()))
  const options = [
    ...(resources.data?.items ?? []).map((r) => ({ label: r.title, value: r.id })),
    { label: '其他（在下面填写）', value: OTHER },
  ]
  return (
    <Card title={`以${offerer.kind === 'unit' ? `单位“${offerer.name}”` : '党员个人'}名义认领`} id='offer-form'>
      <Field
        kind='picker'
        id='offer-resource'
        label='用哪项资源'
        options={options}
        value={resourceId}
        onChange={setResourceId}
        hint='资源清单中登记过的资源，或写明这次能提供什么'
      />
      {resourceId === OTHER ? (
        <Field
          label='能提供什么'
          id='offer-title'
          value={title}
          onChange={setTitle}
          placeholder='如：周末带队修补 500 平方米'
          maxLength={60}
        />
      ) : null}
      <Field
        label='说明'
        kind='textarea'
        id='offer-note'
        optional
        value={note}
        onChange={setNote}
        placeholder='如：人数、时间安排'
        maxLength={200}
      />
      {m.error ? <Text className='tx-field__error'>{m.error.message}</Text> : null}
      <Button id='offer-submit' loading={m.sending} disabled={resourceId === OTHER && !title.trim()} onClick={send}>
        提交认领
      </Button>
    </Card>
  )
}

/** The secretary confirms an offer (a project with a deadline, owned by the offerer) or declines it with a reason. */
function Decide({ o, onDone }: { o: NeedOfferView; onDone: () => void }) {
  const [deadline, setDeadline] = useState(today(30))
  const [title, setTitle] = useState(`${o.needTitle}（${o.ownerName}）`)
  const [reason, setReason] = useState('')
  const m = useMutation('service', 'need.decideOffer')
  const key = o.id.replace(/[^\w-]/g, '-')
  return (
    <View className='svc-gap'>
      <Field label='项目名称' id={`offer-project-${key}`} value={title} onChange={setTitle} maxLength={60} />
      <DateTimeField
        label='完成期限'
        mode='date'
        value={deadline}
        onChange={setDeadline}
        id={`offer-deadline-${key}`}
      />
      <Field
        label='不采纳的原因'
        id={`offer-reason-${key}`}
        optional
        value={reason}
        onChange={setReason}
        placeholder='不采纳时填写'
        maxLength={200}
      />
      {m.error ? <Text className='tx-field__error'>{m.error.message}</Text> : null}
      <View className='svc-row'>
        <Button
          size='small'
          id={`offer-accept-${key}`}
          loading={m.sending}
          onClick={() =>
            void m
              .run({ offerId: o.id, accept: true, title: title.trim() || undefined, deadline: toIso(deadline) })
              .then((r) => r && (toast('已确认对接，形成项目'), onDone()))
          }
        >
          确认对接
        </Button>
        <Button
          size='small'
          variant='secondary'
          id={`offer-decline-${key}`}
          disabled={!reason.trim()}
          loading={m.sending}
          onClick={() =>
            void m
              .run({ offerId: o.id, accept: false, reason: reason.trim() })
              .then((r) => r && (toast('已答复'), onDone()))
          }
        >
          不采纳
        </Button>
      </View>
    </View>
  )
}

function Offers({ need, secretary, onChange }: { need: NeedView; secretary: boolean; onChange: () => void }) {
  const [page, setPage] = useState(1)
  const q = useCloud('service', 'need.offers', { needId: need.id, page, pageSize: PAGE })
  const reload = () => {
    q.reload()
    onChange()
  }
  return (
    <Card title='认领' id='offers'>
      <QueryState {...q} loadingText='正在加载认领…'>
        {(data) =>
          data.items.length === 0 ? (
            <Empty text='还没有单位或党员认领' hint='共建单位和报到党员可以用自己的资源认领这项需求' />
          ) : (
            <View>
              {data.items.map((o) => (
                <View key={o.id} className='svc-list-item' id={`offer-${o.id.replace(/[^\w-]/g, '-')}`}>
                  <View className='svc-row'>
                    <Text className='svc-line svc-line--strong'>
                      {OWNER_TYPE_LABEL[o.ownerType]}：{o.ownerName}
                    </Text>
                    <Tag tone={OFFER_TONE[o.status]}>{OFFER_STATUS_LABEL[o.status]}</Tag>
                  </View>
                  <Text className='svc-line'>提供：{o.resourceTitle}</Text>
                  {o.note ? <Text className='svc-line svc-line--muted'>{o.note}</Text> : null}
                  <Text className='svc-line svc-line--muted'>
                    {formatTime(o.createdAt)} 认领
                    {o.decidedByName
                      ? ` · ${o.decidedByName} ${formatTime(o.decidedAt)} ${o.status === 'accepted' ? '确认' : '答复'}`
                      : ''}
                  </Text>
                  {o.reason ? <Text className='svc-line svc-line--muted'>原因：{o.reason}</Text> : null}
                  {secretary && o.status === 'pending' ? (
                    need.status === 'open' ? (
                      <Decide o={o} onDone={reload} />
                    ) : (
                      <DeclineOnly o={o} onDone={reload} />
                    )
                  ) : null}
                </View>
              ))}
              <Pager page={page} pageSize={PAGE} total={data.total} onChange={setPage} />
            </View>
          )
        }
      </QueryState>
    </Card>
  )
}

/** A pending offer on a need already matched: it can only be answered. */
function DeclineOnly({ o, onDone }: { o: NeedOfferView; onDone: () => void }) {
  const [reason, setReason] = useState('需求已由其他方认领，感谢支持')
  const m = useMutation('service', 'need.decideOffer')
  return (
    <View className='svc-gap'>
      <Field label='答复' value={reason} onChange={setReason} maxLength={200} error={m.error?.message} />
      <Button
        size='small'
        variant='secondary'
        loading={m.sending}
        disabled={!reason.trim()}
        onClick={() =>
          void m
            .run({ offerId: o.id, accept: false, reason: reason.trim() })
            .then((r) => r && (toast('已答复'), onDone()))
        }
      >
        答复不采纳
      </Button>
    </View>
  )
}

function NeedBody({ n, reload }: { n: NeedView; reload: () => void }) {
  const me = useMe({ reloadOnShow: false })
  const secretary = (me.data?.roles ?? []).some((g) => g.role === 'secretary' && g.scopeId === n.communityId)
  const offerer = useOfferer(n.communityId, me.data?.roles ?? [])
  // The offers list reloads after an offer or a decision; the form goes once this visit's offer is in.
  const [tick, setTick] = useState(0)
  const [offered, setOffered] = useState(false)
  const changed = () => {
    reload()
    setTick((t) => t + 1)
  }
  return (
    <View>
      <Card title={n.title} extra={<Tag tone={TONE[n.status]}>{NEED_STATUS_LABEL[n.status]}</Tag>} id='need'>
        {n.detail ? <Text className='svc-line'>{n.detail}</Text> : null}
        {n.quantityText ? <Text className='svc-line'>数量：{n.quantityText}</Text> : null}
        <Text className='svc-line svc-line--muted'>
          来源：{NEED_SOURCE_LABEL[n.source]} · {formatTime(n.createdAt).slice(0, 10)}
        </Text>
      </Card>
      {n.gridEventId ? (
        <Card>
          <ListItem
            id='need-grid-event'
            title='来源网格事件'
            description='查看网格上报的原事件和处置经过'
            onClick={() => go(ROUTES.gridEvent(n.gridEventId!))}
          />
        </Card>
      ) : null}
      {n.projectId ? (
        <Notice tone='info' title='已对接，形成项目' id='need-project'>
          <Text>负责方、期限和进展见“三张清单 → 项目”</Text>
        </Notice>
      ) : null}
      {n.status === 'open' && offerer && !offered ? (
        <OfferForm
          need={n}
          offerer={offerer}
          onDone={() => {
            setOffered(true)
            changed()
          }}
        />
      ) : null}
      <Offers key={tick} need={n} secretary={secretary} onChange={changed} />
      {n.projectId ? (
        <Button variant='secondary' id='to-projects' onClick={() => go(`${SVC.lists}?tab=projects`)}>
          查看项目进展
        </Button>
      ) : null}
    </View>
  )
}

/** One need of the 需求清单: units and members take it (认领), the secretary confirms the match. */
export default function NeedPage() {
  const id = useParam('id')
  const q = useCloud('service', 'need.get', id ? { needId: id } : null, { reloadOnShow: true })
  return (
    <PageShell title='需求详情'>
      <QueryState {...q} loadingText='正在加载需求…'>
        {(n) => <NeedBody n={n} reload={q.reload} />}
      </QueryState>
    </PageShell>
  )
}
