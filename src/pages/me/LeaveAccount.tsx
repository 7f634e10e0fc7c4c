import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { MeView } from '../../../types/org'
import { DEPARTED_NAME } from '../../../types/org-forms'
import { ROLE_LABEL } from '../../../types/roles'
import Card from '../../components/Card'
import Button from '../../components/Button'
import ConfirmSheet from '../../components/ConfirmSheet'
import { useMutation } from '../../hooks/useCloud'
import { toast } from '../../services/nav'

export interface LeaveAccountProps {
  me: MeView
  /** Called after leaving: the page reads 我的 again and finds a new person. */
  onLeft: () => void
}

/** 注销 (issue 12 §4): a confirmation that says exactly what is erased, what ends and what stays. */
export default function LeaveAccount({ me, onLeft }: LeaveAccountProps) {
  const [asking, setAsking] = useState(false)
  const leave = useMutation('org', 'account.leave')
  const roles = me.roles.filter((g) => g.role !== 'resident').map((g) => `${ROLE_LABEL[g.role]}（${g.scopeName}）`)
  const household =
    me.binding && (me.binding.status === 'verified' || me.binding.status === 'pending') ? me.binding.address : ''
  const admin = me.roles.some((g) => g.role === 'street_admin')

  const close = () => {
    setAsking(false)
    leave.reset()
  }
  const send = async () => {
    const out = await leave.run({ confirm: true })
    if (out) {
      toast('已注销')
      close()
      onLeft()
    }
  }

  return (
    <Card title='注销账号' id='my-leave'>
      <View className='me-leave'>
        <Text className='tx-muted'>不再使用同心圆？注销后，您的姓名和手机号会被抹去，职务和房屋认证全部结束。</Text>
        <Button variant='secondary' id='leave-account' onClick={() => setAsking(true)}>
          注销账号
        </Button>
      </View>
      {asking ? (
        <ConfirmSheet
          id='leave-account'
          title='注销账号？注销后不能恢复'
          confirmText='确认注销'
          danger
          sending={leave.sending}
          error={leave.error?.message}
          onConfirm={() => void send()}
          onClose={close}
        >
          <View className='me-leave__what'>
            <Text className='me-leave__line'>{`抹去：您的姓名${me.name ? `「${me.name}」` : ''}和手机号。`}</Text>
            <Text className='me-leave__line'>
              {`结束：${[...roles, household ? `房屋认证（${household}）` : ''].filter(Boolean).join('、') || '您目前没有职务和房屋认证'}。`}
            </Text>
            <Text className='me-leave__line'>
              {`保留：您提的议题、附议、签到、评价、上报等记录仍然保留，但显示为“${DEPARTED_NAME}”；社区的合计、红黑榜和表决结果都不变。本户已投的票和评价仍归本户。`}
            </Text>
            <Text className='me-leave__line'>删除：您上传过、但没有用在任何记录里的照片。</Text>
            <Text className='me-leave__line'>
              操作日志只记下“有人注销”和日期，不记是谁。以后再用同心圆，您将是一位新用户，需要重新填写资料、认证房屋。
            </Text>
            {admin ? (
              <Text className='me-leave__line'>
                您是街道管理员：如果您是本街道唯一的街道管理员，需要先邀请一位新的管理员，才能注销。
              </Text>
            ) : null}
          </View>
        </ConfirmSheet>
      ) : null}
    </Card>
  )
}
