import type { PartyOrgKind, AssessmentDirection, CompanyInputs, ListEntry, ObjectionEffect, ObjectionStatus, PeriodStatus, RatingStatus, RectStatus, Stars, Cadence, Dimension } from '../../types/property'
import type { Database } from '../shared/cloud'
import { COL } from '../shared/collections'
import type { Filter } from '../shared/db-types'
import type { Moderated } from '../shared/moderation'
import { DEFAULT_RULE, ruleDocId } from './domain/rules'
import { round2, type Rule } from './domain/scoring'
import { ratedCompanyOf, type ServedEstate } from './domain/serving'
import { findById } from '../shared/store'
export { findById }

/** Stored shapes of the property context. Instants are Date; stars are integers. */
export interface RuleDoc { _id: string; streetId: string; version: number; rule: Rule; createdAt: Date; createdBy: string; createdByName: string }
export interface PeriodDoc {
  _id: string; streetId: string; key: string; label: string; cadence: Cadence; status: PeriodStatus
  /** The Shanghai calendar bounds (start inclusive, end exclusive): periods are ordered and compared by these. */
  start: Date; end: Date
  /** The street's next period, set in the transaction that opens it: from then on this period's list is final. */
  nextPeriodId?: string
  openedAt: Date; openedBy: string; closedAt?: Date; closedBy?: string; objectionUntil?: Date; publishedVersion?: number
  /** Runs on the timer (the rule said so when it opened): it closes at its end and the next period opens. */
  auto?: boolean
  /**
   * Moves (by one) in the transaction of every write that changes what the period's list is computed
   * from: ratings, reviews, confirmations, assessments, exclusions. Publishing compares it with the
   * value read before the inputs were gathered (absent = 0).
   */
  inputVersion?: number
}
/** `hidden`/`moderation`/`hiddenPhotos` concern its comment and photos only: its stars count as ever. */
export interface RatingDoc extends Moderated {
  /** Deterministic (period, company, household): one rating per household. Never shown: it names the household. */
  _id: string
  /** The id views and actions use: random, so it says nothing about the household. */
  publicId: string
  periodId: string; streetId: string; companyId: string; companyName: string
  estateId: string; estateName: string; communityId: string; householdId: string; address: string
  /** Private: never in a view for company staff. */
  raterOpenid: string; verifiedAt?: Date
  stars: Stars; comment?: string; hasComment: boolean; photos: string[]
  status: RatingStatus; low: boolean; lowDims: Dimension[]
  rectificationId?: string
  answer?: string; answeredAt?: Date; answeredBy?: string; answeredByName?: string
  reviewedBy?: string; reviewedAt?: Date; reviewReason?: string
  /** Set when an upheld objection excluded it (status `excluded`): kept, out of the list. */
  exclusion?: { reason: string; objectionId: string; by: string; byName: string; at: Date }
  edits: number; createdAt: Date; updatedAt: Date
}
export interface AggregateDoc {
  _id: string; periodId: string; streetId: string; companyId: string
  sums: Record<Dimension, number>; households: number; held: number; newHouseholds: number
  rectTotal: number; rectResolved: number
}
export interface RectEvent { kind: 'opened' | 'answered' | 'progress' | 'reported' | 'confirmed' | 'not_fixed'; text?: string; byName: string; at: Date }
export interface RectificationDoc {
  _id: string; ratingId: string; periodId: string
  /** The start of the item's period: earlier periods' items are selected by it. */
  periodStart: Date
  streetId: string; companyId: string; companyName: string
  estateName: string; householdId: string; lowDims: Dimension[]; comment: string; status: RectStatus
  answerDueAt: Date; dueAt: Date; reopenCount: number; events: RectEvent[]; createdAt: Date; updatedAt: Date
  /** Its rating was excluded by an upheld objection: the item stays, but counts in no list. */
  excluded?: boolean
  /** The rating's comment (copied here) is held or removed: shown as the placeholder to the company. */
  hidden?: boolean
  moderation?: Moderated['moderation']
}
export interface AssessmentDoc {
  _id: string; periodId: string; streetId: string; communityId: string; communityName: string; companyId: string; companyName: string
  direction: AssessmentDirection; score: number; comment?: string; by: string; byName: string; at: Date; revisions: number
}
export interface ObjectionDoc {
  /** `obj_<period·company digest>_<n>`: the company's n-th objection of the period (see objectionId). */
  _id: string; periodId: string; streetId: string; companyId: string; companyName: string; text: string; status: ObjectionStatus
  by: string; byName: string; createdAt: Date; decision?: string; decidedBy?: string; decidedByName?: string; decidedAt?: Date
  /** What the upheld objection did; the ratings (public ids) it excluded. */
  effect?: ObjectionEffect; excludedRatingIds?: string[]
}
/** An upheld objection frozen with a publication, shown with the company's placement. */
export interface EffectDoc { objectionId: string; companyId: string; kind: ObjectionEffect; text: string; excluded: number; decidedAt: Date }
export interface PublicationDoc {
  _id: string; streetId: string; periodId: string; periodKey: string; periodLabel: string
  /** The period's bounds: the street's current list is the live publication with the latest start. */
  periodStart: Date; periodEnd: Date
  version: number
  ruleVersion: number; rule: Rule; inputs: CompanyInputs[]; streetMean: number; entries: ListEntry[]
  /** The period's upheld objections at publication (absent on publications made before they had effects). */
  effects?: EffectDoc[]
  /** The inputs were gathered at this instant (the cutoff for overdue rectification). */
  cutoff: Date
  publishedAt: Date; publishedBy: string; publishedByName: string
  /** False once a newer version of the same period replaced it. */
  live: boolean; supersededAt?: Date
}
export interface SummonsDoc {
  _id: string; streetId: string; publicationId: string; periodId: string; periodLabel: string; companyId: string; companyName: string
  date: string; attendees: string; problems: string; commitments: string; followUpDate: string
  followUps: { text: string; by: string; byName: string; at: Date }[]
  by: string; byName: string; createdAt: Date
}
/**
 * 红色物业: a company's Party organisation, `po:<companyId>`. Each declaration replaces the fields and
 * moves `version` (the one before goes to property_revisions); verification names the version it
 * checked. Only a verified latest declaration counts in a list.
 */
