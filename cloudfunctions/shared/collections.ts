/** Collection names used in code; database/collections.json declares each (a unit test keeps them in step). */
export const COL = {
  users: 'users',
  streets: 'streets',
  communities: 'communities',
  grids: 'grids',
  estates: 'estates',
  buildings: 'buildings',
  households: 'households',
  companies: 'companies',
  units: 'units',
  bindings: 'bindings',
  householdCodes: 'household_codes',
  invitations: 'invitations',
  liaisonApplications: 'liaison_applications',
  requests: 'requests',
  audit: 'audit',
  outbox: 'outbox',
  counters: 'counters',
} as const
export type CollectionName = (typeof COL)[keyof typeof COL]
