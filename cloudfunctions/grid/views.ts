import type {
  BuildingLeaderView,
  EventView,
  GridStatsView,
  PartyBranchView,
  ProgressView,
  StaffInvitationView,
  StaffView,
} from '../../types/grid'
import { inviteQrText } from '../../types/org-forms'
import { invitationState } from '../org/public'
import type { InvitationDoc } from '../shared/org-tree'
import { maskCode } from '../shared/mask'
import { shown } from '../shared/moderation'
import { isOverdue, summarize, type StatsCounters } from './domain/rules'
import type {
  BuildingLeaderDoc,
  CommunityRef,
  EventDoc,
  GridRef,
  PartyBranchDoc,
  ProgressEntry,
  StaffDoc,
  StatsDoc,
} from './repo'

const iso = (d?: Date) => (d ? new Date(d).toISOString() : undefined)

/** `withOpenid` only for the community's administrators (who appoint and remove); others see names and posts. */
export function staffView(s: StaffDoc): StaffView {
  return { id: s._id, gridId: s.gridId, name: s.name, post: s.post, title: s.title, appointedAt: iso(s.appointedAt)! }
}

/** A grid post's invitation; the code whole (with its QR text) only when just made. */
export function staffInvitationView(d: InvitationDoc, now: Date, whole: boolean): StaffInvitationView {
  const status = invitationState({ usedBy: d.usedBy, expiresAt: new Date(d.expiresAt) }, now)
  return {
    id: d._id,
    code: whole ? d.code : maskCode(d.code),
    ...(whole ? { qrText: inviteQrText(d.code) } : {}),
    gridId: d.scopeId,
    gridName: d.gridName ?? d.scopeName,
    status,
    ...(d.role === 'building_leader'
      ? { role: 'building_leader' as const, buildings: d.buildings ?? [], groupName: d.groupName }
      : { role: 'grid_worker' as const, post: d.post ?? 'worker', title: d.title }),
    expiresAt: iso(d.expiresAt)!,
    createdAt: iso(d.createdAt)!,
    usedByName: d.usedByName,
  }
}

/** A 楼栋长 as the grid page shows them; the grant id (to end it) only for the community's secretary. */
export function buildingLeaderView(d: BuildingLeaderDoc, forSecretary: boolean): BuildingLeaderView {
  return {
    id: d._id,
    gridId: d.gridId,
    name: d.name,
    buildings: d.buildings,
    groupName: d.groupName,
    centralHousehold: d.centralHousehold,
    since: iso(d.appointedAt)!,
    ...(forSecretary && d.grantId ? { grantId: d.grantId } : {}),
  }
}

export function partyBranchView(b: PartyBranchDoc): PartyBranchView {
  return {
    gridId: b.gridId,
    name: b.name,
    secretaryName: b.secretaryName,
    version: b.version,
    setByName: b.setByName,
    setAt: iso(b.setAt)!,
  }
}

/**
 * A held or removed event is, to everyone but its reporter, its category and state only: no place,
 * coordinates, description, photos or handling steps (which quote it).
 */
export function eventView(e: EventDoc, viewer: string, now: Date): EventView {
  const m = shown(e, e.reporter === viewer, e.photos)
  const steps = m.blank ? [] : e.progress
  return {
    id: e._id,
    gridId: e.gridId,
    gridName: e.gridName,
    communityId: e.communityId,
    communityName: e.communityName,
    estateId: e.estateId,
    estateName: e.estateName,
    buildingId: e.buildingId,
    buildingName: e.buildingName,
    place: m.blank ?? e.place,
    ...(m.blank ? {} : { lat: e.lat, lng: e.lng }),
    category: e.category,
    description: m.blank ? '' : e.description,
    photos: m.photos,
    urgency: e.urgency,
    status: e.status,
    reporterName: e.reporterName,
    mine: e.reporter === viewer,
    handler: e.handler,
    deadline: iso(e.deadline),
    overdue: isOverdue({ status: e.status, deadline: e.deadline ? new Date(e.deadline) : undefined }, now),
    acceptedByName: e.acceptedByName,
    reopenCount: e.reopenCount,
    rating: e.rating,
    whistled: e.whistled,
    link: e.link,
    progress: steps.map((p) => progressView(p)),
    progressCount: m.blank ? 0 : (e.progressCount ?? e.progress.length),
    createdAt: iso(e.createdAt)!,
    doneAt: iso(e.doneAt),
    closedAt: iso(e.closedAt),
    ...m.fields,
  }
}

export const progressView = (p: ProgressEntry): ProgressView => ({
  seq: p.seq,
  kind: p.kind,
  note: p.note,
  photos: p.photos,
  byName: p.byName,
  at: iso(p.at)!,
})

export function statsView(
  scopeType: 'grid' | 'community',
  scopeId: string,
  scopeName: string,
  c: StatsCounters | null,
): GridStatsView {
  return {
    scopeType,
    scopeId,
    scopeName,
    ...summarize(c ?? { reported: 0, handled: 0, onTime: 0, reopened: 0, hist: {} }),
  }
}

/** A community's statistics and each of its grids', from the maintained counters (absent counters are zeros). */
export function communityStatsView(
  community: CommunityRef,
  grids: GridRef[],
  stats: StatsDoc[],
): { community: GridStatsView; grids: GridStatsView[] } {
  const byKey = new Map(stats.map((s) => [`${s.scopeType}:${s.scopeId}`, s]))
  return {
    community: statsView('community', community._id, community.name, byKey.get(`community:${community._id}`) ?? null),
    grids: grids.map((g) => statsView('grid', g._id, g.name, byKey.get(`grid:${g._id}`) ?? null)),
  }
}
