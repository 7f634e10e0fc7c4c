import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { NeedView, ProjectView } from '../../../../../types/service'
import {
  NEED_SOURCES,
  NEED_SOURCE_LABEL,
  NEED_STATUS_LABEL,
  OWNER_TYPE_LABEL,
  QUANTITY_UNITS,
  parseTenths,
} from '../../../../../types/service'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import Empty from '../../../../components/Empty'
import Notice from '../../../../components/Notice'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { newRequestId } from '../../../../services/requestId'
import { formatTime } from '../../../../services/format'
import { go, ROUTES, toast, useParam } from '../../../../services/nav'
import Segmented from '../../../../components/Segmented'
import Pager from '../../../../components/Pager'
import DateTimeField from '../../../../components/DateTimeField'
import { beijingIso as toIso, dateFromToday as today } from '../../../../services/time'
import { useCommunity } from '../../hooks/useCommunity'
import '../../service.scss'

type Tab = 'needs' | 'resources' | 'projects'
const PAGE = 10
const TONE = { open: 'red', matched: 'gold', done: 'green' } as const

function NewNeed({ communityId, onDone }: { communityId: string; onDone: () => void }) {
  const [requestId, setRequestId] = useState(newRequestId)
  const [v, setV] = useState({ title: '', amount: '', unit: '平方米', source: 'community' })
  const [error, setError] = useState<string>()
  const m = useMutation('service', 'need.create')
  const set = (k: keyof typeof v) => (x: string) => setV((o) => ({ ...o, [k]: x }))
  const send = async () => {
    const tenths = v.amount ? parseTenths(v.amount) : null
    if (v.amount && tenths === null) return setError('数量最多保留一位小数')
    setError(undefined)
    const input = {
      requestId,
      communityId,
      title: v.title,
      source: v.source as NeedView['source'],
      quantity: tenths ? { tenths, unit: v.unit as (typeof QUANTITY_UNITS)[number] } : undefined,
    }
    if (await m.run(input)) {
      toast('已发布需求')
      setRequestId(newRequestId())
      setV({ title: '', amount: '', unit: '平方米', source: 'community' })
      onDone()
    }
  }
  return (
    <Card title='发布需求'>
      <Field
        label='需求'
        id='need-title'
        value={v.title}
        onChange={set('title')}
        placeholder='如：修复坑洼路面'
        maxLength={60}
      />
      <View className='svc-row'>
        <View className='svc-half'>
          <Field
            label='数量'
            id='need-amount'
            optional
            value={v.amount}
            onChange={set('amount')}
            placeholder='如 25616.5'
            error={error}
          />
        </View>
        <View className='svc-half'>
          <Field
            kind='picker'
            label='单位'
            options={QUANTITY_UNITS.map((u) => ({ label: u, value: u }))}
            value={v.unit}
            onChange={set('unit')}
          />
        </View>
      </View>
      <Field
        kind='picker'
        label='来源'
        options={NEED_SOURCES.map((s) => ({ label: NEED_SOURCE_LABEL[s], value: s }))}
        value={v.source}
        onChange={set('source')}
      />
      {m.error ? <Text className='tx-field__error'>{m.error.message}</Text> : null}
      <Button id='need-submit' loading={m.sending} onClick={() => void send()}>
        发布
      </Button>
    </Card>
  )
}

