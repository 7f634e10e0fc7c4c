import { PROGRESS_PREVIEW } from '../../types/grid-enums'
import type { BuildingRef, Category, EventStatus, HandlerType, StaffPost, SummonsOutcome, Urgency, WhistleRecordView } from '../../types/grid'
import type { Database } from '../shared/cloud'
import { COL } from '../shared/collections'
import { personKey } from '../shared/pseudonym'
import type { Transaction } from '../shared/db-types'
import type { Moderated } from '../shared/moderation'
import { quarterOf } from '../shared/period'
import { DEFAULT_SETTINGS, type GridSettings, type StatsCounters } from './domain/rules'
import { summonsView } from './views'
import { findById } from '../shared/store'
export { findById }

/** Stored shapes of 网格吹哨. Instants are Date. */

export interface SettingsDoc extends GridSettings { _id: string; streetId: string; updatedAt: Date; updatedBy: string }

/** One appointment: `_id = gs:<gridId>:<openid>:<post>`; removal keeps the record (status removed). */
export interface StaffDoc {
  _id: string; gridId: string; gridName: string; communityId: string; streetId: string
  openid: string; name: string; post: StaffPost; title?: string
  status: 'active' | 'removed'
  appointedAt: Date; appointedBy: string; removedAt?: Date; removedBy?: string
}

/** One per grid in grid_staff (no `status`, so staff lists skip it): who leads the grid, written in the appointing transaction. */
export interface LeaderLock { _id: string; kind: 'leader_lock'; gridId: string; leaderOpenid: string | null; at: Date }

/**
 * The grid's named Party branch, in grid_staff (no `status`, so staff lists skip it). The head
 * `gpb:<gridId>` holds the current name; each change first copies the head to `gpb:<gridId>:v<version>`
 * (kind `party_branch_version`, with who superseded it and when), so no earlier name is lost.
 */
export interface PartyBranchDoc {
  _id: string; kind: 'party_branch'; gridId: string; communityId: string
  name: string; secretaryName?: string; version: number; setBy: string; setByName: string; setAt: Date
}
export interface PartyBranchVersionDoc extends Omit<PartyBranchDoc, 'kind'> {
  kind: 'party_branch_version'; headId: string; supersededAt: Date; supersededBy: string
}

/**
 * A 楼栋长 (issue 15 §3) in grid_staff: `bl:<gridId>:<personKey>`, one per person and grid, holding every
 * building they look after. It keeps `state` (not `status`), so the staff lists, records and party pickers,
 * which filter on `status`, skip it. Ending the role (shared/grants.ts) marks it ended; the record stays.
 */
export interface BuildingLeaderDoc {
  _id: string; kind: 'building_leader'; gridId: string; gridName: string; communityId: string; streetId: string
  openid: string; name: string
  buildings: BuildingRef[]
  /** The buildings' ids, for the queries that ask "whose building is this". */
  buildingIds: string[]
  groupName?: string; centralHousehold: boolean
  /** The `building_leader` grant it came with: the secretary ends it by this id (org role.end). */
  grantId?: string
  state: 'active' | 'ended'
  appointedAt: Date; appointedBy: string; endedAt?: Date; endedBy?: string
}

/** One per building that has a leader (`blk:<buildingId>`, no `status`): two codes for one building taken up at once cannot both win. */
export interface BuildingLock { _id: string; kind: 'building_lock'; gridId: string; buildingId: string; leaderOpenid: string | null; at: Date }

export interface Handler { type: HandlerType; id: string; name: string }

/** One step of an event's handling, numbered from 1 per event. */
export interface ProgressEntry { seq: number; kind: 'progress' | 'done' | 'reopen' | 'confirm' | 'decide'; note: string; photos: string[]; by: string; byName: string; at: Date }

/** Every step is its own record in grid_progress, `gp:<eventId>:<seq, 6 digits>`: a history is paged, never cut. */
export interface ProgressDoc extends ProgressEntry { _id: string; eventId: string; communityId: string; gridId: string }

