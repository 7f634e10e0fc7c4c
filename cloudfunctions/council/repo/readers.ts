import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { findById, findByIds } from '../../shared/store'
import type {
  BallotDoc,
  BuildingRef,
  CommunityAreaRef,
  CommunityRef,
  EstateRef,
  HouseholdRef,
  MeetingDoc,
  RatingDoc,
  ResolutionDoc,
  SecondDoc,
  TopicDoc,
  VoteDoc,
} from './docs'

/** The council's by-id readers: one request each (a list of ids: one request for all, ≤ 100). */
export const repo = {
  topic: (db: Database, id: string) => findById<TopicDoc>(db, COL.councilTopics, id),
  topics: (db: Database, ids: string[]) => findByIds<TopicDoc>(db, COL.councilTopics, ids),
  second: (db: Database, id: string) => findById<SecondDoc>(db, COL.councilSeconds, id),
  meeting: (db: Database, id: string) => findById<MeetingDoc>(db, COL.councilMeetings, id),
  vote: (db: Database, id: string) => findById<VoteDoc>(db, COL.councilVotes, id),
  ballot: (db: Database, id: string) => findById<BallotDoc>(db, COL.councilBallots, id),
  resolution: (db: Database, id: string) => findById<ResolutionDoc>(db, COL.councilResolutions, id),
  rating: (db: Database, id: string) => findById<RatingDoc>(db, COL.councilRatings, id),
  community: (db: Database, id: string) => findById<CommunityRef>(db, COL.communities, id),
  /** The community's area version only (a vote counting area fixes its electorate against it). */
  communityArea: (db: Database, id: string) => findById<CommunityAreaRef>(db, COL.communities, id),
  estate: (db: Database, id: string) => findById<EstateRef>(db, COL.estates, id),
  estates: (db: Database, ids: string[]) => findByIds<EstateRef>(db, COL.estates, ids),
  buildings: (db: Database, ids: string[]) => findByIds<BuildingRef>(db, COL.buildings, ids),
  household: (db: Database, id: string) => findById<HouseholdRef>(db, COL.households, id),
}
