import { propertyActions } from '../../types/property'
import { createMain } from '../shared/dispatch'
import { routes } from './routes'

/** Cloud function `property`: 物业红黑榜 — periods, ratings, answers, rectification, assessment, lists, summons. */
export const main = createMain('property', propertyActions, routes)
