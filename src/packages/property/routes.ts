/** Pages of the 物业红黑榜 subpackage. */
export const PROP = {
  list: '/packages/property/pages/list/index',
  company: (id: string) => `/packages/property/pages/company/index?id=${encodeURIComponent(id)}`,
  rate: '/packages/property/pages/rate/index',
  mine: '/packages/property/pages/mine/index',
  staff: '/packages/property/pages/staff/index',
  assess: '/packages/property/pages/assess/index',
  street: '/packages/property/pages/street/index',
  coverage: '/packages/property/pages/coverage/index',
} as const
