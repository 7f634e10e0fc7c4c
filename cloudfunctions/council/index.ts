import { councilActions } from '../../types/council'
import { createMain } from '../shared/dispatch'
import { routes } from './routes'

/** Cloud function `council`: 红色议事会 — topics, meetings, consultation votes, resolutions. */
export const main = createMain('council', councilActions, routes)