export interface PartyOrgDoc {
  _id: string; streetId: string; companyId: string; companyName: string
  kind: PartyOrgKind; branchName?: string; staffMembers: number; onSiteMembers: number
  committeeMembers: { name: string; body: 'wuguanhui' | 'yeweihui'; estateName?: string }[]
  instructorName?: string
  version: number; verified: boolean
  declaredAt: Date; declaredBy: string; declaredByName: string
  verifiedAt?: Date; verifiedBy?: string; verifiedByName?: string
}
export const partyOrgId = (companyId: string) => `po:${companyId}`

/** A superseded version of a rating, answer, assessment or 红色物业 declaration, kept with who and when. */
export interface RevisionDoc { _id: string; kind: 'rating' | 'answer' | 'assessment' | 'party_org'; targetId: string; snapshot: unknown; supersededBy: string; at: Date }

/** Org shapes this context reads (owned by org). */
export interface CompanyDoc { _id: string; streetId: string; name: string }
/** `formerCompany`: a company that stopped serving it keeps the ratings of the period it stopped in (domain/serving.ts). */
export interface EstateDoc extends ServedEstate { _id: string; communityId: string; streetId: string; name: string }
export interface HouseholdDoc { _id: string; estateId: string; communityId: string; streetId: string; room: string; address: string; estateName?: string; buildingName?: string }
export interface CommunityDoc { _id: string; streetId: string; name: string }
export interface BindingDoc { _id: string; householdId: string; status: string; decidedAt?: Date }


/** The most a single server get() returns; larger sets are read in pages of this size. */
export const PAGE = 100

/**
 * Every document matching `filter`, in pages of 100: requests grow with the matches / 100, never with the rest.
 * `fields` reads only those fields (what a long read does not need, it does not carry).
 */
export async function readAll<T>(db: Database, collection: string, filter: Filter, order: string, cap = 10_000, page = PAGE, fields?: Record<string, true>): Promise<T[]> {
  const out: T[] = []
  for (let skip = 0; skip < cap; skip += page) {
    const query = db.collection(collection).where(filter).orderBy(order, 'asc')
    const { data } = await (fields ? query.field(fields) : query).skip(skip).limit(page).get()
    out.push(...(data as T[]))
    if (data.length < page) break
  }
  return out
}

type AggCommand = { aggregate: { sum(x: unknown): unknown; cond(x: unknown[]): unknown; neq(x: unknown[]): unknown; push(x: unknown): unknown } }

/**
 * Everything a period's list is computed from, read from maintained aggregates — never from the
 * ratings themselves. Requests: companies, aggregates and 红色物业 records in pages of 100 (so they grow
 * with the number of companies / 100, never with the street's size), plus one grouped read each for the
 * estates each company serves, assessments and overdue items.
 *
 * Overdue items are counted across this period **and earlier ones**, selected by the start of their
 * period (periods of a street never overlap): an item opened in October and still open when
 * November is scored counts against the company in November. Later periods' items never count, nor
 * do items whose rating an upheld objection excluded. The count (and how many are from earlier
 * periods) is frozen with the inputs, so recomputing needs nothing but the publication.
 */
