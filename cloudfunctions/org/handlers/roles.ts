import type { RoleHistoryView, RoleHolderView } from '../../../types/org'
import { ROLE_LABEL, type EndableRole, type Role } from '../../../types/roles'
import type { Actor } from '../../shared/actor'
import type { Database } from '../../shared/cloud'
import type { Handler } from '../../shared/dispatch'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { endedBefore, endGrantInTx, ENDED_ALREADY, holderOfGrant, type RoleHistoryDoc } from '../../shared/grants'
import { notify, TEMPLATES } from '../../shared/notify'
import { canStepDown, endAuthority, type GrantScope } from '../domain/grants'
import { buildMe } from '../repo/me'
import { findRoleScope, listRoleHistory, listRoleHolders } from '../repo/people'
import { findEstateOfCompanyIn } from '../repo/register'

/** Listing and ending grants (issue 12 §1; docs/org.md "Ending roles"). */

const iso = (d: Date | undefined) => (d ? new Date(d).toISOString() : undefined)

export function historyView(h: RoleHistoryDoc): RoleHistoryView {
  return {
    id: h._id,
    role: h.role,
    scopeId: h.scopeId,
    scopeName: h.scopeName,
    since: iso(h.since),
    endedAt: iso(h.endedAt)!,
    kind: h.kind,
    ...(h.reason ? { reason: h.reason } : {}),
    endedByName: h.endedByName,
  }
}

async function scopeOf(db: Database, role: EndableRole, scopeId: string): Promise<GrantScope | null> {
  const doc = await findRoleScope(db, role, scopeId)
  if (!doc) return null
  const inCommunity = role === 'secretary' || role === 'member'
  return {
    role,
    scopeId,
    streetId: role === 'street_admin' ? doc._id : doc.streetId,
    communityId: inCommunity ? doc._id : doc.communityId,
  }
}

/** Does the company serve an estate of a community the caller is secretary of? One query, only when it can matter. */
async function companyServesMine(db: Database, actor: Actor, grant: GrantScope): Promise<boolean> {
  const mine = actor.grants('secretary').map((g) => g.scopeId)
  if (grant.role !== 'property_staff' || !mine.length || actor.isStreetAdminOf(grant.streetId ?? '')) return false
  return (await findEstateOfCompanyIn(db, grant.scopeId, mine)) !== null
}

async function authorityOver(db: Database, actor: Actor, grant: GrantScope) {
  return endAuthority(actor.roles, grant, await companyServesMine(db, actor, grant))
}

/** e.g. 街道管理员 赵立新: how the person sees who ended their grant. */
const enderLabel = (as: Role, actor: Actor) => `${ROLE_LABEL[as]} ${actor.name}`.trim()

/** The people holding `role` on a scope, for the level above (who alone may list them): names and grant ids, never openids. */
export const roleHolders: Handler<'org.role.holders'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    const scope = await scopeOf(db, input.role, input.scopeId)
    if (!scope) throw notFound('范围')
    ensure(await authorityOver(db, actor, scope), '只能查看您可以任免的人员')
    return listRoleHolders<RoleHolderView>(db, input.role, input.scopeId, input, (u) => {
      const g = u.roles.find((x) => x.role === input.role && x.scopeId === input.scopeId)!
      return {
        grantId: g.grantId ?? '',
        role: g.role,
        scopeId: g.scopeId,
        scopeName: g.scopeName,
        name: u.name,
        since: iso(g.since),
        self: u._id === actor.openid,
      }
    })
  },
}

/** The grant named, or a clear CONFLICT when it has already ended (NOT_FOUND when it never existed). */
async function currentGrant(db: Database, grantId: string) {
  const found = await holderOfGrant(db, grantId)
  if (found) return found
  if (await endedBefore(db, grantId)) throw conflict(ENDED_ALREADY)
  throw notFound('任命')
}

/** The level above ends a grant, with a reason; it stops working at once and is kept as history. */
export const roleEnd: Handler<'org.role.end'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    const { user, grant } = await currentGrant(db, input.grantId)
    if (grant.role === 'resident') throw invalid('居民身份随房屋绑定结束，请在住户管理中解除绑定', ['grantId'])
    const as = await authorityOver(db, actor, grant)
    ensure(as, '只能结束您可以任免的职务')
    await ctx.checkText(input.reason)
    const self = user._id === actor.openid
    const { history } = await ctx.transaction((tx) =>
      endGrantInTx(ctx, tx, user._id, {
        grantId: grant.grantId,
        role: grant.role,
        scopeId: grant.scopeId,
        kind: self ? 'stepped_down' : 'ended',
        reason: input.reason,
        by: { openid: actor.openid, label: self ? '本人' : enderLabel(as, actor) },
      }),
    )
    await notify({
      toOpenid: user._id,
      templateId: TEMPLATES.roleGranted,
      page: 'pages/me/index',
      data: {
        thing1: { value: `${ROLE_LABEL[grant.role]} ${grant.scopeName}`.slice(0, 20) },
        phrase2: { value: '已结束' },
      },
    })
    return historyView(history)
  },
}

/** The person gives up one of their own grants (a resident leaves the household instead). */
export const roleStepDown: Handler<'org.role.stepDown'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    const grant = actor.roles.find((g) => g.grantId === input.grantId)
    if (!grant) {
      if (await endedBefore(db, input.grantId)) throw conflict(ENDED_ALREADY)
      throw notFound('您的职务')
    }
    if (!canStepDown(grant.role)) throw invalid('居民身份请使用“退出本户”', ['grantId'])
    await ctx.checkText(input.reason)
    const { after } = await ctx.transaction((tx) =>
      endGrantInTx(ctx, tx, actor.openid, {
        grantId: grant.grantId,
        role: grant.role,
        scopeId: grant.scopeId,
        kind: 'stepped_down',
        reason: input.reason || undefined,
        by: { openid: actor.openid, label: '本人' },
      }),
    )
    return buildMe(db, actor, after)
  },
}

/** The caller's ended grants, newest first (paged, never cut). */
export const roleHistory: Handler<'org.role.history'> = {
  run(ctx) {
    return listRoleHistory(ctx.db, ctx.actor.openid, ctx.input, historyView)
  },
}
