/** Pages of the 双报到、双服务 subpackage. */
export const SVC = {
  member: '/packages/service/pages/member/index',
  unit: '/packages/service/pages/unit/index',
  activities: '/packages/service/pages/activities/index',
  activity: (id: string) => `/packages/service/pages/activity/index?id=${encodeURIComponent(id)}`,
  wishes: '/packages/service/pages/wishes/index',
  ledger: '/packages/service/pages/ledger/index',
  dashboard: '/packages/service/pages/dashboard/index',
  review: '/packages/service/pages/review/index',
  lists: '/packages/service/pages/lists/index',
  need: (id: string) => `/packages/service/pages/need/index?id=${encodeURIComponent(id)}`,
  /** The 网格吹哨 event a need came from (grid subpackage; route written out, no code dependency). */
  gridEvent: (id: string) => `/packages/grid/pages/event/index?id=${encodeURIComponent(id)}`,
  assess: '/packages/service/pages/assess/index',
} as const
