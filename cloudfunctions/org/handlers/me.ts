import type { MeView } from '../../../types/org'
import type { Ctx } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, forbidden } from '../../shared/errors'
import { newId } from '../../shared/ids'
import type { Database } from '../../shared/cloud'
import type { Actor } from '../../shared/actor'
import { org, type UserRecord } from '../repo'
import { bindingView } from '../views'

/** The configured OPENID that may claim the first street admin of a deployment (docs/deploy.md). */
const bootstrapOpenid = () => process.env.BOOTSTRAP_ADMIN_OPENID ?? ''

async function noStreetAdminYet(db: Database): Promise<boolean> {
  const { total } = await db.collection(COL.users).where({ 'roles.role': 'street_admin' }).count()
  return total === 0
}

export async function buildMe(db: Database, actor: Actor, user: UserRecord | null): Promise<MeView> {
  const binding = user?.bindingId ? await org.binding(db, user.bindingId) : null
  const canBootstrap = actor.openid === bootstrapOpenid() && (await noStreetAdminYet(db))
  return {
    openid: actor.openid,
    name: user?.name ?? '',
    phone: user?.phone,
    roles: user?.roles ?? [],
    binding: binding ? bindingView(binding, actor.openid) : null,
    canBootstrap,
  }
}

export const me = {
  run: (ctx: Ctx<Record<string, never>>) => buildMe(ctx.db, ctx.actor, ctx.actor.user as UserRecord | null),
}

export const profileUpdate = {
  async run(ctx: Ctx<{ name: string; phone?: string }>) {
    const { db, actor, input, now } = ctx
    await ctx.checkText(input.name)
    const before = actor.user as UserRecord | null
    const after: UserRecord = {
      _id: actor.openid,
      name: input.name,
      phone: input.phone ?? before?.phone,
      roles: before?.roles ?? [],
      bindingId: before?.bindingId,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    }
    const { _id, ...data } = after
    await db.collection(COL.users).doc(_id).set({ data: stripUndefined(data) })
    await ctx.audit(`${COL.users}/${_id}`, before ? { name: before.name } : null, { name: after.name })
    return buildMe(db, actor, after)
  },
}

export const bootstrap = {
  async run(ctx: Ctx<{ streetName: string; name: string }>) {
    const { db, actor, input, now } = ctx
    if (!bootstrapOpenid() || actor.openid !== bootstrapOpenid()) throw forbidden('只有部署时配置的管理员可以执行初始化')
    if (!(await noStreetAdminYet(db))) throw conflict('已有街道管理员，请由现任管理员邀请')
    await ctx.checkText(input.streetName, input.name)
    const streetId = newId('street')
    await db.collection(COL.streets).add({ data: { _id: streetId, name: input.streetName, createdAt: now } })
    const before = actor.user as UserRecord | null
    const roles = [...(before?.roles ?? []), { role: 'street_admin' as const, scopeType: 'street' as const, scopeId: streetId, scopeName: input.streetName, streetId }]
    const user: UserRecord = { _id: actor.openid, name: input.name, phone: before?.phone, roles, bindingId: before?.bindingId, createdAt: before?.createdAt ?? now, updatedAt: now }
    const { _id, ...data } = user
    await db.collection(COL.users).doc(_id).set({ data: stripUndefined(data) })
    await ctx.audit(`${COL.users}/${_id}`, before?.roles ?? [], roles)
    return buildMe(db, actor, user)
  },
}

/** The SDK serialises undefined fields badly; drop them before writing. */
export function stripUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}
