import { propertyActions } from '../../types/property'
import { createMain } from '../shared/dispatch'
import { routes } from './routes'
import { propertyTimers } from './timers'

/** Cloud function `property`: 物业红黑榜 — periods, ratings, answers, rectification, assessment, lists, summons; timer `tick` closes and opens automatic periods. */
export const main = createMain('property', propertyActions, routes, { timers: propertyTimers })
