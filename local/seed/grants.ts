import { createHash } from 'crypto'

export interface SeedUser {
  _id: string
  roles?: { role: string; scopeId: string; grantId?: string; since?: Date }[]
  createdAt?: Date
}

/**
 * Seeded grants get what the functions stamp on every grant they write (shared/person.ts): an opaque id
 * (here derived from the person and the scope, so the demo is the same on every run) and the day given.
 */
export function withGrantIds(doc: object): object {
  const u = doc as SeedUser
  if (!u.roles?.length) return u
  const id = (g: { role: string; scopeId: string }) =>
    `gr_${createHash('sha256').update(`seed\u0000${u._id}\u0000${g.role}\u0000${g.scopeId}`).digest('hex').slice(0, 20)}`
  return { ...u, roles: u.roles.map((g) => ({ ...g, grantId: g.grantId ?? id(g), since: g.since ?? u.createdAt })) }
}
