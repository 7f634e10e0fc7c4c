import { serviceActions } from '../../types/service'
import { createMain } from '../shared/dispatch'
import { routes } from './routes'
import { serviceTimers } from './timers'

/** Cloud function `service` (双报到、双服务): check-in, three lists, activities and sign-in, wishes, ledgers, feedback, grades, export; timer `tick` returns 微心愿 whose claim ran out. */
export const main = createMain('service', serviceActions, routes, { timers: serviceTimers })
