import type { StaffInvitationView, StaffPost } from '../../../types/grid'
import { ids } from '../../../cloudfunctions/grid/repo'
import { P, rid, type Cloud } from '../harness'

/**
 * Appoint as the product does: the secretary makes a single-use code for the post (staff.appoint),
 * the appointee redeems it (org invitation.redeem). Returns the appointment's staff id.
 */
export async function appoint(
  h: Cloud,
  gridId: string,
  openid: string,
  post: StaffPost,
  name: string,
  title?: string,
): Promise<string> {
  const inv = await h.ok<StaffInvitationView>(
    'grid',
    'staff.appoint',
    { requestId: rid(), gridId, post, title },
    P.secHx,
  )
  await h.ok('org', 'invitation.redeem', { code: inv.code, name }, openid)
  return ids.staff(gridId, openid, post)
}
