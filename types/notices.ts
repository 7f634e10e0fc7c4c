import * as z from 'zod'

/**
 * Subscription-message kinds. WeChat sends a subscription message only to someone who consented to
 * its template (wx.requestSubscribeMessage, at most three templates per tap), so the client must know
 * each kind's template id: the deployment sets them (docs/deploy.md) and `org notice.templates`
 * hands them out. The server keeps the kind → env var mapping (cloudfunctions/shared/notify.ts).
 */
export const NOTICE_KINDS = [
  'bindingDecided',
  'roleGranted',
  'checkinDecided',
  'wishClaimed',
  'wishReturned',
  'wishMessage',
  'activityReminder',
  'councilMeetingPublished',
  'councilVoteOpening',
  'councilVoteClosing',
  'councilVoteResult',
  'ratingAnswered',
  'gridEventAssigned',
  'gridWhistle',
  'gridDeadlineNear',
  'gridEventDone',
  'contentReviewed',
  'jointMeetingInvited',
] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]

/** The council notices a community subscription can cover (sent to every subscriber who consented). */
export const COUNCIL_NOTICE_KINDS = [
  'councilMeetingPublished',
  'councilVoteOpening',
  'councilVoteClosing',
  'councilVoteResult',
] as const
export type CouncilNoticeKind = (typeof COUNCIL_NOTICE_KINDS)[number]

export const NOTICE_LABEL: Record<NoticeKind, string> = {
  bindingDecided: '住户认证结果',
  roleGranted: '身份授予',
  checkinDecided: '报到审核结果',
  wishClaimed: '心愿被认领',
  wishReturned: '心愿退回待认领',
  wishMessage: '心愿留言',
  activityReminder: '活动提醒',
  councilMeetingPublished: '议事会议发布',
  councilVoteOpening: '表决开始',
  councilVoteClosing: '表决即将截止',
  councilVoteResult: '表决结果',
  ratingAnswered: '评价获答复',
  gridEventAssigned: '事件派单',
  gridWhistle: '吹哨报到',
  gridDeadlineNear: '办理期限将到',
  gridEventDone: '事件办结',
  contentReviewed: '内容审核结果',
  jointMeetingInvited: '联席会议通知',
}

/** WeChat's limit on templates in one consent request. */
export const MAX_CONSENT_TEMPLATES = 3

export const NoticeTemplatesViewSchema = z.object({
  templates: z.array(z.object({ kind: z.enum(NOTICE_KINDS), templateId: z.string() })),
})
