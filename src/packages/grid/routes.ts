import { ROUTES } from '../../services/nav'

/** Pages of the 网格吹哨 subpackage. */
export const GRID = {
  report: '/packages/grid/pages/report/index',
  mine: '/packages/grid/pages/mine/index',
  event: ROUTES.gridEvent,
  board: '/packages/grid/pages/board/index',
  inbox: '/packages/grid/pages/inbox/index',
  staff: '/packages/grid/pages/staff/index',
  overdue: '/packages/grid/pages/overdue/index',
  stats: '/packages/grid/pages/stats/index',
  map: '/packages/grid/pages/map/index',
  workers: '/packages/grid/pages/workers/index',
  buildings: '/packages/grid/pages/buildings/index',
} as const
