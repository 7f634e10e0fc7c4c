import type { Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { conflict, ensure, notFound } from '../../shared/errors'
import {
  coverageOfStreet,
  findPartyOrgInTx,
  partyOrgId,
  putPartyOrgInTx,
  putRevisionInTx,
  repo,
  updatePartyOrgInTx,
  type PartyOrgDoc,
} from '../repo'
import { redPropertyView } from '../views'

/**
 * 红色物业: a company's Party organisation, declared by its staff (or the street) and verified by the
 * street. Each declaration is a new version over the one its author saw; the earlier one is kept in
 * property_revisions. Only a verified latest declaration counts in a list (domain/scoring.ts).
 */

export const redPropertyDeclare: Handler<'property.redProperty.declare'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const company = await repo.company(db, input.companyId)
    if (!company) throw notFound('物业公司')
    ensure(
      actor.has('property_staff', company._id) || actor.isStreetAdminOf(company.streetId),
      '只能登记本公司的党组织情况',
    )
    await ctx.checkText(input.branchName, ...input.committeeMembers.flatMap((m) => [m.name, m.estateName]))
    const id = partyOrgId(company._id)
    return ctx.transaction(async (tx) => {
      const before = await findPartyOrgInTx(tx, company._id)
      if ((before?.version ?? 0) !== input.expectedVersion) throw conflict('党组织情况刚被他人更新，请刷新后再登记')
      const doc: PartyOrgDoc = {
        _id: id,
        streetId: company.streetId,
        companyId: company._id,
        companyName: company.name,
        kind: input.kind,
        ...(input.branchName ? { branchName: input.branchName } : {}),
        staffMembers: input.staffMembers,
        onSiteMembers: input.onSiteMembers,
        committeeMembers: input.committeeMembers.map((m) => ({
          name: m.name,
          body: m.body,
          ...(m.estateName ? { estateName: m.estateName } : {}),
        })),
        // The instructor is the street's to name; a new declaration keeps the one named.
        ...(before?.instructorName ? { instructorName: before.instructorName } : {}),
        version: input.expectedVersion + 1,
        verified: false,
        declaredAt: now,
        declaredBy: actor.openid,
        declaredByName: actor.name,
      }
      if (before) {
        const { _id, ...snapshot } = before
        await putRevisionInTx(tx, { kind: 'party_org', targetId: _id, snapshot, supersededBy: actor.openid, at: now })
      }
      await putPartyOrgInTx(tx, doc)
      await ctx.audit(
        `${COL.propertyPartyOrgs}/${doc._id}`,
        before ? { version: before.version, kind: before.kind, verified: before.verified } : null,
        { version: doc.version, kind: doc.kind, staffMembers: doc.staffMembers },
        tx,
      )
      return redPropertyView(doc)
    })
  },
}

/** The street verifies the version it read (a newer declaration in between is refused: verify what you saw). */
export const redPropertyVerify: Handler<'property.redProperty.verify'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const company = await repo.company(db, input.companyId)
    if (!company) throw notFound('物业公司')
    ensure(actor.isStreetAdminOf(company.streetId), '只能核实您所在街道的物业公司')
    await ctx.checkText(input.instructorName)
    return ctx.transaction(async (tx) => {
      const doc = await findPartyOrgInTx(tx, company._id)
      if (!doc) throw notFound('该公司的党组织登记')
      if (doc.version !== input.version) throw conflict(`公司已更新为第 ${doc.version} 版登记，请核实最新一版`)
      if (doc.verified) throw conflict('这一版登记已经核实')
      const change = {
        verified: true,
        verifiedAt: now,
        verifiedBy: actor.openid,
        verifiedByName: actor.name,
        ...(input.instructorName ? { instructorName: input.instructorName } : {}),
      }
      await updatePartyOrgInTx(tx, doc._id, change)
      await ctx.audit(
        `${COL.propertyPartyOrgs}/${doc._id}`,
        { version: doc.version, verified: false },
        { version: doc.version, verified: true, instructorName: change.instructorName ?? doc.instructorName ?? null },
        tx,
      )
      return redPropertyView({ ...doc, ...change })
    })
  },
}

export const redPropertyCoverage: Handler<'property.redProperty.coverage'> = {
  async run(ctx) {
    const { rows, totals, verified, pending } = await coverageOfStreet(ctx)
    return { rows, totals, verified, pending: pending.map(redPropertyView) }
  },
}
