import type { MyDataSection } from '../../../types/mydata'

/** Pages of the 我的 subpackage (我的数据). */
export const MINE = {
  section: (key: MyDataSection) => `/packages/mine/pages/section/index?key=${encodeURIComponent(key)}`,
} as const
