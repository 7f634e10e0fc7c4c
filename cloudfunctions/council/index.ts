import { councilActions } from '../../types/council'
import { createMain } from '../shared/dispatch'
import { routes } from './routes'
import { councilTimers } from './timers'

/** Cloud function `council`: 红色议事会 — topics, meetings, consultation votes, resolutions; timer `tick` closes and reminds votes. */
export const main = createMain('council', councilActions, routes, { timers: councilTimers })
