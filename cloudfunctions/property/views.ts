import {
  coverageOf,
  DIMENSIONS,
  LIST_INPUTS_FORMAT,
  type AnonymousRatingView,
  type AssessmentView,
  type CompanyInputs,
  type ListEntry,
  type ListInputsView,
  type MyRatingView,
  type ObjectionEffectView,
  type ObjectionView,
  type PeriodView,
  type PublicationView,
  type RedPropertyView,
  type RectificationView,
  type RuleView,
  type ServedEstates,
  type SummonsView,
} from '../../types/property'
import { TIMER_ACTOR } from '../shared/dispatch'
import { canObject } from './domain/periods'
import { isOverdueUnanswered } from './domain/rectifications'
import { HIDDEN_TEXT } from '../../types/moderation'
import { shown, stateOf } from '../shared/moderation'
import type {
  AssessmentDoc,
  EffectDoc,
  ObjectionDoc,
  PartyOrgDoc,
  PeriodDoc,
  PublicationDoc,
  RatingDoc,
  RectificationDoc,
  RuleDoc,
  SummonsDoc,
} from './repo'

/**
 * Who looks at a rating's content: its household (sees it whole, marked) or anyone else. A word, not a
 * boolean, so a view passed straight to Array.map cannot take the index for it.
 */
export type Viewer = 'household' | 'others'

const iso = (d: Date | undefined) => (d ? new Date(d).toISOString() : undefined)

export const ruleView = (r: RuleDoc): RuleView => ({
  streetId: r.streetId,
  version: r.version,
  rule: r.rule,
  createdAt: iso(r.createdAt)!,
  createdByName: r.createdByName,
  isDefault: r.version === 0,
})

/** `now` decides whether the objection window is open, so screens follow the server's clock, not the phone's. */
export const periodView = (p: PeriodDoc, now: Date): PeriodView => ({
  id: p._id,
  streetId: p.streetId,
  key: p.key,
  label: p.label,
  cadence: p.cadence,
  status: p.status,
  start: iso(p.start)!,
  end: iso(p.end)!,
  openedAt: iso(p.openedAt)!,
  closedAt: iso(p.closedAt),
  objectionUntil: iso(p.objectionUntil),
  objectionOpen: canObject(p, now),
  publishedVersion: p.publishedVersion,
  auto: !!p.auto,
  ...(p.closedBy ? { closedBy: p.closedBy === TIMER_ACTOR ? ('timer' as const) : ('admin' as const) } : {}),
})

/**
 * The rating without the rater: no openid, no name, no household or address. A held or removed
 * comment (and its photos) is the placeholder to everyone but the household that wrote it.
 */
export function anonymousRatingView(r: RatingDoc, viewer: Viewer = 'others'): AnonymousRatingView {
  const m = shown(r, viewer === 'household', r.photos ?? [])
  return {
    id: r.publicId,
    periodId: r.periodId,
    companyId: r.companyId,
    estateName: r.estateName,
    stars: r.stars,
    comment: m.blank ?? r.comment,
    photos: m.photos,
    status: r.status,
    low: r.low,
    answer: r.answer,
    answeredAt: iso(r.answeredAt),
    answeredByName: r.answeredByName,
    rectificationId: r.rectificationId,
    exclusionReason: r.exclusion?.reason,
    updatedAt: iso(r.updatedAt)!,
    ...m.fields,
  }
}

/** What the rating household sees of its own rating: all of it, marked when held or removed. */
export const myRatingView = (r: RatingDoc, viewer: string, raterLeft = false): MyRatingView => ({
  ...anonymousRatingView(r, 'household'),
  edits: r.edits,
  ratedByMe: r.raterOpenid === viewer,
  ...(raterLeft ? { raterLeft: true } : {}),
})

/**
 * Events name company staff; the resident is always "居民". The comment it copies (and the opening event
 * that repeats it) is the placeholder while the rating's comment is held or removed, except to the household.
 */
export function rectificationView(r: RectificationDoc, now: Date, viewer: Viewer = 'others'): RectificationView {
  const state = stateOf({ hidden: r.hidden, moderation: r.moderation })
  const blank = state && viewer !== 'household' ? HIDDEN_TEXT[state] : undefined
  return {
    id: r._id,
    ratingId: r.ratingId,
    periodId: r.periodId,
    companyId: r.companyId,
    companyName: r.companyName,
    estateName: r.estateName,
    lowDimensions: r.lowDims,
    comment: blank ?? r.comment,
    status: r.status,
    answerDueAt: iso(r.answerDueAt)!,
    dueAt: iso(r.dueAt)!,
    overdue: isOverdueUnanswered(r, now),
    reopenCount: r.reopenCount,
    events: r.events.map((e) => ({
      kind: e.kind,
      text: blank && e.kind === 'opened' ? blank : e.text,
      byName: e.byName,
      at: iso(e.at)!,
    })),
    createdAt: iso(r.createdAt)!,
    ...(state ? { moderation: state } : {}),
  }
}

