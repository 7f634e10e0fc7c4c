import type { MeView } from '../../../types/org'
import { Text } from '@tarojs/components'
import Notice from '../../components/Notice'
import { ROUTES, go } from '../../services/nav'
import { formatTime } from '../../services/time'

export interface BindingBannerProps {
  me: Pick<MeView, 'roles' | 'binding'>
}

/**
 * Whether to ask for a household verification: people with no role yet, residents and members (a
 * member checks in where they live). Someone whose roles are all staff roles (secretary, street
 * admin, property staff, grid worker, unit liaison) is not asked; 房屋认证 stays in 常用功能.
 */
export function asksForBinding(roles: MeView['roles']): boolean {
  return roles.length === 0 || roles.some((g) => g.role === 'resident' || g.role === 'member')
}

/** What the person should know about their household verification, and the next step. */
export default function BindingBanner({ me }: BindingBannerProps) {
  const { binding } = me
  if (!binding || binding.status === 'superseded') {
    if (!asksForBinding(me.roles)) return null
    return (
      <Notice
        tone='warn'
        title='您还没有认证房屋'
        actionText='去认证'
        onAction={() => go(ROUTES.bind)}
        id='binding-banner'
      >
        <Text>认证后可以参与社区议事、投票和物业评价</Text>
      </Notice>
    )
  }
  if (binding.status === 'pending') {
    return (
      <Notice tone='info' title='房屋认证待社区审核' id='binding-banner'>
        <Text>
          {binding.address}，提交于 {formatTime(binding.createdAt)}
        </Text>
      </Notice>
    )
  }
  if (binding.status === 'rejected') {
    return (
      <Notice
        tone='error'
        title='房屋认证未通过'
        actionText='重新申请'
        onAction={() => go(ROUTES.bind)}
        id='binding-banner'
      >
        <Text>原因：{binding.reason || '社区未说明原因，请联系社区'}</Text>
      </Notice>
    )
  }
  return null
}
