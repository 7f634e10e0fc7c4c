import { COL } from '../../cloudfunctions/shared/collections'
import type { Database } from '../../cloudfunctions/shared/db-types'
import { periodId, periodLabel, periodOf } from '../../cloudfunctions/property/domain/periods'
import { aggregateDelta, aggregateId, lowDimensions, ratingId } from '../../cloudfunctions/property/domain/ratings'
import { rectificationId } from '../../cloudfunctions/property/domain/rectifications'
import { DEFAULT_RULE, ruleDocId } from '../../cloudfunctions/property/domain/rules'
import { computeList, type Rule } from '../../cloudfunctions/property/domain/scoring'
import {
  partyOrgId,
  type AggregateDoc,
  type PartyOrgDoc,
  type PeriodDoc,
  type PublicationDoc,
  type RatingDoc,
  type RectificationDoc,
  type RuleDoc,
} from '../../cloudfunctions/property/repo'
import { DIMENSIONS, type CompanyInputs, type Stars } from '../../types/property'
import { COMPANIES, placeOfHousehold, STREET } from './demo-data'
import { insertAll } from './insert'
import type { ModuleSeed } from './seed'

/**
 * Demo data of 物业红黑榜 (journey 5): the street's rule v1, three published months for the history
 * chart, and the open month with ratings — co-1 rated well, co-2 poorly with unanswered rectification
 * items past their reply window, co-3 and co-5/co-6 below the minimum sample, co-4 in the middle with
 * two ratings held for review. Two more people: 陈桂兰 (resident of 翠竹苑, served by co-2) and
 * 钱进 (staff of co-2). Deterministic: fixed ids and instants.
 *
 * With `setPropertyBenchStreet(true)` (the bench only) it also seeds 锦绣压测街道: 100 companies and
 * 2,000 × scale ratings in a closed period (20,000 at the bench's 10×), to measure publishing by companies, not ratings.
 */

const at = (iso: string) => new Date(iso)
const RULE_AT = at('2026-07-01T02:00:00Z')

/** The demo street's rule: the default (a 3-day objection window after each close). */
export const DEMO_RULE: Rule = { ...DEFAULT_RULE }

export const OPEN_KEY = '2026-11'
export const OPEN_PERIOD = periodId(STREET._id, OPEN_KEY)

/** A monthly period's key with its Shanghai calendar bounds (what period.open stores). */
const month = (key: string) => {
  const { start, end } = periodOf(new Date(`${key}-15T00:00:00Z`), 'monthly')
  return { key, label: periodLabel(key), cadence: 'monthly' as const, start, end }
}
const OPENED_AT = at('2026-10-31T16:00:00Z')
const RATED_AT = at('2026-11-05T02:00:00Z')

export const PROPERTY_PEOPLE = {
  chen: {
    _id: 'o-res-chen',
    name: '陈桂兰',
    phone: '13800000011',
    household: 'h-hx-2-1-101',
    address: '翠竹苑 1号楼 101',
  },
  qian: { _id: 'o-prop-qian', name: '钱进', phone: '13800000012', company: 'co-2' },
} as const

let benchStreet = false
/** The bench turns on the large street; tests and `npm start` never see it. */
export function setPropertyBenchStreet(on: boolean): void {
  benchStreet = on
}

const uniform = (n: number): Stars => ({ cleaning: n, order: n, repairs: n, greening: n, attitude: n, fees: n })
/** Deterministic variation around a base: the i-th household's stars. */
function starsFor(base: number, i: number): Stars {
  const s = {} as Stars
  DIMENSIONS.forEach((d, k) => {
    s[d] = Math.max(1, Math.min(5, base + (((i + k) % 3) - 1) * (k % 2)))
  })
  return s
}

interface Plan {
  companyId: string
  estateKey: string
  estateId: string
  estateName: string
  communityId: string
  count: number
  base: number
  lowComments?: number
  held?: number
}

