export * from './envelope'
export * from './roles'
export * from './common'
export * from './action'
export * from './photos'
export * from './notices'
export * from './org'
export * from './mydata'
export * from './joint'
import { orgActions } from './org'
import { serviceActions } from './service'
import { councilActions } from './council'
import { propertyActions } from './property'
import { gridActions } from './grid'
import { exportActions } from './export'

/** Every cloud function and its action registry. The front end and the runtime both read this. */
export const CONTRACT = {
  org: orgActions,
  service: serviceActions,
  council: councilActions,
  property: propertyActions,
  grid: gridActions,
  export: exportActions,
} as const
export type FunctionName = keyof typeof CONTRACT
