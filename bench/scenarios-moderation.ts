import { ratingPublicId } from '../cloudfunctions/council/moderation'
import type { Database } from '../cloudfunctions/shared/db-types'
import type { Scenario } from './types'

/**
 * 举报 and review in every function that owns reportable kinds (shared/moderation.ts). Each kind gets a
 * record per call written straight into the database; three people report it in turn (the first
 * report creates the case and reads the author's record, the third hides the item), then the reviewer
 * restores it. The queue, the comment list and the street's audit log are read at the end.
 */

const N = 40
const STREET = 'st-jinxiu'
const now = () => new Date()
const PERIOD = 'per:st-jinxiu:2026-11'
const RESOLUTION = 'res:meet-parking:item-1'
const EXTRA_STAFF = ['o-bench-prop-b', 'o-bench-prop-c']

const topicId = (i: number) => `topic-mod-bench-${i}`
const wishId = (i: number) => `wish-mod-bench-${i}`
const eventId = (i: number) => `gev-mod-bench-${i}`
const ratingPublic = (i: number) => `rt_mod_bench_${i}`
const commentDoc = (i: number) => `rating:${RESOLUTION}:h-bench-rc-${i}`

async function records(db: Database): Promise<void> {
  const at = now()
  const add = (col: string, data: Record<string, unknown>) => db.collection(col).add({ data })
  for (let i = 0; i < N; i++) {
    await add('council_topics', {
      _id: topicId(i),
      communityId: 'c-hx',
      streetId: STREET,
      title: `压测举报议题${i}`,
      body: '压测内容',
      photos: [],
      authorOpenid: 'o-res-liu',
      authorName: '刘芳',
      status: 'open',
      seconds: 0,
      locked: false,
      createdAt: at,
      updatedAt: at,
    })
    await add('svc_wishes', {
      _id: wishId(i),
      communityId: 'c-hx',
      streetId: STREET,
      householdId: 'h-hx-1-1-101',
      address: '和谐家园 1号楼 101',
      residentOpenid: 'o-res-liu',
      residentName: '刘芳',
      postedBy: 'o-res-liu',
      title: `压测心愿${i}`,
      dueAt: new Date(at.getTime() + 7 * 86_400_000),
      status: 'open',
      createdAt: at,
    })
    await add('grid_events', {
      _id: eventId(i),
      gridId: 'g-hx-1',
      gridName: '第一网格',
      communityId: 'c-hx',
      communityName: '和谐社区',
      streetId: STREET,
      place: '1号楼门口',
      category: 'clutter',
      description: '压测事件',
      photos: [],
      urgency: 'normal',
      status: 'reported',
      reporter: 'o-res-liu',
      reporterName: '刘芳',
      reopenCount: 0,
      whistled: false,
      progress: [],
      progressCount: 0,
      createdAt: at,
      updatedAt: at,
    })
    await add('property_ratings', {
      _id: `rt:bench-mod:${i}`,
      publicId: ratingPublic(i),
      periodId: PERIOD,
      streetId: STREET,
      companyId: 'co-1',
      companyName: '安居物业服务有限公司',
      estateId: 'e-hx-1',
      estateName: '和谐家园',
      communityId: 'c-hx',
      householdId: `h-bench-mod-${i}`,
      address: '压测地址',
      raterOpenid: `o-bench-rater-${i}`,
      stars: { cleaning: 3, order: 3, repairs: 3, greening: 3, attitude: 3, fees: 3 },
      comment: '压测评价',
      hasComment: true,
      photos: [],
      status: 'counted',
      low: false,
      lowDims: [],
      edits: 0,
      createdAt: at,
      updatedAt: at,
    })
    await add('council_ratings', {
      _id: commentDoc(i),
      publicId: ratingPublicId(commentDoc(i)),
      resolutionId: RESOLUTION,
      householdId: `h-bench-rc-${i}`,
      owner: 'bench',
      stars: 3,
      comment: '压测反馈',
      at,
      createdAt: at,
      edits: 0,
    })
  }
  for (const id of EXTRA_STAFF) {
    await add('users', {
      _id: id,
      name: '压测物业',
      createdAt: at,
      updatedAt: at,
      roles: [
        {
          role: 'property_staff',
          scopeType: 'company',
          scopeId: 'co-1',
          scopeName: '安居物业服务有限公司',
          streetId: STREET,
        },
      ],
    })
  }
}

/** Three reports of one kind in turn (first, second, third: the third hides), then the review that restores. */
function kindRows(
  fn: string,
  kind: string,
  id: (i: number) => string,
  reporters: string[],
  reviewer: string,
  setup?: (db: Database) => Promise<void>,
): Scenario[] {
  const report = (n: number, label: string): Scenario => ({
    fn,
    action: 'report.submit',
    label: `${fn}.report.submit (${kind}, ${label})`,
    openid: () => reporters[n],
    input: (i) => ({ kind, id: id(i), reason: 'abuse' }),
    ...(n === 0 && setup ? { setup } : {}),
  })
  return [
    report(0, 'first: opens the case'),
    report(1, 'second'),
    report(2, 'third: hides'),
    {
      fn,
      action: 'moderation.review',
      label: `${fn}.moderation.review (${kind}, restore)`,
      openid: () => reviewer,
      input: (i) => ({ caseId: `mc:${kind}:${id(i)}`, decision: 'restore', reason: '经核实无不当内容' }),
    },
  ]
}

export function moderationScenarios(): Scenario[] {
  const residents = ['o-res-zhang', 'o-res-hx-102', 'o-res-chen']
  return [
    ...kindRows('council', 'topic', topicId, residents, 'o-sec-hx', records),
    ...kindRows('service', 'wish', wishId, residents, 'o-sec-hx'),
    ...kindRows('grid', 'event', eventId, ['o-grid-huang', 'o-sec-hx', 'o-street-admin'], 'o-sec-hx'),
    ...kindRows('property', 'rating_comment', ratingPublic, ['o-prop-zheng', ...EXTRA_STAFF], 'o-street-admin'),
    {
      fn: 'council',
      action: 'report.submit',
      label: 'council.report.submit (resolution_comment, first)',
      openid: () => 'o-res-zhang',
      input: (i) => ({ kind: 'resolution_comment', id: ratingPublicId(commentDoc(i)), reason: 'false' }),
    },
    {
      fn: 'council',
      action: 'resolution.comments',
      openid: () => 'o-res-zhang',
      input: () => ({ resolutionId: RESOLUTION, pageSize: 20 }),
    },
    {
      fn: 'org',
      action: 'moderation.queue',
      label: 'org.moderation.queue (secretary, decided)',
      openid: () => 'o-sec-hx',
      input: () => ({ communityId: 'c-hx', status: 'decided', pageSize: 20 }),
    },
    {
      fn: 'org',
      action: 'moderation.queue',
      label: 'org.moderation.queue (street admin, held)',
      openid: () => 'o-street-admin',
      input: () => ({ streetId: STREET, status: 'held', pageSize: 20 }),
    },
    // The street's audit log, after every scenario above has written to it: count, page and one read of the people named.
    {
      fn: 'org',
      action: 'audit.list',
      openid: () => 'o-street-admin',
      input: (i) => ({ streetId: STREET, pageSize: 20, page: 1 + (i % 5) }),
    },
    {
      fn: 'org',
      action: 'audit.list',
      label: 'org.audit.list (by action and day)',
      openid: () => 'o-street-admin',
      input: () => ({ streetId: STREET, fn: 'council', action: 'report.submit', from: '2026-01-01', pageSize: 20 }),
    },
  ]
}
