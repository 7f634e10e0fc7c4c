import type { GridActions } from '../../types/grid'
import type { Routes } from '../shared/dispatch'
import { photoUploadRoute } from '../shared/photos'
import { moderationRoutes } from '../shared/moderation'
import { gridKinds } from './moderation'
import {
  eventAccept,
  eventAssign,
  eventBoard,
  eventConfirm,
  eventConvert,
  eventDecide,
  eventGet,
  eventInbox,
  eventMine,
  eventOverdue,
  eventProgress,
  eventRemind,
  eventReport,
} from './handlers/events'
import { branchSet, gridMine } from './handlers/grids'
import { buildingAppoint, buildingEvents } from './handlers/buildings'
import { eventMembers } from './handlers/members'
import { eventMap } from './handlers/places'
import { progressList } from './handlers/progress'
import { staffRecord } from './handlers/records'
import { settingsGet, settingsSet, staffAppoint, staffInvitations, staffList, staffRemove } from './handlers/staff'
import { statsGet } from './handlers/stats'
import { whistleAnswer, whistleBlow, whistleInbox, whistleParties, whistleRecordAction } from './handlers/whistles'

/** The action table of `grid`: contract (types/grid.ts) → handler. */
export const routes: Routes<GridActions> = {
  'settings.get': settingsGet,
  'settings.set': settingsSet,
  'staff.list': staffList,
  'staff.appoint': staffAppoint,
  'staff.invitations': staffInvitations,
  'building.appoint': buildingAppoint,
  'building.events': buildingEvents,
  'staff.remove': staffRemove,
  'staff.record': staffRecord,
  'grid.mine': gridMine,
  'branch.set': branchSet,
  'photo.upload': photoUploadRoute('grid/photos'),
  'event.report': eventReport,
  'event.mine': eventMine,
  'event.get': eventGet,
  'event.board': eventBoard,
  'event.map': eventMap,
  'event.assign': eventAssign,
  'event.members': eventMembers,
  'event.inbox': eventInbox,
  'event.accept': eventAccept,
  'event.progress': eventProgress,
  'progress.list': progressList,
  'event.confirm': eventConfirm,
  'event.decide': eventDecide,
  'event.overdue': eventOverdue,
  'event.remind': eventRemind,
  'event.convert': eventConvert,
  'whistle.parties': whistleParties,
  'whistle.blow': whistleBlow,
  'whistle.inbox': whistleInbox,
  'whistle.answer': whistleAnswer,
  'whistle.record': whistleRecordAction,
  'stats.get': statsGet,
  ...moderationRoutes(gridKinds),
}
