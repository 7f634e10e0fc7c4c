import Taro from '@tarojs/taro'
import { MAX_CONSENT_TEMPLATES, type NoticeKind } from '../../types/notices'
import { useCloud } from './useCloud'

const IN_WECHAT = process.env.TARO_ENV === 'weapp'

/**
 * Asks the person, in WeChat's own dialog, to allow the given subscription messages; resolves to the
 * kinds they allowed. WeChat shows the dialog only from a tap and refuses it after an awaited network
 * call, so the template ids are loaded when the screen opens and `ask` must be the first thing a tap
 * handler awaits. Outside WeChat (H5, local) there is no dialog: every kind counts as allowed.
 */
export function useNoticeConsent(kinds: NoticeKind[]): () => Promise<NoticeKind[]> {
  const templates = useCloud('org', 'notice.templates', IN_WECHAT ? {} : null)
  return async () => {
    if (!IN_WECHAT) return kinds
    const byKind = new Map((templates.data?.templates ?? []).map((t) => [t.kind, t.templateId]))
    const wanted = kinds.filter((k) => byKind.has(k)).slice(0, MAX_CONSENT_TEMPLATES)
    if (wanted.length === 0) return []
    try {
      const answer = (await Taro.requestSubscribeMessage({
        tmplIds: wanted.map((k) => byKind.get(k)!),
      } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>
      return wanted.filter((k) => answer[byKind.get(k)!] === 'accept')
    } catch {
      return [] // dialog dismissed, or notices switched off in WeChat's settings
    }
  }
}