/** One group of the street's estates by who serves them now and who stopped serving them. */
interface ServedGroup { companyId?: string; companyName?: string; former?: string; formerName?: string; until?: Date }

async function listInputs(db: Database, period: PeriodDoc, cutoff: Date): Promise<CompanyInputs[]> {
  const _ = db.command
  const $ = (db.command as unknown as AggCommand).aggregate
  const [companies, aggregates, estates, partyOrgs, assessed, overdue] = await Promise.all([
    readAll<CompanyDoc>(db, COL.companies, { streetId: period.streetId }, '_id'),
    readAll<AggregateDoc>(db, COL.propertyAggregates, { periodId: period._id }, '_id'),
    // Grouped by the company serving now and the one that stopped (and when): one request however many
    // estates the street has; ratedCompanyOf then names the company each group's ratings go to.
    db.collection(COL.estates).aggregate()
      .match({ streetId: period.streetId })
      .group({
        _id: { companyId: '$companyId', companyName: '$companyName', former: '$formerCompany.companyId', formerName: '$formerCompany.companyName', until: '$formerCompany.until' },
        names: $.push('$name'),
      })
      .limit(1000).end(),
    readAll<PartyOrgDoc>(db, COL.propertyPartyOrgs, { streetId: period.streetId }, '_id'),
    db.collection(COL.propertyAssessments).aggregate()
      .match({ periodId: period._id, direction: 'of_company' })
      .group({ _id: '$companyId', total: $.sum('$score'), n: $.sum(1) })
      .limit(1000).end(),
    db.collection(COL.propertyRectifications).aggregate()
      .match(_.and([
        { streetId: period.streetId, periodStart: _.lte(period.start), status: _.neq('resolved'), excluded: _.neq(true) },
        _.or([{ status: 'open', answerDueAt: _.lt(cutoff) }, { dueAt: _.lt(cutoff) }]),
      ]) as Record<string, unknown>)
      .group({ _id: '$companyId', n: $.sum(1), earlier: $.sum($.cond([$.neq(['$periodId', period._id]), 1, 0])) })
      .limit(1000).end(),
  ])
  const agg = new Map(aggregates.map((a) => [a.companyId, a]))
  const scores = new Map((assessed.list as { _id: string; total: number; n: number }[]).map((x) => [x._id, round2(x.total / x.n)]))
  const orgs = new Map(partyOrgs.map((o) => [o.companyId, o]))
  const held = new Map((overdue.list as { _id: string; n: number; earlier: number }[]).map((x) => [x._id, x]))
  const served = new Map<string, string[]>()
  for (const g of estates.list as { _id: ServedGroup; names: string[] }[]) {
    const k = g._id
    const rated = ratedCompanyOf({ companyId: k.companyId, companyName: k.companyName, ...(k.former && k.until ? { formerCompany: { companyId: k.former, companyName: k.formerName ?? '', until: k.until } } : {}) }, period)
    if (rated) served.set(rated.companyId, [...(served.get(rated.companyId) ?? []), ...g.names])
  }
  return companies.map((c) => {
    const a = agg.get(c._id)
    return {
      companyId: c._id,
      companyName: c.name,
      estates: [...(served.get(c._id) ?? [])].sort(),
      households: a?.households ?? 0,
      sums: a ? { ...a.sums } : { cleaning: 0, order: 0, repairs: 0, greening: 0, attitude: 0, fees: 0 },
      communityScore: scores.get(c._id) ?? null,
      rectTotal: a?.rectTotal ?? 0,
      rectResolved: a?.rectResolved ?? 0,
      rectUnresolved: held.get(c._id)?.n ?? 0,
      rectUnresolvedEarlier: held.get(c._id)?.earlier ?? 0,
      // 红色物业 as it stands at the cutoff; a company that never declared has none (counted as no members, shown 未登记).
      ...(orgs.has(c._id) ? { partyOrg: { kind: orgs.get(c._id)!.kind, verified: orgs.get(c._id)!.verified } } : {}),
    }
  })
}

