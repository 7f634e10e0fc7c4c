import type { HomeGroupView, HomeSectionView, HomeView } from '../../../types/org'
import { ROLE_LABEL, type Role } from '../../../types/roles'
import type { Handler } from '../../shared/dispatch'
import type { UserRecord } from '../repo'
import { invitations, overdueResolutions, resolutionsToCarry, topicsToTriage, votesToCast } from '../waiting/council'
import {
  eventsToConfirm,
  eventsToDispatch,
  gridReported,
  handlingEvents,
  overdueEvents,
  summonsToAnswer,
  unansweredSummons,
} from '../waiting/grid'
import { pendingBindings } from '../waiting/org'
import { heldRatings, pendingObjections, ratingsToAnswer, rectificationsToConfirm } from '../waiting/property'
import { activitiesToday, checkinDue, claimedWishes, pendingCheckins } from '../waiting/service'
import { PAGES } from '../waiting/pages'
import { buildMe } from '../repo/me'

/** Sections in this order: the work of office first, the person's own matters last. */
const ORDER: Role[] = [
  'secretary',
  'street_admin',
  'grid_worker',
  'building_leader',
  'property_staff',
  'unit_liaison',
  'member',
  'resident',
]

/**
 * Kinds that belong to the person rather than one grant: asked once, shown in the first section of
 * these roles the person holds.
 */
const PERSONAL: { place: Role[]; kind: 'handling' | 'summons' | 'eventsToConfirm' | 'invitations' | 'resolutions' }[] =
  [
    { kind: 'summons', place: ['property_staff', 'unit_liaison'] },
    { kind: 'handling', place: ['property_staff', 'unit_liaison', 'secretary', 'member'] },
    { kind: 'resolutions', place: ['property_staff', 'unit_liaison', 'grid_worker', 'member'] },
    { kind: 'invitations', place: ['property_staff', 'unit_liaison', 'grid_worker', 'member', 'resident'] },
    { kind: 'eventsToConfirm', place: ['resident', 'member', 'grid_worker'] },
  ]

/**
 * Home in one round trip: `me` and, per role the caller holds, what waits for them (count and the
 * newest few, each with the page that deals with it). Every kind is a fixed number of requests over
 * all the caller's scopes at once (`in`), so the total depends on the roles held, never on the data.
 */
export const home: Handler<'org.home'> = {
  async run(ctx): Promise<HomeView> {
    const { db, actor, now } = ctx
    const scopes = (role: Role) => [...new Set(actor.grants(role).map((g) => g.scopeId))]
    const held = ORDER.filter((r) => scopes(r).length > 0)
    const asks: Record<Role, () => Promise<HomeGroupView>[]> = {
      secretary: () => {
        const c = scopes('secretary')
        return [
          pendingBindings(db, c),
          pendingCheckins(db, c),
          topicsToTriage(db, c),
          eventsToDispatch(db, c, now),
          unansweredSummons(db, c, now),
          overdueResolutions(db, 'communityId', c, now, PAGES.council),
        ]
      },
      street_admin: () => {
        const s = scopes('street_admin')
        return [
          heldRatings(db, s),
          pendingObjections(db, s),
          overdueEvents(db, s, now),
          overdueResolutions(db, 'streetId', s, now, PAGES.gridOverdue),
        ]
      },
      grid_worker: () => [gridReported(db, scopes('grid_worker'), now)],
      building_leader: () => [],
      property_staff: () => [ratingsToAnswer(db, scopes('property_staff'), now)],
      unit_liaison: () => [],
      member: () => [
        checkinDue(db, actor.openid, now),
        claimedWishes(db, actor.openid, now),
        activitiesToday(db, scopes('member'), now),
      ],
      resident: () => {
        const h = scopes('resident')
        return [votesToCast(db, h, now), rectificationsToConfirm(db, h)]
      },
    }
    const personal: Record<(typeof PERSONAL)[number]['kind'], () => Promise<HomeGroupView>> = {
      summons: () => summonsToAnswer(db, actor.openid, actor.roles, now),
      handling: () => handlingEvents(db, actor.openid, actor.roles, now),
      eventsToConfirm: () => eventsToConfirm(db, actor.openid, now),
      invitations: () => invitations(db, actor.openid, actor.roles),
      resolutions: () => resolutionsToCarry(db, actor.openid, actor.roles, now),
    }
    const pending = held.map((role) => [
      ...asks[role](),
      ...PERSONAL.filter((p) => held.find((r) => p.place.includes(r)) === role).map((p) => personal[p.kind]()),
    ])
    const [me, ...groups] = await Promise.all([
      buildMe(db, actor, actor.user as UserRecord | null),
      ...pending.map((list) => Promise.all(list)),
    ])
    const sections: HomeSectionView[] = held.map((role, i) => ({
      role,
      title: `${ROLE_LABEL[role]} · ${[...new Set(actor.grants(role).map((g) => g.scopeName))].join('、')}`,
      count: groups[i].reduce((n, g) => n + g.count, 0),
      groups: groups[i],
    }))
    return { me, sections }
  },
}
