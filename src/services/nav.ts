import Taro from '@tarojs/taro'

export const ROUTES = {
  adminAudit: '/packages/admin/pages/audit/index',
  adminModeration: '/packages/admin/pages/moderation/index',
  outbox: '/packages/admin/pages/outbox/index',
  privacy: '/pages/privacy/index',
  home: '/pages/home/index',
  me: '/pages/me/index',
  identity: '/pages/identity/index',
  bind: '/pages/onboarding/bind/index',
  redeem: '/pages/onboarding/redeem/index',
  liaison: '/pages/onboarding/liaison/index',
  bootstrap: '/pages/onboarding/bootstrap/index',
  adminBindings: '/packages/admin/pages/bindings/index',
  adminLiaisons: '/packages/admin/pages/liaisons/index',
  adminCommunities: '/packages/admin/pages/communities/index',
  adminInvitations: '/packages/admin/pages/invitations/index',
  myData: '/packages/mine/pages/data/index',
  adminPeople: '/packages/admin/pages/people/index',
  adminHousehold: (id: string) => `/packages/admin/pages/household/index?id=${encodeURIComponent(id)}`,
  // Pages one subpackage links to in another (a subpackage cannot import another's code, so they live here).
  gridEvent: (id: string) => `/packages/grid/pages/event/index?id=${encodeURIComponent(id)}`,
  need: (id: string) => `/packages/service/pages/need/index?id=${encodeURIComponent(id)}`,
  topic: (id: string) => `/packages/council/pages/topic/index?id=${encodeURIComponent(id)}`,
  resolution: (id: string) => `/packages/council/pages/resolution/index?id=${encodeURIComponent(id)}`,
} as const

export function go(url: string): void {
  void Taro.navigateTo({ url })
}

export function toast(title: string, icon: 'success' | 'none' = 'success'): void {
  void Taro.showToast({ title, icon, duration: 2000 })
}

/** A yes/no question before an irreversible step. */
export async function confirm(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  const res = await Taro.showModal({ title, content, confirmText, cancelText: '取消', confirmColor: '#C8161D' })
  return res.confirm
}

export const isH5 = process.env.TARO_ENV === 'h5'
