import type { MeView } from '../../../types/org'
import type { Actor, StoredGrant } from '../../shared/actor'
import type { Database } from '../../shared/cloud'
import { bindingView } from '../views'
import { repo, type UserRecord } from './index'
import { countStreetAdmins } from './people'

/**
 * The person's 我的 (`MeView`) as read from the store: what org.me answers, and what every action that
 * changes the person's grants or binding answers after it (shared by those handlers, so no handler imports another).
 */

/** The configured OPENID that may claim the first street admin of a deployment (docs/deploy.md). */
export const bootstrapOpenid = () => process.env.BOOTSTRAP_ADMIN_OPENID ?? ''

export async function noStreetAdminYet(db: Database): Promise<boolean> {
  return (await countStreetAdmins(db)) === 0
}

const myRoleView = ({ since, ...g }: StoredGrant) => ({
  ...g,
  ...(since ? { since: new Date(since).toISOString() } : {}),
})

export async function buildMe(db: Database, actor: Actor, user: UserRecord | null): Promise<MeView> {
  const binding = user?.bindingId ? await repo.binding(db, user.bindingId) : null
  const canBootstrap = actor.openid === bootstrapOpenid() && (await noStreetAdminYet(db))
  return {
    openid: actor.openid,
    name: user?.name ?? '',
    phone: user?.phone,
    roles: (user?.roles ?? []).map(myRoleView),
    binding: binding ? bindingView(binding, actor.openid) : null,
    canBootstrap,
  }
}
