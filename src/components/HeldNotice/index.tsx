import type { ModerationState } from '../../../types/moderation'
import Notice from '../Notice'

export interface HeldNoticeProps {
  state?: ModerationState
  /** Photos of the author's that are out of others' sight. */
  heldPhotos?: number
  id?: string
}

/**
 * What the author of a held or removed item sees on it (others see a placeholder): plain words on why
 * and what happens next. Nothing when the item is visible.
 */
export default function HeldNotice({ state, heldPhotos = 0, id = 'held-notice' }: HeldNoticeProps) {
  if (state === 'held') {
    return (
      <Notice tone='warn' title='审核中' id={id}>
        这条内容被多户居民举报或需要人工复核，社区审核完成前只有您能看到。审核结果会通知您。
      </Notice>
    )
  }
  if (state === 'removed') {
    return (
      <Notice tone='error' title='已移除' id={id}>
        这条内容经社区审核已移除，其他人看不到。记录仍然保留，如有疑问请联系社区。
      </Notice>
    )
  }
  if (heldPhotos > 0) {
    return (
      <Notice tone='warn' title='照片审核中' id={id}>
        {`您的 ${heldPhotos} 张照片被举报，审核完成前其他人看不到这些照片。`}
      </Notice>
    )
  }
  return null
}
