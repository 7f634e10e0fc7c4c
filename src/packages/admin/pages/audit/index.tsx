import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Empty from '../../../../components/Empty'
import Field from '../../../../components/Field'
import Button from '../../../../components/Button'
import QueryState from '../../../../components/QueryState'
import Tag from '../../../../components/Tag'
import { useCloud } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import { grantsOf } from '../../../../services/roles'
import { formatTime } from '../../../../services/time'
import { AUDIT_FUNCTIONS, type AuditEntryView } from '../../../../../types/audit'
import Pager from '../../../../components/Pager'
import '../../admin.scss'

const PAGE = 20
const FN_LABEL: Record<(typeof AUDIT_FUNCTIONS)[number], string> = {
  org: '组织与认证',
  service: '双报到与服务',
  council: '议事协商',
  property: '物业红黑榜',
  grid: '网格吹哨',
}
const DAY = /^\d{4}-\d{2}-\d{2}$/

/** A before/after value in one short line (the log keeps small records: a few fields). */
function brief(v: unknown): string {
  if (v === null || v === undefined) return '（无）'
  if (typeof v === 'object') {
    return (
      Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => `${k}: ${typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x)}`)
        .join('，') || '（无）'
    )
  }
  return String(v)
}

function Entry({ e, onPerson }: { e: AuditEntryView; onPerson: (key: string, name: string) => void }) {
  return (
    <View className='admin-audit' id={`audit-${e.id}`}>
      <View className='admin-audit__row'>
        <Text className='admin-audit__who'>{e.actorName}</Text>
        {e.anonymous ? <Tag tone='gray'>匿名</Tag> : null}
        <Text className='tx-muted'>{e.dayOnly ? formatTime(e.at).slice(0, 10) : formatTime(e.at)}</Text>
      </View>
      <Text className='admin-line'>{`${FN_LABEL[e.fn as keyof typeof FN_LABEL] ?? e.fn} · ${e.action}`}</Text>
      <Text className='tx-muted'>{`对象：${e.target}`}</Text>
      <Text className='admin-line'>{`变更前：${brief(e.before)}`}</Text>
      <Text className='admin-line'>{`变更后：${brief(e.after)}`}</Text>
      {e.actorKey ? (
        <Button
          variant='plain'
          size='small'
          id={`audit-person-${e.id}`}
          onClick={() => onPerson(e.actorKey!, e.actorName)}
        >
          只看此人
        </Button>
      ) : null}
    </View>
  )
}

interface Filters {
  fn?: (typeof AUDIT_FUNCTIONS)[number]
  action?: string
  from?: string
  to?: string
  actorKey?: string
  actorName?: string
}

function Log({ streetId }: { streetId: string }) {
  const [draft, setDraft] = useState<Filters>({})
  const [filters, setFilters] = useState<Filters>({})
  const [page, setPage] = useState(1)
  const badDay = [draft.from, draft.to].some((d) => d && !DAY.test(d))
  const apply = (f: Filters) => {
    setFilters(f)
    setDraft(f)
    setPage(1)
  }
  const { actorName: _name, ...query } = filters
  const q = useCloud('org', 'audit.list', { streetId, page, pageSize: PAGE, ...query })
  return (
    <View>
      <Card title='筛选'>
        <Field
          kind='picker'
          id='audit-fn'
          label='模块'
          optional
          value={draft.fn}
          onChange={(v) => setDraft({ ...draft, fn: v as Filters['fn'], action: undefined })}
          options={AUDIT_FUNCTIONS.map((f) => ({ label: FN_LABEL[f], value: f }))}
        />
        {draft.fn ? (
          <Field
            id='audit-action'
            label='操作（如 topic.triage）'
            optional
            value={draft.action ?? ''}
            onChange={(v) => setDraft({ ...draft, action: v.trim() || undefined })}
            maxLength={40}
          />
        ) : null}
        <Field
          id='audit-from'
          label='开始日期'
          optional
          placeholder='2026-11-23'
          value={draft.from ?? ''}
          onChange={(v) => setDraft({ ...draft, from: v.trim() || undefined })}
          maxLength={10}
        />
        <Field
          id='audit-to'
          label='结束日期'
          optional
          placeholder='2026-11-30'
          value={draft.to ?? ''}
          onChange={(v) => setDraft({ ...draft, to: v.trim() || undefined })}
          maxLength={10}
          error={badDay ? '日期格式如 2026-11-23' : undefined}
        />
        {filters.actorKey ? (
          <Text className='admin-line' id='audit-person'>{`只看：${filters.actorName ?? ''}`}</Text>
        ) : null}
        <View className='admin-audit__row'>
          <Button
            id='audit-apply'
            size='small'
            disabled={badDay}
            onClick={() => apply({ ...draft, actorKey: filters.actorKey, actorName: filters.actorName })}
          >
            查询
          </Button>
          <Button id='audit-clear' size='small' variant='plain' onClick={() => apply({})}>
            清除筛选
          </Button>
        </View>
      </Card>
      <Card title='记录' extra={<Text className='tx-muted'>投票与评价只记日期，不记是谁</Text>}>
        <QueryState {...q}>
          {(list) =>
            list.items.length === 0 ? (
              <Empty text='没有符合条件的记录' />
            ) : (
              <View>
                <Text className='tx-muted' id='audit-total'>{`共 ${list.total} 条`}</Text>
                {list.items.map((e) => (
                  <Entry
                    key={e.id}
                    e={e}
                    onPerson={(actorKey, actorName) => apply({ ...filters, actorKey, actorName })}
                  />
                ))}
                <Pager page={page} pageSize={PAGE} total={list.total} onChange={setPage} />
              </View>
            )
          }
        </QueryState>
      </Card>
    </View>
  )
}

/** Street admin: the street's audit log — who, what, when, before → after; filters; paged. */
export default function AuditPage() {
  const me = useMe()
  const grant = grantsOf(me.data?.roles, 'street_admin')[0]
  return (
    <PageShell title='操作日志'>
      <QueryState {...me}>
        {() =>
          !grant ? (
            <Empty text='您不是街道管理员' hint='只有街道管理员可以查看本街道的操作日志' />
          ) : (
            <Log streetId={grant.scopeId} />
          )
        }
      </QueryState>
    </PageShell>
  )
}