export const assessmentView = (a: AssessmentDoc): AssessmentView => ({
  id: a._id,
  periodId: a.periodId,
  communityId: a.communityId,
  communityName: a.communityName,
  companyId: a.companyId,
  companyName: a.companyName,
  direction: a.direction,
  score: a.score,
  comment: a.comment,
  byName: a.byName,
  at: iso(a.at)!,
  revisions: a.revisions,
})

export const objectionView = (o: ObjectionDoc): ObjectionView => ({
  id: o._id,
  periodId: o.periodId,
  companyId: o.companyId,
  companyName: o.companyName,
  text: o.text,
  status: o.status,
  byName: o.byName,
  at: iso(o.createdAt)!,
  decision: o.decision,
  decidedByName: o.decidedByName,
  decidedAt: iso(o.decidedAt),
  effect: o.effect,
  excluded: o.status === 'upheld' ? (o.excludedRatingIds?.length ?? 0) : undefined,
})

export const effectView = (e: EffectDoc): ObjectionEffectView => ({
  objectionId: e.objectionId,
  companyId: e.companyId,
  kind: e.kind,
  text: e.text,
  excluded: e.excluded,
  decidedAt: iso(e.decidedAt)!,
})

/** A company's upheld objections in a list (none when the list predates them). */
export const effectsOf = (effects: EffectDoc[] | undefined, companyId: string): ObjectionEffectView[] =>
  (effects ?? []).filter((e) => e.companyId === companyId).map(effectView)

/**
 * The computed entries with each company's upheld objections and its 红色物业 as gathered (or frozen)
 * beside them — not part of the computed list. Lists frozen before 红色物业 was recorded show none.
 */
export const withEffects = (
  entries: ListEntry[],
  effects: EffectDoc[] | undefined,
  inputs: CompanyInputs[] = [],
): ListEntry[] =>
  entries.map((e) => {
    const partyOrg = inputs.find((i) => i.companyId === e.companyId)?.partyOrg
    return { ...e, effects: effectsOf(effects, e.companyId), ...(partyOrg ? { partyOrg } : {}) }
  })

/** The estates each company served, from the inputs gathered (or frozen) for a list. */
export const servedOf = (inputs: CompanyInputs[]): ServedEstates =>
  inputs.map((i) => ({ companyId: i.companyId, estates: i.estates ?? [] }))

export const publicationView = (p: PublicationDoc): PublicationView => ({
  id: p._id,
  streetId: p.streetId,
  periodId: p.periodId,
  periodLabel: p.periodLabel,
  version: p.version,
  ruleVersion: p.ruleVersion,
  streetMean: p.streetMean,
  entries: withEffects(p.entries, p.effects, p.inputs),
  served: servedOf(p.inputs),
  publishedAt: iso(p.publishedAt)!,
  publishedByName: p.publishedByName,
  supersededAt: iso(p.supersededAt),
})

export const summonsView = (s: SummonsDoc): SummonsView => ({
  id: s._id,
  periodId: s.periodId,
  periodLabel: s.periodLabel,
  companyId: s.companyId,
  companyName: s.companyName,
  date: s.date,
  attendees: s.attendees,
  problems: s.problems,
  commitments: s.commitments,
  followUpDate: s.followUpDate,
  followUps: s.followUps.map((f) => ({ text: f.text, byName: f.byName, at: iso(f.at)! })),
  byName: s.byName,
  createdAt: iso(s.createdAt)!,
})

/** 核算数据 of a published list: what anyone needs to recompute it (docs/property.md, docs/recompute-list.mjs). */
export function listInputsOf(p: PublicationDoc): ListInputsView {
  return {
    format: LIST_INPUTS_FORMAT,
    publicationId: p._id,
    streetId: p.streetId,
    periodId: p.periodId,
    periodLabel: p.periodLabel,
    periodStart: iso(p.periodStart)!,
    periodEnd: iso(p.periodEnd)!,
    version: p.version,
    publishedAt: iso(p.publishedAt)!,
    cutoff: iso(p.cutoff)!,
    ruleVersion: p.ruleVersion,
    rule: p.rule,
    dimensions: [...DIMENSIONS],
    inputs: p.inputs,
    effects: (p.effects ?? []).map(effectView),
    published: { streetMean: p.streetMean, entries: withEffects(p.entries, p.effects) },
  }
}

export const redPropertyView = (o: PartyOrgDoc): RedPropertyView => ({
  companyId: o.companyId,
  companyName: o.companyName,
  kind: o.kind,
  coverage: coverageOf(o.kind),
  branchName: o.branchName,
  staffMembers: o.staffMembers,
  onSiteMembers: o.onSiteMembers,
  instructorName: o.instructorName,
  committeeMembers: o.committeeMembers,
  version: o.version,
  verified: o.verified,
  declaredAt: iso(o.declaredAt)!,
  declaredByName: o.declaredByName,
  verifiedAt: iso(o.verifiedAt),
  verifiedByName: o.verifiedByName,
})
