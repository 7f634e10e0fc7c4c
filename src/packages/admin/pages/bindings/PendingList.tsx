import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Card from '../../../../components/Card'
import Empty from '../../../../components/Empty'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import SearchBar from '../../../../components/SearchBar'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { formatTime } from '../../../../services/format'
import { confirm, toast } from '../../../../services/nav'
import DecisionRow from '../../components/DecisionRow'
import Pager from '../../../../components/Pager'

const PAGE_SIZE = 20

export interface PendingListProps {
  communityId: string
}

/** Pending household bindings of one community, each with 通过 / 退回. */
export default function PendingList({ communityId }: PendingListProps) {
  const [page, setPage] = useState(1)
  const [words, setWords] = useState('')
  const list = useCloud('org', 'binding.listPending', {
    communityId,
    page,
    pageSize: PAGE_SIZE,
    ...(words ? { q: words } : {}),
  })
  const decide = useMutation('org', 'binding.decide')
  const [busyId, setBusyId] = useState<string>()
  // The last decision, said where the request was (the list no longer holds it).
  const [last, setLast] = useState<{ approve: boolean; who: string }>()

  const act = async (bindingId: string, approve: boolean, reason?: string) => {
    setBusyId(bindingId)
    const out = await decide.run({ bindingId, approve, reason })
    setBusyId(undefined)
    if (out) {
      toast(approve ? '认证已通过' : '已退回')
      setLast({ approve, who: `${out.applicantName}，${out.address}${approve ? '' : `（${reason ?? ''}）`}` })
      list.reload()
    }
  }

  return (
    <View>
      {last ? (
        <Notice
          tone={last.approve ? 'success' : 'info'}
          title={last.approve ? '认证已通过' : '已退回申请'}
          id='binding-decided'
        >
          <Text>
            {last.approve
              ? `${last.who}：已是本户认证住户，可以投票、评价物业。`
              : `${last.who}，申请人会看到退回原因。`}
          </Text>
        </Notice>
      ) : null}
      <SearchBar
        id='pending-search'
        value={words}
        onChange={(w) => {
          setWords(w)
          setPage(1)
        }}
        placeholder='姓名或地址，如：王、3号楼'
        note={list.data ? `找到 ${list.data.total} 条` : undefined}
      />
      <QueryState {...list} loadingText='正在加载待审核申请…'>
        {(data) =>
          data.items.length === 0 ? (
            words ? (
              <Empty text={`没有找到含“${words}”的申请`} hint='换几个字试试，或清除查找' />
            ) : (
              <Empty text='没有待审核的住户绑定' hint='新的申请会出现在这里' />
            )
          ) : (
            <View>
              <Text className='tx-muted admin-count'>共 {data.total} 条待审核</Text>
              {decide.error ? (
                <Notice tone='error' title='操作没有成功'>
                  <Text>{decide.error.message}</Text>
                </Notice>
              ) : null}
              {data.items.map((b) => (
                <Card key={b.id} title={b.applicantName} id={`binding-${b.id}`}>
                  <Text className='admin-line'>房屋：{b.address}</Text>
                  <Text className='admin-line'>手机：{b.applicantPhone || '未填写'}</Text>
                  <Text className='admin-line admin-line--muted'>提交于 {formatTime(b.createdAt)}</Text>
                  <DecisionRow
                    idPrefix={`binding-${b.id}`}
                    sending={busyId === b.id}
                    onApprove={() =>
                      void confirm('通过认证', `${b.applicantName}，${b.address}`, '通过').then((ok) => {
                        if (ok) void act(b.id, true)
                      })
                    }
                    onReturn={(reason) => void act(b.id, false, reason)}
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
