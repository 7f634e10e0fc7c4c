import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import {
  MEETING_STATUS_LABEL,
  RESOLUTION_STATUS_LABEL,
  TIER_LABEL,
  TOPIC_STATUS_LABEL,
  VOTE_STATUS_LABEL,
  type TopicStatus,
} from '../../../../types/council'
import { MODERATION_LABEL } from '../../../../types/moderation'
import Empty from '../../../components/Empty'
import ListItem from '../../../components/ListItem'
import SearchBar from '../../../components/SearchBar'
import QueryState from '../../../components/QueryState'
import Tag, { type TagTone } from '../../../components/Tag'
import { useCloud } from '../../../hooks/useCloud'
import { COUNCIL } from '../lib'
import { go } from '../../../services/nav'
import { formatDate, formatTime } from '../../../services/time'
import Pager from '../../../components/Pager'
import Segmented from '../../../components/Segmented'

const PAGE = 10
const topicTone: Record<TopicStatus, TagTone> = { open: 'gold', accepted: 'green', merged: 'gray', declined: 'gray' }

export function TopicList({ communityId, secretary }: { communityId: string; secretary: boolean }) {
  const [status, setStatus] = useState<TopicStatus | 'all'>(secretary ? 'open' : 'all')
  const [page, setPage] = useState(1)
  const [words, setWords] = useState('')
  const q = useCloud(
    'council',
    'topic.list',
    { communityId, page, pageSize: PAGE, ...(status === 'all' ? {} : { status }), ...(words ? { q: words } : {}) },
    { reloadOnShow: true },
  )
  return (
    <View>
      <SearchBar
        id='topic-search'
        value={words}
        onChange={(w) => {
          setWords(w)
          setPage(1)
        }}
        placeholder='查找议题，如：充电、停车'
        note={q.data ? `找到 ${q.data.total} 个议题` : undefined}
      />
      <Segmented<TopicStatus | 'all'>
        items={[
          { key: 'all', label: '全部' },
          { key: 'open', label: secretary ? '待处理' : '征集中' },
          { key: 'accepted', label: '已受理' },
          { key: 'declined', label: '未受理' },
        ]}
        value={status}
        onChange={(s) => {
          setStatus(s)
          setPage(1)
        }}
      />
      <QueryState {...q}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty
              text={words ? `没有找到含“${words}”的议题` : '暂无议题'}
              hint={words ? '换几个字试试，或清除查找' : '居民和党员可以提出关于小区公共事务的议题'}
            />
          ) : (
            <View>
              {data.items.map((t) => (
                <ListItem
                  key={t.id}
                  id={`topic-${t.id}`}
                  title={t.title}
                  description={`${t.authorName} · ${formatDate(t.createdAt)} · 附议 ${t.seconds}${t.estateName ? ` · ${t.estateName}` : ''}`}
                  extra={
                    <View className='cc-row'>
                      {t.moderation ? <Tag tone='gray'>{MODERATION_LABEL[t.moderation]}</Tag> : null}
                      {t.tier ? (
                        <Tag tone={t.tier === 'urgent' ? 'red' : t.tier === 'major' ? 'blue' : 'gray'}>
                          {TIER_LABEL[t.tier]}
                        </Tag>
                      ) : null}
                      <Tag tone={topicTone[t.status]}>{TOPIC_STATUS_LABEL[t.status]}</Tag>
                    </View>
                  }
                  onClick={() => go(COUNCIL.topic(t.id))}
                />
              ))}
              <Pager page={page} pageSize={PAGE} total={data.total} onChange={setPage} />
            </View>
          )
        }
      </QueryState>
    </View>
  )
}

export function MeetingList({ communityId }: { communityId: string }) {
  const [page, setPage] = useState(1)
  const q = useCloud('council', 'meeting.list', { communityId, page, pageSize: PAGE }, { reloadOnShow: true })
  return (
    <QueryState {...q}>
      {(data) =>
        data.items.length === 0 ? (
          <Empty text='暂无议事会议' hint='会议发布后，议程会显示在这里' />
        ) : (
          <View>
            {data.items.map((m) => (
              <ListItem
                key={m.id}
                id={`meeting-${m.id}`}
                title={m.title}
                description={`${formatTime(m.startsAt)} · ${m.online ? '线上' : m.place}`}
                extra={
                  <Tag tone={m.status === 'draft' ? 'gray' : m.status === 'ended' ? 'gray' : 'green'}>
                    {MEETING_STATUS_LABEL[m.status]}
                  </Tag>
                }
                onClick={() => go(COUNCIL.meeting(m.id))}
              />
            ))}
            <Pager page={page} pageSize={PAGE} total={data.total} onChange={setPage} />
          </View>
        )
      }
    </QueryState>
  )
}

export function VoteList({ communityId }: { communityId: string }) {
  const [page, setPage] = useState(1)
  const q = useCloud('council', 'vote.list', { communityId, page, pageSize: PAGE }, { reloadOnShow: true })
  return (
    <QueryState {...q}>
      {(data) =>
        data.items.length === 0 ? (
          <Empty text='暂无表决' hint='议事会就大事发起居民表决后会显示在这里' />
        ) : (
          <View>
            {data.items.map((v) => (
              <ListItem
                key={v.id}
                id={`vote-${v.id}`}
                title={v.title}
                description={`${v.scope.label} · 截止 ${formatTime(v.closesAt)} · 已参与 ${v.turnout.households}/${v.turnout.eligibleHouseholds} 户`}
                extra={
                  v.result ? (
                    <Tag tone={v.result.passed ? 'green' : 'red'}>{v.result.passed ? '已通过' : '未通过'}</Tag>
                  ) : (
                    <Tag tone={v.status === 'open' ? 'red' : 'gold'}>{VOTE_STATUS_LABEL[v.status]}</Tag>
                  )
                }
                onClick={() => go(COUNCIL.vote(v.id))}
              />
            ))}
            <Pager page={page} pageSize={PAGE} total={data.total} onChange={setPage} />
          </View>
        )
      }
    </QueryState>
  )
}

export function ResolutionList({ communityId }: { communityId: string }) {
  const [page, setPage] = useState(1)
  const q = useCloud('council', 'resolution.list', { communityId, page, pageSize: PAGE }, { reloadOnShow: true })
  return (
    <QueryState {...q}>
      {(data) =>
        data.items.length === 0 ? (
          <Empty text='暂无决议' hint='议事会议形成决议后，落实进度会在这里公开' />
        ) : (
          <View>
            {data.items.map((r) => (
              <ListItem
                key={r.id}
                id={`resolution-${r.id.replace(/[:]/g, '-')}`}
                title={r.itemTitle}
                description={`责任方：${r.responsibleName} · 期限 ${formatDate(r.deadline)}${r.rating.count ? ` · 评价 ${r.rating.average} 分（${r.rating.count} 户）` : ''}`}
                extra={
                  <Tag tone={r.status === 'done' ? 'green' : r.overdue ? 'red' : 'gold'}>
                    {r.overdue ? '已逾期' : RESOLUTION_STATUS_LABEL[r.status]}
                  </Tag>
                }
                onClick={() => go(COUNCIL.resolution(r.id))}
              />
            ))}
            <Pager page={page} pageSize={PAGE} total={data.total} onChange={setPage} />
            <Text className='cc-line--muted'>决议落实情况向全体居民公开。</Text>
          </View>
        )
      }
    </QueryState>
  )
}
