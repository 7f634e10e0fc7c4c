import type { HomeItemView, HomeKind } from '../../../types/org'
import { formatWhen } from '../../services/time'

/** How an item's time is said per kind: the deadline where it has one, else when it came in. */
const WORDS: Record<HomeKind, { at?: string; deadline?: string }> = {
  bindings: { at: '提交于' },
  checkins: { at: '提交于' },
  topics: { at: '提出于' },
  dispatch: { at: '上报于' },
  unanswered: { deadline: '应答时限' },
  overdueResolutions: { deadline: '完成期限' },
  heldRatings: { at: '评价于' },
  objections: { at: '提出于' },
  overdueEvents: { deadline: '处置时限' },
  gridReported: { at: '上报于' },
  ratingAnswers: { at: '评价于', deadline: '答复期限' },
  summons: { deadline: '应答时限' },
  handling: { at: '派单于', deadline: '处置时限' },
  invitations: { at: '开会时间' },
  resolutions: { deadline: '完成期限' },
  checkinDue: {},
  claimedWishes: { deadline: '期望完成' },
  activitiesToday: { at: '开始时间' },
  votes: { deadline: '投票截止' },
  rectifications: { deadline: '整改期限' },
  eventsToConfirm: { at: '上报于' },
}

/** "投票截止 明天 20:00" / "提交于 今天 09:12"; '' when the kind has no time to say. */
export function timeLine(kind: HomeKind, item: HomeItemView, now = Date.now()): string {
  const w = WORDS[kind]
  if (item.deadline && w.deadline) return `${w.deadline} ${formatWhen(item.deadline, now)}`
  if (w.at) return `${w.at} ${formatWhen(item.at, now)}`
  return ''
}

/** Ids from the data (e.g. `sm:whistle:company:co-1`) made safe for a selector. */
export const safeId = (id: string) => id.replace(/[^\w-]/g, '-')
