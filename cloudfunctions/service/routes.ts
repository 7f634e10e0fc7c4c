import type { ServiceActions } from '../../types/service'
import type { Routes } from '../shared/dispatch'
import { moderationRoutes } from '../shared/moderation'
import { serviceKinds } from './moderation'
import {
  activityAttendance, activityConfirmPresence, activityCreate, activityGet, activityList, activityRemind, activitySignin, activitySignout, activitySignup, activityToken,
  hoursApproveManual, hoursConfirm, hoursManual,
} from './handlers/activities'
import { needDecideOffer, needOffer, needOffers } from './handlers/offers'
import { needCreate, needGet, needList, projectCreate, projectList, projectProgress, projectUpdates, resourceCreate, resourceList } from './handlers/lists'
import { memberCheckin, memberDecide, memberList, memberMine } from './handlers/members'
import { memberLinkUnit, memberSettleDispute, unitConfirmMember, unitDisputeMember, unitMembers, unitSearch } from './handlers/unit-links'
import { assessmentList, assessmentSet, assessmentUnit, dashboard, ledgerGet, ledgerRanking, letterAck, letterIssue, letterList, letterVersions } from './handlers/reports'
import { agreementGet, agreementSign, unitCheckin, unitDecide, unitGet, unitList, unitSetGrids } from './handlers/units'
import { wishMessage, wishMessages } from './handlers/wish-messages'
import { careList, careMark, careMine, carePatrol, careRevoke } from './handlers/care'
import { wishClaim, wishConfirm, wishCreate, wishDeliver, wishList, wishRelease } from './handlers/wishes'

/** The action table of `service`: contract (types/service.ts) → handler. */
export const routes: Routes<ServiceActions> = {
  'care.mark': careMark,
  'care.revoke': careRevoke,
  'care.list': careList,
  'care.patrol': carePatrol,
  'care.mine': careMine,
  'unit.get': unitGet,
  'unit.checkin': unitCheckin,
  'unit.list': unitList,
  'unit.decide': unitDecide,
  'unit.setGrids': unitSetGrids,
  'agreement.get': agreementGet,
  'agreement.sign': agreementSign,
  'unit.members': unitMembers,
  'unit.disputeMember': unitDisputeMember,
  'unit.confirmMember': unitConfirmMember,
  'unit.search': unitSearch,
  'member.checkin': memberCheckin,
  'member.mine': memberMine,
  'member.list': memberList,
  'member.decide': memberDecide,
  'member.linkUnit': memberLinkUnit,
  'member.settleDispute': memberSettleDispute,
  'need.create': needCreate,
  'need.list': needList,
  'need.get': needGet,
  'need.offer': needOffer,
  'need.offers': needOffers,
  'need.decideOffer': needDecideOffer,
  'resource.create': resourceCreate,
  'resource.list': resourceList,
  'project.create': projectCreate,
  'project.progress': projectProgress,
  'project.updates': projectUpdates,
  'project.list': projectList,
  'activity.create': activityCreate,
  'activity.list': activityList,
  'activity.get': activityGet,
  'activity.signup': activitySignup,
  'activity.token': activityToken,
  'activity.signin': activitySignin,
  'activity.signout': activitySignout,
  'activity.confirmPresence': activityConfirmPresence,
  'activity.attendance': activityAttendance,
  'activity.remind': activityRemind,
  'hours.confirm': hoursConfirm,
  'hours.manual': hoursManual,
  'hours.approveManual': hoursApproveManual,
  'wish.create': wishCreate,
  'wish.list': wishList,
  'wish.claim': wishClaim,
  'wish.deliver': wishDeliver,
  'wish.release': wishRelease,
  'wish.message': wishMessage,
  'wish.messages': wishMessages,
  'wish.confirm': wishConfirm,
  'ledger.get': ledgerGet,
  'ledger.ranking': ledgerRanking,
  'letter.issue': letterIssue,
  'letter.list': letterList,
  'letter.versions': letterVersions,
  'letter.ack': letterAck,
  'assessment.set': assessmentSet,
  'assessment.list': assessmentList,
  'assessment.unit': assessmentUnit,
  dashboard,
  ...moderationRoutes(serviceKinds),
}
