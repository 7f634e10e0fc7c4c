import { serviceActions } from '../../types/service'
import { createMain } from '../shared/dispatch'
import { routes } from './routes'

/** Cloud function `service` (双报到、双服务): check-in, three lists, activities and sign-in, wishes, ledgers, feedback, grades, export. */
export const main = createMain('service', serviceActions, routes)
