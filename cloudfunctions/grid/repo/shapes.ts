import type { BuildingRef, Category, EventStatus, HandlerType, StaffPost, Urgency } from '../../../types/grid'
import type { Moderated } from '../../shared/moderation'
import type { UnitDoc } from '../../shared/org-tree'
import type { GridSettings, StatsCounters } from '../domain/rules'
export type { SummonsDoc } from '../../shared/whistle-record'

/** Stored shapes of 网格吹哨. Instants are Date. */

export interface SettingsDoc extends GridSettings {
  _id: string
  streetId: string
  updatedAt: Date
  updatedBy: string
}

/** One appointment: `_id = gs:<gridId>:<openid>:<post>`; removal keeps the record (status removed). */
export interface StaffDoc {
  _id: string
  gridId: string
  gridName: string
  communityId: string
  streetId: string
  openid: string
  name: string
  post: StaffPost
  title?: string
  status: 'active' | 'removed'
  appointedAt: Date
  appointedBy: string
  removedAt?: Date
  removedBy?: string
}

/** One per grid in grid_staff (no `status`, so staff lists skip it): who leads the grid, written in the appointing transaction. */
export interface LeaderLock {
  _id: string
  kind: 'leader_lock'
  gridId: string
  leaderOpenid: string | null
  at: Date
}

/**
 * The grid's named Party branch, in grid_staff (no `status`, so staff lists skip it). The head
 * `gpb:<gridId>` holds the current name; each change first copies the head to `gpb:<gridId>:v<version>`
 * (kind `party_branch_version`, with who superseded it and when), so no earlier name is lost.
 */
export interface PartyBranchDoc {
  _id: string
  kind: 'party_branch'
  gridId: string
  communityId: string
  name: string
  secretaryName?: string
  version: number
  setBy: string
  setByName: string
  setAt: Date
}
export interface PartyBranchVersionDoc extends Omit<PartyBranchDoc, 'kind'> {
  kind: 'party_branch_version'
  headId: string
  supersededAt: Date
  supersededBy: string
}

/**
 * A 楼栋长 (issue 15 §3) in grid_staff: `bl:<gridId>:<personKey>`, one per person and grid, holding every
 * building they look after. It keeps `state` (not `status`), so the staff lists, records and party pickers,
 * which filter on `status`, skip it. Ending the role (shared/grants.ts) marks it ended; the record stays.
 */
export interface BuildingLeaderDoc {
  _id: string
  kind: 'building_leader'
  gridId: string
  gridName: string
  communityId: string
  streetId: string
  openid: string
  name: string
  buildings: BuildingRef[]
  /** The buildings' ids, for the queries that ask "whose building is this". */
  buildingIds: string[]
  groupName?: string
  centralHousehold: boolean
  /** The `building_leader` grant it came with: the secretary ends it by this id (org role.end). */
  grantId?: string
  state: 'active' | 'ended'
  appointedAt: Date
  appointedBy: string
  endedAt?: Date
  endedBy?: string
}

/** One per building that has a leader (`blk:<buildingId>`, no `status`): two codes for one building taken up at once cannot both win. */
export interface BuildingLock {
  _id: string
  kind: 'building_lock'
  gridId: string
  buildingId: string
  leaderOpenid: string | null
  at: Date
}

export interface Handler {
  type: HandlerType
  id: string
  name: string
}

/** One step of an event's handling, numbered from 1 per event. */
export interface ProgressEntry {
  seq: number
  kind: 'progress' | 'done' | 'reopen' | 'confirm' | 'decide'
  note: string
  photos: string[]
  by: string
  byName: string
  at: Date
}

/** Every step is its own record in grid_progress, `gp:<eventId>:<seq, 6 digits>`: a history is paged, never cut. */
export interface ProgressDoc extends ProgressEntry {
  _id: string
  eventId: string
  communityId: string
  gridId: string
}

/** `hidden`/`moderation`/`hiddenPhotos`: the report is out of others' sight (shared/moderation.ts). */
export interface EventDoc extends Moderated {
  _id: string
  gridId: string
  gridName: string
  communityId: string
  communityName?: string
  streetId: string
  estateId?: string
  estateName?: string
  buildingId?: string
  buildingName?: string
  place: string
  lat?: number
  lng?: number
  category: Category
  description: string
  photos: string[]
  urgency: Urgency
  status: EventStatus
  reporter: string
  reporterName: string
  handler?: Handler
  /** `<type>:<id>` of the handler: the inbox query is one `in` over the caller's keys. */
  handlerKey?: string
  /** A member handler's openid, for notices only (the handler's shown id is their 报到 record id). */
  handlerOpenid?: string
  assignedAt?: Date
  deadline?: Date
  assignedBy?: string
  acceptedBy?: string
  acceptedByName?: string
  acceptedAt?: Date
  /** When the deadline-near notice went out (once per assignment). */
  remindedAt?: Date
  doneAt?: Date
  firstDoneAt?: Date
  closedAt?: Date
  /** Set with the first fix (as the statistics count it): on time against the deadline, whole hours since the report. */
  firstDoneOnTime?: boolean
  handlingHours?: number
  reopenCount: number
  rating?: number
  whistled: boolean
  link?: { type: 'need' | 'topic'; id: string }
  /** The latest PROGRESS_PREVIEW steps, shown with the event; all of them are in grid_progress. */
  progress: ProgressEntry[]
  /** How many steps there are (the last one's `seq`). */
  progressCount: number
  createdAt: Date
  updatedAt: Date
}

export interface WhistleDoc {
  _id: string
  eventId: string
  communityId: string
  streetId: string
  note?: string
  windowEndsAt: Date
  parties: { type: 'unit' | 'company'; id: string; name: string }[]
  blownBy: string
  blownByName: string
  createdAt: Date
}

/** Org documents this context reads (owned by `org`). */
export interface CommunityRef {
  _id: string
  streetId: string
  name: string
}
export interface GridRef {
  _id: string
  communityId: string
  name: string
  no: number
}
/** A responsible unit (owned by service), with the grids it answers for. */
export interface UnitRef extends Pick<UnitDoc, '_id' | 'communityId' | 'streetId' | 'name'> {
  gridIds?: string[]
}

/** The fields of a service 报到 record (`svc_members`, owned by service) this module reads. */
export interface MemberRecord {
  _id: string
  openid: string
  name: string
  unitName: string
  communityId: string
  status: string
  approvedYear?: number
  /** The grid and the buildings the member answers for (what they may report on). */
  gridId?: string
  gridName?: string
  buildingIds?: string[]
}

/** Maintained counters per grid and per community (`_id = gst:<grid|community>:<id>`). */
export interface StatsDoc extends StatsCounters {
  _id: string
  scopeType: 'grid' | 'community'
  scopeId: string
  communityId: string
}