function Match({ need, communityId, onDone }: { need: NeedView; communityId: string; onDone: () => void }) {
  const [requestId] = useState(newRequestId)
  const resources = useCloud('service', 'resource.list', { communityId, page: 1, pageSize: 50 })
  const [v, setV] = useState({ resourceId: '', title: `${need.title}项目`, deadline: today(30) })
  const owner = resources.data?.items.find((r) => r.id === v.resourceId)
  const m = useMutation('service', 'project.create')
  return (
    <View className='svc-gap'>
      <Field
        kind='picker'
        label='对接资源'
        options={(resources.data?.items ?? []).map((r) => ({ label: `${r.title}（${r.ownerName}）`, value: r.id }))}
        value={v.resourceId || undefined}
        onChange={(x) => setV((o) => ({ ...o, resourceId: x }))}
      />
      <Field label='项目名称' value={v.title} onChange={(x) => setV((o) => ({ ...o, title: x }))} />
      <Text className='svc-line svc-line--muted'>
        负责方：
        {owner
          ? `${OWNER_TYPE_LABEL[owner.ownerType]} ${owner.ownerName}（资源的提供方，由其更新进展）`
          : '选定资源后，由资源的单位或党员负责'}
      </Text>
      <DateTimeField
        label='完成期限'
        mode='date'
        value={v.deadline}
        onChange={(x) => setV((o) => ({ ...o, deadline: x }))}
      />
      {m.error ? <Text className='tx-field__error'>{m.error.message}</Text> : null}
      <Button
        size='small'
        loading={m.sending}
        onClick={() =>
          void m
            .run({ requestId, needId: need.id, resourceId: v.resourceId, title: v.title, deadline: toIso(v.deadline) })
            .then((r) => r && (toast('已形成项目'), onDone()))
        }
      >
        形成项目
      </Button>
    </View>
  )
}

function Needs({ communityId, secretary }: { communityId: string; secretary: boolean }) {
  const [page, setPage] = useState(1)
  const [matching, setMatching] = useState<string>()
  const q = useCloud('service', 'need.list', { communityId, page, pageSize: PAGE })
  return (
    <View>
      {secretary ? <NewNeed communityId={communityId} onDone={q.reload} /> : null}
      <QueryState {...q} loadingText='正在加载需求…'>
        {(data) =>
          data.items.length === 0 ? (
            <Empty text='还没有需求' />
          ) : (
            <Card title='需求清单' id='needs'>
              {data.items.map((n) => (
                <View key={n.id} className='svc-list-item' id={`need-${n.id}`}>
                  <View className='svc-row svc-row--tap' onClick={() => go(ROUTES.need(n.id))}>
                    <Text className='svc-line svc-line--strong'>{n.title}</Text>
                    {n.quantityText ? <Text className='svc-line'>{n.quantityText}</Text> : null}
                    <Tag tone={TONE[n.status]}>{NEED_STATUS_LABEL[n.status]}</Tag>
                  </View>
                  <Text className='svc-line svc-line--muted'>
                    来源：{NEED_SOURCE_LABEL[n.source]} · {formatTime(n.createdAt).slice(0, 10)}
                  </Text>
                  {n.gridEventId ? (
                    <Button
                      size='small'
                      variant='plain'
                      id={`need-event-${n.id}`}
                      onClick={() => go(ROUTES.gridEvent(n.gridEventId!))}
                    >
                      查看来源网格事件
                    </Button>
                  ) : null}
                  <View className='svc-row'>
                    <Button
                      size='small'
                      variant={n.status === 'open' && !secretary ? 'primary' : 'plain'}
                      id={`need-open-${n.id}`}
                      onClick={() => go(ROUTES.need(n.id))}
                    >
                      {n.status === 'open' && !secretary ? '查看并认领' : secretary ? '认领与对接' : '查看详情'}
                    </Button>
                    {secretary && n.status === 'open' ? (
                      <Button
                        size='small'
                        variant='plain'
                        onClick={() => setMatching(matching === n.id ? undefined : n.id)}
                      >
                        直接对接资源
                      </Button>
                    ) : null}
                  </View>
                  {matching === n.id ? (
                    <Match
                      need={n}
                      communityId={communityId}
                      onDone={() => {
                        setMatching(undefined)
                        q.reload()
                      }}
                    />
                  ) : null}
                </View>
              ))}
              <Pager page={page} pageSize={PAGE} total={data.total} onChange={setPage} />
            </Card>
          )
        }
      </QueryState>
    </View>
  )
}

