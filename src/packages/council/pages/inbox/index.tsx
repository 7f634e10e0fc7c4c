import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { RESOLUTION_STATUS_LABEL } from '../../../../../types/council'
import PageShell from '../../../../components/PageShell'
import Empty from '../../../../components/Empty'
import ListItem from '../../../../components/ListItem'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import Pager from '../../../../components/Pager'
import Segmented from '../../../../components/Segmented'
import { COUNCIL } from '../../lib'
import { go } from '../../../../services/nav'
import { formatDate, formatTime } from '../../../../services/time'
import '../../council.scss'

const PAGE = 10

function Invitations() {
  const [page, setPage] = useState(1)
  const q = useCloud('council', 'meeting.invitations', { page, pageSize: PAGE }, { reloadOnShow: true })
  return (
    <QueryState {...q}>
      {(list) =>
        list.items.length === 0 ? (
          <Empty text='暂时没有邀请您参加的会议' hint='社区书记邀请您或您所在的单位、物业参会后会显示在这里' />
        ) : (
          <View>
            {list.items.map((m) => (
              <ListItem
                key={m.id}
                id={`invitation-${m.id}`}
                title={m.title}
                description={`${formatTime(m.startsAt)} · ${m.online ? `线上：${m.link ?? ''}` : m.place}`}
                onClick={() => go(COUNCIL.meeting(m.id))}
              />
            ))}
            <Pager page={page} pageSize={PAGE} total={list.total} onChange={setPage} />
          </View>
        )
      }
    </QueryState>
  )
}

function Carrying() {
  const [page, setPage] = useState(1)
  const [open, setOpen] = useState(true)
  const q = useCloud('council', 'resolution.inbox', { page, pageSize: PAGE, open }, { reloadOnShow: true })
  return (
    <View>
      <Segmented<'open' | 'all'>
        items={[
          { key: 'open', label: '待落实' },
          { key: 'all', label: '全部' },
        ]}
        value={open ? 'open' : 'all'}
        onChange={(k) => {
          setOpen(k === 'open')
          setPage(1)
        }}
      />
      <QueryState {...q}>
        {(list) =>
          list.items.length === 0 ? (
            <Empty text='没有需要您方落实的决议' hint='议事会议把决议交给您方落实后会显示在这里' />
          ) : (
            <View>
              {list.items.map((r) => (
                <ListItem
                  key={r.id}
                  id={`carry-${r.id.replace(/[^\w-]/g, '-')}`}
                  title={r.itemTitle}
                  description={`${r.responsibleName} 负责 · ${formatDate(r.deadline)} 前完成 · 进展 ${r.progressCount} 条`}
                  extra={
                    <Tag tone={r.status === 'done' ? 'green' : r.overdue ? 'red' : 'gold'}>
                      {r.overdue ? '已逾期' : RESOLUTION_STATUS_LABEL[r.status]}
                    </Tag>
                  }
                  onClick={() => go(COUNCIL.resolution(r.id))}
                />
              ))}
              <Pager page={page} pageSize={PAGE} total={list.total} onChange={setPage} />
            </View>
          )
        }
      </QueryState>
    </View>
  )
}

/** What the council asks of the person's party: meetings they are invited to, resolutions they carry. */
export default function InboxPage() {
  const [tab, setTab] = useState<'meetings' | 'resolutions'>('resolutions')
  return (
    <PageShell title='我的议事事项' intro='由您方落实的决议请按期上传进展和照片，办结后居民可以评价。'>
      <Segmented<'meetings' | 'resolutions'>
        items={[
          { key: 'resolutions', label: '落实决议' },
          { key: 'meetings', label: '会议邀请' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'meetings' ? <Invitations /> : <Carrying />}
      <Text className='cc-line--muted'>决议的落实进度向全体居民公开。</Text>
    </PageShell>
  )
}
