/**
 * What the council context publishes to the others (and to the export function): the only module of
 * cloudfunctions/council another context may import (eslint.config.mjs enforces it).
 */
export { publicResult } from './domain/disclosure'
export { ballotId, repo, subscriptionId } from './repo'
export type {
  AttendanceDoc,
  BallotDoc,
  MeetingDoc,
  RatingDoc,
  ResolutionDoc,
  SecondDoc,
  SubscriptionDoc,
  TopicDoc,
  VoteDoc,
} from './repo'
