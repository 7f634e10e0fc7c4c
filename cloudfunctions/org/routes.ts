import type { OrgActions } from '../../types/org'
import type { Routes } from '../shared/dispatch'
import { bindingDecide, bindingListPending, bindingRequest, householdCodeIssue } from './handlers/bindings'
import { invitationCreate, invitationList, invitationRedeem } from './handlers/invitations'
import { liaisonDecide, liaisonListPending, liaisonRegister } from './handlers/liaisons'
import { home } from './handlers/home'
import { bootstrap, me, profileUpdate } from './handlers/me'
import { noticeTemplates } from './handlers/notices'
import { moderationQueue } from './handlers/moderation'
import { auditList } from './handlers/audit'
import { buildingCreate, estateCreate } from './handlers/places'
import { buildingList, communityCreate, communityList, estateList, gridCreate, gridList, householdList, streetList } from './handlers/tree'

/** The action table of `org`: contract (types/org.ts) → handler. */
export const routes: Routes<OrgActions> = {
  me,
  home,
  'profile.update': profileUpdate,
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
  'moderation.queue': moderationQueue,
  'audit.list': auditList,
}
