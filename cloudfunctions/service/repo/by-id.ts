import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { findById } from '../../shared/store'
import type { ActivityDoc, AttendanceDoc } from './activities'
import type { AssessmentDoc } from './assessments'
import type { LedgerDoc, StatsDoc } from './ledgers'
import type { LetterDoc } from './letters'
import type { NeedDoc, NeedOfferDoc, ProjectDoc, ResourceDoc } from './lists'
import type { MemberDoc } from './members'
import type { CommunityRef, HouseholdRef } from './org-refs'
import type { AgreementDoc, UnitDoc } from './units'
import type { WishDoc } from './wishes'

/** The service context's by-id readers: `repo.unit(db, id)` is the unit or null (one request). */
export const repo = {
  unit: (db: Database, id: string) => findById<UnitDoc>(db, COL.units, id),
  agreement: (db: Database, id: string) => findById<AgreementDoc>(db, COL.svcAgreements, id),
  community: (db: Database, id: string) => findById<CommunityRef>(db, COL.communities, id),
  household: (db: Database, id: string) => findById<HouseholdRef>(db, COL.households, id),
  member: (db: Database, id: string) => findById<MemberDoc>(db, COL.svcMembers, id),
  need: (db: Database, id: string) => findById<NeedDoc>(db, COL.svcNeeds, id),
  offer: (db: Database, id: string) => findById<NeedOfferDoc>(db, COL.svcNeedOffers, id),
  resource: (db: Database, id: string) => findById<ResourceDoc>(db, COL.svcResources, id),
  project: (db: Database, id: string) => findById<ProjectDoc>(db, COL.svcProjects, id),
  activity: (db: Database, id: string) => findById<ActivityDoc>(db, COL.svcActivities, id),
  attendance: (db: Database, id: string) => findById<AttendanceDoc>(db, COL.svcAttendance, id),
  wish: (db: Database, id: string) => findById<WishDoc>(db, COL.svcWishes, id),
  ledger: (db: Database, id: string) => findById<LedgerDoc>(db, COL.svcLedgers, id),
  stats: (db: Database, id: string) => findById<StatsDoc>(db, COL.svcStats, id),
  letter: (db: Database, id: string) => findById<LetterDoc>(db, COL.svcLetters, id),
  assessment: (db: Database, id: string) => findById<AssessmentDoc>(db, COL.svcAssessments, id),
}