/** `hidden`/`moderation`/`hiddenPhotos`: the report is out of others' sight (shared/moderation.ts). */
export interface EventDoc extends Moderated {
  _id: string; gridId: string; gridName: string; communityId: string; communityName?: string; streetId: string
  estateId?: string; estateName?: string; buildingId?: string; buildingName?: string; place: string; lat?: number; lng?: number
  category: Category; description: string; photos: string[]; urgency: Urgency
  status: EventStatus
  reporter: string; reporterName: string
  handler?: Handler
  /** `<type>:<id>` of the handler: the inbox query is one `in` over the caller's keys. */
  handlerKey?: string
  /** A member handler's openid, for notices only (the handler's shown id is their 报到 record id). */
  handlerOpenid?: string
  assignedAt?: Date; deadline?: Date; assignedBy?: string
  acceptedBy?: string; acceptedByName?: string; acceptedAt?: Date
  /** When the deadline-near notice went out (once per assignment). */
  remindedAt?: Date
  doneAt?: Date; firstDoneAt?: Date; closedAt?: Date
  /** Set with the first fix (as the statistics count it): on time against the deadline, whole hours since the report. */
  firstDoneOnTime?: boolean; handlingHours?: number
  reopenCount: number; rating?: number
  whistled: boolean
  link?: { type: 'need' | 'topic'; id: string }
  /** The latest PROGRESS_PREVIEW steps, shown with the event; all of them are in grid_progress. */
  progress: ProgressEntry[]
  /** How many steps there are (the last one's `seq`). */
  progressCount: number
  createdAt: Date; updatedAt: Date
}


export interface WhistleDoc {
  _id: string; eventId: string; communityId: string; streetId: string
  note?: string; windowEndsAt: Date; parties: { type: 'unit' | 'company'; id: string; name: string }[]
  blownBy: string; blownByName: string; createdAt: Date
}

/** One summoned party of one whistle: `_id = sm:<whistleId>:<type>:<partyId>`. */
export interface SummonsDoc {
  _id: string; whistleId: string; eventId: string; eventTitle: string; communityId: string; streetId: string
  partyType: 'unit' | 'company'; partyId: string; partyName: string
  /** `<type>:<id>`: the party's inbox is one `in` over the caller's keys. */
  partyKey: string
  /** Quarter key (2026Q4) of the summons, for the unit's quarterly letter. */
  quarter: string
  windowEndsAt: Date
  outcome: SummonsOutcome
  answerKind?: 'report' | 'reason'; answerText?: string; answeredBy?: string; answeredByName?: string; answeredAt?: Date
  createdAt: Date
  /** The event is held or removed by moderation: its title (which names the reporter's place) is not shown. */
  eventHidden?: boolean
}

/** Org documents this context reads (owned by `org`). */
export interface CommunityRef { _id: string; streetId: string; name: string }
export interface GridRef { _id: string; communityId: string; name: string; no: number }

/** Maintained counters per grid and per community (`_id = gst:<grid|community>:<id>`). */
export interface StatsDoc extends StatsCounters { _id: string; scopeType: 'grid' | 'community'; scopeId: string; communityId: string }


/** A community has a handful of grids; 100 is the bound (as org's child lists). */
const GRIDS_LIMIT = 100

/** A community's grids in order and the counters of the community and its grids: two requests in parallel. */
export async function gridStatsOf(db: Database, communityId: string): Promise<{ grids: GridRef[]; stats: StatsDoc[] }> {
  const [{ data: grids }, { data: stats }] = await Promise.all([
    db.collection(COL.grids).where({ communityId }).orderBy('no', 'asc').limit(GRIDS_LIMIT).get(),
    db.collection(COL.gridStats).where({ communityId }).limit(GRIDS_LIMIT + 1).get(),
  ])
  return { grids: grids as GridRef[], stats: stats as StatsDoc[] }
}

