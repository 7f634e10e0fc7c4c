import type { MyDataSection } from '../../../types/mydata'
import { bindings, gridPosts, liaison, profile, roleHistory, roles, subscriptions } from './account'
import { ballots, meetings, resolutionRatings, seconds, topics } from './council'
import { photos } from './files'
import { events } from './grid'
import { propertyRatings } from './property'
import { activities, assessments, checkins, ledgers, wishesClaimed, wishesPosted } from './service'
import type { SectionSource } from './table'

/**
 * Every section of 我的数据 (types/mydata.ts names and describes them), by the context whose records
 * it reads. Each reads only through the personal-data registry's queries or the caller's own record.
 */
export const SECTIONS: Record<MyDataSection, SectionSource> = {
  profile,
  roles,
  roleHistory,
  bindings,
  liaison,
  gridPosts,
  subscriptions,
  checkins,
  activities,
  ledgers,
  assessments,
  wishesPosted,
  wishesClaimed,
  topics,
  seconds,
  meetings,
  ballots,
  resolutionRatings,
  propertyRatings,
  events,
  photos,
}
