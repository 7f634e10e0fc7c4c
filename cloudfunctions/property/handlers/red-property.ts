import ExcelJS from 'exceljs'
import { COMMITTEE_BODY_LABEL, COVERAGE_KINDS, COVERAGE_LABEL, PARTY_ORG_LABEL, coverageOf, type Coverage, type CoverageRow, type PartyOrgKind } from '../../../types/property'
import type { Ctx } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { txGetOrNull } from '../../shared/db-types'
import { conflict, ensure, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { LINK_SECONDS, storeWorkbook, styleHeader } from '../../shared/workbook'
import { findById, partyOrgId, readAll, repo, type CommunityDoc, type EstateDoc, type PartyOrgDoc } from '../repo'
import { redPropertyView } from '../views'

/**
 * 红色物业: a company's Party organisation, declared by its staff (or the street) and verified by the
 * street. Each declaration is a new version over the one its author saw; the earlier one is kept in
 * property_revisions. Only a verified latest declaration counts in a list (domain/scoring.ts).
 */

interface DeclareInput {
  companyId: string; expectedVersion: number; kind: PartyOrgKind; branchName?: string; staffMembers: number; onSiteMembers: number
  committeeMembers: { name: string; body: 'wuguanhui' | 'yeweihui'; estateName?: string }[]
}

export const redPropertyDeclare = {
  async run(ctx: Ctx<DeclareInput>) {
    const { db, actor, input, now } = ctx
    const company = await repo.company(db, input.companyId)
    if (!company) throw notFound('物业公司')
    ensure(actor.has('property_staff', company._id) || actor.isStreetAdminOf(company.streetId), '只能登记本公司的党组织情况')
    await ctx.checkText(input.branchName, ...input.committeeMembers.flatMap((m) => [m.name, m.estateName]))
    const id = partyOrgId(company._id)
    return ctx.transaction(async (tx) => {
      const before = await txGetOrNull<PartyOrgDoc>(tx, COL.propertyPartyOrgs, id)
      if ((before?.version ?? 0) !== input.expectedVersion) throw conflict('党组织情况刚被他人更新，请刷新后再登记')
      const doc: PartyOrgDoc = {
        _id: id, streetId: company.streetId, companyId: company._id, companyName: company.name,
        kind: input.kind, ...(input.branchName ? { branchName: input.branchName } : {}), staffMembers: input.staffMembers, onSiteMembers: input.onSiteMembers,
        committeeMembers: input.committeeMembers.map((m) => ({ name: m.name, body: m.body, ...(m.estateName ? { estateName: m.estateName } : {}) })),
        // The instructor is the street's to name; a new declaration keeps the one named.
        ...(before?.instructorName ? { instructorName: before.instructorName } : {}),
        version: input.expectedVersion + 1, verified: false, declaredAt: now, declaredBy: actor.openid, declaredByName: actor.name,
      }
      if (before) {
        const { _id, ...snapshot } = before
        await tx.collection(COL.propertyRevisions).add({ data: { _id: newId('rev'), kind: 'party_org', targetId: _id, snapshot, supersededBy: actor.openid, at: now } })
      }
      const { _id, ...rest } = doc
      await tx.collection(COL.propertyPartyOrgs).doc(_id).set({ data: rest })
      await ctx.audit(`${COL.propertyPartyOrgs}/${_id}`, before ? { version: before.version, kind: before.kind, verified: before.verified } : null, { version: doc.version, kind: doc.kind, staffMembers: doc.staffMembers }, tx)
      return redPropertyView(doc)
    })
  },
}

/** The street verifies the version it read (a newer declaration in between is refused: verify what you saw). */
export const redPropertyVerify = {
  async run(ctx: Ctx<{ companyId: string; version: number; instructorName?: string }>) {
    const { db, actor, input, now } = ctx
    const company = await repo.company(db, input.companyId)
    if (!company) throw notFound('物业公司')
    ensure(actor.isStreetAdminOf(company.streetId), '只能核实您所在街道的物业公司')
    await ctx.checkText(input.instructorName)
    return ctx.transaction(async (tx) => {
      const doc = await txGetOrNull<PartyOrgDoc>(tx, COL.propertyPartyOrgs, partyOrgId(company._id))
      if (!doc) throw notFound('该公司的党组织登记')
      if (doc.version !== input.version) throw conflict(`公司已更新为第 ${doc.version} 版登记，请核实最新一版`)
      if (doc.verified) throw conflict('这一版登记已经核实')
      const change = { verified: true, verifiedAt: now, verifiedBy: actor.openid, verifiedByName: actor.name, ...(input.instructorName ? { instructorName: input.instructorName } : {}) }
      await tx.collection(COL.propertyPartyOrgs).doc(doc._id).update({ data: change })
      await ctx.audit(`${COL.propertyPartyOrgs}/${doc._id}`, { version: doc.version, verified: false }, { version: doc.version, verified: true, instructorName: change.instructorName ?? doc.instructorName ?? null }, tx)
      return redPropertyView({ ...doc, ...change })
    })
  },
}

/** Each estate of the street with its company's coverage: requests grow with estates / 100 and companies / 100 only. */
async function coverageOfStreet(ctx: Ctx<{ streetId: string }>) {
  const { db, actor, input } = ctx
  ensure(actor.isStreetAdminOf(input.streetId), '只能查看您所在街道的红色物业覆盖')
  const street = await findById<{ _id: string; name: string }>(db, COL.streets, input.streetId)
  if (!street) throw notFound('街道')
  const [estates, orgs, communities] = await Promise.all([
    readAll<EstateDoc>(db, COL.estates, { streetId: street._id }, '_id'),
    readAll<PartyOrgDoc>(db, COL.propertyPartyOrgs, { streetId: street._id }, '_id'),
    readAll<CommunityDoc>(db, COL.communities, { streetId: street._id }, '_id'),
  ])
  const byCompany = new Map(orgs.map((o) => [o.companyId, o]))
  const communityName = new Map(communities.map((c) => [c._id, c.name]))
  const rows: CoverageRow[] = estates
    .map((e) => {
      const o = e.companyId ? byCompany.get(e.companyId) : undefined
      const kind: PartyOrgKind = o?.kind ?? 'none'
      return {
        estateId: e._id, estateName: e.name, communityName: communityName.get(e.communityId) ?? '', companyId: e.companyId ?? null, companyName: e.companyName ?? null,
        kind, coverage: coverageOf(kind), verified: o?.verified ?? false,
      }
    })
    .sort((a, b) => a.communityName.localeCompare(b.communityName, 'zh') || a.estateName.localeCompare(b.estateName, 'zh'))
  const count = (pick: (r: CoverageRow) => boolean) =>
    Object.fromEntries(COVERAGE_KINDS.map((k) => [k, rows.filter((r) => r.coverage === k && pick(r)).length])) as Record<Coverage, number>
  const pending = orgs.filter((o) => !o.verified).sort((a, b) => (a.companyId < b.companyId ? -1 : 1)).map(redPropertyView)
  return { street, rows, totals: count(() => true), verified: count((r) => r.verified), pending }
}

export const redPropertyCoverage = {
  async run(ctx: Ctx<{ streetId: string }>) {
    const { rows, totals, verified, pending } = await coverageOfStreet(ctx)
    return { rows, totals, verified, pending }
  },
}

/** The coverage table and its totals as .xlsx (the same figures as the screen). */
export const redPropertyExport = {
  async run(ctx: Ctx<{ streetId: string }>) {
    const { street, rows, totals, verified } = await coverageOfStreet(ctx)
    const wb = new ExcelJS.Workbook()
    wb.creator = '同心圆'
    const ws = wb.addWorksheet('红色物业覆盖')
    ws.columns = [
      { header: '社区', key: 'community', width: 14 }, { header: '小区', key: 'estate', width: 16 }, { header: '服务物业', key: 'company', width: 24 },
      { header: '党组织情况', key: 'kind', width: 18 }, { header: '覆盖', key: 'coverage', width: 12 }, { header: '街道核实', key: 'verified', width: 10 },
    ]
    for (const r of rows) {
      ws.addRow({ community: r.communityName, estate: r.estateName, company: r.companyName ?? '未指定物业', kind: PARTY_ORG_LABEL[r.kind], coverage: COVERAGE_LABEL[r.coverage], verified: r.verified ? '已核实' : '未核实' })
    }
    styleHeader(ws.getRow(1))
    const sum = wb.addWorksheet('汇总')
    sum.columns = [{ header: '覆盖', key: 'k', width: 14 }, { header: '小区数', key: 'n', width: 10 }, { header: '其中已核实', key: 'v', width: 12 }]
    for (const k of COVERAGE_KINDS) sum.addRow({ k: COVERAGE_LABEL[k], n: totals[k], v: verified[k] })
    styleHeader(sum.getRow(1))
    const body = wb.addWorksheet('说明')
    body.addRow([`物管会/业委会：${Object.values(COMMITTEE_BODY_LABEL).join('、')}中的党员见各公司主页；未核实的登记按公司所报列出，标明「未核实」。`])
    const fileName = `${street.name}红色物业覆盖-${ctx.now.toISOString().slice(0, 10)}.xlsx`
    const stored = await storeWorkbook(`exports/property/red-${street._id}-${ctx.now.getTime()}.xlsx`, wb, LINK_SECONDS)
    return { fileID: stored.fileId, url: stored.url, fileName, rows: rows.length }
  },
}
