import { gridActions } from '../../types/grid'
import { createMain } from '../shared/dispatch'
import { routes } from './routes'
import { gridTimers } from './timers'

/** Cloud function `grid`: 网格吹哨 — grid staff, events, dispatch, whistles, handling, statistics; timer `tick` sends deadline-near notices. */
export const main = createMain('grid', gridActions, routes, { timers: gridTimers })
