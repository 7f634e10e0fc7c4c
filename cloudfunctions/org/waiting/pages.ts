/**
 * Mini-program pages the home items open (the paths of src/app.config.ts; a unit test checks each
 * exists). The server names them because an item knows which record it is about.
 */
export const PAGES = {
  bindings: '/packages/admin/pages/bindings/index',
  svcReview: '/packages/service/pages/review/index',
  svcMember: '/packages/service/pages/member/index',
  svcWishes: '/packages/service/pages/wishes/index',
  svcActivities: '/packages/service/pages/activities/index',
  svcActivity: (id: string) => `/packages/service/pages/activity/index?id=${encodeURIComponent(id)}`,
  council: '/packages/council/pages/index/index',
  topic: (id: string) => `/packages/council/pages/topic/index?id=${encodeURIComponent(id)}`,
  vote: (id: string) => `/packages/council/pages/vote/index?id=${encodeURIComponent(id)}`,
  meeting: (id: string) => `/packages/council/pages/meeting/index?id=${encodeURIComponent(id)}`,
  resolution: (id: string) => `/packages/council/pages/resolution/index?id=${encodeURIComponent(id)}`,
  councilInbox: '/packages/council/pages/inbox/index',
  gridBoard: '/packages/grid/pages/board/index',
  gridInbox: '/packages/grid/pages/inbox/index',
  gridMine: '/packages/grid/pages/mine/index',
  gridOverdue: '/packages/grid/pages/overdue/index',
  gridEvent: (id: string) => `/packages/grid/pages/event/index?id=${encodeURIComponent(id)}`,
  propStaff: '/packages/property/pages/staff/index',
  propStreet: '/packages/property/pages/street/index',
  propMine: '/packages/property/pages/mine/index',
} as const
