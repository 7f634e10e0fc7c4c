/**
 * The service context's repo: its stored shapes and every read and write of its records. Instants are
 * Date, durations whole minutes, quantities integer tenths. Handlers reach the database only through
 * these named readers and writers (`repo.unit(db, id)`, `listNeeds(…)`, `putMemberInTx(tx, doc)`).
 */
export * from './activities'
export * from './assessments'
export * from './by-id'
export * from './care'
export * from './dashboard'
export * from './ids'
export * from './ledgers'
export * from './letters'
export * from './lists'
export * from './members'
export * from './org-refs'
export * from './units'
export * from './wishes'
