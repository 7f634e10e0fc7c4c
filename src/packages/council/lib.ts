import Taro from '@tarojs/taro'
import type { RoleGrant } from '../../../types/roles'
import { ROUTES } from '../../services/nav'

/** Pages of the council subpackage. */
export const COUNCIL = {
  index: '/packages/council/pages/index/index',
  topic: ROUTES.topic,
  propose: (communityId: string) => `/packages/council/pages/propose/index?communityId=${communityId}`,
  meeting: (id: string) => `/packages/council/pages/meeting/index?id=${encodeURIComponent(id)}`,
  meetingEdit: (communityId: string, id?: string) => `/packages/council/pages/meeting-edit/index?communityId=${communityId}${id ? `&id=${encodeURIComponent(id)}` : ''}`,
  vote: (id: string) => `/packages/council/pages/vote/index?id=${encodeURIComponent(id)}`,
  voteOpenOnTopic: (topicId: string) => `/packages/council/pages/vote-open/index?topicId=${encodeURIComponent(topicId)}`,
  voteOpen: (meetingId: string, itemId: string) => `/packages/council/pages/vote-open/index?meetingId=${encodeURIComponent(meetingId)}&itemId=${itemId}`,
  resolution: (id: string) => `/packages/council/pages/resolution/index?id=${encodeURIComponent(id)}`,
  roll: (id: string) => `/packages/council/pages/roll/index?id=${encodeURIComponent(id)}`,
  inbox: '/packages/council/pages/inbox/index',
}

export { go } from '../../services/nav'
export const param = (name: string): string => {
  const v = Taro.getCurrentInstance().router?.params?.[name]
  return v ? decodeURIComponent(v) : ''
}

/** The communities the person belongs to, the secretary's first. */
export function myCommunities(roles: RoleGrant[]): { id: string; name: string; secretary: boolean }[] {
  const out = new Map<string, { id: string; name: string; secretary: boolean }>()
  for (const g of roles) {
    const id = g.role === 'secretary' || g.role === 'member' ? g.scopeId : g.communityId
    if (!id) continue
    const secretary = g.role === 'secretary'
    const prior = out.get(id)
    out.set(id, { id, name: g.role === 'secretary' || g.role === 'member' ? g.scopeName : prior?.name ?? id, secretary: secretary || !!prior?.secretary })
  }
  return [...out.values()].sort((a, b) => Number(b.secretary) - Number(a.secretary))
}

export const isResidentOf = (roles: RoleGrant[], communityId: string) => roles.some((g) => g.role === 'resident' && g.communityId === communityId)
export const canProposeIn = (roles: RoleGrant[], communityId: string) =>
  roles.some((g) => (g.role === 'resident' && g.communityId === communityId) || (g.role === 'member' && g.scopeId === communityId))
export const isSecretaryOf = (roles: RoleGrant[], communityId: string) => roles.some((g) => g.role === 'secretary' && g.scopeId === communityId)

/** Beijing wall time (services/time: the one formatter), under the names council screens use. */
export { formatTime as cnTime, formatDate as cnDate } from '../../services/time'

/** dm² → "1,234.56 ㎡" */
export const m2 = (dm2: number) => `${(dm2 / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ㎡`
export const pct = (n: number, d: number) => (d ? `${((n / d) * 100).toFixed(1)}%` : '—')

export const newRequestId = () => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`

export function toast(title: string, icon: 'success' | 'none' = 'success') {
  void Taro.showToast({ title, icon, duration: 2000 })
}
export async function confirm(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  const res = await Taro.showModal({ title, content, confirmText, cancelText: '取消', confirmColor: '#C8161D' })
  return res.confirm
}
