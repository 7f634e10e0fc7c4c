import type { CouncilActions } from '../../types/council'
import type { Routes } from '../shared/dispatch'
import { photoUploadRoute } from '../shared/photos'
import {
  meetingAddTopic,
  meetingAttendance,
  meetingCheckIn,
  meetingCreate,
  meetingGet,
  meetingInvitations,
  meetingList,
  meetingMinutes,
  meetingPublish,
  meetingRoll,
  meetingStart,
  meetingUpdate,
} from './handlers/meetings'
import { partySearch } from './handlers/parties'
import {
  noticeSubscribe,
  resolutionComments,
  resolutionGet,
  resolutionInbox,
  resolutionList,
  resolutionOverdue,
  resolutionProgress,
  resolutionRate,
  resolutionRecord,
  resolutionTimeline,
} from './handlers/resolutions'
import {
  topicGet,
  topicList,
  topicPropose,
  topicRatify,
  topicSecond,
  topicTriage,
  topicUpdate,
} from './handlers/topics'
import { moderationRoutes } from '../shared/moderation'
import { councilKinds } from './moderation'
import { voteCast, voteClose, voteGet, voteList, voteMyBallot, voteOpen, voteRemind } from './handlers/votes'

/** The action table of `council`: contract (types/council.ts) → handler. */
export const routes: Routes<CouncilActions> = {
  'photo.upload': photoUploadRoute('council/photos'),
  'topic.propose': topicPropose,
  'topic.update': topicUpdate,
  'topic.second': topicSecond,
  'topic.list': topicList,
  'topic.get': topicGet,
  'topic.triage': topicTriage,
  'topic.ratify': topicRatify,
  'meeting.create': meetingCreate,
  'meeting.update': meetingUpdate,
  'meeting.addTopic': meetingAddTopic,
  'meeting.invitations': meetingInvitations,
  'meeting.roll': meetingRoll,
  'party.search': partySearch,
  'meeting.publish': meetingPublish,
  'meeting.start': meetingStart,
  'meeting.checkIn': meetingCheckIn,
  'meeting.attendance': meetingAttendance,
  'meeting.minutes': meetingMinutes,
  'meeting.list': meetingList,
  'meeting.get': meetingGet,
  'vote.open': voteOpen,
  'vote.list': voteList,
  'vote.get': voteGet,
  'vote.cast': voteCast,
  'vote.myBallot': voteMyBallot,
  'vote.close': voteClose,
  'vote.remind': voteRemind,
  'resolution.record': resolutionRecord,
  'resolution.progress': resolutionProgress,
  'resolution.inbox': resolutionInbox,
  'resolution.overdue': resolutionOverdue,
  'resolution.timeline': resolutionTimeline,
  'resolution.list': resolutionList,
  'resolution.get': resolutionGet,
  'resolution.rate': resolutionRate,
  'resolution.comments': resolutionComments,
  ...moderationRoutes(councilKinds),
  'notice.subscribe': noticeSubscribe,
}
