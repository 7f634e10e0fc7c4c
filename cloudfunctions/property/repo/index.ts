/**
 * The property context's repo: its stored shapes and every read and write of the database its
 * handlers make (a handler never queries a collection itself). One file per area; `../repo` resolves here.
 */
export * from './shapes'
export { PAGE, readAll } from './read-all'
export { repo } from './readers'
export * from './periods'
export * from './aggregates'
export * from './ratings'
export * from './revisions'
export * from './rectifications'
export * from './objections'
export * from './assessments'
export * from './companies'
export * from './publications'
export * from './rules'
export * from './summons'
export * from './red-property'
