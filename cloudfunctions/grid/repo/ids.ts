import type { StaffPost } from '../../../types/grid'
import { personKey } from '../../shared/pseudonym'

/** Deterministic ids of grid's records. */
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
