import { useState } from 'react'
import { View } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Button from '../../../../components/Button'
import Empty from '../../../../components/Empty'
import Field from '../../../../components/Field'
import Notice from '../../../../components/Notice'
import SearchBar from '../../../../components/SearchBar'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import { go, toast } from '../../../../services/nav'
import type { EventStatus } from '../../../../../types/grid'
import EventCard from '../../components/EventCard'
import Segmented from '../../../../components/Segmented'
import { GRID } from '../../routes'
import '../../grid.scss'

type Tab = 'reported' | 'assigned' | 'accepted' | 'done' | 'deciding' | 'all'
const TABS: { key: Tab; label: string }[] = [
  { key: 'reported', label: '待派单' },
  { key: 'assigned', label: '已派单' },
  { key: 'accepted', label: '处置中' },
  { key: 'done', label: '待确认' },
  { key: 'deciding', label: '待裁定' },
  { key: 'all', label: '全部' },
]

/** The dispatch board: the secretary sees the community, a grid leader (or worker) the grid. */
export default function BoardPage() {
  const me = useMe({})
  const roles = me.data?.roles ?? []
  const scopes = [
    ...roles.filter((g) => g.role === 'secretary').map((g) => ({ value: `c:${g.scopeId}`, label: g.scopeName })),
    ...roles.filter((g) => g.role === 'grid_worker').map((g) => ({ value: `g:${g.scopeId}`, label: g.scopeName })),
  ]
  const [scope, setScope] = useState<string>()
  const [tab, setTab] = useState<Tab>('reported')
  const current = scope ?? scopes[0]?.value
  const status = tab === 'all' ? undefined : (tab as EventStatus)
  const [words, setWords] = useState('')
  const input = current
    ? {
        pageSize: 50,
        status,
        ...(words ? { q: words } : {}),
        ...(current.startsWith('c:') ? { communityId: current.slice(2) } : { gridId: current.slice(2) }),
      }
    : null
  const q = useCloud('grid', 'event.board', input, { reloadOnShow: true })
  const communityId = current?.startsWith('c:') ? current.slice(2) : undefined
  const remind = useMutation('grid', 'event.remind')
  return (
    <PageShell
      title='网格派单台'
      intro='派单、吹哨、跟踪处置'
      extra={
        <Button size='small' variant='secondary' onClick={() => go(GRID.stats)}>
          统计
        </Button>
      }
    >
      <QueryState {...me}>
        {() =>
          scopes.length === 0 ? (
            <Notice tone='warn'>派单台供社区书记和网格人员使用</Notice>
          ) : (
            <View>
              {scopes.length > 1 ? (
                <Field kind='picker' label='范围' options={scopes} value={current} onChange={setScope} />
              ) : null}
              {remind.error ? <Notice tone='error'>{remind.error.message}</Notice> : null}
              <View className='gd-actions'>
                <Button id='go-staff' size='small' variant='secondary' onClick={() => go(GRID.staff)}>
                  网格与党支部
                </Button>
                <Button id='go-map' size='small' variant='secondary' onClick={() => go(GRID.map)}>
                  事件分布
                </Button>
                {communityId ? (
                  <Button id='go-workers' size='small' variant='secondary' onClick={() => go(GRID.workers)}>
                    网格员工作记录
                  </Button>
                ) : null}
                {communityId ? (
                  <Button
                    id='remind'
                    size='small'
                    variant='secondary'
                    loading={remind.sending}
                    onClick={() =>
                      void remind
                        .run({ communityId })
                        .then(
                          (r) =>
                            r &&
                            toast(
                              r.reminded ? `已提醒 ${r.reminded} 件` : '没有即将到期的事件',
                              r.reminded ? 'success' : 'none',
                            ),
                        )
                    }
                  >
                    催办将到期事件
                  </Button>
                ) : null}
              </View>
              <Segmented items={TABS} value={tab} onChange={setTab} />
              <SearchBar
                id='event-search'
                value={words}
                onChange={setWords}
                placeholder='查找事件，如：楼道、2号楼、纸箱'
                note={q.data ? `找到 ${q.data.total} 件` : undefined}
              />
              <QueryState {...q}>
                {(page) =>
                  page.items.length === 0 ? (
                    <Empty text={words ? `没有找到含“${words}”的事件` : '没有此状态的事件'} />
                  ) : (
                    <View>
                      {page.items.map((e) => (
                        <EventCard key={e.id} e={e} />
                      ))}
                      {page.total > page.items.length ? (
                        <Notice tone='info'>{`共 ${page.total} 件，这里列出最新的 ${page.items.length} 件；用查找可以找到更早的。`}</Notice>
                      ) : null}
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
