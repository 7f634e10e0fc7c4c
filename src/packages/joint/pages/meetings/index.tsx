import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { JointMeetingView } from '../../../../../types/joint'
import { MEETING_CADENCE_LABEL } from '../../../../../types/joint'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Button from '../../../../components/Button'
import Chips from '../../../../components/Chips'
import Empty from '../../../../components/Empty'
import ListItem from '../../../../components/ListItem'
import Tag from '../../../../components/Tag'
import Commitment from '../../../../components/Commitment'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import Pager from '../../../../components/Pager'
import { JOINT, chosenScope, useScopeParam, myScopes, type Scope } from '../../lib'
import { go } from '../../../../services/nav'
import '../../joint.scss'

const PAGE = 10

function MeetingRow({ m }: { m: JointMeetingView }) {
  const taken = m.agenda.filter((a) => a.commitmentId).length
  return (
    <ListItem
      id={`meeting-${m.id}`}
      title={m.title}
      onClick={() => go(JOINT.meeting(m.id))}
      description={
        <View>
          <Text className='jt-line jt-line--muted'>
            {m.date} · {MEETING_CADENCE_LABEL[m.cadence]} · 议题 {m.agenda.length} 个 · 出席 {m.present.length}/
            {m.invited.length}
          </Text>
        </View>
      }
      extra={
        <Tag tone={taken === m.agenda.length ? 'green' : taken ? 'blue' : 'gray'}>
          认领 {taken}/{m.agenda.length}
        </Tag>
      }
    />
  )
}

/** 督办: the convener's list of commitments past their deadline, across meetings. */
function Overdue({ scope }: { scope: Scope }) {
  const q = useCloud(
    'org',
    'commitment.overdue',
    { scopeType: scope.scopeType, scopeId: scope.scopeId, page: 1, pageSize: 20 },
    { reloadOnShow: true },
  )
  if (!q.data || q.data.total === 0) return null
  return (
    <Card title={`督办：${q.data.total} 项已过期限未办结`} id='overdue'>
      {q.data.items.map((c) => (
        <View key={c.id} className='jt-item'>
          <Commitment c={c} showMeeting id={`overdue-${c.id.replace(/[^\w-]/g, '-')}`} />
          <Button size='small' variant='plain' onClick={() => go(JOINT.meeting(c.meetingId))}>
            查看会议
          </Button>
        </View>
      ))}
      {q.data.total > q.data.items.length ? (
        <Text className='jt-line jt-line--muted'>另有 {q.data.total - q.data.items.length} 项，请在各次会议中查看</Text>
      ) : null}
    </Card>
  )
}

function Meetings({ scope }: { scope: Scope }) {
  const [page, setPage] = useState(1)
  const q = useCloud(
    'org',
    'jointMeeting.list',
    { scopeType: scope.scopeType, scopeId: scope.scopeId, page, pageSize: PAGE },
    { reloadOnShow: true },
  )
  return (
    <View>
      <View className='jt-row'>
        {scope.manages ? (
          <Button id='convene' onClick={() => go(JOINT.convene(scope))}>
            召集联席会议
          </Button>
        ) : null}
        <Button id='to-committee' variant='secondary' onClick={() => go(JOINT.committee(scope))}>
          委员名单
        </Button>
      </View>
      {scope.manages ? <Overdue scope={scope} /> : null}
      <Card title='历次联席会议'>
        <QueryState {...q} loadingText='正在加载联席会议…'>
          {(data) =>
            data.items.length === 0 ? (
              <Empty
                text='还没有召开过联席会议'
                hint={
                  scope.manages
                    ? '每月或每季度召集兼职委员，把居民反映的问题摆上桌，现场认领'
                    : '社区召开后会在这里公布议题和认领情况'
                }
              />
            ) : (
              <View>
                {data.items.map((m) => (
                  <MeetingRow key={m.id} m={m} />
                ))}
                <Pager page={page} pageSize={PAGE} total={data.total} onChange={setPage} />
              </View>
            )
          }
        </QueryState>
      </Card>
    </View>
  )
}

/** 联席会议: the meetings of a 大党委 (newest first); the secretary or street admin convenes a new one here. */
export default function MeetingsPage() {
  const me = useMe({ reloadOnShow: false })
  const route = useScopeParam()
  const [picked, setPicked] = useState<string>()
  return (
    <PageShell title='联席会议' intro='大党委兼职委员定期议事，居民的难题由驻区单位现场认领、限期办结'>
      <QueryState {...me}>
        {(m) => {
          const scopes = myScopes(m.roles)
          const scope = scopes.find((s) => s.scopeId === picked) ?? chosenScope(scopes, route)
          if (!scope) return <Empty text='请先认证房屋' hint='认证为本社区住户后，可以查看联席会议' />
          return (
            <View>
              {scopes.length > 1 ? (
                <Chips
                  idPrefix='scope'
                  items={scopes.map((s) => ({
                    key: s.scopeId,
                    label: s.scopeType === 'street' ? `${s.name}大工委` : s.manages ? s.name : '我的社区',
                  }))}
                  value={scope.scopeId}
                  onChange={setPicked}
                />
              ) : null}
              <Meetings key={scope.scopeId} scope={scope} />
            </View>
          )
        }}
      </QueryState>
    </PageShell>
  )
}