export const repo = {
  company: (db: Database, id: string) => findById<CompanyDoc>(db, COL.companies, id),
  estate: (db: Database, id: string) => findById<EstateDoc>(db, COL.estates, id),
  household: (db: Database, id: string) => findById<HouseholdDoc>(db, COL.households, id),
  community: (db: Database, id: string) => findById<CommunityDoc>(db, COL.communities, id),
  binding: (db: Database, id: string) => findById<BindingDoc>(db, COL.bindings, id),
  period: (db: Database, id: string) => findById<PeriodDoc>(db, COL.propertyPeriods, id),
  rating: (db: Database, id: string) => findById<RatingDoc>(db, COL.propertyRatings, id),
  async ratingByPublicId(db: Database, publicId: string): Promise<RatingDoc | null> {
    const { data } = await db.collection(COL.propertyRatings).where({ publicId }).limit(1).get()
    return (data[0] as RatingDoc | undefined) ?? null
  },
  rectification: (db: Database, id: string) => findById<RectificationDoc>(db, COL.propertyRectifications, id),
  objection: (db: Database, id: string) => findById<ObjectionDoc>(db, COL.propertyObjections, id),
  publication: (db: Database, id: string) => findById<PublicationDoc>(db, COL.propertyPublications, id),
  summons: (db: Database, id: string) => findById<SummonsDoc>(db, COL.propertySummons, id),
  partyOrg: (db: Database, companyId: string) => findById<PartyOrgDoc>(db, COL.propertyPartyOrgs, partyOrgId(companyId)),

  /** The built-in default as the street's version 0. */
  defaultRule: (streetId: string): RuleDoc => ({ _id: ruleDocId(streetId, 0), streetId, version: 0, rule: DEFAULT_RULE, createdAt: new Date(0), createdBy: '', createdByName: '系统默认' }),

  /** The street's rule in force: its latest version, or the built-in default (version 0). One request. */
  async currentRule(db: Database, streetId: string): Promise<RuleDoc> {
    const { data } = await db.collection(COL.propertyRules).where({ streetId }).orderBy('version', 'desc').limit(1).get()
    return (data[0] as RuleDoc | undefined) ?? repo.defaultRule(streetId)
  },

  async openPeriod(db: Database, streetId: string): Promise<PeriodDoc | null> {
    const { data } = await db.collection(COL.propertyPeriods).where({ streetId, status: 'open' }).limit(1).get()
    return (data[0] as PeriodDoc | undefined) ?? null
  },

  /** The street's period with the latest start (periods never overlap, so it is also the one ending last). One request. */
  async latestPeriod(db: Database, streetId: string): Promise<PeriodDoc | null> {
    const { data } = await db.collection(COL.propertyPeriods).where({ streetId }).orderBy('start', 'desc').limit(1).get()
    return (data[0] as PeriodDoc | undefined) ?? null
  },

  /** The first of the street's periods that ends after `start` (what a new period starting then would collide with). One request. */
  async firstPeriodEndingAfter(db: Database, streetId: string, start: Date): Promise<PeriodDoc | null> {
    const { data } = await db.collection(COL.propertyPeriods).where({ streetId, end: db.command.gt(start) }).orderBy('start', 'asc').limit(1).get()
    return (data[0] as PeriodDoc | undefined) ?? null
  },

  /**
   * The street's current list: the live publication of the latest period, by the period's start — so
   * publishing an older period later never makes it current. One request.
   */
  async currentPublication(db: Database, streetId: string): Promise<PublicationDoc | null> {
    const { data } = await db.collection(COL.propertyPublications).where({ streetId, live: true }).orderBy('periodStart', 'desc').limit(1).get()
    return (data[0] as PublicationDoc | undefined) ?? null
  },

  /** The period's live publication (its current version), if published. One request. */
  async livePublication(db: Database, periodId: string): Promise<PublicationDoc | null> {
    const { data } = await db.collection(COL.propertyPublications).where({ periodId, live: true }).limit(1).get()
    return (data[0] as PublicationDoc | undefined) ?? null
  },

  listInputs,

  /** The period's upheld objections, as shown with each company's placement. One request (a period has few). */
  async objectionEffects(db: Database, periodId: string): Promise<EffectDoc[]> {
    const { data } = await db.collection(COL.propertyObjections).where({ periodId, status: 'upheld' }).orderBy('decidedAt', 'asc').limit(100).get()
    return (data as ObjectionDoc[]).map((o) => ({
      objectionId: o._id, companyId: o.companyId, kind: o.effect ?? 'annotate', text: o.decision ?? '', excluded: o.excludedRatingIds?.length ?? 0, decidedAt: o.decidedAt ?? o.createdAt,
    }))
  },

  /** The live publication of each of the street's last `n` published periods, newest period first (by its start). One request. */
  async history(db: Database, streetId: string, n = 12): Promise<PublicationDoc[]> {
    const { data } = await db.collection(COL.propertyPublications).where({ streetId, live: true }).orderBy('periodStart', 'desc').limit(n).get()
    return data as PublicationDoc[]
  },
}