const COMMUNITY_OF: Record<string, string> = { hx: 'c-hx', yg: 'c-yg', lq: 'c-lq' }
const ESTATE_NAME: Record<string, string> = {
  'hx-1': '和谐家园',
  'hx-2': '翠竹苑',
  'yg-1': '阳光花园',
  'yg-2': '朝阳新村',
  'lq-1': '柳青雅居',
  'lq-2': '青枫里',
}

const PLANS: Omit<Plan, 'estateId' | 'estateName' | 'communityId'>[] = [
  { companyId: 'co-1', estateKey: 'hx-1', count: 10, base: 5 },
  { companyId: 'co-2', estateKey: 'hx-2', count: 11, base: 2, lowComments: 4 },
  { companyId: 'co-3', estateKey: 'yg-1', count: 3, base: 4 },
  { companyId: 'co-4', estateKey: 'yg-2', count: 10, base: 4, held: 2 },
  { companyId: 'co-5', estateKey: 'lq-1', count: 2, base: 4 },
]

const ROOMS = ['101', '102', '201', '202', '301', '302', '401', '402', '501', '502', '601', '602']
const LOW_COMMENTS = ['电梯坏了两周没人修', '楼道垃圾好几天没清运', '地下车库漏水严重', '公示栏里的收费明细一直没更新']

function companyName(id: string): string {
  return COMPANIES.find((c) => c._id === id)?.name ?? id
}

function openPeriodData(scale: number) {
  const ratings: RatingDoc[] = []
  const rects: RectificationDoc[] = []
  for (let copy = 0; copy < scale; copy++) {
    const suffix = copy === 0 ? '' : `-${copy + 1}`
    for (const p of PLANS) {
      const [ck, ei] = p.estateKey.split('-')
      const estateId = `e-${ck}${suffix}-${ei}`
      const total = p.count + (p.held ?? 0)
      for (let i = 0; i < total; i++) {
        // Building 2 (and 3 for held ones), never building 1 where the journey's residents live.
        const held = i >= p.count
        const building = held ? 3 : 2
        const room = ROOMS[held ? i - p.count : i]
        const householdId = `h-${ck}${suffix}-${ei}-${building}-${room}`
        const stars = starsFor(p.base, i)
        const comment = p.lowComments && i < p.lowComments ? LOW_COMMENTS[i] : undefined
        if (comment) stars.repairs = 1
        const id = ratingId(OPEN_PERIOD, p.companyId, householdId)
        const publicId = `rt_demo_${String(ratings.length + 1).padStart(5, '0')}`
        const opens = !!comment && !held
        ratings.push({
          _id: id,
          publicId,
          periodId: OPEN_PERIOD,
          streetId: STREET._id,
          companyId: p.companyId,
          companyName: companyName(p.companyId),
          estateId,
          estateName: ESTATE_NAME[p.estateKey],
          communityId: `${COMMUNITY_OF[ck]}${suffix}`,
          householdId,
          address: `${ESTATE_NAME[p.estateKey]} ${building}号楼 ${room}`,
          raterOpenid: `o-demo-rater-${ck}${suffix}-${ei}-${building}-${room}`,
          ...(held ? { verifiedAt: at('2026-11-03T02:00:00Z') } : {}),
          stars,
          ...(comment ? { comment } : {}),
          hasComment: !!comment,
          photos: [],
          status: held ? 'held' : 'counted',
          low: lowDimensions(stars).length > 0,
          lowDims: lowDimensions(stars),
          ...(opens ? { rectificationId: rectificationId(publicId) } : {}),
          edits: 0,
          createdAt: RATED_AT,
          updatedAt: RATED_AT,
        })
        if (opens) {
          rects.push({
            _id: rectificationId(publicId),
            ratingId: publicId,
            periodId: OPEN_PERIOD,
            periodStart: month(OPEN_KEY).start,
            streetId: STREET._id,
            companyId: p.companyId,
            companyName: companyName(p.companyId),
            estateName: ESTATE_NAME[p.estateKey],
            householdId,
            lowDims: lowDimensions(stars),
            comment: comment!,
            status: 'open',
            answerDueAt: at('2026-11-08T02:00:00Z'),
            dueAt: at('2026-11-20T02:00:00Z'),
            reopenCount: 0,
            events: [{ kind: 'opened', text: comment, byName: '居民', at: RATED_AT }],
            createdAt: RATED_AT,
            updatedAt: RATED_AT,
          })
        }
      }
    }
  }
  return { ratings, rects, aggregates: aggregatesOf(ratings, rects, OPEN_PERIOD, STREET._id) }
}

