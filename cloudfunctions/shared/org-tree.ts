/**
 * The org tree's stored shapes (street → community → grid → estate → building → household, and the
 * register around it): one read model that every context reads; only org's handlers write it.
 */
import type { BindingStatus, InvitationRole } from '../../types/org'
import type { BuildingRef, StaffPost } from '../../types/grid'
import type { ScopeType } from '../../types/roles'
import type { UserDoc } from './actor'

/** Instants are Date; areas are integer dm² (1 ㎡ = 100 dm²). */
export interface StreetDoc {
  _id: string
  name: string
  createdAt: Date
}
export interface CommunityDoc {
  _id: string
  streetId: string
  name: string
  address: string
  gridCount: number
  estateCount: number
  householdCount: number
  createdAt: Date
  /** Moves with every floor-area correction and every opening of a vote counting area (council vote.open), in their transactions. */
  areaVersion?: number
}
/** `no` orders the grids of a community (第一网格 = 1): names in Chinese numerals do not sort. */
/**
 * A place of the register. `retired` (place.retire): kept with its records, hidden from pickers, refused
 * for new records. `version` counts its changes (org_revisions keeps each earlier state).
 */
export interface Versioned {
  retired?: boolean
  retiredAt?: Date
  version?: number
}
export interface GridDoc extends Versioned {
  _id: string
  communityId: string
  streetId: string
  name: string
  no: number
  createdAt: Date
}
/** `lat`/`lng` (GCJ-02), where known: the places an activity can be held at are picked from them in H5. */
export interface EstateDoc extends Versioned {
  _id: string
  communityId: string
  streetId: string
  name: string
  companyId?: string
  companyName?: string
  lat?: number
  lng?: number
}
export interface BuildingDoc extends Versioned {
  _id: string
  estateId: string
  communityId: string
  streetId: string
  gridId: string
  name: string
  lat?: number
  lng?: number
  /** A move to another grid in progress (building.move): its households are being moved; another move waits. */
  moving?: { to: string; key: string; at: Date }
}
export interface HouseholdDoc extends Versioned {
  _id: string
  buildingId: string
  estateId: string
  communityId: string
  streetId: string
  gridId: string
  room: string
  floorAreaDm2: number
  /**
   * The address when the household was registered. Estates and buildings can be renamed since (and
   * their households' `estateName`/`buildingName` with them): read it through `addressOf`.
   */
  address: string
  estateName?: string
  buildingName?: string
  /** Set on households created by building.create (the seed's predate it): a vote's electorate is fixed at its opening. */
  createdAt?: Date
}
export interface CompanyDoc {
  _id: string
  streetId: string
  name: string
}
export interface UnitDoc {
  _id: string
  communityId: string
  streetId: string
  name: string
  partyBody: string
  createdAt: Date
}

export interface BindingDoc {
  _id: string
  openid: string
  householdId: string
  communityId: string
  streetId: string
  /** Where the household is (set on bindings made since issue 12): a building is retired only without residents. */
  estateId?: string
  buildingId?: string
  address: string
  communityName: string
  status: BindingStatus
  method: 'secretary' | 'code'
  applicantName: string
  applicantPhone: string
  reason?: string
  createdAt: Date
  decidedAt?: Date
  decidedBy?: string
  decidedByName?: string
  /** Status `ended` (shared/grants.ts): the resident left the household or the community unbound them. */
  endedAt?: Date
  endedBy?: string
  endedByName?: string
  endReason?: string
  endKind?: 'unbound' | 'left_household'
}
export interface HouseholdCodeDoc {
  _id: string
  code: string
  householdId: string
  communityId: string
  createdBy: string
  createdAt: Date
  expiresAt: Date
  usedBy: string | null
  usedAt?: Date
  revoked?: boolean
}
export interface InvitationDoc {
  _id: string
  code: string
  role: InvitationRole
  scopeType: ScopeType
  scopeId: string
  scopeName: string
  communityId?: string
  streetId: string
  /** The administrative scope the inviter acted from (their street or community): lists filter on it. */
  issuerScopeId: string
  createdBy: string
  createdAt: Date
  expiresAt: Date
  usedBy: string | null
  usedByName?: string
  usedAt?: Date
  /** A grid post (role grid_worker, scope the grid; grid staff.appoint): taken up on redemption. */
  post?: StaffPost
  title?: string
  gridName?: string
  /** A 楼栋长's buildings (role building_leader, scope the grid; grid building.appoint): taken up on redemption. */
  buildings?: BuildingRef[]
  groupName?: string
  centralHousehold?: boolean
}
export interface LiaisonApplicationDoc {
  _id: string
  openid: string
  communityId: string
  streetId: string
  unitName: string
  partyBody: string
  applicantName: string
  applicantPhone: string
  status: 'pending' | 'approved' | 'rejected'
  reason?: string
  unitId?: string
  createdAt: Date
  decidedAt?: Date
  decidedBy?: string
}
/** A person's record (cloudfunctions/shared/actor.ts); written only through cloudfunctions/shared/person.ts. */
export type UserRecord = UserDoc
