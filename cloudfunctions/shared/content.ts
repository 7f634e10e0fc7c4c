import { sdk } from './cloud'
import { DomainError, sdkErrCode } from './errors'

/** WeChat's errcode for content judged risky by security.msgSecCheck. */
const RISKY = 87014

/**
 * Every piece of user text passes the platform's content check before it is stored (SPEC §7).
 * Fails closed: if the check cannot be made, nothing is stored.
 */
export async function checkText(openid: string, texts: (string | undefined)[]): Promise<void> {
  for (const content of texts) {
    if (!content || !content.trim()) continue
    let res: { result?: { suggest?: string } } | undefined
    try {
      res = await sdk().openapi.security.msgSecCheck({ content, version: 2, scene: 2, openid })
    } catch (e) {
      if (sdkErrCode(e) === RISKY) throw new DomainError('CONTENT_REJECTED', '内容未通过安全检测，请修改后再提交')
      throw new DomainError('INTERNAL', '内容安全检测暂不可用，请稍后再试')
    }
    if (res?.result?.suggest === 'risky') throw new DomainError('CONTENT_REJECTED', '内容未通过安全检测，请修改后再提交')
  }
}

/**
 * Every photo passes security.imgSecCheck before it is stored (SPEC §7). Same contract as checkText:
 * risky → CONTENT_REJECTED; the check unavailable → nothing stored.
 */
export async function checkImage(image: Buffer, contentType: 'image/jpeg' | 'image/png'): Promise<void> {
  try {
    await sdk().openapi.security.imgSecCheck({ media: { contentType, value: image } })
  } catch (e) {
    if (sdkErrCode(e) === RISKY) throw new DomainError('CONTENT_REJECTED', '图片未通过安全检测，请换一张')
    throw new DomainError('INTERNAL', '图片安全检测暂不可用，请稍后再试')
  }
}