/** Aggregates folded from the ratings with the same rule the function applies (so the two always agree). */
function aggregatesOf(
  ratings: RatingDoc[],
  rects: { companyId: string }[],
  period: string,
  streetId: string,
): AggregateDoc[] {
  const map = new Map<string, AggregateDoc>()
  const get = (companyId: string) => {
    let a = map.get(companyId)
    if (!a) {
      a = {
        _id: aggregateId(period, companyId),
        periodId: period,
        streetId,
        companyId,
        sums: uniform(0),
        households: 0,
        held: 0,
        newHouseholds: 0,
        rectTotal: 0,
        rectResolved: 0,
      }
      map.set(companyId, a)
    }
    return a
  }
  for (const r of ratings) {
    const a = get(r.companyId)
    const d = aggregateDelta(null, r)
    for (const k of DIMENSIONS) a.sums[k] += d.sums[k]
    a.households += d.households
    a.held += d.held
    if (r.verifiedAt) a.newHouseholds += 1
  }
  for (const r of rects) get(r.companyId).rectTotal += 1
  return [...map.values()]
}

/**
 * 红色物业 of the demo street: 安居 (co-1) runs a joint branch with 和谐社区, verified; 恒泰 (co-2) has
 * Party members only, verified; 绿苑 (co-3) has none, verified; 万邦 (co-4) has declared its own branch and
 * waits for the street. 宜家 and 顺和 never declared.
 */
function partyOrgs(): PartyOrgDoc[] {
  const declaredAt = at('2026-10-10T02:00:00Z')
  const verifiedAt = at('2026-10-12T02:00:00Z')
  const base = (companyId: string) => ({
    _id: partyOrgId(companyId),
    streetId: STREET._id,
    companyId,
    companyName: companyName(companyId),
    version: 1,
    declaredAt,
    declaredBy: 'o-street-admin',
    declaredByName: '赵立新',
  })
  const verified = { verified: true, verifiedAt, verifiedBy: 'o-street-admin', verifiedByName: '赵立新' }
  const instructorName = '孟庆国'
  return [
    {
      ...base('co-1'),
      ...verified,
      instructorName,
      kind: 'joint_branch',
      branchName: '和谐社区安居物业联合党支部',
      staffMembers: 2,
      onSiteMembers: 2,
      committeeMembers: [
        { name: '李淑珍', body: 'yeweihui', estateName: '和谐家园' },
        { name: '周建华', body: 'wuguanhui', estateName: '和谐家园' },
      ],
    },
    {
      ...base('co-2'),
      ...verified,
      instructorName,
      kind: 'members_only',
      staffMembers: 2,
      onSiteMembers: 1,
      committeeMembers: [{ name: '孙国强', body: 'yeweihui', estateName: '翠竹苑' }],
    },
    { ...base('co-3'), ...verified, kind: 'none', staffMembers: 0, onSiteMembers: 0, committeeMembers: [] },
    {
      ...base('co-4'),
      verified: false,
      kind: 'own_branch',
      branchName: '万邦物业党支部',
      staffMembers: 4,
      onSiteMembers: 3,
      committeeMembers: [],
    },
  ]
}

