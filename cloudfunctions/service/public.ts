/**
 * What the service context publishes to the others (and to the export function): the only module of
 * cloudfunctions/service another context may import (eslint.config.mjs enforces it).
 */
export { mayReadUnitRecords } from './domain/access'
export { currentStatus } from './domain/checkin'
export { memberKindOf } from './domain/member-kind'
export { effectiveWishStatus, ratingAvgTenths } from './domain/wishes'
export { endMembershipInTx } from './membership'
export { ids, listYearLedgers, repo } from './repo'
export type {
  ActivityDoc,
  AssessmentDoc,
  AttendanceDoc,
  CommunityRef,
  LedgerDoc,
  LetterDoc,
  MemberDoc,
  UnitDoc,
  WishDoc,
} from './repo'
