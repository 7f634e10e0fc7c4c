import { sdk } from './cloud'
import { DomainError, sdkErrCode } from './errors'

/** WeChat's errcode for content judged risky by security.msgSecCheck. */
const RISKY = 87014

/**
 * security.msgSecCheck (v2) checks at most 2,500 characters per call: "需检测的文本内容，文本字数的上限为
 * 2500字" (developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_msgseccheck.html).
 */
export const MSG_SEC_CHECK_MAX_CHARS = 2500
/** Consecutive pieces share this many characters, so a word cut by a piece boundary is whole in one of them. */
export const MSG_SEC_CHECK_OVERLAP = 100

/**
 * A text cut into pieces the check takes whole: each at most `max` UTF-16 units (so at most `max`
 * characters however they are counted; a surrogate pair is never split), each piece starting `overlap`
 * characters before the previous one ended.
 */
export function textPieces(text: string, max = MSG_SEC_CHECK_MAX_CHARS, overlap = MSG_SEC_CHECK_OVERLAP): string[] {
  if (text.length <= max) return [text]
  const chars = Array.from(text)
  const pieces: string[] = []
  for (let start = 0; ;) {
    let end = start
    for (let units = 0; end < chars.length && units + chars[end].length <= max; end++) units += chars[end].length
    pieces.push(chars.slice(start, end).join(''))
    if (end >= chars.length) return pieces
    start = end - overlap
  }
}

/** What the check said of text it let through: `review` is WeChat's "a person should look at this". */
export type ContentVerdict = 'pass' | 'review'

const rejected = () => new DomainError('CONTENT_REJECTED', '内容未通过安全检测，请修改后再提交')

/**
 * Text the check wants a person to look at, where there is no review queue to hold it in (names,
 * reasons, staff records): not stored, never passed (issue 11 §7). Items people can report are held
 * in the queue instead (`checkItemText`, shared/moderation.ts).
 */
export const reviewRefused = () =>
  new DomainError('CONTENT_REJECTED', '内容需要人工复核，暂不能提交，请换一种说法后再试')

/**
 * Every piece of user text passes the platform's content check before it is stored (SPEC §7); a text
 * longer than one call takes is checked in overlapping pieces. Risky → CONTENT_REJECTED. Fails closed:
 * if the check cannot be made, nothing is stored. Answers `review` when any piece was judged so, else
 * `pass`; the caller decides what review means (the dispatch's `checkText` refuses it, `checkItemText`
 * lets a reportable item be stored held in the review queue).
 */
export async function checkText(openid: string, texts: (string | undefined)[]): Promise<ContentVerdict> {
  let verdict: ContentVerdict = 'pass'
  for (const text of texts) {
    if (!text || !text.trim()) continue
    for (const content of textPieces(text)) {
      let res: { result?: { suggest?: string } } | undefined
      try {
        res = await sdk().openapi.security.msgSecCheck({ content, version: 2, scene: 2, openid })
      } catch (e) {
        if (sdkErrCode(e) === RISKY) throw rejected()
        throw new DomainError('INTERNAL', '内容安全检测暂不可用，请稍后再试')
      }
      if (res?.result?.suggest === 'risky') throw rejected()
      if (res?.result?.suggest === 'review') verdict = 'review'
    }
  }
  return verdict
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
