import type { PropertyActions } from '../../types/property'
import type { Routes } from '../shared/dispatch'
import { moderationRoutes } from '../shared/moderation'
import { propertyKinds } from './moderation'
import { photoUploadRoute } from '../shared/photos'
import { assessmentList, assessmentSubmit } from './handlers/assessments'
import {
  companyAssignEstate,
  companyUnassignEstate,
  companyCreate,
  companyGet,
  companyList,
  periodClose,
  periodList,
  periodOpen,
  ruleCurrent,
  ruleGet,
  rulePublish,
} from './handlers/catalog'
import { listDownload, listInputs } from './handlers/inputs'
import { listCurrent, listPreview, listPublish, listRecompute } from './handlers/lists'
import { listReadiness, ratingSummary } from './handlers/overview'
import { objectionDecide, objectionList, objectionSubmit } from './handlers/objections'
import { ratingAnswer, ratingContext, ratingInbox, ratingSubmit, reviewDecide, reviewList } from './handlers/ratings'
import { redPropertyCoverage, redPropertyDeclare, redPropertyVerify } from './handlers/red-property'
import {
  rectificationConfirm,
  rectificationList,
  rectificationMine,
  rectificationReport,
} from './handlers/rectifications'
import { summonsCreate, summonsFollowUp, summonsList } from './handlers/summons'

/** The action table of `property`: contract (types/property.ts) → handler. */
export const routes: Routes<PropertyActions> = {
  'photo.upload': photoUploadRoute('property/photos'),
  'company.list': companyList,
  'company.get': companyGet,
  'company.create': companyCreate,
  'company.assignEstate': companyAssignEstate,
  'company.unassignEstate': companyUnassignEstate,
  'redProperty.declare': redPropertyDeclare,
  'redProperty.verify': redPropertyVerify,
  'redProperty.coverage': redPropertyCoverage,
  'rule.current': ruleCurrent,
  'rule.get': ruleGet,
  'rule.publish': rulePublish,
  'period.open': periodOpen,
  'period.close': periodClose,
  'period.list': periodList,
  'list.readiness': listReadiness,
  'rating.summary': ratingSummary,
  'rating.context': ratingContext,
  'rating.submit': ratingSubmit,
  'rating.inbox': ratingInbox,
  'rating.answer': ratingAnswer,
  'rectification.list': rectificationList,
  'rectification.mine': rectificationMine,
  'rectification.report': rectificationReport,
  'rectification.confirm': rectificationConfirm,
  'assessment.submit': assessmentSubmit,
  'assessment.list': assessmentList,
  'review.list': reviewList,
  'review.decide': reviewDecide,
  'objection.submit': objectionSubmit,
  'objection.list': objectionList,
  'objection.decide': objectionDecide,
  'list.preview': listPreview,
  'list.publish': listPublish,
  'list.current': listCurrent,
  'list.recompute': listRecompute,
  'list.inputs': listInputs,
  'list.download': listDownload,
  'summons.create': summonsCreate,
  'summons.list': summonsList,
  'summons.followUp': summonsFollowUp,
  ...moderationRoutes(propertyKinds),
}
