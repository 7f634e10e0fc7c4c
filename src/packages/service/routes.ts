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
  assess: '/packages/service/pages/assess/index',
  care: '/packages/service/pages/care/index',
} as const
