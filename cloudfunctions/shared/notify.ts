import type { NoticeKind } from '../../types/notices'
import { sdk } from './cloud'

export interface Notice {
  toOpenid: string
  /** The subscription template id configured for this kind of notice (docs/deploy.md). */
  templateId: string
  page: string
  data: Record<string, { value: string }>
}

/**
 * Subscription messages are best effort: a person may not have subscribed, and the action that
 * caused the notice must not fail because of that. Failures are logged without personal data.
 */
export async function notify(n: Notice): Promise<boolean> {
  try {
    await sdk().openapi.subscribeMessage.send({
      touser: n.toOpenid,
      templateId: n.templateId,
      page: n.page,
      data: n.data,
    })
    return true
  } catch (e) {
    console.warn(JSON.stringify({ notify: n.templateId, failed: true, errCode: (e as { errCode?: number })?.errCode }))
    return false
  }
}

/** Template ids per notice kind; set in the deployment's environment, placeholders locally. */
export const TEMPLATES: Readonly<Record<NoticeKind, string>> = {
  bindingDecided: process.env.TPL_BINDING_DECIDED ?? 'tpl-binding-decided',
  roleGranted: process.env.TPL_ROLE_GRANTED ?? 'tpl-role-granted',
  checkinDecided: process.env.TPL_CHECKIN_DECIDED ?? 'tpl-checkin-decided',
  wishClaimed: process.env.TPL_WISH_CLAIMED ?? 'tpl-wish-claimed',
  wishReturned: process.env.TPL_WISH_RETURNED ?? 'tpl-wish-returned',
  wishMessage: process.env.TPL_WISH_MESSAGE ?? 'tpl-wish-message',
  activityReminder: process.env.TPL_ACTIVITY_REMINDER ?? 'tpl-activity-reminder',
  councilMeetingPublished: process.env.TPL_COUNCIL_MEETING ?? 'tpl-council-meeting',
  councilVoteOpening: process.env.TPL_COUNCIL_VOTE_OPEN ?? 'tpl-council-vote-open',
  councilVoteClosing: process.env.TPL_COUNCIL_VOTE_CLOSING ?? 'tpl-council-vote-closing',
  councilVoteResult: process.env.TPL_COUNCIL_VOTE_RESULT ?? 'tpl-council-vote-result',
  ratingAnswered: process.env.TPL_RATING_ANSWERED ?? 'tpl-rating-answered',
  gridEventAssigned: process.env.TPL_GRID_ASSIGNED ?? 'tpl-grid-assigned',
  gridWhistle: process.env.TPL_GRID_WHISTLE ?? 'tpl-grid-whistle',
  gridDeadlineNear: process.env.TPL_GRID_DEADLINE ?? 'tpl-grid-deadline',
  gridEventDone: process.env.TPL_GRID_DONE ?? 'tpl-grid-done',
  contentReviewed: process.env.TPL_CONTENT_REVIEWED ?? 'tpl-content-reviewed',
  jointMeetingInvited: process.env.TPL_JOINT_MEETING ?? 'tpl-joint-meeting',
}
