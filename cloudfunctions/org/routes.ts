import type { OrgActions } from '../../types/org'
import type { Routes } from '../shared/dispatch'
import { bindingDecide, bindingListPending, bindingRequest, householdCodeIssue } from './handlers/bindings'
import { invitationCreate, invitationList, invitationRedeem } from './handlers/invitations'
import { liaisonDecide, liaisonListPending, liaisonRegister } from './handlers/liaisons'
import { home } from './handlers/home'
import { commitmentList, commitmentProgress, committeeAppoint, committeeEnd, committeeList, jointMeetingAttendance, jointMeetingClaim, jointMeetingConvene, jointMeetingGet, jointMeetingList } from './handlers/joint'
import { bootstrap, me, profileUpdate } from './handlers/me'
import { myDataExport, myDataSection, myDataSummary } from './handlers/mydata'
import { noticeTemplates } from './handlers/notices'
import { buildingCreate, estateCreate } from './handlers/places'
import { buildingList, communityCreate, communityList, estateList, gridCreate, gridList, householdList, streetList } from './handlers/tree'

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
  'binding.request': bindingRequest,
  'binding.listPending': bindingListPending,
  'binding.decide': bindingDecide,
  'householdCode.issue': householdCodeIssue,
  'invitation.create': invitationCreate,
  'invitation.list': invitationList,
  'invitation.redeem': invitationRedeem,
  'liaison.register': liaisonRegister,
  'liaison.listPending': liaisonListPending,
  'liaison.decide': liaisonDecide,
}