function Resources({ communityId, unitId, canPost }: { communityId: string; unitId?: string; canPost: boolean }) {
  const [page, setPage] = useState(1)
  const [requestId, setRequestId] = useState(newRequestId)
  const [title, setTitle] = useState('')
  const q = useCloud('service', 'resource.list', { communityId, page, pageSize: PAGE })
  const m = useMutation('service', 'resource.create')
  return (
    <View>
      {canPost ? (
        <Card title='登记资源'>
          <Field
            label='可提供的资源'
            id='res-title'
            value={title}
            onChange={setTitle}
            placeholder='如：法律咨询、场地、车辆'
            maxLength={60}
          />
          {m.error ? <Text className='tx-field__error'>{m.error.message}</Text> : null}
          <Button
            id='res-submit'
            loading={m.sending}
            onClick={() =>
              void m
                .run({ requestId, communityId, title, unitId })
                .then((r) => r && (toast('已登记'), setTitle(''), setRequestId(newRequestId()), q.reload()))
            }
          >
            登记
          </Button>
        </Card>
      ) : null}
      <QueryState {...q} loadingText='正在加载资源…'>
        {(data) =>
          data.items.length === 0 ? (
            <Empty text='还没有资源' />
          ) : (
            <Card title='资源清单'>
              {data.items.map((r) => (
                <View key={r.id} className='svc-list-item'>
                  <Text className='svc-line svc-line--strong'>{r.title}</Text>
                  <Text className='svc-line svc-line--muted'>
                    {r.ownerType === 'unit' ? '单位' : '党员'}：{r.ownerName}
                  </Text>
                </View>
              ))}
              <Pager page={page} pageSize={PAGE} total={data.total} onChange={setPage} />
            </Card>
          )
        }
      </QueryState>
    </View>
  )
}

