/**
 * grid — 网格吹哨: the enums and their labels, plain constants with no schema. Its contract
 * (types/grid.ts) re-exports them; a module that only shows a label imports this file, so loading it builds
 * none of the contract's schemas (a cloud function's cold start builds only its own contract: docs/decisions.md).
 */

export const CATEGORIES = ['sanitation', 'clutter', 'facility', 'safety', 'dispute', 'other'] as const
export type Category = (typeof CATEGORIES)[number]
export const CATEGORY_LABEL: Record<Category, string> = {
  sanitation: '环境卫生',
  clutter: '乱堆乱放',
  facility: '设施损坏',
  safety: '安全隐患',
  dispute: '邻里纠纷',
  other: '其他',
}

export const URGENCIES = ['urgent', 'normal'] as const
export type Urgency = (typeof URGENCIES)[number]
export const URGENCY_LABEL: Record<Urgency, string> = { urgent: '急', normal: '一般' }

/** The steps an event shows inline; the rest are a `progress.list` page away. */
export const PROGRESS_PREVIEW = 5

export const HANDLER_TYPES = ['company', 'unit', 'member', 'community'] as const
export type HandlerType = (typeof HANDLER_TYPES)[number]
export const HANDLER_TYPE_LABEL: Record<HandlerType, string> = {
  company: '物业公司',
  unit: '责任单位',
  member: '党员',
  community: '社区',
}

/**
 * reported → assigned (handler + deadline) → accepted (one person of the handler took it) → done
 * (handler says fixed) → closed (reporter confirmed, or the secretary decided). A reopen sends a
 * done event back to `accepted`; the third dissatisfaction goes to `deciding` (the secretary decides).
 * `converted` = turned into a need or a council topic (the link is kept).
 */
export const EVENT_STATUS = ['reported', 'assigned', 'accepted', 'done', 'deciding', 'closed', 'converted'] as const
export type EventStatus = (typeof EVENT_STATUS)[number]
export const EVENT_STATUS_LABEL: Record<EventStatus, string> = {
  reported: '待派单',
  assigned: '已派单',
  accepted: '处置中',
  done: '待确认',
  deciding: '待书记裁定',
  closed: '已办结',
  converted: '已转办',
}

export const SUMMONS_OUTCOMES = ['pending', 'on_time', 'late'] as const
export type SummonsOutcome = (typeof SUMMONS_OUTCOMES)[number]
export const SUMMONS_STATE_LABEL: Record<SummonsOutcome | 'silent', string> = {
  pending: '待应答',
  on_time: '按时应答',
  late: '逾期应答',
  silent: '未应答',
}
export const ANSWER_KINDS = ['report', 'reason'] as const
export const ANSWER_KIND_LABEL: Record<(typeof ANSWER_KINDS)[number], string> = {
  report: '报到并承诺',
  reason: '说明理由',
}
