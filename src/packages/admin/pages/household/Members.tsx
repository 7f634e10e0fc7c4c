import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { BindingView } from '../../../../../types/org'
import Card from '../../../../components/Card'
import ListItem from '../../../../components/ListItem'
import Button from '../../../../components/Button'
import StatusBadge from '../../../../components/StatusBadge'
import QueryState from '../../../../components/QueryState'
import ConfirmSheet from '../../../../components/ConfirmSheet'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { toast } from '../../../../services/nav'
import { formatDate } from '../../../../services/time'
import Pager from '../../../../components/Pager'

const PAGE_SIZE = 10

function since(b: BindingView): string {
  if (b.status === 'ended')
    return `${formatDate(b.decidedAt ?? b.createdAt)} 至 ${formatDate(b.endedAt)}，${b.endedByName ?? ''}解除${b.endReason ? `：${b.endReason}` : ''}`
  if (b.status === 'verified')
    return `${formatDate(b.decidedAt ?? b.createdAt)} 起（${b.method === 'code' ? '户码认证' : '社区审核'}）`
  return `${formatDate(b.createdAt)} 申请，待审核`
}

/** Who is and was bound to the household; a verified member who moved can be unbound with a reason. */
export default function Members({
  householdId,
  canUnbind,
  onChanged,
}: {
  householdId: string
  canUnbind: boolean
  onChanged: () => void
}) {
  const [page, setPage] = useState(1)
  const list = useCloud('org', 'household.members', { householdId, page, pageSize: PAGE_SIZE })
  const [target, setTarget] = useState<BindingView>()
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState(false)
  const unbind = useMutation('org', 'binding.unbind')

  const close = () => {
    setTarget(undefined)
    setReason('')
    setMissing(false)
    unbind.reset()
  }
  const send = async () => {
    if (!target) return
    if (!reason.trim()) {
      setMissing(true)
      return
    }
    const out = await unbind.run({ bindingId: target.id, reason: reason.trim() })
    if (out) {
      toast('已解除绑定')
      close()
      list.reload()
      onChanged()
    }
  }

  return (
    <Card title='绑定的居民' id='household-members'>
      <QueryState {...list} loadingText='正在加载…'>
        {(data) =>
          data.items.length === 0 ? (
            <Text className='admin-line admin-line--muted'>还没有居民绑定这一户。</Text>
          ) : (
            <View>
              {data.items.map((b) => (
                <ListItem
                  key={b.id}
                  id={`member-${b.id}`}
                  title={`${b.applicantName}　${b.applicantPhone ?? ''}`}
                  description={since(b)}
                  extra={
                    b.status === 'verified' && canUnbind ? (
                      <Button size='small' variant='danger' id={`unbind-${b.id}`} onClick={() => setTarget(b)}>
                        解除绑定
                      </Button>
                    ) : (
                      <StatusBadge status={b.status} />
                    )
                  }
                />
              ))}
              <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} />
            </View>
          )
        }
      </QueryState>
      {target ? (
        <ConfirmSheet
          id='unbind'
          title={`解除 ${target.applicantName} 的房屋绑定？`}
          confirmText='确认解除'
          danger
          sending={unbind.sending}
          error={unbind.error?.message}
          onConfirm={() => void send()}
          onClose={close}
          reason={{
            label: '解除原因',
            value: reason,
            onChange: (v) => {
              setReason(v)
              setMissing(false)
            },
            error: missing ? '请写明原因，居民本人会看到' : undefined,
            placeholder: '如：已搬离本小区',
          }}
        >
          <Text>
            {`解除后，${target.applicantName}不再是「${target.address}」的认证居民，不能再代表这一户投票、评价。这一户已投的票和评价仍归本户，家里其他认证成员可以继续修改。绑定记录会保留，本人可以认证新的房屋。`}
          </Text>
        </ConfirmSheet>
      ) : null}
    </Card>
  )
}
