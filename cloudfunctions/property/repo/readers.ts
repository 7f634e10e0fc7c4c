import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { findById } from '../../shared/store'
import { aggregateId } from '../domain/ratings'
import { DEFAULT_RULE, ruleDocId } from '../domain/rules'
import { listInputs } from './list-inputs'
import {
  partyOrgId,
  type AggregateDoc,
  type BindingDoc,
  type CommunityDoc,
  type CompanyDoc,
  type EffectDoc,
  type EstateDoc,
  type HouseholdDoc,
  type ObjectionDoc,
  type PartyOrgDoc,
  type PeriodDoc,
  type PublicationDoc,
  type RatingDoc,
  type RectificationDoc,
  type RuleDoc,
  type SummonsDoc,
} from './shapes'

/** The property context's readers by id (and the few one-document reads its actions share). */
export const repo = {
  street: (db: Database, id: string) => findById<{ _id: string; name: string }>(db, COL.streets, id),
  company: (db: Database, id: string) => findById<CompanyDoc>(db, COL.companies, id),
  estate: (db: Database, id: string) => findById<EstateDoc>(db, COL.estates, id),
  household: (db: Database, id: string) => findById<HouseholdDoc>(db, COL.households, id),
  community: (db: Database, id: string) => findById<CommunityDoc>(db, COL.communities, id),
  binding: (db: Database, id: string) => findById<BindingDoc>(db, COL.bindings, id),
  period: (db: Database, id: string) => findById<PeriodDoc>(db, COL.propertyPeriods, id),
  rating: (db: Database, id: string) => findById<RatingDoc>(db, COL.propertyRatings, id),
  /** A company's running sums of a period (see bumpAggregateInTx). */
  aggregate: (db: Database, periodId: string, companyId: string) =>
    findById<AggregateDoc>(db, COL.propertyAggregates, aggregateId(periodId, companyId)),
  async ratingByPublicId(db: Database, publicId: string): Promise<RatingDoc | null> {
    const { data } = await db.collection(COL.propertyRatings).where({ publicId }).limit(1).get()
    return (data[0] as RatingDoc | undefined) ?? null
  },
  rectification: (db: Database, id: string) => findById<RectificationDoc>(db, COL.propertyRectifications, id),
  objection: (db: Database, id: string) => findById<ObjectionDoc>(db, COL.propertyObjections, id),
  publication: (db: Database, id: string) => findById<PublicationDoc>(db, COL.propertyPublications, id),
  summons: (db: Database, id: string) => findById<SummonsDoc>(db, COL.propertySummons, id),
  partyOrg: (db: Database, companyId: string) =>
    findById<PartyOrgDoc>(db, COL.propertyPartyOrgs, partyOrgId(companyId)),

  /** A version of the street's rule (1 and up: version 0 is defaultRule, never stored). */
  rule: (db: Database, streetId: string, version: number) =>
    findById<RuleDoc>(db, COL.propertyRules, ruleDocId(streetId, version)),

  /** The built-in default as the street's version 0. */
  defaultRule: (streetId: string): RuleDoc => ({
    _id: ruleDocId(streetId, 0),
    streetId,
    version: 0,
    rule: DEFAULT_RULE,
    createdAt: new Date(0),
    createdBy: '',
    createdByName: '系统默认',
  }),

  /** The street's rule in force: its latest version, or the built-in default (version 0). One request. */
  async currentRule(db: Database, streetId: string): Promise<RuleDoc> {
    const { data } = await db
      .collection(COL.propertyRules)
      .where({ streetId })
      .orderBy('version', 'desc')
      .limit(1)
      .get()
    return (data[0] as RuleDoc | undefined) ?? repo.defaultRule(streetId)
  },

  async openPeriod(db: Database, streetId: string): Promise<PeriodDoc | null> {
    const { data } = await db.collection(COL.propertyPeriods).where({ streetId, status: 'open' }).limit(1).get()
    return (data[0] as PeriodDoc | undefined) ?? null
  },

  /** The street's period with the latest start (periods never overlap, so it is also the one ending last). One request. */
  async latestPeriod(db: Database, streetId: string): Promise<PeriodDoc | null> {
    const { data } = await db
      .collection(COL.propertyPeriods)
      .where({ streetId })
      .orderBy('start', 'desc')
      .limit(1)
      .get()
    return (data[0] as PeriodDoc | undefined) ?? null
  },

  /** The first of the street's periods that ends after `start` (what a new period starting then would collide with). One request. */
  async firstPeriodEndingAfter(db: Database, streetId: string, start: Date): Promise<PeriodDoc | null> {
    const { data } = await db
      .collection(COL.propertyPeriods)
      .where({ streetId, end: db.command.gt(start) })
      .orderBy('start', 'asc')
      .limit(1)
      .get()
    return (data[0] as PeriodDoc | undefined) ?? null
  },

  /**
   * The street's current list: the live publication of the latest period, by the period's start — so
   * publishing an older period later never makes it current. One request.
   */
  async currentPublication(db: Database, streetId: string): Promise<PublicationDoc | null> {
    const { data } = await db
      .collection(COL.propertyPublications)
      .where({ streetId, live: true })
      .orderBy('periodStart', 'desc')
      .limit(1)
      .get()
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
    const { data } = await db
      .collection(COL.propertyObjections)
      .where({ periodId, status: 'upheld' })
      .orderBy('decidedAt', 'asc')
      .limit(100)
      .get()
    return (data as ObjectionDoc[]).map((o) => ({
      objectionId: o._id,
      companyId: o.companyId,
      kind: o.effect ?? 'annotate',
      text: o.decision ?? '',
      excluded: o.excludedRatingIds?.length ?? 0,
      decidedAt: o.decidedAt ?? o.createdAt,
    }))
  },

  /** The live publication of each of the street's last `n` published periods, newest period first (by its start). One request. */
  async history(db: Database, streetId: string, n = 12): Promise<PublicationDoc[]> {
    const { data } = await db
      .collection(COL.propertyPublications)
      .where({ streetId, live: true })
      .orderBy('periodStart', 'desc')
      .limit(n)
      .get()
    return data as PublicationDoc[]
  },
}
