import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import ListItem from '../../../../components/ListItem'
import Tag from '../../../../components/Tag'
import { formatDate } from '../../../../services/time'
import Segmented from '../../../../components/Segmented'
import PageShell from '../../../../components/PageShell'
import Button from '../../../../components/Button'
import Card from '../../../../components/Card'
import Empty from '../../../../components/Empty'
import Field from '../../../../components/Field'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import { go, ROUTES, toast } from '../../../../services/nav'
import EventCard from '../../components/EventCard'
import { GRID } from '../../routes'
import '../../grid.scss'

function Settings({ streetId }: { streetId: string }) {
  const q = useCloud('grid', 'settings.get', { streetId })
  const save = useMutation('grid', 'settings.set')
  const [v, setV] = useState({ urgentHours: '', normalHours: '', whistleWindowHours: '' })
  useEffect(() => {
    if (q.data)
      setV({
        urgentHours: String(q.data.urgentHours),
        normalHours: String(q.data.normalHours),
        whistleWindowHours: String(q.data.whistleWindowHours),
      })
  }, [q.data])
  const submit = async () => {
    const r = await save.run({
      streetId,
      urgentHours: Number(v.urgentHours),
      normalHours: Number(v.normalHours),
      whistleWindowHours: Number(v.whistleWindowHours),
    })
    if (r) {
      toast('已保存')
      q.reload()
    }
  }
  return (
    <Card title='处置时限（小时）'>
      {save.error ? <Notice tone='error'>{save.error.message}</Notice> : null}
      <QueryState {...q}>
        {() => (
          <View>
            <Field
              id='urgent-hours'
              kind='code'
              label='急'
              value={v.urgentHours}
              onChange={(x) => setV({ ...v, urgentHours: x })}
              maxLength={3}
            />
            <Field
              id='normal-hours'
              kind='code'
              label='一般'
              value={v.normalHours}
              onChange={(x) => setV({ ...v, normalHours: x })}
              maxLength={3}
            />
            <Field
              id='window-hours'
              kind='code'
              label='吹哨应答时限'
              value={v.whistleWindowHours}
              onChange={(x) => setV({ ...v, whistleWindowHours: x })}
              maxLength={3}
            />
            <Button id='save-settings' block loading={save.sending} onClick={() => void submit()}>
              保存
            </Button>
          </View>
        )}
      </QueryState>
    </Card>
  )
}

/** Council resolutions of the street past their deadline day and not done (council `resolution.overdue`). */
function OverdueResolutions({ streetId }: { streetId: string }) {
  const q = useCloud('council', 'resolution.overdue', { streetId, pageSize: 50 }, { reloadOnShow: true })
  return (
    <QueryState {...q}>
      {(page) =>
        page.items.length === 0 ? (
          <Empty text='没有逾期的议事决议' />
        ) : (
          <View>
            {page.items.map((r) => (
              <ListItem
                key={r.id}
                id={`late-${r.id.replace(/[^\w-]/g, '-')}`}
                title={r.itemTitle}
                description={`${r.responsibleName} 负责 · 应于 ${formatDate(r.deadline)} 前完成 · ${r.meetingTitle}`}
                extra={<Tag tone='red'>已逾期</Tag>}
                onClick={() => go(ROUTES.resolution(r.id))}
              />
            ))}
          </View>
        )
      }
    </QueryState>
  )
}

/** The street admin's queue of what is past its deadline: grid events and council resolutions; and the street's deadlines. */
export default function OverduePage() {
  const me = useMe({})
  const streetId = me.data?.roles.find((g) => g.role === 'street_admin')?.scopeId
  const [tab, setTab] = useState<'events' | 'resolutions'>('events')
  const q = useCloud('grid', 'event.overdue', streetId && tab === 'events' ? { streetId, pageSize: 50 } : null, {
    reloadOnShow: true,
  })
  return (
    <PageShell
      title='超期事项'
      intro='超过时限仍未办结的网格事件和议事决议'
      extra={
        <Button size='small' variant='secondary' onClick={() => go(GRID.stats)}>
          统计
        </Button>
      }
    >
      <QueryState {...me}>
        {() =>
          !streetId ? (
            <Notice tone='warn'>超期队列供街道管理员使用</Notice>
          ) : (
            <View>
              <Segmented
                items={[
                  { key: 'events', label: '网格事件' },
                  { key: 'resolutions', label: '议事决议' },
                ]}
                value={tab}
                onChange={setTab}
              />
              {tab === 'events' ? (
                <QueryState {...q}>
                  {(page) =>
                    page.items.length === 0 ? (
                      <Empty text='没有超期事件' />
                    ) : (
                      <View>
                        {page.items.map((e) => (
                          <EventCard key={e.id} e={e} />
                        ))}
                      </View>
                    )
                  }
                </QueryState>
              ) : (
                <OverdueResolutions streetId={streetId} />
              )}
              {tab === 'events' ? <Settings streetId={streetId} /> : null}
            </View>
          )
        }
      </QueryState>
    </PageShell>
  )
}
