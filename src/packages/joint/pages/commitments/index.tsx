import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { CommitmentView } from '../../../../../types/joint'
import PageShell from '../../../../components/PageShell'
import Card from '../../../../components/Card'
import Button from '../../../../components/Button'
import Chips from '../../../../components/Chips'
import Empty from '../../../../components/Empty'
import Commitment from '../../../../components/Commitment'
import QueryState from '../../../../components/QueryState'
import { useCloud } from '../../../../hooks/useCloud'
import { useMe } from '../../../../hooks/useMe'
import { useNoticeConsent } from '../../../../hooks/useNoticeConsent'
import { toast } from '../../../../services/nav'
import Pager from '../../../../components/Pager'
import ProgressForm from '../../components/ProgressForm'
import { JOINT, myOwners } from '../../lib'
import { go } from '../../../../services/nav'
import '../../joint.scss'

const PAGE = 10

function Item({ c, onChange }: { c: CommitmentView; onChange: () => void }) {
  const [open, setOpen] = useState(false)
  const key = c.id.replace(/[^\w-]/g, '-')
  return (
    <View className='jt-item' id={`mine-${key}`}>
      <Commitment c={c} full showMeeting />
      <View className='jt-row'>
        {c.status === 'open' && !open ? (
          <Button size='small' id={`progress-open-${key}`} onClick={() => setOpen(true)}>
            报告进展 / 办结
          </Button>
        ) : null}
        <Button size='small' variant='plain' id={`to-meeting-${key}`} onClick={() => go(JOINT.meeting(c.meetingId))}>
          查看会议
        </Button>
      </View>
      {open ? (
        <ProgressForm
          c={c}
          onCancel={() => setOpen(false)}
          onDone={() => {
            setOpen(false)
            onChange()
          }}
        />
      ) : null}
    </View>
  )
}

function Owned({ kind, id }: { kind: 'unit' | 'company'; id: string }) {
  const [page, setPage] = useState(1)
  const q = useCloud('org', 'commitment.list', { kind, affiliationId: id, page, pageSize: PAGE })
  return (
    <QueryState {...q} loadingText='正在加载承诺…'>
      {(data) => {
        const open = data.items.filter((c) => c.status === 'open')
        return data.items.length === 0 ? (
          <Empty text='还没有认领的事项' hint='在联席会议上认领的问题会列在这里，由您报告进展直到办结' />
        ) : (
          <View>
            <View className='jt-stats'>
              <View className='jt-stat'>
                <Text className='jt-stat__num' id='open-count'>
                  {open.length}
                </Text>
                <Text className='jt-stat__label'>办理中</Text>
              </View>
              <View className='jt-stat'>
                <Text className='jt-stat__num'>{open.filter((c) => c.overdue).length}</Text>
                <Text className='jt-stat__label'>已逾期</Text>
              </View>
              <View className='jt-stat'>
                <Text className='jt-stat__num'>{data.items.length - open.length}</Text>
                <Text className='jt-stat__label'>已办结</Text>
              </View>
            </View>
            <Card title='认领的事项'>
              {data.items.map((c) => (
                <Item key={c.id} c={c} onChange={q.reload} />
              ))}
              <Pager page={page} pageSize={PAGE} total={data.total} onChange={setPage} />
            </Card>
          </View>
        )
      }}
    </QueryState>
  )
}

/**
 * 我的承诺: what the person's unit (as its liaison) or company (as its staff) took on at a 联席会议, with
 * the deadline and the progress so far; they report progress and mark it done here.
 */
export default function CommitmentsPage() {
  const me = useMe({ reloadOnShow: false })
  const [idx, setIdx] = useState(0)
  // A 联席会议 that invites the unit's or company's member is sent to its liaisons and staff: WeChat needs their consent first.
  const askConsent = useNoticeConsent(['jointMeetingInvited'])
  const onNotices = async () => toast((await askConsent()).length ? '本单位受邀参加联席会议时会通知您' : '没有允许通知')
  return (
    <PageShell title='我的承诺' intro='联席会议上本单位认领的问题：按期办理，报告进展，办结后居民可见'>
      {process.env.TARO_ENV === 'weapp' ? (
        <Button id='joint-notices' variant='plain' size='small' onClick={() => void onNotices()}>
          接收联席会议通知
        </Button>
      ) : null}
      <QueryState {...me}>
        {(m) => {
          const owners = myOwners(m.roles)
          if (owners.length === 0)
            return (
              <Empty
                text='您不是单位联络员或物业人员'
                hint='联席会议上认领的事项由认领单位的联络员或物业人员报告进展'
              />
            )
          const o = owners[Math.min(idx, owners.length - 1)]
          return (
            <View>
              {owners.length > 1 ? (
                <Chips
                  idPrefix='owner'
                  items={owners.map((x, i) => ({ key: String(i), label: x.name }))}
                  value={String(idx)}
                  onChange={(k) => setIdx(Number(k))}
                />
              ) : null}
              <Owned key={`${o.kind}:${o.id}`} kind={o.kind} id={o.id} />
            </View>
          )
        }}
      </QueryState>
    </PageShell>
  )
}
