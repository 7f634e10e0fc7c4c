/**
 * All database access of the council context (handlers never name a collection): the stored shapes
 * (docs.ts), the deterministic ids (ids.ts), the by-id readers (`repo.topic(db, id)`, readers.ts) and,
 * per area, the transaction reads and writes and the bounded lists.
 */
export * from './docs'
export * from './ids'
export { repo } from './readers'
export { ensureCommunityReader } from './access'
export * from './topics'
export * from './meetings'
export * from './votes'
export * from './resolutions'
export * from './subscriptions'
export * from './people'
export * from './parties'
