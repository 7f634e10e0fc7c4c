/**
 * grid's repo: every read and write of its records (and of the others' records it reads) goes through
 * here; handlers never name a collection. Small files, one area each.
 */
export { findById } from '../../shared/store'
export * from './shapes'
export * from './ids'
export * from '../../shared/store'
export * from './readers'
export * from './events'
export * from './progress'
export * from './settings'
export * from './stats'
export * from './staff'
export * from './whistles'
export * from './records'
export * from './places'
export * from './others'
