import Taro, { useRouter } from '@tarojs/taro'

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

/**
 * A tap that opens a page says so at once (正在打开…): the page's subpackage, or a chart bundle in H5,
 * may still be downloading on a slow network, and a tap with no answer gets tapped again. The next
 * page's PageShell takes it down (pageShown); a failed navigation, or 20 s, too.
 */
let opening: ReturnType<typeof setTimeout> | undefined

export function pageShown(): void {
  if (!opening) return
  clearTimeout(opening)
  opening = undefined
  void Taro.hideLoading()
}

export function go(url: string): void {
  if (opening) clearTimeout(opening)
  void Taro.showLoading({ title: '正在打开…', mask: true })
  opening = setTimeout(pageShown, 20_000)
  void Taro.navigateTo({ url }).catch(pageShown)
}

export function toast(title: string, icon: 'success' | 'none' = 'success'): void {
  void Taro.showToast({ title, icon, duration: 2000 })
}

/** A yes/no question before an irreversible step. */
export async function confirm(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  const res = await Taro.showModal({ title, content, confirmText, cancelText: '取消', confirmColor: '#C8161D' })
  return res.confirm
}

/**
 * A query parameter of this page, decoded ('' when absent). Read through Taro's useRouter, which keeps
 * the page's own router from its first render: a page re-rendering under another one (a load resolving
 * after the user moved on) still reads its own parameters, not the top page's. Links encode their values
 * (ROUTES, encodeURIComponent); the mini-program hands them over encoded, H5 sometimes decoded: decoding
 * an already decoded value is harmless for the ids and keys we pass.
 */
export function useParam(name: string): string {
  const v = useRouter().params?.[name]
  return v ? safeDecode(v) : ''
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v)
  } catch {
    return v
  }
}

export const isH5 = process.env.TARO_ENV === 'h5'
