import { COVERAGE_KINDS, coverageOf, type Coverage, type CoverageRow, type PartyOrgKind } from '../../../types/property'

/** What coverage needs of an estate, a community and a company's 红色物业 record. */
interface CoverageEstate {
  _id: string
  name: string
  communityId: string
  companyId?: string
  companyName?: string
}
interface CoverageCommunity {
  _id: string
  name: string
}
interface CoverageOrg {
  companyId: string
  kind: PartyOrgKind
  verified: boolean
}

/**
 * Each estate of a street with its company's 红色物业 coverage (by community, then estate), the totals
 * of all estates and of the verified ones, and the declarations still to verify (by company).
 */
export function streetCoverage<O extends CoverageOrg>(
  estates: CoverageEstate[],
  orgs: O[],
  communities: CoverageCommunity[],
) {
  const byCompany = new Map(orgs.map((o) => [o.companyId, o]))
  const communityName = new Map(communities.map((c) => [c._id, c.name]))
  const rows: CoverageRow[] = estates
    .map((e) => {
      const o = e.companyId ? byCompany.get(e.companyId) : undefined
      const kind: PartyOrgKind = o?.kind ?? 'none'
      return {
        estateId: e._id,
        estateName: e.name,
        communityName: communityName.get(e.communityId) ?? '',
        companyId: e.companyId ?? null,
        companyName: e.companyName ?? null,
        kind,
        coverage: coverageOf(kind),
        verified: o?.verified ?? false,
        declared: !!o,
      }
    })
    .sort(
      (a, b) => a.communityName.localeCompare(b.communityName, 'zh') || a.estateName.localeCompare(b.estateName, 'zh'),
    )
  const count = (pick: (r: CoverageRow) => boolean) =>
    Object.fromEntries(
      COVERAGE_KINDS.map((k) => [k, rows.filter((r) => r.coverage === k && pick(r)).length]),
    ) as Record<Coverage, number>
  const pending = orgs.filter((o) => !o.verified).sort((a, b) => (a.companyId < b.companyId ? -1 : 1))
  return { rows, totals: count(() => true), verified: count((r) => r.verified), pending }
}