export async function txPut<T extends { _id: string }>(tx: Transaction, collection: string, doc: T): Promise<void> {
  const { _id, ...rest } = doc
  await tx.collection(collection).doc(_id).set({ data: Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) })
}

export const ids = {
  /** A post's record: the person enters by their key, never their openid (staff.list shows ids to everyone). */
  staff: (gridId: string, openid: string, post: StaffPost) => `gs:${gridId}:${personKey(openid)}:${post}`,
  summons: (whistleId: string, type: string, partyId: string) => `sm:${whistleId}:${type}:${partyId}`,
  stats: (scopeType: 'grid' | 'community', id: string) => `gst:${scopeType}:${id}`,
  progress: (eventId: string, seq: number) => `gp:${eventId}:${String(seq).padStart(6, '0')}`,
  leaderLock: (gridId: string) => `gl:${gridId}`,
  partyBranch: (gridId: string) => `gpb:${gridId}`,
  partyBranchVersion: (gridId: string, version: number) => `gpb:${gridId}:v${version}`,
  buildingLeader: (gridId: string, openid: string) => `bl:${gridId}:${personKey(openid)}`,
  buildingLock: (buildingId: string) => `blk:${buildingId}`,
}

/** The caller's active 楼栋长 appointment on the grid (one read), or null. */
export async function buildingLeadOf(db: Database, gridId: string, openid: string): Promise<BuildingLeaderDoc | null> {
  const d = await findById<BuildingLeaderDoc>(db, COL.gridStaff, ids.buildingLeader(gridId, openid))
  return d?.state === 'active' ? d : null
}

/**
 * Append a step to an event inside the caller's transaction (which has read the event): the step's own
 * record, and the event's new preview and count to write with it. Two steps at once both read the same
 * count, so one transaction conflicts — no step is lost or numbered twice.
 */
export async function appendProgress(tx: Transaction, e: EventDoc, step: Omit<ProgressEntry, 'seq'>): Promise<Pick<EventDoc, 'progress' | 'progressCount'>> {
  const seq = (e.progressCount ?? 0) + 1
  const entry: ProgressEntry = { ...step, seq }
  await txPut<ProgressDoc>(tx, COL.gridProgress, { _id: ids.progress(e._id, seq), eventId: e._id, communityId: e.communityId, gridId: e.gridId, ...entry })
  return { progress: [...e.progress, entry].slice(-PROGRESS_PREVIEW), progressCount: seq }
}

export async function settingsOf(db: Database, streetId: string): Promise<GridSettings> {
  const doc = await findById<SettingsDoc>(db, COL.gridSettings, streetId)
  return doc ? { urgentHours: doc.urgentHours, normalHours: doc.normalHours, whistleWindowHours: doc.whistleWindowHours } : DEFAULT_SETTINGS
}

/** Summons listed on a record (the letter and the company page show the latest ones). */
export const RECORD_ITEMS = 20

/**
 * A party's whistle record for a quarter (default: the quarter of `now`): counts of summons, on-time and late
 * answers, silence, and the latest summons with their answers. Five requests whatever the data.
 * Read by the service letter (unit) and the property company page (company).
 */
export async function whistleRecord(db: Database, partyType: 'unit' | 'company', partyId: string, now: Date, quarter = quarterOf(now)): Promise<WhistleRecordView> {
  const _ = db.command
  const base = { partyType, partyId, quarter }
  const col = () => db.collection(COL.gridSummons)
  const [all, onTime, late, silent, page] = await Promise.all([
    col().where(base).count(),
    col().where({ ...base, outcome: 'on_time' }).count(),
    col().where({ ...base, outcome: 'late' }).count(),
    col().where({ ...base, outcome: 'pending', windowEndsAt: _.lt(now) }).count(),
    col().where(base).orderBy('createdAt', 'desc').limit(RECORD_ITEMS).get(),
  ])
  return {
    summoned: all.total,
    onTime: onTime.total,
    late: late.total,
    silent: silent.total,
    items: (page.data as SummonsDoc[]).map((s) => summonsView(s, now)),
  }
}
