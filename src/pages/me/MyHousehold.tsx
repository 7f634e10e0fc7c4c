import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { MeView } from '../../../types/org'
import Card from '../../components/Card'
import ListItem from '../../components/ListItem'
import Button from '../../components/Button'
import StatusBadge from '../../components/StatusBadge'
import ConfirmSheet from '../../components/ConfirmSheet'
import { useMutation } from '../../hooks/useCloud'
import { ROUTES, go, toast } from '../../services/nav'
import { formatDate, formatTime } from '../../services/time'

export interface MyHouseholdProps {
  me: MeView
  onChanged: (me: MeView) => void
}

/** The household binding: its state, 退出本户 for a verified resident (after a confirmation), and a way to bind again once it ended. */
export default function MyHousehold({ me, onChanged }: MyHouseholdProps) {
  const b = me.binding
  const [asking, setAsking] = useState(false)
  const [reason, setReason] = useState('')
  const leave = useMutation('org', 'binding.leave')
  const resident =
    !!b && b.status === 'verified' && me.roles.some((g) => g.role === 'resident' && g.scopeId === b.householdId)

  const close = () => {
    setAsking(false)
    setReason('')
    leave.reset()
  }
  const send = async () => {
    const out = await leave.run(reason.trim() ? { reason: reason.trim() } : {})
    if (out) {
      toast('已退出本户')
      close()
      onChanged(out)
    }
  }

  const description = !b
    ? ''
    : b.status === 'rejected'
      ? `未通过：${b.reason || '社区未说明原因'}`
      : b.status === 'ended'
        ? `${formatDate(b.endedAt)} 已解除（${b.endedByName ?? ''}）${b.endReason ? `：${b.endReason}` : ''}`
        : `${b.communityName} · ${formatTime(b.createdAt)} 提交`

  return (
    <Card title='房屋认证' id='my-binding' extra={<StatusBadge status={b ? b.status : 'none'} />}>
      {b ? (
        <ListItem
          title={b.address}
          description={description}
          onClick={b.status === 'verified' ? undefined : () => go(ROUTES.bind)}
        />
      ) : (
        <ListItem title='还没有认证房屋' description='认证后可参与议事投票、物业评价' onClick={() => go(ROUTES.bind)} />
      )}
      {b?.status === 'ended' ? (
        <Button variant='secondary' id='bind-again' onClick={() => go(ROUTES.bind)}>
          认证新的房屋
        </Button>
      ) : null}
      {resident ? (
        <View className='me-leave'>
          <Text className='tx-muted'>搬家了？退出本户后可以认证新的房屋。</Text>
          <Button variant='secondary' id='leave-household' onClick={() => setAsking(true)}>
            退出本户
          </Button>
        </View>
      ) : null}
      {asking && b ? (
        <ConfirmSheet
          id='leave'
          title='退出本户？'
          confirmText='确认退出'
          danger
          sending={leave.sending}
          error={leave.error?.message}
          onConfirm={() => void send()}
          onClose={close}
          reason={{ label: '原因', optional: true, value: reason, onChange: setReason, placeholder: '如：已搬家' }}
        >
          <Text>
            {`退出后，您不再是「${b.address}」的认证居民，不能再代表这一户投票和评价物业。本户已经投的票和评价仍然算本户的，家里其他认证成员可以在截止前修改。退出后可以认证新的房屋。`}
          </Text>
        </ConfirmSheet>
      ) : null}
    </Card>
  )
}
