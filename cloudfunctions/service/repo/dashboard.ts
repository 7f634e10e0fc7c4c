import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import type { Filter } from './store'

const count = (db: Database, collection: string, filter: Filter) =>
  db
    .collection(collection)
    .where(filter)
    .count()
    .then((r) => r.total)

/**
 * The secretary's dashboard counts of a community and year: thirteen counts, all at once (one request
 * each, whatever the data). Run beside the year's stats read, so all fourteen go out together.
 */
export async function countCommunityRecords(db: Database, communityId: string, year: number) {
  const _ = db.command
  const c = communityId
  const y = year
  const [
    unitsIn,
    unitsPending,
    unitsOverdue,
    unitsAll,
    membersIn,
    membersPending,
    membersOverdue,
    membersRetired,
    membersMobile,
    needsOpen,
    needsMatched,
    needsDone,
    wishesConfirmed,
  ] = await Promise.all([
    count(db, COL.units, { communityId: c, approvedYear: y }),
    count(db, COL.units, { communityId: c, 'checkin.status': 'pending' }),
    count(db, COL.units, { communityId: c, approvedYear: _.lt(y) }),
    count(db, COL.units, { communityId: c }),
    count(db, COL.svcMembers, { communityId: c, approvedYear: y }),
    count(db, COL.svcMembers, { communityId: c, status: 'pending' }),
    count(db, COL.svcMembers, { communityId: c, approvedYear: _.lt(y) }),
    // By kind: records without a kind are in-service, so in-service is what the other two leave.
    count(db, COL.svcMembers, { communityId: c, approvedYear: y, kind: 'retired' }),
    count(db, COL.svcMembers, { communityId: c, approvedYear: y, kind: 'mobile' }),
    count(db, COL.svcNeeds, { communityId: c, status: 'open' }),
    count(db, COL.svcNeeds, { communityId: c, status: 'matched' }),
    count(db, COL.svcNeeds, { communityId: c, status: 'done' }),
    count(db, COL.svcWishes, { communityId: c, status: 'confirmed' }),
  ])
  return {
    units: { checkedIn: unitsIn, pending: unitsPending, overdue: unitsOverdue, total: unitsAll },
    members: {
      checkedIn: membersIn,
      pending: membersPending,
      overdue: membersOverdue,
      retired: membersRetired,
      mobile: membersMobile,
    },
    needs: { open: needsOpen, matched: needsMatched, done: needsDone },
    wishesConfirmed,
  }
}
