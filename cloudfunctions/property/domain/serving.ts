/**
 * Which company an estate's ratings of a period go to. One company per estate per period: a company
 * that stopped serving an estate (company.unassignEstate) keeps receiving its ratings for the period in
 * progress when it stopped (every period starting at or before that instant), and none after. Otherwise
 * the company serving it now (company.assignEstate takes effect at once, as before).
 */
export interface ServedEstate {
  companyId?: string
  companyName?: string
  /** The company that stopped serving, and when. */
  formerCompany?: { companyId: string; companyName: string; until: Date }
}

export function ratedCompanyOf(
  e: ServedEstate,
  period: { start: Date } | null,
): { companyId: string; companyName: string } | null {
  const f = e.formerCompany
  if (f && period && new Date(period.start).getTime() <= new Date(f.until).getTime())
    return { companyId: f.companyId, companyName: f.companyName }
  return e.companyId ? { companyId: e.companyId, companyName: e.companyName ?? '' } : null
}
