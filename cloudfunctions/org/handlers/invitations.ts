import type { InvitableRole } from '../../../types/org'
import type { RoleGrant } from '../../../types/roles'
import type { Handler } from '../../shared/dispatch'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { conflict, ensure, forbidden, notFound } from '../../shared/errors'
import { randomCode } from '../../shared/ids'
import { addHours, invitationState, inviterScope, type InviteScope } from '../domain/invitations'
import { repo, type InvitationDoc } from '../repo'
import {
  findInvitation,
  findInvitationInTx,
  listCommunitiesServedBy,
  listInvitations,
  putInvitationInTx,
  updateInvitationInTx,
} from '../repo/invitations'
import { buildMe } from '../repo/me'
import { grantRole, updatePersonInTx } from '../../shared/person'
import { takeUpBuildingsInTx, takeUpPostInTx, type BuildingPost, type GridPost } from '../../grid/public'
import { invitationView } from '../views'

/** Resolve the invitation's target scope (one read, two for a company seen by a secretary). */
async function resolveScope(
  db: Database,
  role: InvitableRole,
  scopeId: string,
  secretaryOf: string[],
): Promise<InviteScope | null> {
  if (role === 'street_admin') {
    const s = await repo.street(db, scopeId)
    return s && { type: 'street', id: s._id, name: s.name, streetId: s._id }
  }
  if (role === 'secretary') {
    const c = await repo.community(db, scopeId)
    return c && { type: 'community', id: c._id, name: c.name, streetId: c.streetId }
  }
  const company = await repo.company(db, scopeId)
  if (!company) return null
  let serves: string[] = []
  if (secretaryOf.length) {
    serves = await listCommunitiesServedBy(db, company._id, secretaryOf)
  }
  return {
    type: 'company',
    id: company._id,
    name: company.name,
    streetId: company.streetId,
    servesCommunityIds: serves,
  }
}

export const invitationCreate: Handler<'org.invitation.create'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const secretaryOf = actor.grants('secretary').map((g) => g.scopeId)
    const scope = await resolveScope(db, input.role, input.scopeId, secretaryOf)
    if (!scope) throw notFound('邀请对象')
    const issuerScopeId = inviterScope(actor.roles, input.role, scope)
    if (!issuerScopeId) throw forbidden('您不能为该范围发出这种邀请')
    return ctx.onceTx(input.requestId, async (tx) => {
      const code = randomCode(8)
      const doc: InvitationDoc = {
        _id: `inv:${code}`,
        code,
        role: input.role,
        scopeType: scope.type,
        scopeId: scope.id,
        scopeName: scope.name,
        ...(scope.type === 'community' ? { communityId: scope.id } : {}),
        streetId: scope.streetId,
        issuerScopeId,
        createdBy: actor.openid,
        createdAt: now,
        expiresAt: addHours(now, input.ttlHours),
        usedBy: null,
      }
      await putInvitationInTx(tx, doc)
      await ctx.audit(
        `${COL.invitations}/${scope.id}`,
        null,
        { role: doc.role, scopeId: doc.scopeId, expiresAt: doc.expiresAt },
        tx,
      )
      return invitationView(doc, now, true)
    })
  },
}

export const invitationList: Handler<'org.invitation.list'> = {
  run(ctx) {
    const { db, actor, input, now } = ctx
    ensure(actor.isStreetAdminOf(input.scopeId) || actor.isSecretaryOf(input.scopeId), '只能查看您所辖范围的邀请')
    return listInvitations(db, input.scopeId, input, (d) => invitationView(d, now, false))
  },
}

/**
 * Redeem: single use and unexpired, checked again inside the transaction so two redeemers cannot both win.
 * A grid post's invitation (grid staff.appoint) also writes the appointment, in the same transaction.
 */
/** The grid post an invitation offers, or null for the other roles. */
function gridPostOf(inv: InvitationDoc): GridPost | null {
  if (inv.role !== 'grid_worker' || !inv.post || !inv.communityId) return null
  return {
    gridId: inv.scopeId,
    gridName: inv.gridName ?? inv.scopeName,
    scopeName: inv.scopeName,
    communityId: inv.communityId,
    streetId: inv.streetId,
    post: inv.post,
    title: inv.title,
    appointedBy: inv.createdBy,
  }
}

/** The buildings a 楼栋长's invitation offers, or null for the other roles. */
function buildingPostOf(inv: InvitationDoc): BuildingPost | null {
  if (inv.role !== 'building_leader' || !inv.buildings?.length || !inv.communityId) return null
  return {
    gridId: inv.scopeId,
    gridName: inv.gridName ?? inv.scopeName,
    scopeName: inv.scopeName,
    communityId: inv.communityId,
    streetId: inv.streetId,
    buildings: inv.buildings,
    groupName: inv.groupName,
    centralHousehold: !!inv.centralHousehold,
    appointedBy: inv.createdBy,
  }
}

export const invitationRedeem: Handler<'org.invitation.redeem'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const id = `inv:${input.code}`
    const inv = await findInvitation(db, id)
    if (!inv) throw notFound('邀请码')
    const state = invitationState(inv, now)
    if (state === 'used') throw conflict('邀请码已被使用')
    if (state === 'expired') throw conflict('邀请码已过期，请联系上级重新生成')
    await ctx.checkText(input.name)
    ctx.within({ streetId: inv.streetId, ...(inv.communityId ? { communityId: inv.communityId } : {}) })
    const grant: RoleGrant = {
      role: inv.role,
      scopeType: inv.scopeType,
      scopeId: inv.scopeId,
      scopeName: inv.scopeName,
      streetId: inv.streetId,
      ...(inv.communityId ? { communityId: inv.communityId } : {}),
    }
    const post = gridPostOf(inv)
    if (inv.role === 'grid_worker' && !post) throw notFound('邀请码')
    const buildings = buildingPostOf(inv)
    if (inv.role === 'building_leader' && !buildings) throw notFound('邀请码')
    const after = await ctx.transaction(async (tx) => {
      const fresh = await findInvitationInTx(tx, id)
      if (fresh?.usedBy) throw conflict('邀请码已被使用')
      await updateInvitationInTx(tx, id, { usedBy: actor.openid, usedByName: input.name, usedAt: now })
      const person = { openid: actor.openid, name: input.name }
      const res = post
        ? await takeUpPostInTx(tx, post, person, now)
        : buildings
          ? await takeUpBuildingsInTx(tx, buildings, person, now)
          : await updatePersonInTx(tx, actor.openid, now, (u) => grantRole(grant)({ ...u, name: input.name }))
      await ctx.audit(`${COL.users}/${actor.openid}`, res.before?.roles ?? [], res.after.roles, tx)
      if ('staff' in res) {
        await ctx.audit(
          `${COL.gridStaff}/${res.staff._id}`,
          res.prior ? { status: res.prior.status } : null,
          { status: 'active', post: res.staff.post, invitation: inv.scopeId },
          tx,
        )
      }
      if ('leader' in res) {
        const pick = (d: { state: string; buildingIds: string[] } | null) =>
          d ? { state: d.state, buildingIds: d.buildingIds } : null
        await ctx.audit(`${COL.gridStaff}/${res.leader._id}`, pick(res.prior), pick(res.leader), tx)
      }
      await ctx.audit(`${COL.invitations}/${inv.scopeId}`, { state: 'open' }, { state: 'used', by: actor.openid }, tx)
      return res.after
    })
    return buildMe(db, actor, after)
  },
}