/** Published months for the history chart: frozen inputs computed by the same scoring function. */
function history(): { periods: PeriodDoc[]; publications: PublicationDoc[] } {
  const months = ['2026-08', '2026-09', '2026-10']
  const shape: Record<string, [number, number, number | null, number, number, number]> = {
    // households, mean stars ×10, community score, rect total, resolved, unresolved
    'co-1': [12, 46, 92, 2, 2, 0],
    'co-2': [12, 24, 55, 6, 1, 5],
    'co-3': [4, 40, null, 0, 0, 0],
    'co-4': [11, 38, 75, 1, 1, 0],
    'co-5': [10, 42, 80, 1, 0, 0],
    'co-6': [3, 35, null, 0, 0, 0],
  }
  const periods: PeriodDoc[] = []
  const publications: PublicationDoc[] = []
  months.forEach((key, mi) => {
    const id = periodId(STREET._id, key)
    const published = at(`${key}-28T02:00:00Z`)
    const inputs: CompanyInputs[] = COMPANIES.map((c) => {
      const [n, mean10, community, total, resolved, unresolved] = shape[c._id]
      const drift = (mi - 1) * (c._id === 'co-2' ? -1 : 1)
      const perDim = Math.round((n * (mean10 + drift)) / 10)
      return {
        companyId: c._id,
        companyName: c.name,
        estates: Object.entries(ESTATE_NAME)
          .filter(
            ([k]) => PLANS.find((p) => p.estateKey === k)?.companyId === c._id || (c._id === 'co-6' && k === 'lq-2'),
          )
          .map(([, v]) => v),
        households: n,
        sums: uniform(perDim),
        communityScore: community,
        rectTotal: total,
        rectResolved: resolved,
        rectUnresolved: unresolved,
      }
    })
    const list = computeList(inputs, DEMO_RULE)
    const next = periodId(STREET._id, months[mi + 1] ?? OPEN_KEY)
    const m = month(key)
    periods.push({
      _id: id,
      streetId: STREET._id,
      ...m,
      status: 'published',
      nextPeriodId: next,
      openedAt: at(`${key}-01T00:00:00Z`),
      openedBy: 'o-street-admin',
      closedAt: published,
      objectionUntil: published,
      publishedVersion: 1,
    })
    publications.push({
      _id: `pub:${id}:1`,
      streetId: STREET._id,
      periodId: id,
      periodKey: key,
      periodLabel: m.label,
      periodStart: m.start,
      periodEnd: m.end,
      version: 1,
      ruleVersion: 1,
      rule: DEMO_RULE,
      inputs,
      streetMean: list.streetMean,
      entries: list.entries,
      cutoff: published,
      publishedAt: published,
      publishedBy: 'o-street-admin',
      publishedByName: '赵立新',
      live: true,
    })
  })
  return { periods, publications }
}

/** Bench street periods: one to publish (counted ratings), one still inside its objection window (with the held ratings to review). */
export const BENCH = {
  street: 'st-bench',
  admin: 'o-bench-admin',
  staff: 'o-bench-staff',
  /** The latest period, so it may be published again and again (a republication needs no later period). */
  publishPeriod: periodId('st-bench', '2026-10'),
  objectionPeriod: periodId('st-bench', '2026-09'),
  heldPerScale: 50,
  /** The bench's staff member works for this many companies (one pending objection per company). */
  staffCompanies: 50,
} as const

