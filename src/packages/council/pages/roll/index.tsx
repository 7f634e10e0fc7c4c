import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { ATTENDEE_LABEL, PARTICIPANT_LABEL } from '../../../../../types/council'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Empty from '../../../../components/Empty'
import Tag from '../../../../components/Tag'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import Pager from '../../../../components/Pager'
import { useParam } from '../../../../services/nav'
import { formatTime } from '../../../../services/time'
import '../../council.scss'

const PAGE = 20

/** The secretary's attendance screen: each invited party came or not, and everyone who signed in. */
export default function RollPage() {
  const id = useParam('id')
  const roll = useCloud('council', 'meeting.roll', { meetingId: id }, { reloadOnShow: true })
  const [page, setPage] = useState(1)
  const signed = useCloud(
    'council',
    'meeting.attendance',
    { meetingId: id, page, pageSize: PAGE },
    { reloadOnShow: true },
  )
  return (
    <PageShell title='到会情况' intro='与会人员本人在手机上签到；受邀的单位、物业、网格员和居民有人签到即为已到。'>
      <QueryState {...roll}>
        {(r) => {
          const came = r.invited.filter((p) => p.attended).length
          return (
            <Card
              title='受邀参会方'
              extra={<Text className='cc-line' id='roll-summary'>{`已到 ${came} / ${r.invited.length} 方`}</Text>}
            >
              {r.invited.length === 0 ? (
                <Empty text='这次会议没有邀请单位或个人' hint='修改会议时可以从本社区名单中邀请' />
              ) : (
                r.invited.map((p, i) => (
                  <View key={i} className='cc-roll' id={`roll-${i}`}>
                    <View className='cc-picker__who'>
                      <Text className='cc-line'>{`${PARTICIPANT_LABEL[p.kind]}：${p.name}`}</Text>
                      {p.attended ? <Text className='cc-line--muted'>{`签到：${p.attendees.join('、')}`}</Text> : null}
                    </View>
                    <Tag tone={p.attended ? 'green' : 'gray'}>{p.attended ? '已到' : '未到'}</Tag>
                  </View>
                ))
              )}
            </Card>
          )
        }}
      </QueryState>
      <QueryState {...signed}>
        {(list) => (
          <Card title={`签到名单（共 ${list.total} 人）`}>
            {list.items.length === 0 ? (
              <Empty text='还没有人签到' hint='会议开始前 30 分钟起可以签到' />
            ) : (
              list.items.map((a, i) => (
                <View key={i} className='cc-roll'>
                  <View className='cc-picker__who'>
                    <Text className='cc-line'>{a.name}</Text>
                    <Text className='cc-line--muted'>{`${ATTENDEE_LABEL[a.kind]}${a.org ? ` · ${a.org}` : ''}`}</Text>
                  </View>
                  <Text className='cc-line--muted'>{formatTime(a.at).slice(11)}</Text>
                </View>
              ))
            )}
            <Pager page={page} pageSize={PAGE} total={list.total} onChange={setPage} />
          </Card>
        )}
      </QueryState>
    </PageShell>
  )
}
