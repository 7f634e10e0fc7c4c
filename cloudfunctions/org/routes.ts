import type { OrgActions } from '../../types/org'
import type { Routes } from '../shared/dispatch'
import {
  bindingDecide,
  bindingLeave,
  bindingListPending,
  bindingRequest,
  bindingUnbind,
  householdCodeIssue,
  householdMembers,
} from './handlers/bindings'
import { invitationCreate, invitationList, invitationRedeem } from './handlers/invitations'
import { liaisonDecide, liaisonListPending, liaisonRegister } from './handlers/liaisons'
import { home } from './handlers/home'
import { accountLeave } from './handlers/leave'
import { householdSearch, residentList } from './handlers/residents'
import {
  commitmentList,
  commitmentOverdue,
  commitmentProgress,
  committeeAppoint,
  committeeEnd,
  committeeList,
  jointMeetingAttendance,
  jointMeetingClaim,
  jointMeetingConvene,
  jointMeetingGet,
  jointMeetingList,
} from './handlers/joint'
import { bootstrap, me, profileUpdate } from './handlers/me'
import { myDataExport, myDataSection, myDataSummary } from './handlers/mydata'
import { noticeTemplates } from './handlers/notices'
import { moderationQueue } from './handlers/moderation'
import { auditList } from './handlers/audit'
import { buildingCreate, estateCreate } from './handlers/places'
import {
  buildingMove,
  householdGet,
  householdSetArea,
  placeHistory,
  placeRename,
  placeRetire,
} from './handlers/register'
import { roleEnd, roleHistory, roleHolders, roleStepDown } from './handlers/roles'
import {
  buildingList,
  communityCreate,
  communityList,
  estateList,
  gridCreate,
  gridList,
  householdList,
  streetList,
} from './handlers/tree'

/** The action table of `org`: contract (types/org.ts) → handler. */
export const routes: Routes<OrgActions> = {
  me,
  home,
  'profile.update': profileUpdate,
  'committee.appoint': committeeAppoint,
  'committee.end': committeeEnd,
  'committee.list': committeeList,
  'jointMeeting.convene': jointMeetingConvene,
  'jointMeeting.attendance': jointMeetingAttendance,
  'jointMeeting.claim': jointMeetingClaim,
  'jointMeeting.list': jointMeetingList,
  'jointMeeting.get': jointMeetingGet,
  'commitment.progress': commitmentProgress,
  'commitment.list': commitmentList,
  'commitment.overdue': commitmentOverdue,
  'mydata.summary': myDataSummary,
  'mydata.section': myDataSection,
  'mydata.export': myDataExport,
  'notice.templates': noticeTemplates,
  bootstrap,
  'street.list': streetList,
  'community.list': communityList,
  'community.create': communityCreate,
  'grid.list': gridList,
  'grid.create': gridCreate,
  'estate.list': estateList,
  'estate.create': estateCreate,
  'building.create': buildingCreate,
  'building.list': buildingList,
  'household.list': householdList,
  'household.get': householdGet,
  'household.members': householdMembers,
  'household.setArea': householdSetArea,
  'place.rename': placeRename,
  'place.retire': placeRetire,
  'place.history': placeHistory,
  'building.move': buildingMove,
  'binding.request': bindingRequest,
  'binding.listPending': bindingListPending,
  'binding.decide': bindingDecide,
  'binding.unbind': bindingUnbind,
  'binding.leave': bindingLeave,
  'resident.list': residentList,
  'household.search': householdSearch,
  'householdCode.issue': householdCodeIssue,
  'invitation.create': invitationCreate,
  'invitation.list': invitationList,
  'invitation.redeem': invitationRedeem,
  'role.holders': roleHolders,
  'role.end': roleEnd,
  'role.stepDown': roleStepDown,
  'role.history': roleHistory,
  'account.leave': accountLeave,
  'liaison.register': liaisonRegister,
  'liaison.listPending': liaisonListPending,
  'liaison.decide': liaisonDecide,
  'moderation.queue': moderationQueue,
  'audit.list': auditList,
}
