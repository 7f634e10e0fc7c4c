import { orgActions } from '../../types/org'
import { createMain } from '../shared/dispatch'
import { routes } from './routes'

/** Cloud function `org`: streets, communities, grids, estates, households, invitations, roles, verification. */
export const main = createMain('org', orgActions, routes)
