import type { Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, forbidden } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { grantRole, readPerson, saveProfile, updatePersonInTx } from '../../shared/person'
import type { UserRecord } from '../repo'
import { bootstrapOpenid, buildMe, noStreetAdminYet } from '../repo/me'
import { putStreetInTx } from '../repo/register'

export const me: Handler<'org.me'> = {
  run: (ctx) => buildMe(ctx.db, ctx.actor, ctx.actor.user as UserRecord | null),
}

/** The person's own name and phone: a field-level write, so roles given at the same moment stay. */
export const profileUpdate: Handler<'org.profile.update'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    await ctx.checkText(input.name)
    const before = actor.user
    await saveProfile(db, ctx.transaction, actor.openid, now, { name: input.name, phone: input.phone })
    await ctx.audit(`${COL.users}/${actor.openid}`, before ? { name: before.name } : null, { name: input.name })
    return buildMe(db, actor, await readPerson(db, actor.openid))
  },
}

/**
 * The configured person claims the first street. The street and the admin role are written in one
 * transaction that reads the person's record, so a profile edit at the same moment is not undone
 * (and a second claim at the same moment conflicts on the record).
 */
export const bootstrap: Handler<'org.bootstrap'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    if (!bootstrapOpenid() || actor.openid !== bootstrapOpenid())
      throw forbidden('只有部署时配置的管理员可以执行初始化')
    if (!(await noStreetAdminYet(db))) throw conflict('已有街道管理员，请由现任管理员邀请')
    await ctx.checkText(input.streetName, input.name)
    const streetId = newId('street')
    ctx.within({ streetId })
    const after = await ctx.transaction(async (tx) => {
      await putStreetInTx(tx, { _id: streetId, name: input.streetName, createdAt: now })
      const res = await updatePersonInTx(tx, actor.openid, now, (u) => {
        if (u.roles.some((g) => g.role === 'street_admin')) throw conflict('已有街道管理员，请由现任管理员邀请')
        return grantRole({
          role: 'street_admin',
          scopeType: 'street',
          scopeId: streetId,
          scopeName: input.streetName,
          streetId,
        })({ ...u, name: input.name })
      })
      await ctx.audit(`${COL.users}/${actor.openid}`, res.before?.roles ?? [], res.after.roles, tx)
      return res.after
    })
    return buildMe(db, actor, after)
  },
}
