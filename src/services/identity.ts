import Taro from '@tarojs/taro'

/**
 * H5 only: the demo person the local runtime should act as. In WeChat the identity is the OPENID the
 * platform injects and nothing here is read.
 */
const KEY = 'tx.identity'

export function getLocalIdentity(): string {
  try {
    const v: unknown = Taro.getStorageSync(KEY)
    return typeof v === 'string' ? v : ''
  } catch {
    return ''
  }
}

export function setLocalIdentity(openid: string): void {
  Taro.setStorageSync(KEY, openid)
}

export interface LocalIdentity {
  openid: string
  name: string
  roles: { role: string; scopeType: string; scopeId: string; scopeName: string }[]
}

/** The demo people the local runtime knows (GET /local/identities). */
export async function listLocalIdentities(): Promise<LocalIdentity[]> {
  const res = await fetch('/local/identities', { headers: { accept: 'application/json' } })
  if (!res.ok) throw new Error(`identities ${res.status}`)
  const body = (await res.json()) as { identities?: LocalIdentity[] }
  return Array.isArray(body.identities) ? body.identities : []
}