function Progress({ p, onDone }: { p: ProjectView; onDone: () => void }) {
  const [progress, setProgress] = useState(String(Math.min(100, p.progress + 20)))
  const [note, setNote] = useState('')
  const m = useMutation('service', 'project.progress')
  return (
    <View className='svc-gap'>
      <Field
        kind='picker'
        id='progress-value'
        label='进度'
        options={[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((n) => ({ label: `${n}%`, value: String(n) }))}
        value={progress}
        onChange={setProgress}
      />
      <Field label='进展说明' id='progress-note' value={note} onChange={setNote} maxLength={200} />
      {m.error ? <Text className='tx-field__error'>{m.error.message}</Text> : null}
      <Button
        size='small'
        id='progress-send'
        loading={m.sending}
        onClick={() =>
          void m
            .run({ projectId: p.id, progress: Number(progress), note })
            .then((r) => r && (toast('已更新'), onDone()))
        }
      >
        更新进度
      </Button>
    </View>
  )
}

const UPDATES_PAGE = 5

/** A project's progress updates, newest first, a page at a time (none is ever dropped). */
function Updates({ projectId }: { projectId: string }) {
  const [page, setPage] = useState(1)
  const q = useCloud('service', 'project.updates', { projectId, page, pageSize: UPDATES_PAGE })
  return (
    <View className='svc-history' id={`updates-${projectId}`}>
      <QueryState {...q} loadingText='正在加载进展记录…'>
        {(data) => (
          <View>
            {data.items.map((u) => (
              <View key={u.seq} className='svc-history__item'>
                <Text className='svc-line'>
                  {u.progress}% · {u.note}
                </Text>
                <Text className='svc-line svc-line--muted'>
                  {u.byName} · {formatTime(u.at)}
                </Text>
              </View>
            ))}
            <Pager page={page} pageSize={UPDATES_PAGE} total={data.total} onChange={setPage} />
          </View>
        )}
      </QueryState>
    </View>
  )
}

function Projects({ communityId }: { communityId: string }) {
  const [page, setPage] = useState(1)
  const [editing, setEditing] = useState<string>()
  const [history, setHistory] = useState<string>()
  const q = useCloud('service', 'project.list', { communityId, page, pageSize: PAGE })
  return (
    <QueryState {...q} loadingText='正在加载项目…'>
      {(data) =>
        data.items.length === 0 ? (
          <Empty text='还没有项目' hint='需求对接资源后形成项目' />
        ) : (
          <Card title='项目清单'>
            {data.items.map((p) => (
              <View key={p.id} className='svc-list-item'>
                <View className='svc-row'>
                  <Text className='svc-line svc-line--strong'>{p.title}</Text>
                  <Tag tone={p.status === 'done' ? 'green' : p.overdue ? 'red' : 'gold'}>
                    {p.status === 'done' ? '已完成' : p.overdue ? '已逾期' : `${p.progress}%`}
                  </Tag>
                </View>
                <View className='svc-progress'>
                  <View className='svc-progress__bar' style={{ width: `${p.progress}%` }} />
                </View>
                <Text className='svc-line svc-line--muted'>
                  需求：{p.needTitle} · 资源：{p.resourceTitle}
                </Text>
                <Text className='svc-line svc-line--muted'>
                  负责方：{OWNER_TYPE_LABEL[p.ownerType]} {p.ownerName} · 期限 {formatTime(p.deadline).slice(0, 10)}
                </Text>
                {p.lastNote ? <Text className='svc-line'>最新进展：{p.lastNote}</Text> : null}
                <View className='svc-row'>
                  {p.updateCount ? (
                    <Button
                      size='small'
                      variant='plain'
                      id={`history-${p.id}`}
                      onClick={() => setHistory(history === p.id ? undefined : p.id)}
                    >
                      {history === p.id ? '收起进展记录' : `进展记录（${p.updateCount}）`}
                    </Button>
                  ) : null}
                  {p.canUpdate ? (
                    <Button
                      size='small'
                      variant='plain'
                      id={`progress-${p.id}`}
                      onClick={() => setEditing(editing === p.id ? undefined : p.id)}
                    >
                      更新进度
                    </Button>
                  ) : null}
                </View>
                {history === p.id ? <Updates key={p.updateCount} projectId={p.id} /> : null}
                {editing === p.id ? (
                  <Progress
                    p={p}
                    onDone={() => {
                      setEditing(undefined)
                      q.reload()
                    }}
                  />
                ) : null}
              </View>
            ))}
            <Pager page={page} pageSize={PAGE} total={data.total} onChange={setPage} />
          </Card>
        )
      }
    </QueryState>
  )
}

/** 三张清单: needs, resources, projects of the community. */
export default function ListsPage() {
  const { me, picked, has } = useCommunity(['secretary', 'unit_liaison', 'member', 'resident'])
  const tabParam = useParam('tab')
  const [tab, setTab] = useState<Tab>(tabParam === 'projects' || tabParam === 'resources' ? tabParam : 'needs')
  const liaisonUnit = (me.data?.roles ?? []).find(
    (g) => g.role === 'unit_liaison' && g.communityId === picked?.communityId,
  )?.scopeId
  return (
    <PageShell title='三张清单' intro='需求清单、资源清单、项目清单'>
      <QueryState {...me}>
        {() =>
          !picked ? (
            <Empty text='您还没有所在社区' />
          ) : (
            <View>
              <Segmented<Tab>
                items={[
                  { key: 'needs', label: '需求' },
                  { key: 'resources', label: '资源' },
                  { key: 'projects', label: '项目' },
                ]}
                value={tab}
                onChange={setTab}
              />
              {tab === 'needs' ? <Needs communityId={picked.communityId} secretary={has('secretary')} /> : null}
              {tab === 'resources' ? (
                <Resources
                  communityId={picked.communityId}
                  unitId={liaisonUnit}
                  canPost={
                    !!liaisonUnit ||
                    (me.data?.roles ?? []).some((g) => g.role === 'member' && g.scopeId === picked.communityId)
                  }
                />
              ) : null}
              {tab === 'projects' ? <Projects communityId={picked.communityId} /> : null}
              {tab === 'needs' && !has('secretary') ? (
                <Notice tone='info' title='需求由社区发布，单位和党员认领'>
                  <Text>
                    居民反映、网格发现和议事会决议的需求，由社区整理后发布；共建单位和报到党员可以打开需求认领，社区确认后形成项目
                  </Text>
                </Notice>
              ) : null}
            </View>
          )
        }
      </QueryState>
    </PageShell>
  )
}
