import type { Role, RoleGrant } from '../../types/roles'
import { readPerson } from './person'
import type { Database } from './cloud'

/** A grant as stored on the person: `grantId` and `since` are stamped when it is written (person.ts). */
export type StoredGrant = RoleGrant & { since?: Date }

/** A person as stored: one document per OPENID, roles embedded so loading the actor is one read. */
export interface UserDoc {
  _id: string
  name: string
  phone?: string
  roles: StoredGrant[]
  /** The person's current household binding (org). */
  bindingId?: string
  createdAt: Date
  updatedAt: Date
}

/** The caller of an action: identity from the platform, roles with their scopes from the database. */
export class Actor {
  constructor(
    readonly openid: string,
    readonly user: UserDoc | null,
  ) {}

  get roles(): StoredGrant[] {
    return this.user?.roles ?? []
  }

  get name(): string {
    return this.user?.name ?? ''
  }

  grants(role: Role): StoredGrant[] {
    return this.roles.filter((g) => g.role === role)
  }

  /** Holds `role` on exactly this scope. */
  has(role: Role, scopeId: string): boolean {
    return this.roles.some((g) => g.role === role && g.scopeId === scopeId)
  }

  hasAnyRole(roles: readonly Role[]): boolean {
    return this.roles.some((g) => roles.includes(g.role))
  }

  isSecretaryOf(communityId: string): boolean {
    return this.has('secretary', communityId)
  }

  isStreetAdminOf(streetId: string): boolean {
    return this.has('street_admin', streetId)
  }

  /** Street admin of the street the community belongs to. */
  administersCommunity(community: { _id: string; streetId: string }): boolean {
    return this.isStreetAdminOf(community.streetId) || this.isSecretaryOf(community._id)
  }
}

export async function loadActor(db: Database, openid: string): Promise<Actor> {
  return new Actor(openid, await readPerson(db, openid))
}
