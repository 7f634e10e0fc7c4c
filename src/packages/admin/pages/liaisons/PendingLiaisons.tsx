import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Card from '../../../../components/Card'
import Empty from '../../../../components/Empty'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { formatTime, maskPhone } from '../../../../services/format'
import { confirm, toast } from '../../../../services/nav'
import DecisionRow from '../../components/DecisionRow'
import Pager from '../../../../components/Pager'

const PAGE_SIZE = 20

/** Pending unit-liaison registrations of one community, each with 通过 / 退回. */
export default function PendingLiaisons({ communityId }: { communityId: string }) {
  const [page, setPage] = useState(1)
  const list = useCloud('org', 'liaison.listPending', { communityId, page, pageSize: PAGE_SIZE })
  const decide = useMutation('org', 'liaison.decide')
  const [busyId, setBusyId] = useState<string>()
  // The last decision, said where the request was (the list no longer holds it).
  const [last, setLast] = useState<{ approve: boolean; who: string }>()

  const act = async (applicationId: string, approve: boolean, reason?: string) => {
    setBusyId(applicationId)
    const out = await decide.run({ applicationId, approve, reason })
    setBusyId(undefined)
    if (out) {
      toast(approve ? '注册已通过' : '已退回')
      setLast({ approve, who: `${out.applicantName}（${out.unitName}）` })
      list.reload()
    }
  }

  return (
    <View>
      {last ? (
        <Notice
          tone={last.approve ? 'success' : 'info'}
          title={last.approve ? '注册已通过' : '已退回注册'}
          id='liaison-decided'
        >
          <Text>
            {last.approve ? `${last.who}：已成为单位联络员，可以办理单位报到。` : `${last.who}：申请人会看到退回原因。`}
          </Text>
        </Notice>
      ) : null}
      <QueryState {...list} loadingText='正在加载待审核注册…'>
        {(data) =>
          data.items.length === 0 ? (
            <Empty text='没有待审核的联络员注册' hint='单位联络员提交注册后会出现在这里' />
          ) : (
            <View>
              <Text className='tx-muted admin-count'>共 {data.total} 条待审核</Text>
              {decide.error ? (
                <Notice tone='error' title='操作没有成功'>
                  <Text>{decide.error.message}</Text>
                </Notice>
              ) : null}
              {data.items.map((a) => (
                <Card key={a.id} title={a.unitName} id={`liaison-${a.id}`}>
                  <Text className='admin-line'>党组织：{a.partyBody}</Text>
                  <Text className='admin-line'>
                    联络员：{a.applicantName}　{maskPhone(a.applicantPhone)}
                  </Text>
                  <Text className='admin-line admin-line--muted'>提交于 {formatTime(a.createdAt)}</Text>
                  <DecisionRow
                    idPrefix={`liaison-${a.id}`}
                    sending={busyId === a.id}
                    onApprove={() =>
                      void confirm('通过注册', `${a.applicantName}，${a.unitName}`, '通过').then((ok) => {
                        if (ok) void act(a.id, true)
                      })
                    }
                    onReturn={(reason) => void act(a.id, false, reason)}
                  />
                </Card>
              ))}
              <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} />
            </View>
          )
        }
      </QueryState>
    </View>
  )
}
