/**
 * What the grid context publishes to the others (and to the export function): the only module of
 * cloudfunctions/grid another context may import (eslint.config.mjs enforces it).
 */
export { endBuildingsInTx, endPostsInTx, takeUpBuildingsInTx, takeUpPostInTx } from './appointments'
export type { BuildingPost, GridPost } from './appointments'
export { OPEN_FOR_HANDLER, handlerKeysOf, isOverdue, maySeeStats } from './domain/rules'
export { findById, gridStatsOf } from './repo'
export type { CommunityRef, EventDoc, StaffDoc, SummonsDoc } from './repo'
export { communityStatsView } from './views'