function benchStreetData(scale: number) {
  const streetId = BENCH.street
  const companies = Array.from({ length: 100 }, (_, i) => ({
    _id: `co-b-${i + 1}`,
    streetId,
    name: `压测物业${String(i + 1).padStart(3, '0')}`,
  }))
  const estates = companies.map((c, i) => ({
    _id: `e-b-${i + 1}`,
    communityId: 'c-bench',
    streetId,
    name: `压测小区${i + 1}`,
    companyId: c._id,
    companyName: c.name,
  }))
  const pid = BENCH.publishPeriod
  const ratings: RatingDoc[] = []
  const perCompany = 20 * scale
  // Held ratings sit in the period still inside its objection window: publishing refuses a period with held ratings.
  const rating = (ci: number, i: number, held: boolean): RatingDoc => {
    const c = companies[ci]
    const householdId = `h-b-${ci + 1}-${held ? 'h' : ''}${i + 1}`
    const stars = starsFor(1 + (ci % 5), i)
    const periodOf = held ? BENCH.objectionPeriod : pid
    return {
      _id: ratingId(periodOf, c._id, householdId),
      publicId: `rt_b${held ? 'h' : ''}_${ci}_${i}`,
      periodId: periodOf,
      streetId,
      companyId: c._id,
      companyName: c.name,
      estateId: estates[ci]._id,
      estateName: estates[ci].name,
      communityId: 'c-bench',
      householdId,
      address: `压测小区${ci + 1} ${i + 1}`,
      raterOpenid: `o-b-${ci}-${i}`,
      ...(held ? { verifiedAt: RATED_AT } : {}),
      stars,
      hasComment: false,
      photos: [],
      status: held ? 'held' : 'counted',
      low: lowDimensions(stars).length > 0,
      lowDims: lowDimensions(stars),
      edits: 0,
      createdAt: RATED_AT,
      updatedAt: RATED_AT,
    }
  }
  companies.forEach((_, ci) => {
    for (let i = 0; i < perCompany; i++) ratings.push(rating(ci, i, false))
  })
  const held: RatingDoc[] = []
  for (let i = 0; i < BENCH.heldPerScale; i++) held.push(rating(0, i, true))
  // Three counted ratings per staffed company in the objection period: what an upheld objection may exclude.
  const objectable: RatingDoc[] = []
  for (let ci = 0; ci < BENCH.staffCompanies; ci++) {
    for (let k = 0; k < 3; k++)
      objectable.push({
        ...rating(ci, k, true),
        _id: ratingId(BENCH.objectionPeriod, companies[ci]._id, `h-b-${ci + 1}-o${k}`),
        householdId: `h-b-${ci + 1}-o${k}`,
        publicId: `rt_bo_${ci}_${k}`,
        status: 'counted',
      })
  }
  const closed = (key: string, objectionUntil: Date, next?: string): PeriodDoc => ({
    _id: periodId(streetId, key),
    streetId,
    ...month(key),
    status: 'closed',
    ...(next ? { nextPeriodId: next } : {}),
    openedAt: OPENED_AT,
    openedBy: BENCH.admin,
    closedAt: RATED_AT,
    objectionUntil,
  })
  return {
    street: { _id: streetId, name: '锦绣压测街道', createdAt: RULE_AT },
    companies,
    estates,
    periods: [closed('2026-10', RATED_AT), closed('2026-09', at('2099-01-01T00:00:00Z'), BENCH.publishPeriod)],
    ratings: [...ratings, ...held, ...objectable],
    aggregates: [
      ...aggregatesOf(ratings, [], pid, streetId),
      ...aggregatesOf([...held, ...objectable], [], BENCH.objectionPeriod, streetId),
    ],
    users: [
      {
        _id: BENCH.admin,
        name: '压测管理员',
        roles: [{ role: 'street_admin', scopeType: 'street', scopeId: streetId, scopeName: '锦绣压测街道', streetId }],
        createdAt: RULE_AT,
        updatedAt: RULE_AT,
      },
      {
        _id: BENCH.staff,
        name: '压测物业员',
        createdAt: RULE_AT,
        updatedAt: RULE_AT,
        roles: companies
          .slice(0, BENCH.staffCompanies)
          .map((c) => ({ role: 'property_staff', scopeType: 'company', scopeId: c._id, scopeName: c.name, streetId })),
      },
    ],
  }
}

