import { MEMBER_KIND_LABEL, type MemberKind } from '../../../../types/service'

/**
 * One line saying where a member belongs (issue 15 §4): an in-service member's unit, a mobile member's
 * origin Party organisation, or just "退休党员". Used by the check-in status, the review list and the ledger.
 */
export function affiliationText(m: { kind: MemberKind; unitName: string; originOrg?: string }): string {
  if (m.kind === 'retired') return MEMBER_KIND_LABEL.retired
  if (m.kind === 'mobile') return `${MEMBER_KIND_LABEL.mobile} · 党组织关系在${m.originOrg ?? '外地'}`
  return m.unitName
}
