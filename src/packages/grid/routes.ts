/** Pages of the 网格吹哨 subpackage. */
export const GRID = {
  report: '/packages/grid/pages/report/index',
  mine: '/packages/grid/pages/mine/index',
  event: (id: string) => `/packages/grid/pages/event/index?id=${encodeURIComponent(id)}`,
  board: '/packages/grid/pages/board/index',
  inbox: '/packages/grid/pages/inbox/index',
  staff: '/packages/grid/pages/staff/index',
  overdue: '/packages/grid/pages/overdue/index',
  stats: '/packages/grid/pages/stats/index',
} as const

/**
 * Where a converted event's link leads: the need page of 双报到 and the topic page of 议事会. Written out
 * here rather than imported from those subpackages, so this one keeps no code dependency on them.
 */
export const LINKED = {
  need: (id: string) => `/packages/service/pages/need/index?id=${encodeURIComponent(id)}`,
  topic: (id: string) => `/packages/council/pages/topic/index?id=${encodeURIComponent(id)}`,
} as const