export const seedProperty: ModuleSeed = async (db: Database, scale: number) => {
  const rule: RuleDoc = {
    _id: ruleDocId(STREET._id, 1),
    streetId: STREET._id,
    version: 1,
    rule: DEMO_RULE,
    createdAt: RULE_AT,
    createdBy: 'o-street-admin',
    createdByName: '赵立新',
  }
  const { periods, publications } = history()
  // Opened under the demo rule, which runs periods by themselves: it closes at its end and December opens.
  const open: PeriodDoc = {
    _id: OPEN_PERIOD,
    streetId: STREET._id,
    ...month(OPEN_KEY),
    status: 'open',
    openedAt: OPENED_AT,
    openedBy: 'o-street-admin',
    auto: true,
  }
  const { ratings, rects, aggregates } = openPeriodData(scale)
  const { chen, qian } = PROPERTY_PEOPLE
  const epoch = at('2026-01-05T02:00:00Z')
  await insertAll(db, COL.users, [
    {
      _id: chen._id,
      name: chen.name,
      phone: chen.phone,
      bindingId: 'bind-chen',
      createdAt: epoch,
      updatedAt: epoch,
      roles: [
        {
          role: 'resident',
          scopeType: 'household',
          scopeId: chen.household,
          scopeName: chen.address,
          communityId: 'c-hx',
          streetId: STREET._id,
        },
      ],
    },
    {
      _id: qian._id,
      name: qian.name,
      phone: qian.phone,
      createdAt: epoch,
      updatedAt: epoch,
      roles: [
        {
          role: 'property_staff',
          scopeType: 'company',
          scopeId: qian.company,
          scopeName: companyName(qian.company),
          streetId: STREET._id,
        },
      ],
    },
  ])
  await insertAll(db, COL.bindings, [
    {
      _id: 'bind-chen',
      openid: chen._id,
      householdId: chen.household,
      communityId: 'c-hx',
      streetId: STREET._id,
      ...placeOfHousehold(chen.household),
      address: chen.address,
      communityName: '和谐社区',
      status: 'verified',
      method: 'secretary',
      applicantName: chen.name,
      applicantPhone: chen.phone,
      createdAt: epoch,
      decidedAt: epoch,
      decidedBy: 'o-sec-hx',
      decidedByName: '王秀英',
    },
  ])
  await insertAll(db, COL.propertyRules, [rule])
  await insertAll(db, COL.propertyPeriods, [...periods, open])
  await insertAll(db, COL.propertyPublications, publications)
  await insertAll(db, COL.propertyRatings, ratings)
  await insertAll(db, COL.propertyRectifications, rects)
  await insertAll(db, COL.propertyAggregates, aggregates)
  await insertAll(db, COL.propertyPartyOrgs, partyOrgs())
  await insertAll(db, COL.propertySummons, [
    {
      _id: 'sum-demo-2026-10',
      streetId: STREET._id,
      publicationId: `pub:${periodId(STREET._id, '2026-10')}:1`,
      periodId: periodId(STREET._id, '2026-10'),
      periodLabel: periodLabel('2026-10'),
      companyId: 'co-2',
      companyName: companyName('co-2'),
      date: '2026-10-30',
      attendees: '街道党工委 赵立新；恒泰物业 项目经理',
      problems: '报修响应慢，整改事项逾期未答复',
      commitments: '48 小时内答复全部报修；每周公示整改进度',
      followUpDate: '2026-11-30',
      followUps: [],
      by: 'o-street-admin',
      byName: '赵立新',
      createdAt: at('2026-10-30T06:00:00Z'),
    },
  ])
  if (benchStreet) {
    const b = benchStreetData(scale)
    await insertAll(db, COL.streets, [b.street])
    await insertAll(db, COL.companies, b.companies)
    await insertAll(db, COL.estates, b.estates)
    await insertAll(db, COL.propertyPeriods, b.periods)
    await insertAll(db, COL.propertyAggregates, b.aggregates)
    await insertAll(db, COL.propertyRatings, b.ratings)
    await insertAll(db, COL.users, b.users)
  }
}
