import { gridActions } from '../../types/grid'
import { createMain } from '../shared/dispatch'
import { routes } from './routes'

/** Cloud function `grid`: 网格吹哨 — grid staff, events, dispatch, whistles, handling, statistics. */
export const main = createMain('grid', gridActions, routes)
