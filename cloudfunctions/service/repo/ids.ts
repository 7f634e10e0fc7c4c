import { memberRecordId, personKey } from '../../shared/pseudonym'

/**
 * Deterministic ids of the service context: uniqueness is by _id (one check-in record per unit /
 * member, one attendance per member and activity, one ledger per member and period, one letter per
 * unit and quarter, one grade per subject and year). Ids that others see carry a person's opaque key,
 * never the openid (shared/pseudonym.ts).
 */
export const ids = {
  agreement: (unitId: string, year: number) => `agr:${unitId}:${year}`,
  member: memberRecordId,
  attendance: (activityId: string, openid: string) => `at:${activityId}:${personKey(openid)}`,
  ledger: (openid: string, period: string) => `led:${personKey(openid)}:${period}`,
  letter: (unitId: string, quarter: string, version: number) => `fl:${unitId}:${quarter}:v${version}`,
  /** In `counters`: `{ latest }`, the number of the unit's newest letter of the quarter. */
  letterLatest: (unitId: string, quarter: string) => `svc-letter:${unitId}:${quarter}`,
  assessment: (type: string, subjectId: string, year: number) => `as:${type}:${subjectId}:${year}`,
  stats: (communityId: string, year: number) => `st:${communityId}:${year}`,
  unitResource: (unitId: string, year: number, i: number) => `res:${unitId}:${year}:${i}`,
  projectUpdate: (projectId: string, seq: number) => `pu:${projectId}:${String(seq).padStart(6, '0')}`,
  offer: (needId: string, ownerId: string) => `off:${needId}:${ownerId}`,
  /** The project and, when the offer named no listed resource, the resource an accepted offer makes. */
  offerProject: (offerId: string) => `proj:${offerId}`,
  offerResource: (offerId: string) => `res:${offerId}`,
  /** A household's 重点关爱 record (one per household). */
  care: (householdId: string) => `care:${householdId}`,
  /** An earlier care record, kept when the household is marked again. */
  careVersion: (householdId: string, version: number) => `care:${householdId}:v${version}`,
}
