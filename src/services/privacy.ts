import Taro from '@tarojs/taro'

/**
 * WeChat's privacy authorization (SPEC §7): the first use of a private API (location, photos, phone)
 * raises `needPrivacyAuthorization`; we answer it with our own dialog in plain words (PrivacyDialog),
 * not a platform sheet. H5 (the local demo) has no such event: nothing is registered there.
 */
type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void

let pending: Resolve | null = null
const listeners = new Set<(open: boolean) => void>()

/** The id of the dialog's agree button: the platform checks that this very button was tapped. */
export const PRIVACY_AGREE_ID = 'privacy-agree'

function show(open: boolean) {
  for (const l of listeners) l(open)
}

/** Registers the handler once, where the platform has it (weapp, base library 2.32.3+). */
export function listenPrivacyAuthorization(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  const api = (Taro as unknown as { onNeedPrivacyAuthorization?: (l: (resolve: Resolve) => void) => void })
    .onNeedPrivacyAuthorization
  if (typeof api !== 'function') return
  api((resolve) => {
    pending = resolve
    resolve({ event: 'exposureAuthorization' })
    show(true)
  })
}

/** The person's answer: the API that asked goes on (agree) or fails (disagree). */
export function answerPrivacy(agree: boolean): void {
  const resolve = pending
  pending = null
  show(false)
  if (resolve) resolve(agree ? { event: 'agree', buttonId: PRIVACY_AGREE_ID } : { event: 'disagree' })
}

/** PrivacyDialog subscribes here; returns the unsubscribe. */
export function onPrivacyPrompt(l: (open: boolean) => void): () => void {
  listeners.add(l)
  if (pending) l(true)
  return () => {
    listeners.delete(l)
  }
}
