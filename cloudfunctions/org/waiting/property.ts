import type { HomeGroupView, HomeItemView } from '../../../types/org'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { fetchPage } from '../../shared/paging'
import type { ObjectionDoc, RatingDoc, RectificationDoc } from '../../property/public'
import { HOME_ITEMS, iso, newest } from './newest'
import { PAGES } from './pages'

const excerpt = (s: string, n = 30) => (s.length > n ? `${s.slice(0, n)}…` : s)

/** The street's ratings held for review (new households): publishing waits for them. */
export function heldRatings(db: Database, streetIds: string[]): Promise<HomeGroupView> {
  const q = db.collection(COL.propertyRatings).where({ streetId: db.command.in(streetIds), status: 'held' })
  return newest<RatingDoc>('heldRatings', PAGES.propStreet, q, [['createdAt', 'desc']], (r) => ({
    id: r.publicId,
    title: r.companyName,
    detail: `${r.estateName} 新认证住户的评价`,
    at: iso(r.createdAt),
    overdue: false,
    route: PAGES.propStreet,
  }))
}

/** Companies' objections to a period's list, not yet decided. */
export function pendingObjections(db: Database, streetIds: string[]): Promise<HomeGroupView> {
  const q = db.collection(COL.propertyObjections).where({ streetId: db.command.in(streetIds), status: 'pending' })
  return newest<ObjectionDoc>('objections', PAGES.propStreet, q, [['createdAt', 'desc']], (o) => ({
    id: o._id,
    title: o.companyName,
    detail: excerpt(o.text),
    at: iso(o.createdAt),
    overdue: false,
    route: PAGES.propStreet,
  }))
}

/**
 * Ratings with a comment the company has not answered, anonymous (no household, no address), with
 * the answer deadline of the rectification item a low rating opened: count, page, and one read of
 * those items by id — three requests.
 */
export async function ratingsToAnswer(db: Database, companyIds: string[], now: Date): Promise<HomeGroupView> {
  const _ = db.command
  const q = db.collection(COL.propertyRatings).where({
    companyId: _.in(companyIds),
    hasComment: true,
    status: _.neq('rejected'),
    answer: _.exists(false),
    hidden: _.neq(true),
  })
  const page = await fetchPage<RatingDoc, RatingDoc>(
    q,
    { page: 1, pageSize: HOME_ITEMS },
    [['updatedAt', 'desc']],
    (r) => r,
  )
  const rectIds = page.items.map((r) => r.rectificationId).filter((x): x is string => !!x)
  const rects = new Map<string, RectificationDoc>()
  if (rectIds.length) {
    const { data } = await db
      .collection(COL.propertyRectifications)
      .where({ _id: _.in(rectIds) })
      .limit(rectIds.length)
      .get()
    for (const r of data as RectificationDoc[]) rects.set(r._id, r)
  }
  const items = page.items.map((r): HomeItemView => {
    const rect = r.rectificationId ? rects.get(r.rectificationId) : undefined
    const due = rect?.status === 'open' ? new Date(rect.answerDueAt) : undefined
    return {
      id: r.publicId,
      title: excerpt(r.comment ?? ''),
      detail: `${r.estateName} 的评价${rect ? ' · 需整改' : ''}`,
      at: iso(r.updatedAt),
      ...(due ? { deadline: iso(due) } : {}),
      overdue: !!due && due.getTime() < now.getTime(),
      route: PAGES.propStaff,
    }
  })
  return { kind: 'ratingAnswers', route: PAGES.propStaff, count: page.total, items }
}

/** Rectification items of the resident's households the company reported fixed: the household confirms. */
export function rectificationsToConfirm(db: Database, householdIds: string[]): Promise<HomeGroupView> {
  const q = db
    .collection(COL.propertyRectifications)
    .where({ householdId: db.command.in(householdIds), status: 'reported' })
  return newest<RectificationDoc>('rectifications', PAGES.propMine, q, [['createdAt', 'desc']], (r) => ({
    id: r._id,
    title: `${r.companyName}已报整改`,
    detail: excerpt(r.comment),
    at: iso(r.createdAt),
    deadline: iso(r.dueAt),
    overdue: false,
    route: PAGES.propMine,
  }))
}
