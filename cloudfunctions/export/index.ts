import { exportActions } from '../../types/export'
import { createMain } from '../shared/dispatch'
import { routes } from './routes'

/** Cloud function `export`: every Excel file (the only function that carries exceljs), each kind with its module's scope rule. */
export const main = createMain('export', exportActions, routes)
