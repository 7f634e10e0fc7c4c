import type { MemberKind } from '../../../types/service'

/**
 * Every kind of Party member (issue 15 §4). Only an in-service member has a unit: their service reaches
 * the unit's 双反馈 letter; retired and mobile members serve their home community and appear on its ledger,
 * but no unit's letter. Records stored before the kinds existed carry no `kind` and are in-service, so
 * reads default the field and nothing needs migrating.
 */
export const memberKindOf = (m: { kind?: MemberKind } | null | undefined): MemberKind => m?.kind ?? 'in_service'

export const hasUnit = (m: { kind?: MemberKind }) => memberKindOf(m) === 'in_service'
