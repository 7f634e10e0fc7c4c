import Tag, { type TagTone } from '../Tag'

export type Status =
  'pending' | 'verified' | 'approved' | 'rejected' | 'superseded' | 'ended' | 'open' | 'used' | 'expired' | 'none'

const LOOK: Record<Status, { text: string; tone: TagTone }> = {
  pending: { text: '待社区审核', tone: 'gold' },
  verified: { text: '已认证', tone: 'green' },
  approved: { text: '已通过', tone: 'green' },
  rejected: { text: '未通过', tone: 'red' },
  superseded: { text: '已更换', tone: 'gray' },
  ended: { text: '已解除', tone: 'gray' },
  open: { text: '可使用', tone: 'green' },
  used: { text: '已使用', tone: 'gray' },
  expired: { text: '已过期', tone: 'gray' },
  none: { text: '未认证', tone: 'gray' },
}

export interface StatusBadgeProps {
  status: Status
  /** Overrides the default words for the status. */
  text?: string
}

/** The state of an application, binding or code, with a consistent colour per state. */
export default function StatusBadge({ status, text }: StatusBadgeProps) {
  const look = LOOK[status]
  return <Tag tone={look.tone}>{text ?? look.text}</Tag>
}
